"""The locked install: what `make build` and `make test` put in .venv is exactly uv.lock."""

import re
import tomllib
from importlib import metadata

from packaging.utils import canonicalize_name

from generator.paths import ROOT

LOCK = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = canonicalize_name(PYPROJECT["project"]["name"])


def locked() -> dict[str, list[str]]:
    """name -> the versions uv.lock allows (one, or one per Python/platform marker)."""
    versions: dict[str, list[str]] = {}
    for package in LOCK["package"]:
        versions.setdefault(canonicalize_name(package["name"]), []).append(package["version"])
    return versions


def test_every_installed_distribution_is_the_locked_version():
    allowed = locked()
    for dist in metadata.distributions():
        name = canonicalize_name(dist.metadata["Name"])
        if name in (PROJECT, "pip", "setuptools"):  # the project itself; venv's own installer
            continue
        assert name in allowed, f"{name} is installed but not in uv.lock"
        assert dist.version in allowed[name], f"{name} {dist.version} is installed; uv.lock has {allowed[name]}"


def test_every_locked_file_has_a_hash():
    for package in LOCK["package"]:
        if package["name"] == PYPROJECT["project"]["name"]:
            continue
        files = package.get("wheels", []) + ([package["sdist"]] if "sdist" in package else [])
        assert files and all(re.fullmatch(r"sha256:[0-9a-f]{64}", f["hash"]) for f in files), package["name"]


def test_the_build_backend_is_pinned_exactly_and_locked_alike():
    (backend,) = PYPROJECT["build-system"]["requires"]
    name, version = backend.split("==")
    assert version in locked()[canonicalize_name(name)]  # the test extra builds wheels with it
    constraints = dict(c.split("==") for c in PYPROJECT["tool"]["uv"]["build-constraint-dependencies"])
    assert constraints[name] == version
