"""The contributors' field reference, generated from the JSON Schemas and codelists.

Every row comes from a schema property (its Dutch `description`, whether it
is required, what kind of value it takes) and every code table from a
codelist, so the reference on the website cannot drift from what the checker
enforces. Output is Markdown for the website (Dutch), deterministic.
"""

from __future__ import annotations

from generator.catalog.schemas import Schema

# The record kinds a contributor writes, in the order the page shows them:
# (schema file, heading, where the record lives).
RECORD_KINDS = (
    ("practice.schema.json", "Praktijkvoorbeeld", "één bestand per voorbeeld in `catalog/practices/<id>.yaml`"),
    ("metric.schema.json", "Cijfer", "een onderdeel van `metrics` in een praktijkvoorbeeld"),
    ("cost.schema.json", "Kostenpost", "een onderdeel van `costs` in een praktijkvoorbeeld"),
    ("instrument.schema.json", "Instrument", "één bestand per instrument in `catalog/instruments/<id>.yaml`"),
    ("source.schema.json", "Bron", "één bestand per nieuwe bron in `catalog/sources/<id>.yaml`, of een onderdeel "
     "van `sources` in `catalog/sources.yaml`"),
    ("place.schema.json", "Plaats", "een onderdeel van `places` in `catalog/places.yaml`"),
)

RECORD_FILES = {file for file, _, _ in RECORD_KINDS}

# Shared building blocks from common.schema.json, described in words instead of expanded.
COMMON_VALUE_WORDS = {
    "slug": "korte naam: kleine letters, cijfers en streepjes",
    "place_id": "plaatscode uit `catalog/places.yaml` (GM0983, PV31 of een korte naam)",
    "partial_date": "jaar, jaar-maand of datum tussen aanhalingstekens (\"2014\", \"2014-02\", \"2014-02-01\")",
    "date": "datum tussen aanhalingstekens (\"2026-11-23\")",
    "text_line": "tekst (hoogstens 1000 tekens)",
    "locator": "tekst (hoogstens 200 tekens)",
    "url": "webadres dat begint met https:// of http://",
}

EXTRA_COLUMN_HEADINGS = {"unit": "Eenheid", "higher_is_better": "Hoger is beter", "rank": "Volgorde"}


def field_reference_markdown(schema: Schema) -> str:
    """The whole reference: one table per record kind, then every codelist."""
    parts = []
    for file, heading, where in RECORD_KINDS:
        parts.append(_record_section(dict(schema.files), file, heading, where))
    parts.append(_codelists_section(dict(schema.codelists)))
    return "\n".join(parts)


def codelist_anchor(name: str) -> str:
    """The id of a codelist's heading, as Python-Markdown's toc derives it from 'Codelijst <name>'."""
    return f"codelijst-{name}"


def _record_section(schemas: dict, file: str, heading: str, where: str) -> str:
    schema = schemas[file]
    rows = list(_field_rows(schemas, file, schema, prefix=""))
    lines = [
        f"## {heading}",
        "",
        f"{_cell(schema.get('description', ''))} Dit is {where}.",
        "",
        "| Veld | Verplicht | Waarde | Uitleg |",
        "|---|---|---|---|",
    ]
    lines += [f"| `{name}` | {'ja' if required else 'nee'} | {value} | {_cell(text)} |"
              for name, required, value, text in rows]
    return "\n".join(lines) + "\n"


def _field_rows(schemas: dict, file: str, node: dict, prefix: str):
    """(dotted name, required, value in words, Dutch description) for each property, depth first."""
    required = set(node.get("required", ()))
    for name, prop in node.get("properties", {}).items():
        target_file, target = _resolve(schemas, file, prop)
        description = prop.get("description") or target.get("description", "")
        path = f"{prefix}{name}"
        yield path, name in required, _value_words(schemas, file, prop), description
        item_file, item = target_file, target
        suffix = "."
        if target.get("type") == "array" and "items" in target:
            item_file, item = _resolve(schemas, target_file, target["items"])
            suffix = "[]."
        # A whole record schema (a metric, a cost) has its own section instead of nested rows.
        own_section = item_file in RECORD_FILES and item is schemas[item_file]
        if item.get("type") == "object" and "properties" in item and not own_section:
            yield from _field_rows(schemas, item_file, item, path + suffix)


def _resolve(schemas: dict, file: str, node: dict) -> tuple[str, dict]:
    """Follow $ref (within a file or to another file) until a node without one."""
    while isinstance(node, dict) and "$ref" in node:
        ref_file, _, pointer = node["$ref"].partition("#")
        file = ref_file or file
        node = schemas[file]
        for part in filter(None, pointer.split("/")):
            node = node[part]
    return file, node


def _value_words(schemas: dict, file: str, prop: dict) -> str:
    """What kind of value a property takes, in plain Dutch."""
    ref = prop.get("$ref")
    if ref:
        ref_file, _, pointer = ref.partition("#")
        ref_file = ref_file or file
        name = pointer.rsplit("/", 1)[-1]
        if ref_file == "codes.schema.json":
            return f"code uit [{name}](#{codelist_anchor(name)})"
        if ref_file == "common.schema.json" and name in COMMON_VALUE_WORDS:
            return _cell(COMMON_VALUE_WORDS[name])
        if ref_file in RECORD_FILES and not pointer:
            return _record_link(ref_file)
        return "groep velden (zie hieronder)"
    kind = prop.get("type")
    if "enum" in prop:
        return "een van: " + ", ".join(f"`{value}`" for value in prop["enum"])
    if kind == "array":
        item_words = _value_words(schemas, file, prop.get("items", {}))
        if item_words == "groep velden (zie hieronder)":
            item_words = "groepen velden (zie hieronder)"
        return f"lijst; elk onderdeel: {item_words}"
    if kind == "string":
        return _string_words(prop)
    if kind == "number":
        return "getal, 0 of meer" if prop.get("minimum") == 0 else "getal"
    if kind == "integer":
        return f"geheel getal, {prop['minimum']} of meer" if "minimum" in prop else "geheel getal"
    if kind == "object":
        return "groep velden (zie hieronder)"
    return "waarde"


def _string_words(prop: dict) -> str:
    if "pattern" in prop and prop["pattern"] == "^[A-Z]{3}$":
        return "drie hoofdletters (ISO-code, bijvoorbeeld EUR)"
    if "pattern" in prop and prop["pattern"] == "^[a-z]{2}$":
        return "twee kleine letters (taalcode, bijvoorbeeld nl)"
    if "pattern" in prop:
        return "code in een vaste vorm (zie uitleg)"
    if "maxLength" in prop:
        return f"tekst (hoogstens {prop['maxLength']} tekens)"
    return "tekst"


def _record_link(file: str) -> str:
    for kind, heading, _ in RECORD_KINDS:
        if kind == file:
            return f"een {heading.lower()} (zie [{heading}](#{heading.lower()}))"
    raise KeyError(file)


def _codelists_section(codelists: dict[str, list[dict]]) -> str:
    lines = [
        "## Codelijsten",
        "",
        "Velden met een code nemen een code uit een van deze lijsten. De lijsten staan in "
        "`schema/codelists/` in de repository; de website toont de Nederlandse naam.",
        "",
    ]
    for name in sorted(codelists):
        rows = codelists[name]
        extra = [column for column in rows[0] if column not in ("code", "label_nl", "label_en", "description_nl")] if rows else []
        lines += [f"### Codelijst {name}", ""]
        header = ["Code", "Naam", "Uitleg"] + [EXTRA_COLUMN_HEADINGS.get(c, c) for c in extra]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        for row in rows:
            cells = [f"`{row['code']}`", _cell(row["label_nl"]), _cell(row["description_nl"])]
            cells += [_extra_cell(row.get(column)) for column in extra]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def _extra_cell(value) -> str:
    if value is True:
        return "ja"
    if value is False:
        return "nee"
    return "" if value is None else _cell(str(value))


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no HTML, no pipes, one line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.replace("|", "\\|").split())
