"""The definition of the website's form "Voorbeeld toevoegen", generated so it cannot drift.

`files(catalog)` gives {site path: content} with one JSON file that the
form's JavaScript (site/docs/assets/form-app.js) builds the form from: the
practice schema exactly as the checker bundles it (fields, help texts,
required fields, limits), the codelists with their Dutch labels, the ids
already in the catalogue (for choices and to refuse a taken id), the
declaration of the checker's rules beyond the schema (catalog/rule_spec.py,
which form-rules.js interprets as record_rules.py does), the Dutch message
per problem code (derived from problems.MESSAGES, the one message table), and
the address of GitHub's new-file page from mkdocs.yml. Only the Dutch words
the schema does not hold (short labels, help for the form) live here.
"""

from __future__ import annotations

import json

from generator.catalog import mistakes, problems, rule_spec
from generator.catalog.kinds import KINDS, RECORDS, schema_line
from generator.catalog.model import Catalog
from generator.catalog.schema_errors import CODELIST_CODE, DATE_PATTERNS, KEYWORD_CODES, OTHER_CODE, PATTERNS
from generator.catalog.schemas import ANY_ITEM, Schema
from generator.paths import CATALOG

from . import form_help
from .page_parts import SiteLinks

SPEC_PATH = "assets/form-spec.json"
PRACTICES_FOLDER = f"{CATALOG}/{KINDS['practice'].folder}"
SOURCES_FOLDER = f"{CATALOG}/{KINDS['source'].folder}"
# What the form asks of a source that is not yet in the catalogue, in the order it asks it (the file it
# writes keeps the schema's order). The schema's other fields (authors, series, notes) the editors add.
NEW_SOURCE_FIELDS = ("title", "publisher", "date", "url", "type", "language", "id")

# Short Dutch labels by property name; PATH_LABELS overrides one place ("metrics[].label").
LABELS = {
    "checked": "Gecontroleerd tegen de bron", "date": "Datum", "by": "Door wie",
    "id": "Korte naam", "title": "Titel", "summary": "Samenvatting", "description": "Beschrijving",
    "status": "Stand van zaken", "period": "Periode", "start": "Begin", "end": "Einde", "scope": "Schaal",
    "places": "Plaatsen", "themes": "Thema's", "target_groups": "Doelgroepen", "instruments": "Instrumenten",
    "organisations": "Organisaties", "name": "Naam", "type": "Soort", "role": "Rol", "place": "Plaats",
    "website": "Website",
    "note": "Toelichting", "metrics": "Cijfers", "indicator": "Wat is er gemeten?", "label": "Omschrijving",
    "value": "Waarde", "qualifier": "Hoe precies", "as_given": "Letterlijk uit de bron", "unit": "Eenheid",
    "as_of": "Peildatum", "population": "Over wie", "kind": "Soort cijfer", "stage": "Gehaald, verwacht of doel",
    "comparison": "Vergelijking", "baseline": "Uitgangssituatie", "derived": "Hoe afgeleid",
    "source": "Bron", "locator": "Vindplaats in de bron", "costs": "Kosten", "amount": "Bedrag",
    "currency": "Munteenheid", "basis": "Waar het bedrag op slaat", "covers": "Wat het bedrag dekt",
    "vat": "Btw", "part_of": "Onderdeel van kostenpost", "funding": "Financiering", "funder": "Wie betaalt",
    "success_factors": "Wat hielp", "obstacles": "Wat remde", "evidence": "Bewijs", "level": "Bewijsniveau",
    "claimed_by": "Wie zegt dat het werkt?", "sources": "Bronnen", "links": "Links", "url": "Adres",
    "related": "Verwante voorbeelden", "record": "Over deze bijdrage", "added": "Toegevoegd op",
    "updated": "Bijgewerkt op", "contributors": "Geschreven door",
    "new_source": "Nieuwe bron", "publisher": "Uitgever", "language": "Taal",
}
PATH_LABELS = {
    "period": "Looptijd",
    "metrics[].label": "Omschrijving van het cijfer",
    "metrics[].comparison.label": "Vergelijken met",
    "links[].title": "Tekst van de link",
    "costs[].stage": "Werkelijk, begroot of geschat",
    "new_source.id": "Korte naam van de bron",
    "new_source.title": "Titel van de bron",
    "new_source.date": "Verschenen in",
    "new_source.url": "Link naar de bron",
    "new_source.type": "Soort bron",
}
# The name of one item of a list, for "Cijfer 2" and "Cijfer toevoegen".
ITEM_LABELS = {
    "places": "Plaats", "instruments": "Instrument", "organisations": "Organisatie", "metrics": "Cijfer",
    "costs": "Kostenpost", "funding": "Financier", "success_factors": "Punt", "obstacles": "Punt",
    "sources": "Bron", "links": "Link", "related": "Voorbeeld", "contributors": "Naam",
}
# Choices that are a schema enum but no codelist.
ENUM_LABELS = {"vat": {"incl": "inclusief btw", "excl": "exclusief btw"}}

# The checker's hint per pattern (schema_errors.PATTERNS) speaks of YAML where the form has no quotes to type;
# these replace it, by what the pattern is for.
FORM_PATTERN_HINTS = {
    "een jaar of datum": "Schrijf een jaar (2014), jaar en maand (2014-02) of een datum (2014-02-01).",
    **form_help.PATTERN_HINTS,
}

# The problem codes the form can report; their wording is problems.MESSAGES (the "form" entry where the
# form words it differently, else the checker's message and hint).
RULE_CODES = ("id-duplicate", "related-self", "text-formula-start", "text-control-char", "date-impossible",
              "number-with-unit", "date-in-words")
# Codes the form reports without holding back the result: the pull request can add what is missing.
NOT_BLOCKING = tuple(f"unresolved-{kind.name}" for kind in RECORDS)


def form_codes() -> list[str]:
    codes = {*KEYWORD_CODES.values(), CODELIST_CODE, OTHER_CODE, *RULE_CODES, *NOT_BLOCKING}
    codes |= {rule["code"] for rule in rule_spec.PRACTICE_RULES + rule_spec.TEXT_RULES}
    return sorted(codes)


def messages() -> dict[str, dict[str, str]]:
    """{code: {variant: Dutch text}}; variant "" is the default, others are a widget kind or a type."""
    out = {}
    for code in form_codes():
        entry = problems.MESSAGES[code]
        form = entry.get("form") or " ".join(part for part in entry["nl"] if part)
        out[code] = form if isinstance(form, dict) else {"": form}
    return out


def files(catalog: Catalog, links: SiteLinks | None = None) -> dict[str, str]:
    """{site path: content} for the mkdocs hook."""
    return {SPEC_PATH: json.dumps(spec(catalog, links), ensure_ascii=False, separators=(",", ":")) + "\n"}


def spec(catalog: Catalog, links: SiteLinks | None = None) -> dict:
    links = links or SiteLinks.of(catalog)
    schema = reachable(catalog.schema.validators["practice"].schema)
    source = new_source(catalog, links)
    return {
        "kind": "practice",
        "schema": schema,
        "schema_line": schema_line(KINDS["practice"]),
        "new_file_url": links.new_file_url(PRACTICES_FOLDER),
        "folder": PRACTICES_FOLDER,
        "labels": LABELS,
        "path_labels": PATH_LABELS,
        "help": {"by_path": form_help.BY_PATH, "by_name": form_help.BY_NAME},
        "item_labels": ITEM_LABELS,
        "enum_labels": ENUM_LABELS,
        "references": reference_fields(catalog.schema),
        "reference_paths": [{"path": list(ref.path), "kind": ref.kind} for ref in catalog.schema.references["practice"]],
        "codelists": _codelists(catalog, [schema, source["schema"]]),
        "known": _known(catalog),
        "messages": messages(),
        "schema_codes": {"keywords": KEYWORD_CODES, "codelist": CODELIST_CODE, "other": OTHER_CODE},
        "warnings": sorted(problems.WARNINGS),
        "not_blocking": list(NOT_BLOCKING),
        "pattern_hints": {pattern: FORM_PATTERN_HINTS.get(words[0], words[2]) for pattern, words in PATTERNS.items()},
        "rules": rule_spec.for_javascript(catalog.schema.date_paths["practice"]),
        "mistakes": {**mistakes.for_javascript(), "date_patterns": list(DATE_PATTERNS)},
        "new_source": source,
    }


def new_source(catalog: Catalog, links: SiteLinks) -> dict:
    """What differs for a new source's own file: form-source.js draws, collects and checks it with
    the spec above, these keys replacing the practice's (the source's file schema, as the checker
    bundles it, and the rules of its kind)."""
    schema = catalog.schema
    return {
        "kind": "source",
        "schema": reachable(schema.validators["source"].schema),
        "schema_line": schema_line(KINDS["source"]),
        "new_file_url": links.new_file_url(SOURCES_FOLDER),
        "folder": SOURCES_FOLDER,
        "fields": list(NEW_SOURCE_FIELDS),
        "reference_paths": [{"path": list(ref.path), "kind": ref.kind} for ref in schema.references["source"]],
        "rules": rule_spec.for_javascript(schema.date_paths["source"], "source"),
    }


def reference_fields(schema: Schema) -> dict[str, str]:
    """Field name -> the record kind it names, for the practice fields the form shows."""
    return {next(step for step in reversed(ref.path) if step != ANY_ITEM): ref.kind
            for ref in schema.references["practice"]}


def reachable(schema: dict) -> dict:
    """The bundle without the $defs no $ref reaches (the other record kinds)."""
    defs = schema.get("$defs", {})
    keep, todo = set(), [{k: v for k, v in schema.items() if k != "$defs"}]
    while todo:
        for ref in _refs(todo.pop()):
            name = ref.removeprefix("#/$defs/").split("/", 1)[0]
            if ref.startswith("#/$defs/") and name not in keep:
                keep.add(name)
                todo.append(defs[name])
    return {**schema, "$defs": {name: part for name, part in defs.items() if name in keep}}


def _refs(node):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _codelists(catalog: Catalog, schemas: list[dict]) -> dict[str, list[dict]]:
    """The codelists the form offers, with Dutch label and help (and an indicator's unit)."""
    used = sorted({ref.rsplit("/", 1)[-1] for schema in schemas for ref in _refs(schema)
                   if ref.startswith("#/$defs/codes.schema.json/")})
    out = {}
    for name in used:
        out[name] = [{"code": row["code"], "label": row["label_nl"], "help": row.get("description_nl", ""),
                      **({"unit": row["unit"]} if row.get("unit") else {})}
                     for row in catalog.codelists[name]]
    return out


def _known(catalog: Catalog) -> dict[str, list[dict]]:
    """Records a new practice can refer to: {kind: [{id, label}]}, in id order."""
    def source_label(source: dict) -> str:
        extra = ", ".join(str(source[key]) for key in ("publisher", "date") if source.get(key))
        return f"{source.get('title', '')} ({extra})" if extra else source.get("title", "")

    return {
        "source": [{"id": i, "label": source_label(s)} for i, s in catalog.sources.items()],
        "place": [{"id": i, "label": p.get("name", i)} for i, p in catalog.places.items()],
        "instrument": [{"id": i, "label": r.get("name", i)} for i, r in catalog.instruments.items()],
        "practice": [{"id": i, "label": r.get("title", i), "related": r.get("related", [])}
                     for i, r in catalog.practices.items()],
    }
