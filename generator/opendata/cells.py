"""Cells as CSV text: one fixed way to write every value, and to read it back."""

from __future__ import annotations

import csv
import io
import re

from .tables import Column, Table

_INTEGER_TEXT = re.compile(r"-?[0-9]+")


def format_cell(value) -> str:
    """A cell as CSV text: empty for missing, true/false, shortest exact numbers."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float):
        return repr(value)  # shortest text that reads back as the same float; 7.0 stays 7.0
    return str(value)


def parse_cell(column: Column, text: str):
    """The inverse of format_cell, for a column's type."""
    if text == "":
        return None
    if column.type == "integer":
        return int(text)
    if column.type == "number":
        return int(text) if _INTEGER_TEXT.fullmatch(text) else float(text)
    if column.type == "boolean":
        return text == "true"
    return text


def csv_text(t: Table, rows: list[tuple]) -> str:
    """A table as CSV: UTF-8 text, header row, LF line ends, quotes only where needed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.name for c in t.columns])
    if any(c.type == "boolean" for c in t.columns):
        writer.writerows([format_cell(v) for v in row] for row in rows)
    else:
        # The csv module already writes None as "", ints with str() and floats with repr(),
        # exactly as format_cell does; only booleans need it.
        writer.writerows(rows)
    return buffer.getvalue()


def read_csv(t: Table, text: str) -> list[tuple]:
    """Rows from CSV text written by csv_text, typed again."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    if header != [c.name for c in t.columns]:
        raise ValueError(f"{t.name}: unexpected header {header}")
    return [tuple(parse_cell(c, cell) for c, cell in zip(t.columns, row)) for row in reader]
