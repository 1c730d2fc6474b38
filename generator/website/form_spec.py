"""The definition of the website's form "Voorbeeld toevoegen", generated so it cannot drift.

`files(catalog)` gives {site path: content} with one JSON file that the
form's JavaScript (site/docs/assets/form-app.js) builds the form from: the
practice schema exactly as the checker bundles it (fields, help texts,
required fields, limits), the codelists with their Dutch labels, the ids
already in the catalogue (for choices and to refuse a taken id), the regular
expressions of the checker's rules beyond the schema, and the address of
GitHub's new-file page from mkdocs.yml. Only the Dutch words the schema does
not hold (short labels, messages) live here.
"""

from __future__ import annotations

import json

from generator.catalog import record_rules
from generator.catalog.kinds import KINDS, RECORDS, schema_line
from generator.catalog.model import Catalog
from generator.catalog.schema_errors import PATTERNS
from generator.catalog.schemas import ANY_ITEM, Schema
from generator.paths import CATALOG

from .page_parts import SiteLinks

SPEC_PATH = "assets/form-spec.json"
PRACTICES_FOLDER = f"{CATALOG}/{KINDS['practice'].folder}"

# Short Dutch labels by property name; PATH_LABELS overrides one place ("metrics[].label").
LABELS = {
    "checked": "Gecontroleerd tegen de bron", "date": "Datum", "by": "Door wie",
    "id": "Korte naam", "title": "Titel", "summary": "Samenvatting", "description": "Beschrijving",
    "status": "Stand van zaken", "period": "Periode", "start": "Begin", "end": "Einde", "scope": "Schaal",
    "places": "Plaatsen", "themes": "Thema's", "target_groups": "Doelgroepen", "instruments": "Instrumenten",
    "organisations": "Organisaties", "name": "Naam", "type": "Soort", "role": "Rol", "place": "Plaats",
    "note": "Toelichting", "metrics": "Cijfers", "indicator": "Wat is er gemeten?", "label": "Omschrijving",
    "value": "Waarde", "qualifier": "Hoe precies", "as_given": "Letterlijk uit de bron", "unit": "Eenheid",
    "as_of": "Peildatum", "population": "Over wie", "kind": "Soort cijfer", "stage": "Gehaald, verwacht of doel",
    "comparison": "Vergelijking", "baseline": "Uitgangssituatie", "derived": "Hoe afgeleid",
    "source": "Bron", "locator": "Vindplaats in de bron", "costs": "Kosten", "amount": "Bedrag",
    "currency": "Munteenheid", "basis": "Waar het bedrag op slaat", "covers": "Wat het bedrag dekt",
    "vat": "Btw", "part_of": "Onderdeel van kostenpost", "funding": "Financiering", "funder": "Wie betaalt",
    "success_factors": "Wat hielp", "obstacles": "Wat remde", "evidence": "Bewijs", "level": "Bewijsniveau",
    "claimed_by": "Wie zegt dat het werkt?", "sources": "Bronnen", "links": "Links", "url": "Adres",
    "related": "Verwante voorbeelden", "record": "Over dit record", "added": "Toegevoegd op",
    "updated": "Bijgewerkt op", "contributors": "Geschreven door",
}
PATH_LABELS = {
    "period": "Looptijd",
    "metrics[].label": "Omschrijving van het cijfer",
    "metrics[].comparison.label": "Vergelijken met",
    "links[].title": "Tekst van de link",
    "costs[].stage": "Werkelijk, begroot of geschat",
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
}

# Dutch messages at the field, one per JSON Schema keyword and per rule beyond the schema.
MESSAGES = {
    "required": "Vul dit veld in.",
    "required-choice": "Kies een waarde.",
    "required-list": "Vul er minstens één in.",
    "required-checkboxes": "Kies er minstens één.",
    "required-group": "Vul dit onderdeel in.",
    "type": "Deze waarde heeft niet de goede vorm.",
    "type-number": "Vul een getal in, zoals 12 of 12,5 (zonder punt voor duizendtallen).",
    "type-integer": "Vul een heel getal in, zoals 2.",
    "enum": "Kies een waarde uit de lijst.",
    "pattern": "Deze waarde heeft niet de goede vorm.",
    "minLength": "Te kort: schrijf minstens {limit} tekens.",
    "maxLength": "Te lang: {length} tekens, hoogstens {limit} mag.",
    "minimum": "Het getal moet minstens {limit} zijn.",
    "maximum": "Het getal mag hoogstens {limit} zijn.",
    "minItems": "Vul er minstens {limit} in.",
    "uniqueItems": "Een waarde staat er twee keer in. Haal de dubbele weg.",
    "additionalProperties": "Dit veld hoort hier niet.",
    "minProperties": "Vul minstens één veld in, of laat dit onderdeel helemaal leeg.",
    "dependentRequired": "Vul dit ook in: het hoort bij het veld '{property}'.",
    "false": "Deze waarde is hier niet toegestaan.",
    # rules beyond the schema (generator/catalog/record_rules.py)
    "id-taken": "Er is al een voorbeeld met deze korte naam ({title}). Kies een andere naam, "
                "of verbeter het bestaande voorbeeld.",
    "unit-mismatch": "Bij deze indicator hoort de eenheid '{expected}'.",
    "comparison-unit-mismatch": "Gebruik dezelfde eenheid als bij het cijfer zelf ('{expected}').",
    "period-order": "Het einde ligt voor het begin.",
    "record-dates-order": "Deze datum ligt voor de datum van toevoegen.",
    "personal-email": "Haal het e-mailadres {value} weg: de catalogus bevat geen persoonlijke contactgegevens.",
    "personal-phone": "Haal het telefoonnummer {value} weg: de catalogus bevat geen persoonlijke contactgegevens.",
    "url-scheme": "Het adres {value} begint niet met https:// of http://. Gebruik een volledig webadres.",
    "cost-part-of": "Vul het nummer in van een andere kostenpost in deze lijst (1 tot en met {count}).",
    # notes that do not block the result
    "unknown-reference": "'{value}' staat nog niet in de catalogus. Voeg het toe aan {home} in dezelfde "
                         "pull request, of kies uit de lijst.",
    "summary-long": "De samenvatting is {length} tekens. Houd het bij twee of drie korte zinnen "
                    "(mik op hoogstens {limit} tekens).",
}


def files(catalog: Catalog, links: SiteLinks | None = None) -> dict[str, str]:
    """{site path: content} for the mkdocs hook."""
    return {SPEC_PATH: json.dumps(spec(catalog, links), ensure_ascii=False, separators=(",", ":")) + "\n"}


def spec(catalog: Catalog, links: SiteLinks | None = None) -> dict:
    links = links or SiteLinks.of(catalog)
    schema = reachable(catalog.schema.validators["practice"].schema)
    return {
        "schema": schema,
        "schema_line": schema_line(KINDS["practice"]),
        "new_file_url": links.new_file_url(PRACTICES_FOLDER),
        "folder": PRACTICES_FOLDER,
        "labels": LABELS,
        "path_labels": PATH_LABELS,
        "item_labels": ITEM_LABELS,
        "enum_labels": ENUM_LABELS,
        "references": reference_fields(catalog.schema),
        "reference_homes": REFERENCE_HOMES,
        "codelists": _codelists(catalog, schema),
        "known": _known(catalog),
        "messages": MESSAGES,
        "pattern_hints": {pattern: FORM_PATTERN_HINTS.get(words[0], words[2]) for pattern, words in PATTERNS.items()},
        "rules": {
            "email": record_rules.EMAIL.pattern,
            "phone": record_rules.PHONE.pattern,
            "link_target": record_rules.LINK_TARGET.pattern,
            "role_mailboxes": sorted(record_rules.ROLE_MAILBOXES),
            "summary_soft_limit": record_rules.SUMMARY_SOFT_LIMIT,
        },
    }


def reference_fields(schema: Schema) -> dict[str, str]:
    """Field name -> the record kind it names, for the practice fields the form shows."""
    return {next(step for step in reversed(ref.path) if step != ANY_ITEM): ref.kind
            for ref in schema.references["practice"]}


# Where a missing reference must be added (shown as a note, not an error: it may come in the same pull request).
REFERENCE_HOMES = {kind.name: f"catalog/{kind.folder}/" if kind.folder else f"catalog/{kind.file}" for kind in RECORDS}


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


def _codelists(catalog: Catalog, schema: dict) -> dict[str, list[dict]]:
    """The codelists the form offers, with Dutch label and help (and an indicator's unit)."""
    used = sorted({ref.rsplit("/", 1)[-1] for ref in _refs(schema) if ref.startswith("#/$defs/codes.schema.json/")})
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
        "practice": [{"id": i, "label": r.get("title", i)} for i, r in catalog.practices.items()],
    }
