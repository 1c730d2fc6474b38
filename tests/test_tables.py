"""generator.opendata.tables: table definitions derived from the schemas, and a lossless round trip.

The round trip (records -> rows -> records) runs over the real catalogue and
over a synthetic catalogue in which every column of every table holds a value
somewhere, so no field can be dropped or mangled unnoticed.
"""

from __future__ import annotations

import json
import shutil
import sys

import pytest

from generator.catalog.check import check_catalog
from generator.catalog.codelists import read_codelists
from generator.catalog.schemas import Schema, bundle, read_schemas
from generator.opendata import cells, tables
from generator.opendata.codebook import codebook_markdown
from generator.opendata.rows import catalog_rows, records_by_kind, records_from_rows
from generator.paths import ROOT, SCHEMA_DIR

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import make_catalog  # noqa: E402

SCHEMA = Schema.read(SCHEMA_DIR)  # the repository's schema, read once per test module

KIND_SCHEMAS = {kind: spec.record_schema for kind, spec in tables.KINDS.items()}


@pytest.fixture(scope="module")
def synthetic_catalog(tmp_path_factory):
    result = check_catalog(make_catalog(12, tmp_path_factory.mktemp("synthetic")))
    assert not result.has_errors, result.problems[:3]
    return result.catalog


def _records(catalog) -> dict:
    return {kind: dict(records) for kind, records in records_by_kind(catalog).items()}


# ---------------------------------------------------------------- derived from the schemas


def _leaf_paths(schema: dict, root: dict, path: tuple = ()) -> set[tuple]:
    """Every value position in a bundled JSON Schema; "[]" marks an array's items."""
    while "$ref" in schema:
        target = root
        for step in [s for s in schema["$ref"].lstrip("#").split("/") if s]:
            target = target[step]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    if schema.get("type") == "object":
        return set().union(*(_leaf_paths(child, root, path + (name,))
                             for name, child in schema["properties"].items()))
    if schema.get("type") == "array":
        return _leaf_paths(schema["items"], root, path + ("[]",))
    return {path}


def _column_paths(kind: str) -> set[tuple]:
    paths = set()
    for t in tables.tables(SCHEMA):
        if t.kind != kind:
            continue
        if t.is_records:
            paths |= {c.path for c in t.columns}
        elif t.value:
            paths.add(t.at + ("[]",))
        else:
            paths |= {t.at + ("[]",) + c.path for c in t.columns[2:]}
    return paths


@pytest.mark.parametrize("kind", sorted(KIND_SCHEMAS))
def test_every_schema_field_has_exactly_one_column(kind):
    schema = bundle(read_schemas(SCHEMA_DIR), KIND_SCHEMAS[kind])
    assert _column_paths(kind) == _leaf_paths(schema, schema)


def test_the_tables_the_issue_names_exist():
    names = {t.name for t in tables.tables(SCHEMA)}
    assert {"practices", "metrics", "costs", "sources", "practice_sources", "instruments",
            "practice_instruments", "places", "practice_places", "organisations", "practice_themes",
            "practice_target_groups", "related_practices"} <= names
    assert {f"codelist_{name}" for name in read_codelists(SCHEMA_DIR / "codelists")} <= names
    assert "locator" in [c.name for c in tables.table("practice_sources", SCHEMA).columns]


def test_types_required_and_keys_come_from_the_schemas():
    metrics = {c.name: c for c in tables.table("metrics", SCHEMA).columns}
    assert (metrics["value"].type, metrics["value"].required) == ("number", True)
    assert (metrics["comparison_value"].type, metrics["comparison_value"].required) == ("number", False)
    assert metrics["note"].constraints == {"minLength": 2, "maxLength": 1000}
    assert metrics["comparison_source"].reference == "sources"
    costs = {c.name: c for c in tables.table("costs", SCHEMA).columns}
    assert costs["part_of"].type == "integer" and costs["vat"].constraints["enum"] == ["incl", "excl"]
    practices = {c.name: c for c in tables.table("practices", SCHEMA).columns}
    assert practices["record_added"].type == "date" and practices["evidence_level"].required
    assert tables.table("metrics", SCHEMA).primary_key == ["practice_id", "position"]
    assert tables.table("codelist_unit", SCHEMA).primary_key == ["code"]


def test_enums_and_code_references_come_from_the_codelists():
    codelists = read_codelists(SCHEMA_DIR / "codelists")
    for t in tables.tables(SCHEMA):
        for column in t.columns:
            if column.codelist and t.kind != "codelist":
                assert column.constraints["enum"] == [row["code"] for row in codelists[column.codelist]]
                assert column.reference == f"codelist_{column.codelist}"


def test_every_field_is_described_and_every_reference_resolves():
    names = {t.name for t in tables.tables(SCHEMA)}
    for t in tables.tables(SCHEMA):
        schema = t.schema()
        assert t.description_nl and t.description_en
        for field in schema["fields"]:
            assert field["description"].strip(), (t.name, field["name"])
        for key in schema.get("foreignKeys", []):
            assert key["reference"].get("resource", t.name) in names
        assert set(schema["primaryKey"]) <= {f["name"] for f in schema["fields"]}


def test_a_schema_the_tables_cannot_hold_is_refused(tmp_path):
    schema_dir = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, schema_dir)
    metric_file = schema_dir / "metric.schema.json"
    metric = json.loads(metric_file.read_text(encoding="utf-8"))
    metric["properties"]["tags"] = {"type": "array", "items": {"type": "string"}}
    metric_file.write_text(json.dumps(metric), encoding="utf-8")
    with pytest.raises(tables.TableShapeError, match="tags"):
        tables.tables(Schema.read(schema_dir))

    metric["properties"].pop("tags")
    metric["properties"]["extra"] = {"type": "object", "properties": {"a": {"type": "string"}}}
    metric_file.write_text(json.dumps(metric), encoding="utf-8")
    with pytest.raises(tables.TableShapeError, match="may be empty"):
        tables.tables(Schema.read(schema_dir))


# ---------------------------------------------------------------- lossless


def test_real_catalogue_round_trips(real_catalog):
    rows = catalog_rows(real_catalog)
    assert records_from_rows(rows, SCHEMA) == _records(real_catalog)


def test_every_column_is_exercised_by_the_synthetic_catalogue(synthetic_catalog):
    rows = catalog_rows(synthetic_catalog)
    empty = [(t.name, c.name) for t in tables.tables(SCHEMA) for i, c in enumerate(t.columns)
             if not any(row[i] is not None for row in rows[t.name])]
    assert empty == []


def test_synthetic_catalogue_with_every_field_round_trips(synthetic_catalog):
    rows = catalog_rows(synthetic_catalog)
    assert records_from_rows(rows, SCHEMA) == _records(synthetic_catalog)


def test_round_trip_through_csv_text(synthetic_catalog):
    rows = catalog_rows(synthetic_catalog)
    for t in tables.tables(SCHEMA):
        assert cells.read_csv(t, cells.csv_text(t, rows[t.name])) == rows[t.name], t.name


@pytest.mark.parametrize("value, text", [
    (None, ""), (True, "true"), (False, "false"), (7, "7"), (-26, "-26"), (7.0, "7.0"),
    (0.1, "0.1"), (-0.5, "-0.5"), (1e20, "1e+20"), (12345678901234567890, "12345678901234567890"),
])
def test_numbers_are_written_exactly_and_read_back_with_their_type(value, text):
    column = tables.Column("x", ("x",), "boolean" if isinstance(value, bool) else "number", False, "", "")
    assert cells.format_cell(value) == text
    back = cells.parse_cell(column, text)
    assert back == value and type(back) is type(value)


def test_text_with_separators_quotes_and_line_breaks_survives_csv():
    t = tables.table("practice_obstacles", SCHEMA)
    rows = [("a", 1, 'Komma, "aanhalingstekens"\nen een nieuwe regel'), ("a", 2, " spaties ")]
    assert cells.read_csv(t, cells.csv_text(t, rows)) == rows


def test_rows_are_sorted_by_key(synthetic_catalog):
    rows = catalog_rows(synthetic_catalog)
    for t in tables.tables(SCHEMA):
        if t.kind != "codelist":
            keys = [row[: len(t.primary_key)] for row in rows[t.name]]
            assert keys == sorted(keys), t.name


# ---------------------------------------------------------------- codebook


def test_codebook_documents_every_table_and_field_in_dutch():
    text = codebook_markdown(SCHEMA, "nl")
    assert text.startswith("## Tabellen en velden")
    for t in tables.tables(SCHEMA):
        section = text.split(f"### Tabel `{t.name}`\n", 1)[1].split("\n### ", 1)[0]
        for column in t.columns:
            assert f"| `{column.name}` |" in section, (t.name, column.name)
    assert "Codes uit codelijst `status`" in text
    assert "Stand van zaken volgens de bron." in text  # the Dutch description, not the English one
    assert "### Codelijst `evidence_level`" in text


def test_codebook_in_english():
    text = codebook_markdown(SCHEMA, "en")
    assert text.startswith("## Tables and fields") and "### Table `metrics`" in text
    assert "Status according to the source." in text
