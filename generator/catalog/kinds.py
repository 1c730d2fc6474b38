"""The kinds of record, declared once: where their files are, which schema
checks them, which table publishes them.

Every other module derives from this table: the checker's file discovery,
the data package's tables, `diff`, the form and the field reference. What
refers to what is declared in the schemas (`x-reference`, see schemas.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str             # "practice": the word the code and the problem codes use
    record_schema: str    # the schema of one record
    table: str            # its table in the data package; other tables refer to it as <table>.id
    key: str              # the column that names it in its child tables
    noun_nl: str
    noun_en: str
    folder: str | None = None         # one file per record, named after its id, in catalog/<folder>/,
    folder_schema: str | None = None  # checked against this schema
    file: str | None = None           # and/or all records in catalog/<file>, as a list under list_key,
    list_key: str | None = None
    file_schema: str | None = None    # checked against this schema


RECORDS = (
    Kind("practice", "practice.schema.json", "practices", "practice_id", "het voorbeeld", "the practice",
         folder="practices", folder_schema="practice.schema.json"),
    Kind("instrument", "instrument.schema.json", "instruments", "instrument_id", "het instrument", "the instrument",
         folder="instruments", folder_schema="instrument.schema.json"),
    # Both: the shared list that holds the first sources, and one file per new source, so that two
    # contributors who each add a source never edit the same file.
    Kind("source", "source.schema.json", "sources", "source_id", "de bron", "the source",
         folder="sources", folder_schema="source-file.schema.json",
         file="sources.yaml", list_key="sources", file_schema="sources-file.schema.json"),
    Kind("place", "place.schema.json", "places", "place_id", "de plaats", "the place",
         file="places.yaml", list_key="places", file_schema="places-file.schema.json"),
)
KINDS = {kind.name: kind for kind in RECORDS}
BY_TABLE = {kind.table: kind for kind in RECORDS}

# Not a record but one file that describes the dataset as a whole (every release needs it).
DATASET_FILE = "dataset.yaml"
DATASET_SCHEMA = "dataset.schema.json"


@dataclass(frozen=True)
class FileKind:
    """One kind of file in catalog/: the checker names it, picks its schema and finds its records by it."""
    name: str              # a record kind for its one-record files ("source"), its table for its list ("sources")
    record: str | None     # the record kind its records are (None: the dataset description)
    schema: str
    list_key: str | None   # the records are the list under this key; None: the file is one record


def _file_kinds():
    for kind in RECORDS:
        if kind.file:  # listed first: a source declared twice is reported in its own new file
            yield FileKind(kind.table, kind.name, kind.file_schema, kind.list_key)
        if kind.folder:
            yield FileKind(kind.name, kind.name, kind.folder_schema, None)
    yield FileKind("dataset", None, DATASET_SCHEMA, None)


FILE_KINDS = {file_kind.name: file_kind for file_kind in _file_kinds()}
# The schema each kind of file is checked against.
FILE_SCHEMAS = {name: file_kind.schema for name, file_kind in FILE_KINDS.items()}


def kind_of_path(parts: tuple[str, ...]) -> str | None:
    """The file kind (a FILE_KINDS key) of a path inside the catalogue folder ("practices", "x.yaml"), or None."""
    if len(parts) == 1:
        if parts[0] == DATASET_FILE:
            return "dataset"
        return next((kind.table for kind in RECORDS if kind.file == parts[0]), None)
    if len(parts) == 2 and parts[1].endswith(".yaml"):
        return next((kind.name for kind in RECORDS if kind.folder == parts[0]), None)
    return None


def schema_line(kind: Kind) -> str:
    """The first line of a file in the kind's folder: editors (VS Code's YAML extension) check it as you type."""
    return f"# yaml-language-server: $schema=../../schema/{kind.folder_schema}"
