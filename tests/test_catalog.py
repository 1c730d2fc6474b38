"""The real catalogue, the published schemas and the message table."""

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.catalog.check import check_catalog
from generator.catalog.codelists import read_codelists, render_codes_schema
from generator.catalog.problems import MESSAGES
from generator.paths import CATALOG_DIR, CODELIST_DIR, SCHEMA_DIR

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "example-files"
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def test_whole_catalogue_validates_without_errors_or_warnings(real_check):
    result = real_check
    assert [(p.file, p.line, p.code) for p in result.problems] == []
    assert len(result.catalog.practices) >= 25
    assert len(result.catalog.instruments) >= 12
    assert len(result.catalog.sources) >= 5


@pytest.mark.parametrize("label", ["=HYPERLINK(\"http://evil.example/\")", "+1", "-2+3", "@SUM(1)", "\tx"])
def test_a_codelist_cell_that_a_spreadsheet_would_run_is_refused(tmp_path, label):
    schema = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, schema)
    theme = schema / "codelists" / "theme.csv"
    with theme.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(["nieuw-thema", label, "New", "Een nieuw thema."])
    (problem,) = check_catalog(CATALOG_DIR, schema).problems
    assert (Path(problem.file).name, problem.code, problem.line) == ("theme.csv", "codelist-invalid",
                                                                    len(theme.read_text().splitlines()))
    assert "label_nl" in problem.message("en") and "formula" in problem.message("en")


def test_codes_schema_is_generated_from_the_codelists():
    wanted = render_codes_schema(read_codelists(CODELIST_DIR))
    assert (SCHEMA_DIR / "codes.schema.json").read_text(encoding="utf-8") == wanted


def _templates(entry: dict):
    """Every text of a message entry: Dutch and English message and hint, and the form's wording."""
    yield from (text for lang in ("nl", "en") for text in entry[lang])
    form = entry.get("form")
    yield from (form.values() if isinstance(form, dict) else [form] if form else [])


def test_every_problem_code_speaks_both_languages():
    for code, entry in MESSAGES.items():
        assert {"nl", "en"} <= set(entry) <= {"nl", "en", "form"}, code
        for lang in ("nl", "en"):
            message, hint = entry[lang]
            assert message and hint, code


def test_every_message_template_names_only_plain_fields():
    import string
    for code, entry in MESSAGES.items():
        for template in _templates(entry):
            fields = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
            assert all(name.isidentifier() for name in fields), (code, template)  # a stray brace raises


def _check_jsonschema(schema: str, files) -> int:
    # --base-uri: the schemas' "$id" is their published address; this resolves the references
    # between them in this folder instead (no network, and the schemas as they are here)
    cmd = [str(CHECK_JSONSCHEMA), "--base-uri", SCHEMA_DIR.as_uri() + "/",
           "--schemafile", str(SCHEMA_DIR / schema), *map(str, files)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300).returncode


def test_published_schemas_accept_the_catalogue_in_a_standard_tool():
    assert _check_jsonschema("practice.schema.json", sorted(CATALOG_DIR.glob("practices/*.yaml"))) == 0
    assert _check_jsonschema("instrument.schema.json", sorted(CATALOG_DIR.glob("instruments/*.yaml"))) == 0
    assert _check_jsonschema("sources-file.schema.json", [CATALOG_DIR / "sources.yaml"]) == 0
    assert _check_jsonschema("places-file.schema.json", [CATALOG_DIR / "places.yaml"]) == 0


SCHEMA_LEVEL = ("schema-", "unknown-code")


def _schema_cases():
    import re
    for path in sorted((EXAMPLES / "negative" / "practices").glob("*.yaml")):
        codes = re.findall(r"^# expect: ([a-z0-9-]+)@", path.read_text(), re.MULTILINE)
        if codes and all(c.startswith(SCHEMA_LEVEL) for c in codes):
            yield path


@pytest.fixture(scope="module")
def refused_practices() -> set[str]:
    """The practice example files check-jsonschema refuses, from one run over all of them
    (one run per file cost a second each)."""
    files = sorted((EXAMPLES / "positive" / "practices").glob("*.yaml")) + list(_schema_cases())
    cmd = [str(CHECK_JSONSCHEMA), "--base-uri", SCHEMA_DIR.as_uri() + "/", "--output-format", "json",
           "--schemafile", str(SCHEMA_DIR / "practice.schema.json"), *map(str, files)]
    report = json.loads(subprocess.run(cmd, capture_output=True, text=True, timeout=300).stdout)
    assert report["parse_errors"] == []
    return {Path(error["filename"]).resolve().as_posix() for error in report["errors"]}


@pytest.mark.parametrize("path", list(_schema_cases()), ids=lambda p: p.stem)
def test_check_jsonschema_agrees_on_schema_level_cases(path, refused_practices):
    assert path.resolve().as_posix() in refused_practices


def test_check_jsonschema_accepts_the_positive_examples(refused_practices):
    positive = {p.resolve().as_posix() for p in (EXAMPLES / "positive" / "practices").glob("*.yaml")}
    assert positive and not positive & refused_practices
    sources = sorted((EXAMPLES / "positive" / "sources").glob("*.yaml"))
    assert sources and _check_jsonschema("source-file.schema.json", sources) == 0
    assert _check_jsonschema("source-file.schema.json", [EXAMPLES / "negative" / "practices" / "misspelled-field.yaml"]) == 1


def test_record_paths_are_relative_to_the_project_wherever_it_lives(tmp_path, monkeypatch):
    # A municipality's own project outside this repository still gets edit links that
    # point at catalog/practices/<id>.yaml, whatever the current folder.
    from test_pages import montferland, venlo, write_catalog

    catalog_dir = write_catalog(tmp_path / "gemeente", [venlo(), montferland()])
    monkeypatch.chdir(tmp_path)
    files = check_catalog(catalog_dir).catalog.files
    assert files["practice:venlo-werkt"] == "catalog/practices/venlo-werkt.yaml"
    assert files["instrument:werkervaringsplaats"] == "catalog/instruments/werkervaringsplaats.yaml"
