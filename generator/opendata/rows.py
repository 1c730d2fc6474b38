"""Records <-> rows: the one flattening of the catalogue into its tables, and
back. `records_from_rows` rebuilds the nested records from the rows with the
same table definitions, which is how the tests prove the tables lose nothing.
"""

from __future__ import annotations

from generator.catalog.kinds import KINDS
from generator.catalog.schemas import Schema

from .tables import Column, Table, tables


def catalog_rows(catalog) -> dict[str, list[tuple]]:
    """Every table's rows: records sorted by id, list rows by (owner id, position)."""
    records = records_by_kind(catalog)
    out = {}
    for t in tables(catalog.schema):
        if t.kind == "codelist":
            out[t.name] = codelist_rows(t, catalog.codelists.get(t.name.removeprefix("codelist_"), []))
        else:
            rows = []
            for _, record in sorted(records[t.kind].items()):
                rows += record_rows(t, record)
            out[t.name] = rows
    return out


def records_by_kind(catalog) -> dict[str, dict]:
    return {"practice": catalog.practices, "instrument": catalog.instruments,
            "source": catalog.sources, "place": catalog.places}


def record_rows(t: Table, record: dict) -> list[tuple]:
    """The rows one record contributes to a table."""
    width, slots = len(t.columns), t.slots
    if t.is_records:
        row = [None] * width
        _fill(row, record, slots)
        return [tuple(row)]
    items = _get(record, t.at) or []
    owner = record["id"]
    if t.value:
        return [(owner, i, item) for i, item in enumerate(items, 1)]
    rows = []
    for i, item in enumerate(items, 1):
        row = [None] * width
        row[0], row[1] = owner, i
        _fill(row, item, slots)
        rows.append(tuple(row))
    return rows


def _fill(row: list, node: dict, slots: dict) -> None:
    # Items are sparse (most optional fields absent): walk their keys, not every column.
    for key, value in node.items():
        slot = slots.get(key)  # None: an array, which has its own table
        if slot.__class__ is int:
            row[slot] = value
        elif slot is not None:
            _fill(row, value, slot)


def codelist_rows(t: Table, rows: list[dict]) -> list[tuple]:
    return [tuple(_codelist_value(c, row.get(c.name)) for c in t.columns) for row in rows]


def _codelist_value(column: Column, value):
    if value == "":
        return None
    return int(value) if column.type == "integer" and value is not None else value


def _get(node, path: tuple):
    for step in path:
        if not isinstance(node, dict):
            return None
        node = node.get(step)
    return node


# ---------------------------------------------------------------- rows -> records


def records_from_rows(rows: dict[str, list[tuple]], schema: Schema) -> dict[str, dict[str, dict]]:
    """Nested records rebuilt from table rows: kind -> id -> record."""
    records: dict[str, dict[str, dict]] = {kind: {} for kind in KINDS}
    all_tables = [t for t in tables(schema) if t.kind != "codelist"]
    for t in all_tables:
        if t.is_records:
            for row in rows.get(t.name, ()):
                record = {}
                for column, value in zip(t.columns, row):
                    if value is not None:
                        _set(record, column.path, value)
                records[t.kind][record["id"]] = record
    for t in all_tables:
        if t.is_records:
            continue
        lists: dict[str, list] = {}
        for row in sorted(rows.get(t.name, ()), key=lambda r: (r[0], r[1])):
            lists.setdefault(row[0], []).append(row[2] if t.value else _item(t.columns[2:], row[2:]))
        for owner, items in lists.items():
            _set(records[t.kind][owner], t.at, items)
    return records


def _item(columns, values) -> dict:
    item = {}
    for column, value in zip(columns, values):
        if value is not None:
            _set(item, column.path, value)
    return item


def _set(node: dict, path: tuple, value):
    for step in path[:-1]:
        node = node.setdefault(step, {})
    node[path[-1]] = value
