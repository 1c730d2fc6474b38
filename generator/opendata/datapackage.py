"""Rows -> Frictionless data packages, and the dataset's descriptions.

`write_datapackages(catalog, data_dir)` writes, all deterministically:

    datapackage.json      the catalogue package (Data Package v2)
    <table>.csv           one CSV per table (generator.opendata.tables)
    practices.json        the full nested practice records
    schema/               copies of the JSON Schemas and codelists
    codebook.md           every table and field, in Dutch
    CHANGELOG.md, CITATION.cff
    <name>.zip            all of the above in one file
    practices/<id>.zip    a small package per practice: its rows and what they refer to
    practices/<id>.json   the practice's nested record
    catalog.jsonld        DCAT-AP (DCAT-AP-DONL) description of the dataset

Nothing here depends on the clock: `created` and the zip timestamps come from
the release date in catalog/dataset.yaml, rows are sorted, numbers are
written in one fixed way.
"""

from __future__ import annotations

import gc
import hashlib
import json
import shutil
from contextlib import contextmanager
from pathlib import Path

from generator.background import in_background
from generator.paths import ROOT

from . import tables
from .codebook import codebook_markdown
from .zipfiles import zip_bytes

PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
DATA_PACKAGE_SPEC = "https://datapackage.org/standard/data-package/"
LICENSES = {
    "CC-BY-4.0": ("https://creativecommons.org/licenses/by/4.0/",
                  "Creative Commons Attribution 4.0 International",
                  "http://creativecommons.org/licenses/by/4.0/deed.nl"),
    "CC0-1.0": ("https://creativecommons.org/publicdomain/zero/1.0/",
                "Creative Commons Zero v1.0 Universal",
                "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"),
}
NESTED_RESOURCE = "practices_nested"
NESTED_FILE = "practices.json"
PRACTICE_FILE = "practice.json"  # the nested record inside a practice's package
# Files from the repository published beside the data, so a downloaded zip stays citable.
COMPANIONS = ("CHANGELOG.md", "CITATION.cff")


class DatasetMetadataMissing(Exception):
    """The catalogue has no catalog/dataset.yaml (the checker normally refuses that)."""


def write_datapackages(catalog, data_dir: Path) -> None:
    """Every data download of the catalogue, into data_dir (created if needed)."""
    dataset = _dataset(catalog)
    data_dir.mkdir(parents=True, exist_ok=True)
    with _without_gc():
        rows = tables.catalog_rows(catalog)
        write_catalog_package(catalog, data_dir, rows)
        _copy_schemas(catalog.schema.folder, data_dir / "schema")
        _write_bytes(data_dir / "codebook.md", codebook_markdown(catalog.schema, "nl").encode("utf-8"))
        for name in COMPANIONS:
            shutil.copyfile(ROOT / name, data_dir / name)
        write_zip(data_dir / f"{dataset['name']}.zip", data_dir, _package_files(catalog.schema, data_dir),
                  dataset["released"])
        write_practice_packages(catalog, data_dir / "practices", rows)
        _write_json(data_dir / "catalog.jsonld", dcat_jsonld(catalog, data_dir))


@contextmanager
def _without_gc():
    """Hundreds of thousands of small tuples and no cycles among them: the cycle
    collector would only rescan the whole catalogue again and again (a third of the
    time to make the rows at 10,000 records)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ---------------------------------------------------------------- the catalogue package


def write_catalog_package(catalog, folder: Path, rows: dict | None = None) -> dict:
    """CSV per table, practices.json and datapackage.json; returns the descriptor."""
    dataset = _dataset(catalog)
    folder.mkdir(parents=True, exist_ok=True)
    with _without_gc():
        nested = [catalog.practices[key] for key in sorted(catalog.practices)]
        # The nested JSON goes to the second core while this one writes the tables.
        wait = in_background(lambda: _write_bytes(folder / NESTED_FILE, _json_lines(nested)))
        try:
            rows = tables.catalog_rows(catalog) if rows is None else rows
            resources = [_table_resource(folder, t, rows[t.name]) for t in tables.tables(catalog.schema)]
        finally:
            wait()
        resources.append(_nested_resource_entry(NESTED_FILE, (folder / NESTED_FILE).read_bytes()))
    descriptor = _descriptor(
        dataset, dataset["name"], dataset["title"]["nl"],
        f"{dataset['description']['nl']}\n\n{dataset['description']['en']}",
        catalog.sources.values(), resources)
    _write_json(folder / "datapackage.json", descriptor)
    return descriptor


def _table_resource(folder: Path, table: tables.Table, rows: list[tuple]) -> dict:
    name = f"{table.name}.csv"
    data = tables.csv_text(table, rows).encode("utf-8")
    _write_bytes(folder / name, data)
    return _table_resource_entry(table, name, data, table.schema())


def _table_resource_entry(table: tables.Table, name: str, data: bytes, schema: dict | None) -> dict:
    """A CSV resource; with schema None, the caller adds the schema itself (as the last key)."""
    entry = {
        "name": table.name, "type": "table", "path": name,
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "description": table.description_en,
        "bytes": len(data), "hash": _sha256(data),
    }
    if schema is not None:
        entry["schema"] = schema
    return entry


def _nested_resource_entry(name: str, data: bytes) -> dict:
    return {
        "name": NESTED_RESOURCE, "path": name,
        "format": "json", "mediatype": "application/json", "encoding": "utf-8",
        "description": "The full nested practice records, as in the YAML files; "
                       "each is valid against schema/practice.schema.json.",
        "bytes": len(data), "hash": _sha256(data),
    }


def _dataset(catalog) -> dict:
    if catalog.dataset is None:
        raise DatasetMetadataMissing("catalog/dataset.yaml is missing")
    return catalog.dataset


def _created(dataset) -> str:
    return f"{dataset['released']}T00:00:00Z"


def _license(dataset) -> dict:
    url, title, _ = LICENSES[dataset["license"]]
    return {"name": dataset["license"], "path": url, "title": title}


def _contributors(dataset) -> list[dict]:
    out = []
    for person in dataset["contributors"]:
        entry = {"title": person["name"], "roles": list(person["roles"])}
        if "organization" in person:
            entry["organization"] = person["organization"]
        out.append(entry)
    return out


def _keywords(dataset) -> list[str]:
    return list(dict.fromkeys([*dataset["keywords"]["nl"], *dataset["keywords"]["en"]]))


def _sources(sources) -> list[dict]:
    out = []
    for source in sorted(sources, key=lambda s: s["id"]):
        entry = {"title": f"{source['title']} ({source['publisher']})"}
        if "url" in source:
            entry["path"] = source["url"]
        out.append(entry)
    return out


def _package_files(schema, folder: Path) -> list[str]:
    """Everything of the catalogue package and its companions, relative paths, sorted."""
    names = ["datapackage.json", NESTED_FILE, "codebook.md", *COMPANIONS]
    names += [f"{t.name}.csv" for t in tables.tables(schema)]
    names += [p.relative_to(folder).as_posix() for p in (folder / "schema").rglob("*") if p.is_file()]
    return sorted(names)


def _copy_schemas(schema_dir: Path, target: Path) -> None:
    (target / "codelists").mkdir(parents=True, exist_ok=True)
    for path in sorted(schema_dir.glob("*.schema.json")):
        shutil.copyfile(path, target / path.name)
    for path in sorted((schema_dir / "codelists").glob("*.csv")):
        shutil.copyfile(path, target / "codelists" / path.name)


# ---------------------------------------------------------------- per-practice packages


def write_practice_packages(catalog, folder: Path, rows: dict) -> None:
    """practices/<id>.zip (the practice's package) and practices/<id>.json (its record).

    The zips are made in memory: a folder of ~40 small files per practice cost
    more to write and read back than everything else in the data step.
    """
    folder.mkdir(parents=True, exist_ok=True)
    packages = PracticePackages(catalog, rows)
    released = _dataset(catalog)["released"]
    for practice_id in sorted(catalog.practices):
        files = packages.files(practice_id)
        _write_bytes(folder / f"{practice_id}.json", files[PRACTICE_FILE])
        _write_bytes(folder / f"{practice_id}.zip", zip_bytes(files, released))


class PracticePackages:
    """The files of each practice's own data package.

    Practices share most of what goes into them: the table schemas (the bulk of
    every datapackage.json) and the few codelist rows they use. Both are
    encoded once here and reused, which halves the time per practice.
    """

    def __init__(self, catalog, rows: dict[str, list[tuple]]):
        self.catalog = catalog
        self.index = _RowIndex(tables.tables(catalog.schema), rows)
        self._schemas: dict[tuple, str] = {}  # (table, checked tables, unchecked columns) -> JSON
        self._codelists: dict[tuple, bytes] = {}  # (table, rows) -> CSV

    def files(self, practice_id: str) -> dict[str, bytes]:
        """{name: bytes}: a CSV per table with rows, practice.json and datapackage.json."""
        dataset = _dataset(self.catalog)
        practice = self.catalog.practices[practice_id]
        selected = self.index.select(practice_id)
        present = frozenset(name for name, rows in selected.items() if rows)
        # Codes are checked by their enum constraints already; leaving out the foreign keys to the
        # codelist tables (which stay, for the labels) halves the time to validate a small package.
        checked = frozenset(name for name in present if not name.startswith("codelist_"))
        files, resources = {}, []
        for t in self.index.tables:
            if t.name not in present:
                continue
            name = f"{t.name}.csv"
            files[name] = self._csv(t, selected[t.name])
            entry = _compact_json(_table_resource_entry(t, name, files[name], schema=None))
            # "schema" last, as in the catalogue package; related practices are other packages.
            schema = self._schema(t, checked, ("related",) if t.name == "related_practices" else ())
            resources.append(f'{entry[:-1]},"schema":{schema}}}')
        files[PRACTICE_FILE] = _json_bytes(practice, compact=True)
        resources.append(_compact_json(_nested_resource_entry(PRACTICE_FILE, files[PRACTICE_FILE]) | {
            "name": "practice_nested",
            "description": "The full nested record of this practice, valid against schema/practice.schema.json."}))
        used_sources = {row[0] for row in selected.get("sources", ())}
        descriptor = _descriptor(
            dataset, f"{dataset['name']}-{practice_id}", practice["title"],
            f"{practice['summary']}\n\nOne practice from '{dataset['title']['en']}' "
            f"(version {dataset['version']}): its own rows and the sources, places, "
            "instruments and codes they refer to.",
            (s for s in self.catalog.sources.values() if s["id"] in used_sources), resources=[])
        del descriptor["resources"]  # the last key: written from the encoded resources instead
        files["datapackage.json"] = \
            f'{_compact_json(descriptor)[:-1]},"resources":[{",".join(resources)}]}}\n'.encode("utf-8")
        return files

    def _csv(self, t: tables.Table, rows: list[tuple]) -> bytes:
        if t.kind != "codelist":
            return tables.csv_text(t, rows).encode("utf-8")
        key = (t.name, tuple(rows))
        if key not in self._codelists:
            self._codelists[key] = tables.csv_text(t, rows).encode("utf-8")
        return self._codelists[key]

    def _schema(self, t: tables.Table, checked: frozenset, unchecked: tuple) -> str:
        key = (t.name, checked, unchecked)
        if key not in self._schemas:
            self._schemas[key] = _compact_json(t.schema(checked, unchecked))
        return self._schemas[key]


def _descriptor(dataset: dict, name: str, title: str, description: str, sources, resources: list) -> dict:
    """A datapackage.json: the dataset's release metadata around one set of resources."""
    return {
        "$schema": PACKAGE_PROFILE,
        "name": name,
        "title": title,
        "description": description,
        "version": dataset["version"],
        "created": _created(dataset),
        "homepage": dataset["homepage"],
        "licenses": [_license(dataset)],
        "contributors": _contributors(dataset),
        "keywords": _keywords(dataset),
        "sources": _sources(sources),
        "resources": resources,
    }


class _RowIndex:
    """Rows per table grouped by their first column (owner id, or code), for quick selection."""

    def __init__(self, all_tables: tuple[tables.Table, ...], rows: dict[str, list[tuple]]):
        self.tables = all_tables
        self.groups: dict[str, dict[str, list[tuple]]] = {}
        for t in self.tables:
            groups = self.groups[t.name] = {}
            for row in rows[t.name]:
                groups.setdefault(row[0], []).append(row)
        # Which table's keys select a table's rows: the records table of its kind, or itself.
        self.owner = {t.name: (t.name if t.kind == "codelist" else tables.KINDS[t.kind].table)
                      for t in self.tables}
        self.references = {t.name: [(i, target) for i, c in enumerate(t.columns)
                                    if (target := c.reference) and c.name != "related"]
                           for t in self.tables}

    def select(self, practice_id: str) -> dict[str, list[tuple]]:
        """The practice's rows plus everything they refer to, followed until nothing new turns up."""
        wanted: dict[str, set] = {"practices": {practice_id}}
        changed = True
        while changed:
            changed = False
            for t in self.tables:
                for key in list(wanted.get(self.owner[t.name], ())):
                    for row in self.groups[t.name].get(key, ()):
                        for i, target in self.references[t.name]:
                            value = row[i]
                            if value is not None and value not in wanted.setdefault(target, set()):
                                wanted[target].add(value)
                                changed = True
        return {t.name: [row for key in sorted(wanted.get(self.owner[t.name], ()))
                         for row in self.groups[t.name].get(key, ())]
                if t.kind != "codelist" else
                [row for code, group in self.groups[t.name].items() if code in wanted.get(t.name, ())
                 for row in group]
                for t in self.tables}


# ---------------------------------------------------------------- zip


def write_zip(path: Path, folder: Path, names: list[str], released: str) -> None:
    """The named files of folder in one zip (see zip_bytes)."""
    _write_bytes(path, zip_bytes({name: (folder / name).read_bytes() for name in names}, released))


# ---------------------------------------------------------------- linked-data descriptions


def dataset_jsonld(catalog) -> dict:
    """The schema.org Dataset the website embeds (Google Dataset Search, other harvesters)."""
    dataset = _dataset(catalog)
    data_url = dataset["homepage"] + "data/"
    publisher = {"@type": "Organization", "name": dataset["publisher"], "url": dataset["homepage"]}
    out = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": data_url,
        "name": dataset["title"]["nl"],
        "alternateName": dataset["title"]["en"],
        "description": dataset["description"]["nl"],
        "url": dataset["homepage"],
        "sameAs": dataset["repository"],
        "version": dataset["version"],
        "datePublished": dataset["released"],
        "license": LICENSES[dataset["license"]][0],
        "isAccessibleForFree": True,
        "inLanguage": dataset["language"],
        "keywords": _keywords(dataset),
        "creator": [{"@type": "Organization", "name": c["name"]} for c in dataset["contributors"]
                    if "creator" in c["roles"]] or [publisher],
        "publisher": publisher,
        "spatialCoverage": {"@type": "Place", "name": dataset["spatial"]},
        "distribution": [
            {"@type": "DataDownload", "name": "Datapakket (zip)", "encodingFormat": "application/zip",
             "contentUrl": f"{data_url}{dataset['name']}.zip"},
            {"@type": "DataDownload", "name": "datapackage.json", "encodingFormat": "application/json",
             "contentUrl": f"{data_url}datapackage.json"},
            {"@type": "DataDownload", "name": NESTED_FILE, "encodingFormat": "application/json",
             "contentUrl": f"{data_url}{NESTED_FILE}"},
        ],
    }
    modified = _last_update(catalog)
    if modified:
        out["dateModified"] = modified
    coverage = _temporal_coverage(catalog)
    if coverage:
        out["temporalCoverage"] = f"{coverage[0]}/{coverage[1] or '..'}"
    return out


def dcat_jsonld(catalog, data_dir: Path) -> dict:
    """DCAT-AP description of the dataset and its distributions, with DCAT-AP-DONL's values."""
    dataset = _dataset(catalog)
    data_url = dataset["homepage"] + "data/"
    licence = {"@id": LICENSES[dataset["license"]][2]}
    agent = {"@type": "foaf:Agent", "foaf:name": dataset["publisher"]}
    texts = lambda key: [{"@language": lang, "@value": dataset[key][lang]} for lang in ("nl", "en")]  # noqa: E731
    record = {
        "@id": data_url,
        "@type": "dcat:Dataset",
        "dct:identifier": data_url,
        "dct:title": texts("title"),
        "dct:description": texts("description"),
        "dcat:keyword": [{"@language": lang, "@value": word}
                         for lang in ("nl", "en") for word in dataset["keywords"][lang]],
        "dcat:theme": [{"@id": "http://standaarden.overheid.nl/owms/terms/Werk_(thema)"},
                       {"@id": "http://publications.europa.eu/resource/authority/data-theme/SOCI"}],
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
        "dct:license": licence,
        "dct:accessRights": {"@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"},
        "dct:publisher": agent,
        "dct:creator": agent,
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": dataset["publisher"],
                              "vcard:hasURL": {"@id": dataset["repository"] + "/issues"}},
        "dcat:landingPage": {"@id": dataset["homepage"]},
        "dct:issued": {"@value": dataset["released"], "@type": "xsd:date"},
        "owl:versionInfo": dataset["version"],
        "adms:versionNotes": f"{dataset['repository']}/blob/main/CHANGELOG.md",
        "dct:spatial": {"@id": "http://standaarden.overheid.nl/owms/terms/Nederland"},
        "dcat:distribution": _distributions(dataset, data_dir, licence),
    }
    modified = _last_update(catalog)
    if modified:
        record["dct:modified"] = {"@value": modified, "@type": "xsd:date"}
    coverage = _temporal_coverage(catalog)
    if coverage:
        period = {"@type": "dct:PeriodOfTime", "dcat:startDate": {"@value": coverage[0], "@type": "xsd:gYear"}}
        if coverage[1]:
            period["dcat:endDate"] = {"@value": coverage[1], "@type": "xsd:gYear"}
        record["dct:temporal"] = period
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/", "vcard": "http://www.w3.org/2006/vcard/ns#",
            "adms": "http://www.w3.org/ns/adms#", "owl": "http://www.w3.org/2002/07/owl#",
            "spdx": "http://spdx.org/rdf/terms#", "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": data_url + "catalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": texts("title"),
        "dct:description": texts("description"),
        "dct:publisher": agent,
        "dct:license": licence,
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
        "foaf:homepage": {"@id": dataset["homepage"]},
        "dcat:dataset": [record],
    }


def _distributions(dataset, data_dir: Path, licence: dict) -> list[dict]:
    data_url = dataset["homepage"] + "data/"
    eu = "http://publications.europa.eu/resource/authority/file-type/"
    iana = "https://www.iana.org/assignments/media-types/"
    entries = [
        (f"{dataset['name']}.zip", "ZIP", "application/zip", DATA_PACKAGE_SPEC,
         "Het hele datapakket in één zip: CSV-tabellen, datapackage.json, practices.json, schema's en codeboek."),
        ("datapackage.json", "JSON", "application/json", DATA_PACKAGE_SPEC,
         "Beschrijving van het datapakket (Frictionless Data Package v2) met een CSV-bestand per tabel."),
        (NESTED_FILE, "JSON", "application/json", data_url + "schema/practice.schema.json",
         "Alle praktijkvoorbeelden als geneste JSON-records."),
    ]
    out = []
    for name, file_type, media_type, conforms_to, description in entries:
        data = (data_dir / name).read_bytes()
        out.append({
            "@id": data_url + name,
            "@type": "dcat:Distribution",
            "dct:title": name,
            "dct:description": {"@language": "nl", "@value": description},
            "dcat:accessURL": {"@id": data_url + name},
            "dcat:downloadURL": {"@id": data_url + name},
            "dct:format": {"@id": eu + file_type},
            "dcat:mediaType": {"@id": iana + media_type},
            "dct:conformsTo": {"@id": conforms_to},
            "dct:license": licence,
            "dcat:byteSize": {"@value": str(len(data)), "@type": "xsd:nonNegativeInteger"},
            "spdx:checksum": {"@type": "spdx:Checksum",
                              "spdx:algorithm": {"@id": "http://spdx.org/rdf/terms#checksumAlgorithm_sha256"},
                              "spdx:checksumValue": hashlib.sha256(data).hexdigest()},
        })
    return out


def _last_update(catalog) -> str | None:
    dates = [r["record"]["updated"] for group in (catalog.practices, catalog.instruments)
             for r in group.values()]
    return max(dates) if dates else None


def _temporal_coverage(catalog) -> tuple[str, str | None] | None:
    """First start year and last end year of the practices; None as end while one still runs."""
    starts, ends, open_ended = [], [], False
    for practice in catalog.practices.values():
        period = practice.get("period") or {}
        if "start" in period:
            starts.append(period["start"][:4])
        if "end" in period:
            ends.append(period["end"][:4])
        elif "start" in period:
            open_ended = True
    if not starts:
        return None
    return min(starts), (None if open_ended or not ends else max(ends))


# ---------------------------------------------------------------- bytes


def _json_lines(records: list) -> bytes:
    """A JSON array with one record per line: the C encoder's speed, and diffs per record."""
    lines = ",\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    return f"[\n{lines}\n]\n".encode("utf-8")


def _json_bytes(value, compact: bool = False) -> bytes:
    # indent= forces the pure-Python encoder; the per-practice files (thousands of
    # them at scale) take the C encoder, which is about ten times faster.
    if compact:
        return (_compact_json(value) + "\n").encode("utf-8")
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _compact_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _write_json(path: Path, value, compact: bool = False) -> None:
    _write_bytes(path, _json_bytes(value, compact))


def _write_bytes(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def _sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()
