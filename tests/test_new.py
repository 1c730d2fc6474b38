"""`python -m generator new`: a template whose only problems are its placeholders."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from generator import cli
from generator.catalog.check import check_catalog, display
from generator.catalog.load import load_text
from generator.catalog.schemas import Schema
from generator.paths import CATALOG_DIR, SCHEMA_DIR
from generator.tools import new

SCHEMA = Schema.read(SCHEMA_DIR)  # the repository's schema, read once per test module

TODAY = dt.date(2026, 11, 24)

# field -> (the line that holds its placeholder, the problem the checker must report there)
PLACEHOLDERS = {
    "title": ('title: ""', "schema-min-length"),
    "summary": ('summary: ""', "schema-min-length"),
    "status": ("status: vul-in", "unknown-code"),
    "scope": ("scope: vul-in", "unknown-code"),
    "places": ("places: []", "schema-min-items"),
    "themes": ("themes: []", "schema-min-items"),
    "target_groups": ("target_groups: []", "schema-min-items"),
    "evidence.level": ("  level: vul-in", "unknown-code"),
    "evidence.claimed_by": ('  claimed_by: ""', "schema-min-length"),
    "sources[0].source": ("  - source: vul-in", "unresolved-source"),
    "sources[0].locator": ('    locator: ""', "schema-min-length"),
    "record.contributors": ("  contributors: []", "schema-min-items"),
}

# What a contributor fills in for each placeholder line.
FILLED = {
    'title: ""': 'title: "Voorbeeldstad: werk voor jongeren"',
    'summary: ""': "summary: Voorbeeldstad helpt jongeren aan werk met een vaste coach en een baan bij de gemeente.",
    "status: vul-in": "status: running",
    "scope: vul-in": "scope: municipality",
    "places: []": "places: [GM0983]",
    "themes: []": "themes: [youth-unemployment]",
    "target_groups: []": "target_groups: [young-people]",
    "  level: vul-in": "  level: claim",
    '  claimed_by: ""': "  claimed_by: De wethouder in een interview",
    "  - source: vul-in": "  - source: lokaal-bestuur-2014-het-werkt",
    '    locator: ""': '    locator: "Het werkt! 7"',
    "  contributors: []": "  contributors: [Redactie]",
}


def write_new(tmp_path, ident="voorbeeldstad-jongeren", **given):
    catalog = tmp_path / "catalog"
    (catalog / "practices").mkdir(parents=True, exist_ok=True)
    return new.write(ident, today=TODAY, catalog_dir=catalog, **given)


def problems_of(path):
    result = check_catalog(CATALOG_DIR, SCHEMA_DIR, extra=[path])
    return [p for p in result.problems if p.file == display(path)]


def line_of(text: str, wanted: str) -> int:
    return text.splitlines().index(wanted) + 1


def test_the_only_problems_are_the_placeholders_each_on_its_own_line(tmp_path):
    path = write_new(tmp_path)
    text = path.read_text(encoding="utf-8")
    found = sorted((p.field, p.code, p.line) for p in problems_of(path))
    expected = sorted((field, code, line_of(text, line)) for field, (line, code) in PLACEHOLDERS.items())
    assert found == expected


def test_filling_in_the_placeholders_gives_a_record_without_problems(tmp_path):
    path = write_new(tmp_path)
    lines = [FILLED.get(line, line) for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert problems_of(path) == []
    assert load_text(path.read_text(encoding="utf-8"), "x").data["record"] == {
        "added": "2026-11-24", "updated": "2026-11-24", "contributors": ["Redactie"]}


def test_title_place_and_theme_from_the_command_line_are_not_placeholders(tmp_path):
    path = write_new(tmp_path, title='Venlo: "re-inspiratie"', places=["GM0983", "PV31"],
                     themes=["reintegration", "youth-unemployment"])
    data = load_text(path.read_text(encoding="utf-8"), "x").data
    assert data["title"] == 'Venlo: "re-inspiratie"'
    assert data["places"] == ["GM0983", "PV31"]
    assert data["themes"] == ["reintegration", "youth-unemployment"]
    assert {p.field for p in problems_of(path)} == set(PLACEHOLDERS) - {"title", "places", "themes"}


def test_the_record_starts_with_the_schema_line_for_editors(tmp_path):
    path = write_new(tmp_path)
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/practice.schema.json"
    target = first.split("$schema=", 1)[1]
    assert (CATALOG_DIR / "practices" / target).resolve() == (SCHEMA_DIR / "practice.schema.json").resolve()
    # the same line as the records already in the catalogue
    assert (CATALOG_DIR / "practices" / "venlo-re-inspiratie.yaml").read_text(encoding="utf-8").startswith(first)


def test_every_field_of_the_schema_is_in_the_template_with_its_description(tmp_path):
    text = write_new(tmp_path).read_text(encoding="utf-8")
    schema = json.loads((SCHEMA_DIR / "practice.schema.json").read_text(encoding="utf-8"))
    comments = " ".join(line[2:] for line in text.splitlines() if line.startswith("# "))
    for name, prop in schema["properties"].items():
        assert re.search(rf"^(# )?{name}:", text, re.MULTILINE), name
        assert " ".join(prop["description"].split()) in comments, name
    for row in json.loads((SCHEMA_DIR / "codes.schema.json").read_text(encoding="utf-8"))["$defs"]["status"]["enum"]:
        assert f"{row} (" in comments


def test_each_commented_example_is_valid_once_uncommented():
    practice = SCHEMA.validators["practice"]
    filled = load_text((CATALOG_DIR / "practices" / "venlo-re-inspiratie.yaml").read_text(encoding="utf-8"), "x").data
    assert set(new.EXAMPLES) == set(json.loads((SCHEMA_DIR / "practice.schema.json").read_text(
        encoding="utf-8"))["properties"]) - set(new._required_values("x", None, (), (), TODAY))
    for name, example in new.EXAMPLES.items():
        document = load_text(example + "\n", name)
        assert document.problems == [] and list(document.data) == [name]
        assert practice.is_valid({**filled, **document.data}), (name, [e.message for e in practice.errors(
            {**filled, **document.data})])


@pytest.mark.parametrize("ident, suggestion", [("Venlo Re-inspiratie", "venlo-re-inspiratie"),
                                               ("coöperatie_één", "cooperatie-een"), ("-x-", "x"),
                                               ("a" * 81, "a" * 80)])
def test_an_invalid_id_is_refused_with_a_suggestion(tmp_path, ident, suggestion):
    with pytest.raises(new.NewRecordError, match=f"Bijvoorbeeld: {suggestion}$"):
        write_new(tmp_path, ident)
    assert not list((tmp_path / "catalog" / "practices").iterdir())


def test_an_existing_id_is_refused_and_the_file_left_alone(tmp_path):
    path = write_new(tmp_path)
    path.write_text("mine", encoding="utf-8")
    with pytest.raises(new.NewRecordError, match="bestaat al"):
        write_new(tmp_path)
    assert path.read_text(encoding="utf-8") == "mine"


def test_unknown_theme_and_malformed_place_are_refused(tmp_path):
    with pytest.raises(new.NewRecordError, match="'reintegratie' staat niet in de codelijst theme"):
        write_new(tmp_path, themes=["reintegratie"])
    with pytest.raises(new.NewRecordError, match="geen plaatscode"):
        write_new(tmp_path, places=["Venlo"])


def test_command_writes_the_file_and_says_how_to_check_it(tmp_path, capsys):
    catalog = tmp_path / "catalog"
    assert cli.main(["new", "proef-x", "--title", "Proef", "--place", "GM0983", "--catalog", str(catalog)]) == 0
    out = capsys.readouterr().out
    assert (catalog / "practices" / "proef-x.yaml").exists()
    assert "python -m generator validate" in out and "proef-x.yaml" in out


def test_command_refusal_is_a_usage_error_with_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["new", "Geen Slug", "--catalog", str(tmp_path)])
    assert exit_info.value.code == 2
    assert "geen geldige korte naam" in capsys.readouterr().err
