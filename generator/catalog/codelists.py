"""Codelists: the CSV files in schema/codelists/, the one source of truth.

The JSON Schema enums in schema/codes.schema.json are generated from them
(`python -m generator schema`), so the published schemas work on their own in
standard tools while a test keeps both in step.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from generator.paths import SCHEMA_DIR

REQUIRED_COLUMNS = ("code", "label_nl", "label_en", "description_nl")
# Columns whose cells are true/false/empty rather than text.
BOOLEAN_COLUMNS = {"higher_is_better"}
# A spreadsheet reads a cell that starts with one of these as a formula (OWASP's
# list for CSV injection): no published text, record or codelist, may start with
# one. The names are for the messages (Dutch, English).
FORMULA_SIGNS = {"=": ("'='", "'='"), "+": ("'+'", "'+'"), "-": ("'-'", "'-'"), "@": ("'@'", "'@'"),
                 "\t": ("een tab", "a tab"), "\r": ("een regelterugloop", "a carriage return")}
FORMULA_START = tuple(FORMULA_SIGNS)


class CodelistError(Exception):
    """A codelist file is malformed; the message says where and what."""

    def __init__(self, file: str, line: int, detail: str):
        super().__init__(f"{file}:{line}: {detail}")
        self.file, self.line, self.detail = file, line, detail


def read_codelists(folder: Path) -> dict[str, list[dict]]:
    """Every CSV in the folder, by file stem, rows in file order."""
    return {path.stem: read_codelist(path) for path in sorted(folder.glob("*.csv"))}


def read_codelist(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = tuple(reader.fieldnames or ())
        if columns[: len(REQUIRED_COLUMNS)] != REQUIRED_COLUMNS:
            raise CodelistError(str(path), 1, f"the columns must start with {','.join(REQUIRED_COLUMNS)}")
        rows, seen = [], set()
        for line, row in enumerate(reader, start=2):
            if None in row or any(value is None for value in row.values()):
                raise CodelistError(str(path), line, "the row does not have as many cells as the header")
            if not row["code"] or row["code"] in seen:
                raise CodelistError(str(path), line, f"the code '{row['code']}' is empty or repeated")
            seen.add(row["code"])
            formula = next((key for key, value in row.items() if value.startswith(FORMULA_START)), None)
            if formula is not None:
                raise CodelistError(str(path), line, f"the cell {formula} starts with {row[formula][0]!r}, "
                                                     "which a spreadsheet reads as a formula; start with a word")
            rows.append({key: _cell(key, value) for key, value in row.items()})
        return rows


def _cell(column: str, value: str):
    if column in BOOLEAN_COLUMNS:
        return {"true": True, "false": False}.get(value)
    return value


def published_id(folder: Path, name: str) -> str | None:
    """A schema file's "$id" (its published address): beside common.schema.json's, whose
    address is the site's (catalog/dataset.yaml's homepage + data/schema/, a test checks)."""
    common = json.loads((folder / "common.schema.json").read_text(encoding="utf-8")).get("$id")
    return common and common.rsplit("/", 1)[0] + "/" + name


def codes_schema(codelists: dict[str, list[dict]], folder: Path = SCHEMA_DIR) -> dict:
    """The generated schema: one enum definition per codelist; its $id beside the others in folder."""
    defs = {}
    for name, rows in codelists.items():
        defs[name] = {
            "title": name,
            "description": f"Een code uit schema/codelists/{name}.csv.",
            "x-description-en": f"A code from schema/codelists/{name}.csv.",
            "x-codelist": name,
            "enum": [row["code"] for row in rows],
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": published_id(folder, "codes.schema.json"),
        "title": "Codelijsten",
        "description": "Gegenereerd uit schema/codelists/*.csv met 'python -m generator schema'; niet met de hand wijzigen.",
        "x-description-en": "Generated from schema/codelists/*.csv by 'python -m generator schema'; do not edit.",
        "$defs": defs,
    }


def render_codes_schema(codelists: dict[str, list[dict]]) -> str:
    return json.dumps(codes_schema(codelists), ensure_ascii=False, indent=2) + "\n"
