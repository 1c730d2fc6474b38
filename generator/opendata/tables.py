"""The tables of the data package, derived from the schema.

Which arrays become tables is declared once (TABLE_DEFS); everything else is
derived from the JSON Schemas and the codelists: the columns (nested objects
flattened, names joined with "_"), their types, `required`, constraints,
enums, descriptions, primary and foreign keys. rows.py flattens records into
these tables and back; cells.py writes and reads their CSV text.

An array or optional object the tables could not represent exactly raises
`TableShapeError` when the table definitions are derived, so a schema change
that would make the tables lossy fails loudly instead of dropping data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from generator.catalog.codelists import BOOLEAN_COLUMNS
from generator.catalog.kinds import KINDS
from generator.catalog.schemas import Node, Schema


class TableShapeError(Exception):
    """The JSON Schema holds a shape the table definitions do not cover."""


@dataclass(frozen=True)
class TableDef:
    """One table: the records of a kind (at=()), or one array inside them."""
    name: str
    kind: str
    at: tuple = ()
    value: str | None = None  # column name for an array of plain values


TABLE_DEFS = (
    TableDef("practices", "practice"),
    TableDef("practice_places", "practice", ("places",), "place"),
    TableDef("practice_themes", "practice", ("themes",), "theme"),
    TableDef("practice_target_groups", "practice", ("target_groups",), "target_group"),
    TableDef("practice_instruments", "practice", ("instruments",), "instrument"),
    TableDef("organisations", "practice", ("organisations",)),
    TableDef("metrics", "practice", ("metrics",)),
    TableDef("costs", "practice", ("costs",)),
    TableDef("funding", "practice", ("funding",)),
    TableDef("practice_success_factors", "practice", ("success_factors",), "text"),
    TableDef("practice_obstacles", "practice", ("obstacles",), "text"),
    TableDef("practice_sources", "practice", ("sources",)),
    TableDef("related_practices", "practice", ("related",), "related"),
    TableDef("practice_links", "practice", ("links",)),
    TableDef("practice_contributors", "practice", ("record", "contributors"), "name"),
    TableDef("instruments", "instrument"),
    TableDef("instrument_aliases", "instrument", ("also_known_as",), "name"),
    TableDef("instrument_links", "instrument", ("links",)),
    TableDef("instrument_sources", "instrument", ("sources",)),
    TableDef("instrument_contributors", "instrument", ("record", "contributors"), "name"),
    TableDef("sources", "source"),
    TableDef("source_authors", "source", ("authors",), "name"),
    TableDef("places", "place"),
    TableDef("place_parents", "place", ("part_of",), "parent"),
    TableDef("place_provinces", "place", ("province",), "province"),
)

# Columns of the codelist CSVs: type, Dutch and English description.
CODELIST_COLUMNS = {
    "code": ("string", "De code zoals die in de records staat.", "The code as used in the records."),
    "label_nl": ("string", "Naam in het Nederlands.", "Label in Dutch."),
    "label_en": ("string", "Naam in het Engels.", "Label in English."),
    "description_nl": ("string", "Uitleg in het Nederlands.", "Explanation in Dutch."),
    "unit": ("string", "Eenheid van de indicator (codelijst unit).", "Unit of the indicator (unit codelist)."),
    "higher_is_better": ("boolean", "Of een hogere waarde beter is (leeg: niet te zeggen).",
                         "Whether a higher value is better (empty: cannot be said)."),
    "rank": ("integer", "Rangorde: hoe hoger, hoe sterker.", "Rank: the higher, the stronger."),
}
CODELIST_REQUIRED = ("code", "label_nl", "label_en")
CODELIST_REFERENCES = {"unit": "unit"}  # column -> codelist it takes its codes from

POSITION_NL = "Plaats in de lijst in het record, vanaf 1."
POSITION_EN = "Position in the record's list, from 1."

TYPES_BY_SCHEMA = {"string": "string", "number": "number", "integer": "integer", "boolean": "boolean"}
CONSTRAINTS = ("pattern", "minLength", "maxLength", "minimum", "maximum")


@dataclass(frozen=True)
class Column:
    name: str
    path: tuple  # inside the item (record or array element); () for a plain value
    type: str  # Table Schema type
    required: bool
    description_nl: str
    description_en: str
    constraints: dict = field(default_factory=dict)
    codelist: str | None = None
    reference: str | None = None  # table whose key this column holds


@dataclass(frozen=True)
class Table:
    name: str
    kind: str  # a KINDS key, or "codelist"
    at: tuple
    value: str | None
    columns: tuple[Column, ...]
    description_nl: str
    description_en: str

    @cached_property
    def slots(self) -> dict:
        """Key -> column number, or -> nested slots for an object: walks only the keys an item has."""
        slots: dict = {}
        for number, column in enumerate(self.columns):
            if column.path and not (number < 2 and self.at):
                node = slots
                for step in column.path[:-1]:
                    node = node.setdefault(step, {})
                node[column.path[-1]] = number
        return slots

    @property
    def is_records(self) -> bool:
        return self.kind != "codelist" and not self.at

    @property
    def primary_key(self) -> list[str]:
        if self.kind == "codelist":
            return ["code"]
        return ["id"] if not self.at else [KINDS[self.kind].key, "position"]

    def foreign_keys(self) -> list[tuple[str, str, str]]:
        """(column, table, column) for every reference this table makes."""
        keys = []
        for column in self.columns:
            if column.reference:
                target_key = "code" if column.reference.startswith("codelist_") else "id"
                keys.append((column.name, column.reference, target_key))
        return keys

    def schema(self, available=None, unchecked=()) -> dict:
        """The Frictionless Table Schema (v2) of this table.

        available: the tables present in the package (None: all); foreign keys
        to other tables are left out, as are those of the unchecked columns.
        """
        fields = []
        for column in self.columns:
            constraints = dict(column.constraints)
            if column.required:
                constraints = {"required": True, **constraints}
            spec = {"name": column.name, "type": column.type, "description": column.description_en}
            if constraints:
                spec["constraints"] = constraints
            fields.append(spec)
        schema = {"fields": fields, "missingValues": [""], "primaryKey": self.primary_key}
        foreign = []
        for name, target, target_key in self.foreign_keys():
            if name in unchecked or (available is not None and target not in available):
                continue
            reference = {"fields": [target_key]}
            if target != self.name:  # v2: no resource means this same table
                reference = {"resource": target, **reference}
            foreign.append({"fields": [name], "reference": reference})
        if foreign:
            schema["foreignKeys"] = foreign
        return schema


# ---------------------------------------------------------------- deriving the tables


def tables(schema: Schema) -> tuple[Table, ...]:
    """Every table of the data package, in publication order: records, then codelists."""
    return schema.derived(_derive_tables)


def _derive_tables(schema: Schema) -> tuple[Table, ...]:
    walker = _Walker(schema)
    result = [walker.table(definition) for definition in TABLE_DEFS]
    result += [_codelist_table(name, rows) for name, rows in schema.codelists.items()]
    return tuple(result)


def table(name: str, schema: Schema) -> Table:
    return next(t for t in tables(schema) if t.name == name)


class _Walker:
    def __init__(self, schema: Schema):
        self.schemas, self.codelists, self.resolve = schema.files, schema.codelists, schema.resolve

    def table(self, definition: TableDef) -> Table:
        kind = KINDS[definition.kind]
        root = self.resolve(self.schemas[kind.record_schema], kind.record_schema)
        node, required, texts = root, True, []
        for step in definition.at:
            required = required and step in node.schema.get("required", ())
            node = self.resolve(node.schema["properties"][step], node.file)
            texts.append(node.schema)
        if definition.at:
            if node.schema.get("type") != "array":
                raise TableShapeError(f"{definition.name}: {'.'.join(definition.at)} is not an array")
            description_nl = " ".join(_text(s, "nl") for s in texts)
            description_en = " ".join(_text(s, "en") for s in texts)
            item = self.resolve(node.schema["items"], node.file)
            columns = [
                Column(kind.key, (), "string", True,
                       f"Id van {kind.noun_nl} ({kind.table}.id).", f"Id of {kind.noun_en} ({kind.table}.id).",
                       reference=kind.table),
                Column("position", (), "integer", True, POSITION_NL, POSITION_EN, {"minimum": 1}),
            ]
            if definition.value:
                columns.append(self.column(definition.value, (), item, True, texts, definition))
            else:
                columns += self.flatten(item, (), True, [], definition)
        else:
            description_nl, description_en = _text(root.schema, "nl"), _text(root.schema, "en")
            columns = self.flatten(root, (), True, [], definition)
        return Table(definition.name, definition.kind, definition.at, definition.value, tuple(columns),
                     description_nl, description_en)

    def flatten(self, node: Node, path: tuple, required: bool, texts: list, definition: TableDef) -> list[Column]:
        columns = []
        schema = node.schema
        for name, raw in schema.get("properties", {}).items():
            child = self.resolve(raw, node.file)
            child_path = path + (name,)
            child_required = required and name in schema.get("required", ())
            child_texts = texts + [child.schema]
            kind = child.schema.get("type")
            if kind == "array":
                self._check_declared(definition, child_path)
            elif kind == "object":
                if not child_required and not (child.schema.get("required") or child.schema.get("minProperties")):
                    raise TableShapeError(f"{definition.name}: optional object {'.'.join(child_path)} "
                                          "may be empty, which a table row cannot tell from absent")
                columns += self.flatten(child, child_path, child_required, child_texts, definition)
            else:
                columns.append(self.column("_".join(child_path), child_path, child, child_required,
                                           child_texts, definition))
        return columns

    def _check_declared(self, definition: TableDef, path: tuple):
        # Arrays inside array items would need two-level keys; none exist, so refuse them.
        if definition.at or not any(d.kind == definition.kind and d.at == path for d in TABLE_DEFS):
            raise TableShapeError(f"{definition.name}: the array {'.'.join(path)} has no table in TABLE_DEFS")

    def column(self, name: str, path: tuple, node: Node, required: bool, texts: list,
               definition: TableDef) -> Column:
        schema = node.schema
        constraints, codelist = {}, schema.get("x-codelist")
        reference = KINDS[schema["x-reference"]].table if "x-reference" in schema else None
        if node.ref == "common.schema.json#/$defs/date":
            kind = "date"
        elif codelist or "enum" in schema:
            kind = "string"
            codes = [row["code"] for row in self.codelists[codelist]] if codelist else list(schema["enum"])
            constraints["enum"] = codes
        elif schema.get("type") in TYPES_BY_SCHEMA:
            kind = TYPES_BY_SCHEMA[schema["type"]]
        else:
            raise TableShapeError(f"{definition.name}.{name}: no table type for {schema}")
        for key in CONSTRAINTS:
            if key in schema and kind != "date":
                constraints[key] = schema[key]
        pattern = constraints.get("pattern")
        if pattern is not None and not (pattern.startswith("^") and pattern.endswith("$")):
            raise TableShapeError(f"{definition.name}.{name}: pattern must be anchored (^...$)")
        if codelist:
            reference = f"codelist_{codelist}"
        if definition.at == () and name == "id":
            reference = None
        description_nl = " ".join(_text(s, "nl") for s in texts if _text(s, "nl"))
        description_en = " ".join(_text(s, "en") for s in texts if _text(s, "en"))
        return Column(name, path, kind, required, description_nl, description_en, constraints, codelist, reference)


def _text(schema: dict, lang: str) -> str:
    text = schema.get("description" if lang == "nl" else "x-description-en") or schema.get("description") or ""
    return text if not text or text.endswith((".", "?", "!", ")")) else text + "."


def _codelist_table(name: str, rows: list[dict]) -> Table:
    columns = []
    for column in rows[0].keys() if rows else ("code", "label_nl", "label_en", "description_nl"):
        kind, text_nl, text_en = CODELIST_COLUMNS.get(
            column, ("boolean" if column in BOOLEAN_COLUMNS else "string",
                     "Extra kolom van de codelijst.", "Extra column of the codelist."))
        target = CODELIST_REFERENCES.get(column)
        columns.append(Column(column, (column,), kind, column in CODELIST_REQUIRED, text_nl, text_en,
                              reference=f"codelist_{target}" if target else None, codelist=target))
    return Table(f"codelist_{name}", "codelist", (), None, tuple(columns),
                 f"Codelijst {name}: de codes met hun naam in het Nederlands en het Engels en hun uitleg.",
                 f"Codelist {name}: the codes with their Dutch and English labels and explanation.")
