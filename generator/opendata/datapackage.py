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
import shutil
from contextlib import contextmanager
from pathlib import Path

from generator.background import in_background
from generator.paths import ROOT

from . import cells, tables
from .codebook import codebook_markdown
from .dcat import dcat_jsonld
from .descriptor import NESTED_FILE, dataset_metadata, nested_resource_entry, package_descriptor, table_resource_entry
from .encoding import json_lines, write_bytes, write_json
from .practice_packages import write_practice_packages
from .rows import catalog_rows
from .zipfiles import zip_bytes

# Files from the repository published beside the data, so a downloaded zip stays citable.
COMPANIONS = ("CHANGELOG.md", "CITATION.cff")


def write_datapackages(catalog, data_dir: Path) -> None:
    """Every data download of the catalogue, into data_dir (created if needed)."""
    dataset = dataset_metadata(catalog)
    data_dir.mkdir(parents=True, exist_ok=True)
    with _without_gc():
        rows = catalog_rows(catalog)
        write_catalog_package(catalog, data_dir, rows)
        _copy_schemas(catalog.schema.folder, data_dir / "schema")
        write_bytes(data_dir / "codebook.md", codebook_markdown(catalog.schema, "nl").encode("utf-8"))
        for name in COMPANIONS:
            shutil.copyfile(ROOT / name, data_dir / name)
        write_zip(data_dir / f"{dataset['name']}.zip", data_dir, _package_files(catalog.schema, data_dir),
                  dataset["released"])
        write_practice_packages(catalog, data_dir / "practices", rows)
        write_json(data_dir / "catalog.jsonld", dcat_jsonld(catalog, data_dir))


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


def write_catalog_package(catalog, folder: Path, rows: dict | None = None) -> dict:
    """CSV per table, practices.json and datapackage.json; returns the descriptor."""
    dataset = dataset_metadata(catalog)
    folder.mkdir(parents=True, exist_ok=True)
    with _without_gc():
        nested = [catalog.practices[key] for key in sorted(catalog.practices)]
        # The nested JSON goes to the second core while this one writes the tables.
        wait = in_background(lambda: write_bytes(folder / NESTED_FILE, json_lines(nested)))
        try:
            rows = catalog_rows(catalog) if rows is None else rows
            resources = [_table_resource(folder, t, rows[t.name]) for t in tables.tables(catalog.schema)]
        finally:
            wait()
        resources.append(nested_resource_entry(NESTED_FILE, (folder / NESTED_FILE).read_bytes()))
    descriptor = package_descriptor(
        dataset, dataset["name"], dataset["title"]["nl"],
        f"{dataset['description']['nl']}\n\n{dataset['description']['en']}",
        catalog.sources.values(), resources, zip_name=f"{dataset['name']}.zip")
    write_json(folder / "datapackage.json", descriptor)
    return descriptor


def _table_resource(folder: Path, table: tables.Table, rows: list[tuple]) -> dict:
    name = f"{table.name}.csv"
    data = cells.csv_text(table, rows).encode("utf-8")
    write_bytes(folder / name, data)
    return table_resource_entry(table, name, data, table.schema())


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


def write_zip(path: Path, folder: Path, names: list[str], released: str) -> None:
    """The named files of folder in one zip (see zip_bytes)."""
    write_bytes(path, zip_bytes({name: (folder / name).read_bytes() for name in names}, released))
