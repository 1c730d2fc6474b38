"""Golden files: everything the generator makes from the two-practice catalogue of
test_pages.py, compared byte for byte with the copies committed under tests/golden/.

- golden/pages/<path>: every page as `pages.pages` and `extra_pages.pages` give it
  to the mkdocs hook (Markdown with raw HTML, and the form's JSON definition).
- golden/data/<path>: every file `write_datapackages` writes. A zip is compared by
  its member listing (name, size, SHA-256 of the bytes, in archive order) in
  <name>.zip.members.txt: a diff of a listing says which member changed. Every
  member of the catalogue's zip is also a loose golden file beside it, whose diff
  shows the change itself; a practice's zip holds that practice's rows of the
  same tables.

A change in what the generator writes shows as a diff here; when the change is
intended, regenerate the files and commit them with it:

    UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

(see golden/README.md). An environment variable rather than a pytest option,
because an option needs a hook in tests/conftest.py.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import zipfile
from pathlib import Path

import pytest
from test_pages import montferland, venlo, write_catalog

from generator.catalog.check import check_catalog
from generator.opendata.datapackage import write_datapackages
from generator.paths import SCHEMA_DIR
from generator.website import extra_pages, pages

GOLDEN = Path(__file__).parent / "golden"
OWN_FILES = {"README.md", ".gitattributes"}  # in GOLDEN itself: about the golden files, not golden
UPDATING = os.environ.get("UPDATE_GOLDEN") == "1"
REGENERATE = "UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py"
DIFF_LINES = 60


def golden_paths() -> list[str]:
    """The committed golden files, as paths relative to GOLDEN."""
    found = (path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*") if path.is_file())
    return sorted(path for path in found if path not in OWN_FILES)


def zip_listing(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        lines = [f"{hashlib.sha256(archive.read(info)).hexdigest()}  {info.file_size:>8}  {info.filename}\n"
                 for info in archive.infolist()]
    return "".join(lines).encode("utf-8")


@pytest.fixture(scope="module")
def produced(tmp_path_factory) -> dict[str, bytes]:
    """{path under GOLDEN: bytes} of everything the generator makes from the mini catalogue."""
    folder = tmp_path_factory.mktemp("golden")
    result = check_catalog(write_catalog(folder, [venlo(), montferland()]), SCHEMA_DIR)
    assert not result.has_errors, [(p.code, p.params) for p in result.problems]
    catalog = result.catalog
    site = {**pages.pages(catalog), **extra_pages.pages(catalog)}
    out = {f"pages/{path}": text.encode("utf-8") for path, text in site.items()}
    data = folder / "data"
    write_datapackages(catalog, data)
    for file in sorted(data.rglob("*")):
        name = file.relative_to(data).as_posix()
        if file.suffix == ".zip":
            out[f"data/{name}.members.txt"] = zip_listing(file)
        elif file.is_file():
            out[f"data/{name}"] = file.read_bytes()
    return out


def write_golden(produced: dict[str, bytes]) -> None:
    for stale in set(golden_paths()) - set(produced):
        (GOLDEN / stale).unlink()
    for path, data in produced.items():
        target = GOLDEN / path
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    for folder in sorted((p for p in GOLDEN.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


def test_golden_files_are_the_generated_files(produced):
    if UPDATING:
        write_golden(produced)
        return
    missing = sorted(set(produced) - set(golden_paths()))
    stale = sorted(set(golden_paths()) - set(produced))
    if missing or stale:
        pytest.fail(f"generated but without a golden file: {missing}; golden but no longer generated: {stale}. "
                    f"If that is intended, regenerate: {REGENERATE}", pytrace=False)


def test_every_kind_of_page_and_data_file_has_a_golden_file(produced):
    for path in ("pages/index.md", "pages/voorbeelden/venlo-werkt.md", "pages/voorbeelden/index.md",
                 "pages/instrumenten/werkervaringsplaats.md", "pages/instrumenten/index.md",
                 "pages/thema/reintegration.md", "pages/thema/index.md", "pages/doelgroep/young-people.md",
                 "pages/plaats/PV25.md", "pages/plaats/index.md", "pages/status/running.md",
                 "pages/bewijs/index.md", "pages/indicator/persons-into-work.md", "pages/indicator/index.md",
                 "pages/bronnen.md", "pages/downloads.md", "pages/bijdragen.md", "pages/bijdragen/velden.md",
                 "pages/assets/form-spec.json",
                 "data/datapackage.json", "data/practices.csv", "data/metrics.csv", "data/practices.json",
                 "data/codebook.md", "data/catalog.jsonld", "data/CITATION.cff",
                 "data/schema/practice.schema.json", "data/praktijkvoorbeelden-werk.zip.members.txt",
                 "data/practices/venlo-werkt.json", "data/practices/venlo-werkt.zip.members.txt"):
        assert path in produced, path


@pytest.mark.parametrize("path", golden_paths())
def test_output_matches_its_golden_file(produced, path):
    if UPDATING:
        pytest.skip("golden files rewritten")
    if path not in produced:
        pytest.fail(f"{path} is no longer generated; regenerate: {REGENERATE}", pytrace=False)
    expected, actual = (GOLDEN / path).read_bytes(), produced[path]
    if actual != expected:
        pytest.fail(f"{path} differs from tests/golden/{path}:\n{shown_diff(expected, actual, path)}\n"
                    f"If the change is intended, regenerate the golden files and commit them: {REGENERATE}",
                    pytrace=False)


def shown_diff(expected: bytes, actual: bytes, path: str) -> str:
    """The first DIFF_LINES lines of a unified diff, golden file first."""
    try:
        old, new = expected.decode("utf-8"), actual.decode("utf-8")
    except UnicodeDecodeError:
        return f"(binary: {len(expected)} bytes in the golden file, {len(actual)} generated)"
    if path.endswith(".json") and old.count("\n") <= 1:
        # Compact JSON is one line: indent both so the diff shows the key that changed.
        old, new = (_indented(text) for text in (old, new))
    lines = list(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                      f"golden/{path}", f"generated/{path}"))
    if not lines:  # the same lines: the difference is in the line endings
        return "(only line endings differ)"
    more = f"... {len(lines) - DIFF_LINES} more diff lines\n" if len(lines) > DIFF_LINES else ""
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines[:DIFF_LINES]) + more


def _indented(text: str) -> str:
    try:
        return json.dumps(json.loads(text), indent=1, ensure_ascii=False) + "\n"
    except ValueError:
        return text
