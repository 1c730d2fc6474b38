"""A small data package per practice: its own rows and what they refer to."""

from __future__ import annotations

from pathlib import Path

from . import cells, tables
from .descriptor import PRACTICE_FILE, dataset_metadata, nested_resource_entry, package_descriptor, table_resource_entry
from .encoding import compact_json, write_bytes
from .metadata import practice_record_bytes
from .zipfiles import zip_bytes


def write_practice_packages(catalog, folder: Path, rows: dict) -> None:
    """practices/<id>.zip (the practice's package) and practices/<id>.json (its record).

    The zips are made in memory: a folder of ~40 small files per practice cost
    more to write and read back than everything else in the data step.
    """
    folder.mkdir(parents=True, exist_ok=True)
    packages = PracticePackages(catalog, rows)
    released = dataset_metadata(catalog)["released"]
    for practice_id in sorted(catalog.practices):
        files = packages.files(practice_id)
        write_bytes(folder / f"{practice_id}.json", files[PRACTICE_FILE])
        write_bytes(folder / f"{practice_id}.zip", zip_bytes(files, released))


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
        dataset = dataset_metadata(self.catalog)
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
            entry = compact_json(table_resource_entry(t, name, files[name], schema=None))
            # "schema" last, as in the catalogue package; related practices are other packages.
            schema = self._schema(t, checked, ("related",) if t.name == "related_practices" else ())
            resources.append(f'{entry[:-1]},"schema":{schema}}}')
        files[PRACTICE_FILE] = practice_record_bytes(practice)
        resources.append(compact_json(nested_resource_entry(PRACTICE_FILE, files[PRACTICE_FILE]) | {
            "name": "practice_nested",
            "description": "The full nested record of this practice, valid against schema/practice.schema.json."}))
        used_sources = {row[0] for row in selected.get("sources", ())}
        descriptor = package_descriptor(
            dataset, f"{dataset['name']}-{practice_id}", practice["title"],
            f"{practice['summary']}\n\nOne practice from '{dataset['title']['en']}' "
            f"(version {dataset['version']}): its own rows and the sources, places, "
            "instruments and codes they refer to.",
            (s for s in self.catalog.sources.values() if s["id"] in used_sources), resources=[],
            zip_name=f"{practice_id}.zip")
        del descriptor["resources"]  # the last key: written from the encoded resources instead
        files["datapackage.json"] = \
            f'{compact_json(descriptor)[:-1]},"resources":[{",".join(resources)}]}}\n'.encode("utf-8")
        return files

    def _csv(self, t: tables.Table, rows: list[tuple]) -> bytes:
        if t.kind != "codelist":
            return cells.csv_text(t, rows).encode("utf-8")
        key = (t.name, tuple(rows))
        if key not in self._codelists:
            self._codelists[key] = cells.csv_text(t, rows).encode("utf-8")
        return self._codelists[key]

    def _schema(self, t: tables.Table, checked: frozenset, unchecked: tuple) -> str:
        key = (t.name, checked, unchecked)
        if key not in self._schemas:
            self._schemas[key] = compact_json(t.schema(checked, unchecked))
        return self._schemas[key]


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
