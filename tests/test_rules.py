"""Rules on the shared files (sources, places) and on the codelists, tested on
a copy of the real catalogue with one thing broken at a time."""

import re
import shutil
from pathlib import Path

import pytest

from generator.catalog.check import check_catalog
from generator.catalog.record_rules import PHONE, _suspect
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


def line_with(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def test_duplicate_source_id(catalog):
    sources = catalog / "sources.yaml"
    sources.write_text(sources.read_text() + "  - id: thinkpublic-sociale-innovatie\n    title: Dubbel\n"
                       "    publisher: Uitgever\n    type: article\n    language: nl\n")
    line = len(sources.read_text().split("\n")) - 5
    assert ("sources.yaml", line, "id-duplicate", "sources[5].id") in found(catalog)


SOURCE_FILE = ("# yaml-language-server: $schema=../../schema/source-file.schema.json\n"
               "id: {id}\ntitle: Een nieuwe bron\npublisher: Gemeente Venlo\ndate: \"2024-05\"\n"
               "type: web-page\nlanguage: nl\n")


def test_a_source_in_a_file_of_its_own_joins_the_sources_of_the_shared_list(catalog):
    (catalog / "sources").mkdir()
    (catalog / "sources" / "venlo-2024-nieuw.yaml").write_text(SOURCE_FILE.format(id="venlo-2024-nieuw"))
    result = check_catalog(catalog)
    assert [(p.code, p.file.endswith("venlo-2024-nieuw.yaml"), p.line) for p in result.problems] == [
        ("orphan-source", True, 2)]
    assert "venlo-2024-nieuw" in result.catalog.sources and "thinkpublic-sociale-innovatie" in result.catalog.sources


def test_a_source_declared_in_the_list_and_in_a_file_is_one_problem_naming_both_places(catalog):
    (catalog / "sources").mkdir()
    new = catalog / "sources" / "thinkpublic-sociale-innovatie.yaml"
    new.write_text(SOURCE_FILE.format(id="thinkpublic-sociale-innovatie"))
    [problem] = check_catalog(catalog).problems
    listed = line_of(catalog / "sources.yaml", "  - id: thinkpublic-sociale-innovatie")
    assert (problem.code, Path(problem.file).name, problem.line, problem.column) == ("id-duplicate", new.name, 2, 5)
    for lang in ("nl", "en"):
        assert f"sources.yaml:{listed}:9" in problem.message(lang)


def test_a_source_declared_in_two_files_is_one_problem_naming_both(catalog):
    (catalog / "sources").mkdir()
    (catalog / "sources" / "a-bron.yaml").write_text(SOURCE_FILE.format(id="a-bron"))
    (catalog / "sources" / "b-bron.yaml").write_text(SOURCE_FILE.format(id="a-bron"))
    problems = [(Path(p.file).name, p.line, p.code) for p in check_catalog(catalog).problems]
    assert ("b-bron.yaml", 2, "id-duplicate") in problems and ("b-bron.yaml", 2, "id-file-mismatch") in problems
    [duplicate] = [p for p in check_catalog(catalog).problems if p.code == "id-duplicate"]
    assert duplicate.params["other"].endswith("a-bron.yaml:2:5")


def test_a_source_moved_out_of_the_shared_list_into_its_own_file_changes_no_table_and_no_page(catalog):
    from generator.opendata.rows import catalog_rows
    from generator.website.sources_page import sources_markdown

    before = check_catalog(catalog).catalog
    sources = catalog / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    start = text.index("  - id: thinkpublic-sociale-innovatie")
    end = text.index("\n  - id: ", start + 1) + 1
    item = text[start:end].rstrip("\n") + "\n"
    own = "\n".join(line[4:] for line in item.split("\n"))  # "  - id: x" and "    title: y" lose their indent
    sources.write_text(text[:start] + text[end:], encoding="utf-8")
    (catalog / "sources").mkdir()
    (catalog / "sources" / "thinkpublic-sociale-innovatie.yaml").write_text(own, encoding="utf-8")
    result = check_catalog(catalog)
    assert result.problems == []
    after = result.catalog
    assert after.sources == before.sources
    assert catalog_rows(after) == catalog_rows(before)
    assert sources_markdown(after) == sources_markdown(before)


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
    places.write_text(text.replace("    province: [PV31]\n", "    province: [PV99]\n", 1))
    line = line_of(places, "    province: [PV99]")
    assert ("places.yaml", line, "unresolved-place", "places[3].province[0]") in found(catalog)


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


# ---- rules never assume a type the schema has not checked yet (issue 10) -----------------


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old, new, code, field", [
    ("related:\n  - assen-jongeren-bij-de-politie\n  - montferland-werkervaringsplaatsen-jongeren\n"
     "  - zoetermeer-werktop-plus\n", "related: 0x1F\n", "schema-type", "related"),
    ("related:\n  - assen-jongeren-bij-de-politie\n  - montferland-werkervaringsplaatsen-jongeren\n"
     "  - zoetermeer-werktop-plus\n", "related: zoetermeer-werktop-plus\n", "schema-type", "related"),
    ("  - indicator: caseload-per-coach\n", "  - indicator: [a]\n", "unknown-code", "metrics[1].indicator"),
    ("  - indicator: caseload-per-coach\n", "  - indicator: {a: 1}\n", "unknown-code", "metrics[1].indicator"),
    ("metrics:\n", "costs: [{part_of: true}]\nmetrics:\n", "schema-type", "costs[0].part_of"),
    ("period:\n  start: \"2006\"\n", "period: [2006]\n", "schema-type", "period"),
    ("record:\n", "record: 12\nx:\n", "schema-type", "record"),
])
def test_rules_survive_values_of_the_wrong_type(catalog, old, new, code, field):
    _edit(catalog / "practices" / "venlo-re-inspiratie.yaml", old, new)
    problems = [(name, c, f) for name, _, c, f in found(catalog)]
    assert ("venlo-re-inspiratie.yaml", code, field) in problems


def test_related_of_another_type_in_the_target_does_not_break_the_one_way_rule(catalog):
    _edit(catalog / "practices" / "zoetermeer-werktop-plus.yaml", "related:\n", "related: 5\nx:\n")
    problems = [(name, c) for name, _, c, _ in found(catalog)]
    assert ("zoetermeer-werktop-plus.yaml", "schema-type") in problems


# ---- impossible calendar dates -------------------------------------------------------------


@pytest.mark.parametrize("file, old, new, field, message", [
    ("practices/venlo-re-inspiratie.yaml", 'start: "2006"\n', 'start: "2024-02-30"\n', "period.start",
     "De datum 2024-02-30 bestaat niet: februari 2024 heeft 29 dagen."),
    ("practices/venlo-re-inspiratie.yaml", 'added: "2026-11-23"', 'added: "2023-02-29"', "record.added",
     "De datum 2023-02-29 bestaat niet: februari 2023 heeft 28 dagen."),
    ("practices/venlo-re-inspiratie.yaml", '        start: "2006"\n', '        start: "2006-04-31"\n',
     "metrics[1].baseline.period.start", "De datum 2006-04-31 bestaat niet: april 2006 heeft 30 dagen."),
    ("sources.yaml", 'date: "2014-02"', 'date: "2014-06-31"', "sources[0].date",
     "De datum 2014-06-31 bestaat niet: juni 2014 heeft 30 dagen."),
    ("dataset.yaml", 'released: "2026-11-23"', 'released: "2026-11-31"', "released",
     "De datum 2026-11-31 bestaat niet: november 2026 heeft 30 dagen."),
])
def test_impossible_dates_are_errors(catalog, file, old, new, field, message):
    path = catalog / file
    _edit(path, old, new)
    problems = [p for p in check_catalog(catalog).problems if p.code == "date-impossible"]
    assert [(Path(p.file).name, p.line, p.field) for p in problems] == [(path.name, line_with(path, new.strip()), field)]
    assert problems[0].message("nl") == message
    assert problems[0].severity == "error"


def test_leap_day_and_month_ends_are_fine(catalog):
    venlo = catalog / "practices" / "venlo-re-inspiratie.yaml"
    _edit(venlo, 'start: "2006"\n', 'start: "2024-02-29"\n  end: "2024-12-31"\n')
    assert found(catalog) == []


# ---- text that a spreadsheet reads as a formula --------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example/","klik")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3",
            "\tTab vooraan", "\rRegelterugloop vooraan"]


@pytest.mark.parametrize("formula", FORMULAS)
@pytest.mark.parametrize("file, old, field", [
    ("practices/venlo-re-inspiratie.yaml", "    population: werkcoaches van de gemeente Venlo\n",
     "metrics[1].population"),
    ("instruments/meester-gezel.yaml", "name: Meester-gezelprincipe\n", "name"),
    ("sources.yaml", "    publisher: Centrum voor Lokaal Bestuur\n", "sources[0].publisher"),
    ("places.yaml", "    name: \"Montferland\"\n", "places[1].name"),
    ("dataset.yaml", "publisher: Redactie praktijkvoorbeelden werk en participatie\n", "publisher"),
])
def test_text_starting_like_a_formula_is_an_error(catalog, formula, file, old, field):
    path = catalog / file
    key = old.split(":")[0]
    quoted = formula.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    _edit(path, old, f'{key}: "{quoted}"\n')
    problems = [p for p in check_catalog(catalog).problems if p.code == "text-formula-start"]
    assert [(Path(p.file).name, p.line, p.field) for p in problems] == [(path.name, line_of(path, f'{key}: "{quoted}"'), field)]
    message = problems[0].message("nl")
    assert message.startswith("Tekst mag niet beginnen met =, +, -, @, tab of een regelterugloop")
    assert "min 2" in problems[0].hint("nl")


def test_numbers_and_signs_after_a_word_are_fine(catalog):
    venlo = catalog / "practices" / "venlo-re-inspiratie.yaml"
    _edit(venlo, "    population: werkcoaches van de gemeente Venlo\n",
          "    population: \"min 2, ongeveer −2, a=b, x+y, info@\"\n")
    assert [code for *_, code, _ in found(catalog)] == []
    assert "    value: -26\n" in venlo.read_text()  # a negative number stays a number


def test_no_record_in_the_catalogue_starts_like_a_formula(real_check):
    assert [p for p in real_check.problems if p.code == "text-formula-start"] == []


# ---- symlinks are never followed ------------------------------------------------------------


def test_symlinked_record_is_refused(catalog, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text((catalog / "practices" / "venlo-re-inspiratie.yaml").read_text())
    (catalog / "practices" / "venlo-re-inspiratie.yaml").unlink()
    (catalog / "practices" / "venlo-re-inspiratie.yaml").symlink_to(outside)
    problems = [(name, line, code) for name, line, code, _ in found(catalog) if code == "file-symlink"]
    assert problems == [("venlo-re-inspiratie.yaml", 1, "file-symlink")]


def test_symlinked_folder_is_refused_unlisted(catalog, tmp_path):
    moved = tmp_path / "elsewhere"
    (catalog / "instruments").rename(moved)
    (catalog / "instruments").symlink_to(moved)
    problems = check_catalog(catalog).problems
    assert [(Path(p.file).name, p.line, p.column, p.code) for p in problems if p.code == "file-symlink"] == [
        ("instruments", 1, 1, "file-symlink")]
    assert not any(Path(p.file).parent.name == "instruments" and p.code != "file-symlink" for p in problems)


def test_dangling_symlink_for_a_shared_file_is_refused(catalog, tmp_path):
    (catalog / "places.yaml").unlink()
    (catalog / "places.yaml").symlink_to(tmp_path / "gone.yaml")
    assert ("places.yaml", 1, "file-symlink", "") in found(catalog)


# ---- bounded work on absurd files -------------------------------------------------------------


def test_schema_problems_stop_after_the_limit_with_one_that_says_so(catalog):
    from generator.catalog.schema_errors import MAX_PROBLEMS
    venlo = catalog / "practices" / "venlo-re-inspiratie.yaml"
    venlo.write_text(venlo.read_text() + "".join(f"extra{i}: 1\n" for i in range(MAX_PROBLEMS + 50)))
    codes = [code for name, _, code, _ in found(catalog) if name == venlo.name]
    assert codes.count("schema-additional") == MAX_PROBLEMS and codes.count("schema-more") == 1


def test_unique_items_among_many_distinct_mappings(catalog):
    venlo = catalog / "practices" / "venlo-re-inspiratie.yaml"
    items = ", ".join(f"{{a: {i}}}" for i in range(20000))
    _edit(venlo, "themes: [", f"themes: [{items}, {{a: 1.0}}, ")
    codes = [code for name, _, code, _ in found(catalog) if name == venlo.name]
    assert codes.count("schema-unique") == 1


def test_one_problem_per_repeated_link_target_in_a_text(catalog):
    venlo = catalog / "practices" / "venlo-re-inspiratie.yaml"
    _edit(venlo, "    population: werkcoaches van de gemeente Venlo\n",
          "    population: \"" + "[x](bijlage.pdf) " * 10 + "[y](ftp://a)\"\n")
    assert [(code, field) for _, _, code, field in found(catalog)] == [
        ("url-scheme", "metrics[1].population"), ("url-scheme", "metrics[1].population")]


def test_an_unknown_place_is_suggested_by_name_not_by_similar_digits(catalog):
    venlo = catalog / "practices" / "venlo-re-inspiratie.yaml"
    text = venlo.read_text()
    assert "places: [GM0983]" in text
    venlo.write_text(text.replace("places: [GM0983]", "places: [GM0995, venlo, eindhovn]", 1))
    hints = {p.params["value"]: p.hint("nl") for p in check_catalog(catalog).problems if p.code == "unresolved-place"}
    assert "bedoelt u" not in hints["GM0995"]  # Lelystad is not Maastricht (GM0935)
    assert "(bedoelt u 'GM0983', Venlo?)" in hints["venlo"]
    assert "(bedoelt u 'GM0772', Eindhoven?)" in hints["eindhovn"]


def test_the_cheap_prefilter_lets_through_every_phone_number_the_rule_finds():
    """Files and strings that fail the prefilter skip the contact rules, so it must never miss one:
    a number pasted from a web page has a no-break space or a thin space between its digits."""
    spaces = [chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c))]
    for sep in spaces + [".", "-"]:
        for text in (f"Bel 06{sep}12345678 na vijven", f"bel +31{sep}20{sep}123{sep}4567"):
            assert PHONE.search(text), repr(text)
            assert _suspect(text), repr(text)
    assert not _suspect("van 2020 tot 2023, 1.200 deelnemers")  # and it still filters
