"""Rules on the shared files (sources, places) and on the codelists, tested on
a copy of the real catalogue with one thing broken at a time."""

import shutil
from pathlib import Path

import pytest

from generator.check import check_catalog
from generator.paths import CATALOG_DIR, SCHEMA_DIR


@pytest.fixture
def catalog(tmp_path) -> Path:
    copy = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, copy)
    return copy


def found(catalog: Path, schema_dir: Path = SCHEMA_DIR):
    return [(Path(p.file).name, p.line, p.code, p.field) for p in check_catalog(catalog, schema_dir).problems]


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").split("\n").index(text) + 1


def test_duplicate_source_id(catalog):
    sources = catalog / "sources.yaml"
    sources.write_text(sources.read_text() + "  - id: thinkpublic-sociale-innovatie\n    title: Dubbel\n"
                       "    publisher: Uitgever\n    type: article\n    language: nl\n")
    line = len(sources.read_text().split("\n")) - 5
    assert ("sources.yaml", line, "id-duplicate", f"sources[5].id") in found(catalog)


def test_unused_source_is_a_warning(catalog):
    sources = catalog / "sources.yaml"
    sources.write_text(sources.read_text() + "  - id: nergens-gebruikt\n    title: Ongebruikt\n"
                       "    publisher: Uitgever\n    type: article\n    language: nl\n")
    problems = check_catalog(catalog)
    assert [(p.code, p.severity) for p in problems.problems] == [("orphan-source", "warning")]
    assert problems.catalog is not None  # warnings do not stop the build


def test_place_with_unknown_province(catalog):
    places = catalog / "places.yaml"
    text = places.read_text()
    places.write_text(text.replace("    province: PV31\n", "    province: PV99\n", 1))
    line = line_of(places, "    province: PV99")
    assert ("places.yaml", line, "unresolved-place", "places[3].province") in found(catalog)


def test_metric_unit_must_match_its_indicator(catalog):
    venlo = catalog / "practices" / "venlo-re-inspiratie.yaml"
    venlo.write_text(venlo.read_text().replace("    unit: hours\n", "    unit: years\n"))
    line = line_of(venlo, "    unit: years")
    assert found(catalog) == [("venlo-re-inspiratie.yaml", line, "unit-mismatch", "metrics[3].unit")]


def test_broken_codelist_is_reported_with_its_line(tmp_path, catalog):
    schema = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, schema)
    theme = schema / "codelists" / "theme.csv"
    theme.write_text(theme.read_text() + "reintegration,Dubbel,Double,Twee keer dezelfde code\n")
    problems = found(catalog, schema)
    assert len(problems) == 1
    name, line, code, _ = problems[0]
    assert (name, code) == ("theme.csv", "codelist-invalid")
    assert line == len(theme.read_text().splitlines())


def test_a_broken_file_does_not_stop_the_others(catalog):
    (catalog / "practices" / "kapot.yaml").write_text("id: kapot\ntitle: [\n")
    venlo = catalog / "practices" / "venlo-re-inspiratie.yaml"
    venlo.write_text(venlo.read_text().replace("themes: [reintegration,", "themes: [reintegratie,"))
    names = {name for name, *_ in found(catalog)}
    assert {"kapot.yaml", "venlo-re-inspiratie.yaml"} <= names
