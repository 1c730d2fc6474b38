"""Check the catalogue: schema, codelists, references and rules.

`check_catalog` loads every file once, validates each against its schema
(jsonschema-rs decides valid/invalid fast; only invalid files go through the
slower jsonschema to get one friendly problem per error), applies the rules
beyond the schema, and builds the Catalog when there are no errors. The
rules read defensively, so a record with a schema error still gets its
reference and privacy problems reported in the same run.
"""

from __future__ import annotations

import functools
import gc
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.paths import CATALOG_DIR, SCHEMA_DIR

from .codelists import CodelistError
from .entry import Entry
from .kinds import DATASET_FILE, FILE_KINDS, RECORDS
from .load import Document, load_file
from .model import Catalog
from .problems import ERROR, Problem
from .record_rules import record_rules
from .schema_errors import problems_from_errors
from .schemas import Schema
from .text_rules import published_text_rules


@dataclass
class Result:
    problems: list[Problem]
    catalog: Catalog | None
    files: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)




def check_catalog(catalog_dir: Path = CATALOG_DIR, schema_dir: Path = SCHEMA_DIR,
                  extra: list[Path] = ()) -> Result:
    """Check the whole catalogue, plus files outside it (treated as records)."""
    # Loading builds millions of small acyclic objects; the cyclic collector
    # would walk them again and again for nothing.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _check(catalog_dir, schema_dir, extra)
    finally:
        if was_enabled:
            gc.enable()


def _check(catalog_dir: Path, schema_dir: Path, extra) -> Result:
    problems: list[Problem] = []
    try:
        schema = Schema.read(schema_dir)
    except CodelistError as err:
        problem = Problem("codelist-invalid", display(Path(err.file)), err.line, 1, (), {"detail": err.detail})
        return Result([problem], None)
    checkers = schema.validators
    docs = _load_all(catalog_dir, extra)
    for kind, doc in docs:
        problems += doc.problems
        if doc.data is not None and not checkers[kind].is_valid(doc.data):
            errors = checkers[kind].errors(doc.data)
            problems += problems_from_errors(errors, doc.path, doc.position)
    entries = _entries(docs)
    problems += record_rules(entries, schema)
    problems += published_text_rules(docs, schema)
    problems.sort(key=Problem.sort_key)
    result = Result(problems, None, [doc.path for _, doc in docs])
    if not result.has_errors:
        result.catalog = _build(entries, schema, _dataset(docs), catalog_dir.resolve().parent)
    return result


def display(path: Path) -> str:
    """A path as the user should read it: relative to the cwd when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


def _load_all(catalog_dir: Path, extra) -> list[tuple[str, Document]]:
    files = []
    for kind in RECORDS:
        # the shared list first: a record declared again in a file of its own is reported there
        if kind.file and os.path.lexists(catalog_dir / kind.file):  # a dangling link is refused, not skipped
            files.append((kind.table, catalog_dir / kind.file))
        if kind.folder:
            files += [(kind.name, p) for p in _listing(catalog_dir / kind.folder)]
    files.append(("dataset", catalog_dir / DATASET_FILE))  # required: it describes every release
    if extra:
        known = {_unlinked(p) for _, p in files}
        files += [(classify(p), p) for p in extra if _unlinked(p) not in known]
    shown = functools.lru_cache(maxsize=None)(display)  # one relpath per folder, not per file
    return [(kind, load_file(path, os.path.join(shown(path.parent), path.name))) for kind, path in files]


def _listing(folder: Path) -> list[Path]:
    """The YAML files of a catalogue folder. A linked folder is never listed:
    it comes back as itself, and the loader refuses it as a link."""
    if folder.is_symlink():
        return [folder]
    return sorted(folder.glob("*.yaml"))


def _unlinked(path: Path) -> Path:
    # The folder resolved, the file itself not: a link given on the command
    # line is then checked (and refused) rather than mistaken for its target.
    return path.parent.resolve() / path.name


def classify(path: Path) -> str:
    """Which kind of file (kinds.FILE_KINDS) a file outside the catalogue folder is checked as."""
    if path.name == DATASET_FILE:
        return "dataset"
    by_file = next((kind.table for kind in RECORDS if kind.file == path.name), None)
    by_folder = next((kind.name for kind in RECORDS if kind.folder == path.parent.name), "practice")
    return by_file or by_folder


def catalog_entries(catalog_dir: Path = CATALOG_DIR) -> list[Entry]:
    """Every record of the catalogue, where the checker finds it (for tools that read records again)."""
    return _entries(_load_all(catalog_dir, ()))


def _entries(docs) -> list[Entry]:
    entries = []
    for name, doc in docs:
        kind, list_key = FILE_KINDS[name].record, FILE_KINDS[name].list_key
        if doc.data is None or kind is None:  # dataset metadata is not a record
            continue
        if list_key:
            items = doc.data.get(list_key)
            for i, item in enumerate(items if isinstance(items, list) else []):
                if isinstance(item, dict):
                    entries.append(Entry(kind, doc, (list_key, i), item))
        else:
            entries.append(Entry(kind, doc, (), doc.data))
    return entries


def _dataset(docs) -> dict | None:
    return next((doc.data for kind, doc in docs if kind == "dataset"), None)


def _build(entries: list[Entry], schema: Schema, dataset: dict | None, project: Path) -> Catalog:
    groups = {kind.name: {} for kind in RECORDS}
    files = {}
    for entry in entries:
        groups[entry.kind][entry.id] = entry.data
        if not entry.path:  # a record in a file of its own
            files[f"{entry.kind}:{entry.id}"] = _repo_path(entry.doc.path, project)
    return Catalog.create(groups["practice"], groups["instrument"], groups["source"],
                          groups["place"], schema.codelists, files, dataset, schema)


def _repo_path(shown: str, project: Path) -> str:
    folder, name = os.path.split(shown)
    return f"{_repo_folder(folder, project)}{name}"


@functools.lru_cache(maxsize=None)
def _repo_folder(folder: str, project: Path) -> str:
    """'catalog/practices/' for a folder inside the project (the folder that holds the
    catalogue, as in its repository), '' outside it."""
    try:
        return Path(folder or ".").resolve().relative_to(project).as_posix() + "/"
    except ValueError:
        return ""
