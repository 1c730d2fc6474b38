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
    file_schema: str      # the schema of one file (the record's own, or the shared file's)
    table: str            # its table in the data package; other tables refer to it as <table>.id
    key: str              # the column that names it in its child tables
    noun_nl: str
    noun_en: str
    folder: str | None = None    # one file per record, named after its id, in catalog/<folder>/
    file: str | None = None      # or all records in catalog/<file>, as a list under list_key
    list_key: str | None = None


RECORDS = (
    Kind("practice", "practice.schema.json", "practice.schema.json", "practices", "practice_id",
         "het voorbeeld", "the practice", folder="practices"),
    Kind("instrument", "instrument.schema.json", "instrument.schema.json", "instruments", "instrument_id",
         "het instrument", "the instrument", folder="instruments"),
    Kind("source", "source.schema.json", "sources-file.schema.json", "sources", "source_id",
         "de bron", "the source", file="sources.yaml", list_key="sources"),
    Kind("place", "place.schema.json", "places-file.schema.json", "places", "place_id",
         "de plaats", "the place", file="places.yaml", list_key="places"),
)
KINDS = {kind.name: kind for kind in RECORDS}
BY_TABLE = {kind.table: kind for kind in RECORDS}

# Not a record but one file that describes the dataset as a whole (every release needs it).
DATASET_FILE = "dataset.yaml"
DATASET_SCHEMA = "dataset.schema.json"

# The schema each kind of file is checked against: a record kind, or "dataset".
FILE_SCHEMAS = {**{kind.name: kind.file_schema for kind in RECORDS}, "dataset": DATASET_SCHEMA}


def kind_of_path(parts: tuple[str, ...]) -> str | None:
    """The file kind of a path inside the catalogue folder ("practices", "x.yaml"), or None."""
    if len(parts) == 1:
        if parts[0] == DATASET_FILE:
            return "dataset"
        return next((kind.name for kind in RECORDS if kind.file == parts[0]), None)
    if len(parts) == 2 and parts[1].endswith(".yaml"):
        return next((kind.name for kind in RECORDS if kind.folder == parts[0]), None)
    return None


def schema_line(kind: Kind) -> str:
    """The first line of a record file: editors (VS Code's YAML extension) check it as you type."""
    depth = "../../" if kind.folder else "../"
    return f"# yaml-language-server: $schema={depth}schema/{kind.file_schema}"
