"""A new practice record from a commented template (`python -m generator new`).

The template is a YAML record that passes the checker except for what only
the contributor knows. Those fields hold a placeholder that fails on purpose
("" for a text, [] for a list, `vul-in` for a code or a source), so
`validate` lists exactly what is left to do, each on its own line. Optional
fields are shown as commented-out examples. The comments come from the
schema's Dutch descriptions and from the codelists, so they say what the
checker enforces.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import textwrap
import unicodedata
from pathlib import Path

from generator.catalog.kinds import KINDS, schema_line
from generator.catalog.load import load_dataset
from generator.catalog.schemas import Schema
from generator.paths import CATALOG_DIR, SCHEMA_DIR

FIELD_REFERENCE_PAGE = "bijdragen/velden/"  # on the site named by catalog/dataset.yaml's homepage
CODE_PLACEHOLDER = "vul-in"  # a valid slug that is no code and no source: fails with a clear message
WIDTH = 88

# Optional fields as commented-out examples, in the schema's order. Each is
# valid YAML on its own once the '# ' in front of its lines is removed.
EXAMPLES = {
    "description": """\
description: |
  Wat er gebeurde, voor wie, met wie, wat het opleverde en wat hielp of remde.
  Markdown mag: **vet**, lijstjes met '- ' en [links](https://www.voorbeeld.nl).""",
    "period": """\
period:
  start: "2020"
  end: "2023-06\"""",
    "instruments": "instruments: [werkervaringsplaats]",
    "organisations": """\
organisations:
  - name: Gemeente Voorbeeldstad
    type: municipality
    role: lead""",
    "metrics": """\
metrics:
  - indicator: persons-into-work
    value: 500
    qualifier: more-than
    as_given: "ruim 500"
    unit: persons
    period:
      start: "2021"
      end: "2022"
    kind: outcome
    stage: achieved
    source: code-van-de-bron
    locator: "pagina 12\"""",
    "costs": """\
costs:
  - amount: 850000
    currency: EUR
    as_given: "850.000 euro"
    basis: total
    stage: expected
    covers: Begeleiding en scholing
    source: code-van-de-bron
    locator: "hoofdstuk 3\"""",
    "funding": """\
funding:
  - funder: Gemeente Voorbeeldstad
    source: code-van-de-bron
    locator: "hoofdstuk 3\"""",
    "success_factors": """\
success_factors:
  - Korte lijnen met werkgevers.""",
    "obstacles": """\
obstacles:
  - Weinig geld voor begeleiding na het eerste jaar.""",
    "links": """\
links:
  - title: Website van het project
    url: https://www.voorbeeld.nl/project""",
    "related": "related: [venlo-re-inspiratie]",
}


class NewRecordError(Exception):
    """The record cannot be written; the message says why and what to do (Dutch)."""


def slug_pattern(schema_dir: Path = SCHEMA_DIR) -> tuple[re.Pattern, int]:
    """The id rule, read from the schema so that `new` and the checker agree."""
    slug = Schema.read(schema_dir).files["common.schema.json"]["$defs"]["slug"]
    return re.compile(slug["pattern"]), slug["maxLength"]


def suggest_slug(text: str) -> str:
    """'Venlo: Re-inspiratie!' -> 'venlo-re-inspiratie'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))


def check_id(ident: str, catalog_dir: Path = CATALOG_DIR, schema_dir: Path = SCHEMA_DIR) -> None:
    """Raise NewRecordError unless `ident` is a valid, unused practice id."""
    pattern, max_length = slug_pattern(schema_dir)
    if not pattern.search(ident) or len(ident) > max_length:
        hint = suggest_slug(ident)[:max_length]
        better = f" Bijvoorbeeld: {hint}" if hint and hint != ident else ""
        raise NewRecordError(f"'{ident}' is geen geldige korte naam: gebruik alleen kleine letters, cijfers en "
                             f"streepjes (hoogstens {max_length} tekens).{better}")
    existing = catalog_dir / "practices" / f"{ident}.yaml"
    if existing.exists():
        raise NewRecordError(f"{os.path.relpath(existing)} bestaat al. Kies een andere naam, of verbeter het bestaande voorbeeld.")


def render(ident: str, *, title: str | None = None, places=(), themes=(), today: dt.date,
           catalog_dir: Path = CATALOG_DIR, schema_dir: Path = SCHEMA_DIR) -> str:
    """The template for practice `ident`, with whatever the contributor already gave."""
    schema = Schema.read(schema_dir)
    schemas, codelists = schema.files, schema.codelists
    _check_codes("theme", themes, codelists)
    _check_places(places, schema_dir)
    properties = schemas["practice.schema.json"]["properties"]
    values = _required_values(ident, title, places, themes, today)
    lines = [schema_line(KINDS["practice"]), *_comment(_intro(ident, _site_url(catalog_dir)))]
    for name, prop in properties.items():
        written = name in values
        lines += ["", *_comment(_help(name, prop, written, schemas, codelists, catalog_dir))]
        if written:
            lines += values[name].splitlines()
        else:
            lines += ["# " + line for line in EXAMPLES[name].splitlines()]
    return "\n".join(lines) + "\n"


def write(ident: str, *, title: str | None = None, places=(), themes=(), today: dt.date | None = None,
          catalog_dir: Path = CATALOG_DIR, schema_dir: Path = SCHEMA_DIR) -> Path:
    """Write catalog/practices/<ident>.yaml; refuses a bad or existing id."""
    check_id(ident, catalog_dir, schema_dir)
    text = render(ident, title=title, places=places, themes=themes, today=today or dt.date.today(),
                  catalog_dir=catalog_dir, schema_dir=schema_dir)
    target = catalog_dir / "practices" / f"{ident}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
        handle.write(text)
    return target


# ---------------------------------------------------------------- pieces


def _required_values(ident, title, places, themes, today: dt.date) -> dict[str, str]:
    """YAML for every field the template always writes; placeholders where only the contributor knows."""
    date = _quote(today.isoformat())
    return {
        "id": f"id: {_scalar(ident)}",
        "title": f"title: {_quote(title or '')}",
        "summary": 'summary: ""',
        "status": f"status: {CODE_PLACEHOLDER}",
        "scope": f"scope: {CODE_PLACEHOLDER}",
        "places": f"places: {_flow(places)}",
        "themes": f"themes: {_flow(themes)}",
        "target_groups": "target_groups: []",
        "evidence": f'evidence:\n  level: {CODE_PLACEHOLDER}\n  claimed_by: ""',
        "sources": f'sources:\n  - source: {CODE_PLACEHOLDER}\n    locator: ""',
        "record": f"record:\n  added: {date}\n  updated: {date}\n  contributors: []",
    }


def _site_url(catalog_dir: Path) -> str:
    """The catalogue's website, as its dataset description names it."""
    homepage = load_dataset(catalog_dir).get("homepage")
    return homepage if isinstance(homepage, str) else ""


def _intro(ident: str, site_url: str) -> list[str]:
    return [
        "Nieuw praktijkvoorbeeld. Vul in wat nog leeg is (\"\" of []) of 'vul-in' zegt. "
        "Controleer het bestand daarna met:",
        f"    python -m generator validate catalog/practices/{ident}.yaml",
        "De controle noemt elk veld dat nog ontbreekt, met de regel waarop het staat. "
        "Een regel die met # begint, telt niet mee. Zet geen telefoonnummers of "
        "e-mailadressen van personen in het record. Alle velden en codes:",
        f"    {site_url.rstrip('/')}/{FIELD_REFERENCE_PAGE}",
    ]


def _help(name: str, prop: dict, written: bool, schemas: dict, codelists: dict, catalog_dir: Path) -> list[str]:
    """The comment above a field: its Dutch description, the codes it takes, how to use it."""
    lines = [prop.get("description", "")]
    codelist = _codelist_of(prop, schemas)
    if codelist:
        lines.append(f"Kies uit: {_codes(codelists[codelist])}.")
    if written:  # codes inside a group the template writes out (evidence.level)
        for sub, sub_prop in _local_def(prop, schemas["practice.schema.json"]).get("properties", {}).items():
            if _codelist_of(sub_prop, schemas):
                lines.append(f"Kies bij {sub} uit: {_codes(codelists[_codelist_of(sub_prop, schemas)])}.")
    if name == "instruments":
        known = sorted(path.stem for path in (catalog_dir / "instruments").glob("*.yaml"))
        if known:
            lines.append(f"Bestaande instrumenten: {', '.join(known)}.")
    if name == "sources":
        folder = KINDS["source"].folder
        lines.append(f"Staat de bron nog niet in de catalogus? Maak dan voor haar een bestand "
                     f"catalog/{folder}/<code-van-de-bron>.yaml (zie CONTRIBUTING.md).")
    if not written:
        lines.append("Niet verplicht. Wilt u dit veld gebruiken? Haal dan in de regels hieronder "
                     "de # en de spatie erachter weg.")
    return lines


def _codes(rows: list[dict]) -> str:
    return ", ".join(f"{row['code']} ({row['label_nl']})" for row in rows)


def _local_def(prop: dict, schema: dict) -> dict:
    ref = prop.get("$ref", "")
    return schema.get("$defs", {}).get(ref.rsplit("/", 1)[-1], {}) if ref.startswith("#/$defs/") else {}


def _codelist_of(prop: dict, schemas: dict) -> str | None:
    """The codelist a field (or each item of a list field) takes its codes from."""
    ref = (prop.get("items") or prop).get("$ref", "")
    file, _, pointer = ref.partition("#")
    if file != "codes.schema.json":
        return None
    return schemas[file]["$defs"][pointer.rsplit("/", 1)[-1]].get("x-codelist")


def _comment(paragraphs: list[str]) -> list[str]:
    """Comment lines; an indented paragraph (a command, an address) stays on one line."""
    out = []
    for paragraph in paragraphs:
        if paragraph.startswith("    "):
            out.append("#" + paragraph)
        else:
            out += ["# " + line for line in textwrap.wrap(paragraph, WIDTH - 2, break_on_hyphens=False)]
    return out


def _check_codes(codelist: str, given, codelists: dict) -> None:
    known = [row["code"] for row in codelists[codelist]]
    for code in given:
        if code not in known:
            raise NewRecordError(f"'{code}' staat niet in de codelijst {codelist}. Kies uit: {', '.join(known)}.")


def _check_places(given, schema_dir: Path) -> None:
    pattern = re.compile(Schema.read(schema_dir).files["common.schema.json"]["$defs"]["place_id"]["pattern"])
    for place in given:
        if not pattern.search(place):
            raise NewRecordError(f"'{place}' is geen plaatscode: gebruik een CBS-code zoals GM0983 of PV31, "
                                 "of een korte naam uit catalog/places.yaml.")


def _quote(text: str) -> str:
    # A JSON string is a valid YAML 1.2 double-quoted scalar, whatever the text holds.
    return json.dumps(text, ensure_ascii=False)


def _scalar(text: str) -> str:
    """Plain when YAML 1.2 reads it back as this very string (a code like GM0983), else quoted."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9-]*", text) and text.lower() not in ("null", "true", "false"):
        return text
    return _quote(text)


def _flow(items) -> str:
    return "[" + ", ".join(_scalar(item) for item in items) + "]"
