"""Every version stays downloadable (generator/opendata/versions.py): the build publishes each
earlier release's zip, and every file in it, byte for byte at data/<version>/, the version it
builds at data/<its version>/ unless that was released already, and the downloads page lists
them all. The releases are made here from the two-practice catalogue of test_pages.py, as the
release workflow makes them: a data build of the catalogue at that version."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml
from test_pages import montferland, venlo, write_catalog

from generator import build as build_module
from generator.catalog.check import check_catalog
from generator.opendata.datapackage import write_datapackages
from generator.opendata.versions import ReleaseError, Version, read_releases
from generator.paths import SCHEMA_DIR
from generator.website.downloads_versions import versions_markdown

NAME = "praktijkvoorbeelden-werk.zip"


def make_release(folder: Path, version: str, released: str, practices: list[dict]) -> Path:
    """releases/v<version>/<name>.zip under folder: the catalogue's zip as a release carries it."""
    catalog_dir = write_catalog(folder / f"catalog-{version}", practices)
    dataset_file = catalog_dir / "dataset.yaml"
    dataset = yaml.safe_load(dataset_file.read_text(encoding="utf-8"))
    text = dataset_file.read_text(encoding="utf-8")
    text = text.replace(f"version: {dataset['version']}", f"version: {version}")
    dataset_file.write_text(text.replace(f'released: "{dataset["released"]}"', f'released: "{released}"'),
                            encoding="utf-8")
    result = check_catalog(catalog_dir, SCHEMA_DIR)
    assert not result.has_errors
    write_datapackages(result.catalog, folder / f"data-{version}")
    target = folder / "releases" / f"v{version}"
    target.mkdir(parents=True)
    (target / NAME).write_bytes((folder / f"data-{version}" / NAME).read_bytes())
    return target / NAME


@pytest.fixture(scope="module")
def current(tmp_path_factory) -> dict:
    return yaml.safe_load((write_catalog(tmp_path_factory.mktemp("dataset"), []) / "dataset.yaml")
                          .read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory, current) -> tuple[Path, Path, Path, Path]:
    """A data build of the two-practice catalogue, given an earlier release and a release of
    its own version made from other records (so that its bytes differ from this build's)."""
    folder = tmp_path_factory.mktemp("versions")
    earlier = make_release(folder, "0.0.9", "2026-01-15", [venlo(), montferland()])
    changed = venlo() | {"summary": "Venlo geeft jongeren werk in plaats van een uitkering."}
    own = make_release(folder, current["version"], current["released"], [changed, montferland()])
    catalog_dir = write_catalog(folder / "now", [venlo(), montferland()])
    out = folder / "public"
    assert not build_module.build(out, catalog_dir=catalog_dir, site=False, releases=folder / "releases").has_errors
    return out / "data", earlier, own, folder / "releases"


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {entry.filename: archive.read(entry) for entry in archive.infolist()}


def test_an_earlier_release_is_published_byte_for_byte_at_its_version(built):
    data, earlier, _, _ = built
    folder = data / "0.0.9"
    assert (folder / NAME).read_bytes() == earlier.read_bytes()
    members = _members(earlier)
    assert {"datapackage.json", "practices.csv", "CITATION.cff", "schema/practice.schema.json"} <= set(members)
    for name, content in members.items():
        assert (folder / name).read_bytes() == content, name
    published = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    assert published == set(members) | {NAME}


def test_a_released_version_keeps_its_released_files_not_the_newer_build(built, current):
    data, _, own, _ = built
    assert (data / current["version"] / NAME).read_bytes() == own.read_bytes()
    assert (data / NAME).read_bytes() != own.read_bytes()  # data/ is the newest build
    assert (data / current["version"] / "practices.csv").read_bytes() == _members(own)["practices.csv"]


def test_the_version_being_built_gets_its_own_folder_when_it_was_not_released(tmp_path, current):
    catalog_dir = write_catalog(tmp_path, [venlo(), montferland()])
    assert not build_module.build(tmp_path / "out", catalog_dir=catalog_dir, site=False).has_errors
    data = tmp_path / "out" / "data"
    assert (data / current["version"] / NAME).read_bytes() == (data / NAME).read_bytes()
    assert (data / current["version"] / "datapackage.json").read_bytes() == (data / "datapackage.json").read_bytes()


def test_releases_are_read_newest_first_with_size_date_and_checksum(built):
    _, earlier, own, releases = built
    found = read_releases(releases, NAME)
    assert [(version.version, version.released, path) for version, path in found] == [
        ("0.1.0", "2026-11-23", own), ("0.0.9", "2026-01-15", earlier)]
    assert found[1][0].zip_bytes == len(earlier.read_bytes()) and len(found[1][0].zip_sha256) == 64
    assert all(version.from_release for version, _ in found)


def test_a_release_whose_package_names_another_version_is_refused(built, tmp_path):
    _, earlier, _, _ = built
    (tmp_path / "v0.0.8").mkdir()
    (tmp_path / "v0.0.8" / NAME).write_bytes(earlier.read_bytes())
    with pytest.raises(ReleaseError, match="0.0.9.*0.0.8"):
        read_releases(tmp_path, NAME)


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil.txt"])
def test_a_zip_with_a_path_outside_its_folder_is_refused(tmp_path, current, name):
    catalog_dir = write_catalog(tmp_path / "c", [venlo(), montferland()])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("datapackage.json", '{"version": "0.0.7", "created": "2026-01-01T00:00:00Z"}')
        archive.writestr(name, "x")
    (tmp_path / "r" / "v0.0.7").mkdir(parents=True)
    (tmp_path / "r" / "v0.0.7" / NAME).write_bytes(buffer.getvalue())
    with pytest.raises(ReleaseError, match="onveilige"):
        build_module.build(tmp_path / "out", catalog_dir=catalog_dir, site=False, releases=tmp_path / "r")
    assert not (tmp_path / "out").exists() and not (tmp_path / "evil.txt").exists()


def test_the_downloads_page_lists_every_version_with_its_date_files_and_changes(current):
    changelog = ("# Log\n\n## [Unreleased]\n\n### Added\n\n- soon\n\n"
                 f"## [{current['version']}] - {current['released']}\n\n### Added\n\n- now\n\n"
                 "## [0.0.9] - 2026-01-15\n\n### Corrected\n\n- then\n")
    earlier = Version("0.0.9", "2026-01-15", NAME, 1_234_567, "ab" * 32, True)
    page = versions_markdown(current, [earlier], changelog)
    newest, older = page.index(f"### Versie {current['version']}"), page.index("### Versie 0.0.9")
    assert page.index("Wijzigingen die nog niet zijn uitgebracht") < page.index("- soon") < newest < older
    assert f'href="../data/0.0.9/{NAME}">{NAME}</a> (1,2 MB)' in page
    assert 'href="../data/0.0.9/datapackage.json"' in page and f'href="../data/{current["version"]}/{NAME}"' in page
    assert "Uitgebracht op 15 januari 2026" in page and "/releases/tag/v0.0.9" in page
    assert page.index("- then") > older and page.index("- now") < older and "#### Verbeterd" in page
