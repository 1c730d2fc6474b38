"""The codebook: every table and field of the data package, as Markdown.

Generated from the same table definitions as the package itself
(generator.opendata.tables), so it cannot drift from the data. Headings start at
level 2: the page that embeds it (the website's downloads page) has its own
title. Dutch by default; field texts come from the JSON Schema's Dutch
`description` ("en": from `x-description-en`).
"""

from __future__ import annotations

from generator.catalog.schemas import Schema

from . import tables

WORDS = {
    "nl": {
        "tables": "Tabellen en velden",
        "intro": ("Het datapakket heeft één CSV-bestand per tabel (UTF-8, komma als scheidingsteken, "
                  "een kopregel). Een lege cel betekent: geen waarde. Getallen hebben een punt als "
                  "decimaalteken, datums de vorm JJJJ-MM-DD. Lijsten uit een record staan in een eigen "
                  "tabel met de sleutel van het record en `position` (de volgorde, vanaf 1). "
                  "`practices.json` bevat dezelfde voorbeelden als geneste records, precies zoals in de "
                  "YAML-bestanden."),
        "table": "Tabel", "file": "Bestand", "key": "Sleutel", "refers": "Verwijst naar",
        "columns": ("Veld", "Type", "Verplicht", "Omschrijving"),
        "yes": "ja", "no": "nee", "codes": "Codes uit codelijst", "values": "Waarden",
        "codelists": "Codelijsten",
        "codelists_intro": ("De codes in de tabellen komen uit deze lijsten; elke lijst is ook een tabel "
                            "(`codelist_<naam>`), zodat u de namen erbij kunt zoeken."),
        "codelist": "Codelijst",
        "codelist_columns": ("Code", "Naam", "Naam (Engels)", "Uitleg"),
        "types": {"string": "tekst", "integer": "geheel getal", "number": "getal",
                  "boolean": "true/false", "date": "datum"},
    },
    "en": {
        "tables": "Tables and fields",
        "intro": ("The data package has one CSV file per table (UTF-8, comma-separated, one header "
                  "row). An empty cell means: no value. Numbers use a decimal point, dates the form "
                  "YYYY-MM-DD. Lists inside a record have their own table, keyed by the record's id and "
                  "`position` (the order, from 1). `practices.json` holds the same practices as nested "
                  "records, exactly as in the YAML files."),
        "table": "Table", "file": "File", "key": "Key", "refers": "Refers to",
        "columns": ("Field", "Type", "Required", "Description"),
        "yes": "yes", "no": "no", "codes": "Codes from codelist", "values": "Values",
        "codelists": "Codelists",
        "codelists_intro": ("The codes in the tables come from these lists; each list is a table too "
                            "(`codelist_<name>`), to look up the labels."),
        "codelist": "Codelist",
        "codelist_columns": ("Code", "Label (Dutch)", "Label (English)", "Explanation (Dutch)"),
        "types": {"string": "text", "integer": "integer", "number": "number",
                  "boolean": "true/false", "date": "date"},
    },
}


def codebook_markdown(schema: Schema, lang: str = "nl") -> str:
    words = WORDS[lang]
    lines = [f"## {words['tables']}", "", words["intro"], ""]
    for table in tables.tables(schema):
        lines += _table(table, words, lang)
    lines += [f"## {words['codelists']}", "", words["codelists_intro"], ""]
    for name, rows in schema.codelists.items():
        lines += _codelist(name, rows, words, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


def _table(table: tables.Table, words: dict, lang: str) -> list[str]:
    description = table.description_nl if lang == "nl" else table.description_en
    key = " + ".join(f"`{name}`" for name in table.primary_key)
    lines = [f"### {words['table']} `{table.name}`", "", _cell(description), "",
             f"{words['file']}: `{table.name}.csv`. {words['key']}: {key}."]
    references = [f"`{column}` → `{target}.{target_key}`" for column, target, target_key in table.foreign_keys()
                  if not target.startswith("codelist_")]
    if references:
        lines[-1] += f" {words['refers']}: {', '.join(references)}."
    header = words["columns"]
    lines += ["", f"| {' | '.join(header)} |", "|" + "---|" * len(header)]
    for column in table.columns:
        lines.append(f"| `{column.name}` | {words['types'][column.type]} | "
                     f"{words['yes'] if column.required else words['no']} | {_describe(column, words, lang)} |")
    return lines + [""]


def _describe(column: tables.Column, words: dict, lang: str) -> str:
    text = column.description_nl if lang == "nl" else column.description_en
    if column.codelist:
        if f"codelijst {column.codelist}" not in text and f"{column.codelist} codelist" not in text:
            text += f" {words['codes']} `{column.codelist}`."
    elif "enum" in column.constraints:
        text += f" {words['values']}: " + ", ".join(f"`{v}`" for v in column.constraints["enum"]) + "."
    return _cell(text)


def _codelist(name: str, rows: list[dict], words: dict, lang: str) -> list[str]:
    header = words["codelist_columns"]
    lines = [f"### {words['codelist']} `{name}`", "", f"| {' | '.join(header)} |", "|" + "---|" * len(header)]
    for row in rows:
        lines.append(f"| `{row['code']}` | {_cell(row['label_nl'])} | {_cell(row['label_en'])} | "
                     f"{_cell(row['description_nl'])} |")
    return lines + [""]


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")
