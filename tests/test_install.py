"""The package as a user installs it: the built wheel, in a fresh virtual environment,
run on a copy of the catalogue outside the repository.

No network: the wheel is installed with --no-deps --no-index, and its dependencies
are those of the test environment (the locked ones), added to the fresh
environment's path by a .pth file. The repository itself is not on that path, so
every file the tool reads must come from the wheel.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from generator.paths import ROOT

pytestmark = pytest.mark.slow

# The installed tool runs without the caller's PYTHONPATH: a PYTHONPATH pointing at a
# checkout would let it import the repository instead of the wheel.
ISOLATED = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # hatchling's PEP 517 hook, from the locked test environment (no isolated build, no download)
    code = f"from hatchling.build import build_wheel; print(build_wheel({str(out)!r}))"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
    return next(out.glob("*.whl"))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """bin/ of a fresh virtual environment with the wheel installed."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / "bin"
    subprocess.run([bin_dir / "python", "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--disable-pip-version-check", str(wheel)], check=True, env=ISOLATED)
    purelib = subprocess.run([bin_dir / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    (Path(purelib) / "locked-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return bin_dir


@pytest.fixture
def project(tmp_path) -> Path:
    """A folder outside the repository with a copy of the catalogue and nothing else."""
    shutil.copytree(ROOT / "catalog", tmp_path / "catalog")
    return tmp_path


def test_the_wheel_carries_what_the_tool_reads_at_run_time(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("generator/project/schema/practice.schema.json", "generator/project/schema/codelists/theme.csv",
                   "generator/project/mkdocs.yml", "generator/project/site/overrides/main.html",
                   "generator/project/site/docs/zoeken.md", "generator/project/CHANGELOG.md",
                   "generator/project/CONTRIBUTING.md", "generator/website/mkdocs/hook.py"):
        assert needed in names
    assert not any(name.startswith(("catalog/", "tests/", "generator/project/catalog/")) for name in names)


def test_the_installed_tool_reads_only_the_wheel(installed, project):
    found = subprocess.run([installed / "python", "-c", "import generator.paths as p; print(p.ROOT)"],
                           cwd=project, check=True, capture_output=True, text=True, env=ISOLATED).stdout.strip()
    assert Path(found).is_relative_to(installed.parent) and Path(found).name == "project"


def test_the_installed_tool_validates_and_builds_a_catalogue_outside_the_repository(installed, project):
    tool = str(installed / "praktijkvoorbeelden")
    checked = subprocess.run([tool, "validate"], cwd=project / "catalog", capture_output=True, text=True,
                             env=ISOLATED)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Alles in orde" in checked.stdout
    built = subprocess.run([tool, "build"], cwd=project, capture_output=True, text=True, env=ISOLATED)
    assert built.returncode == 0, built.stdout + built.stderr
    site = project / "public"
    assert (site / "index.html").is_file() and (site / "voorbeelden" / "venlo-re-inspiratie" / "index.html").is_file()
    assert (site / "data" / "datapackage.json").is_file() and (site / "data" / "CHANGELOG.md").is_file()
    assert (site / "pagefind" / "pagefind.js").is_file()
    practice = (site / "voorbeelden" / "venlo-re-inspiratie" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in practice  # put there by the theme overrides (site/overrides/main.html)
