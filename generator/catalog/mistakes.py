"""The usual mistakes of a first contributor, recognised so the message can name the fix.

A Dutch field name (`samenvatting:`), a number with its unit (`value: 12%`)
and a date in words (`start: maart 2020`) each get their own message
instead of a generic schema error. Declared here once: schema_errors.py
applies them in the checker, and the web form (form-check.js) applies the
same declarations from form-spec.json ("mistakes").
"""

from __future__ import annotations

import re

from .rule_spec import MONTHS

# Dutch (and common English) field names -> the names the schema uses. Where one
# Dutch word fits more than one level ("plaats"), the first that the level allows wins.
DUTCH_FIELDS = {
    "titel": ["title"], "naam": ["name", "title"], "samenvatting": ["summary"],
    "beschrijving": ["description"], "omschrijving": ["description", "label"],
    "plaats": ["places", "place"], "plaatsen": ["places"], "gemeente": ["places", "place"],
    "gemeenten": ["places"], "thema": ["themes"], "themas": ["themes"], "thema's": ["themes"],
    "doelgroep": ["target_groups"], "doelgroepen": ["target_groups"], "bron": ["sources", "source"],
    "bronnen": ["sources"], "periode": ["period"], "looptijd": ["period"], "begin": ["start"],
    "einde": ["end"], "eind": ["end"], "schaal": ["scope"], "stand": ["status"],
    "instrumenten": ["instruments"], "organisaties": ["organisations"], "organisatie": ["organisations"],
    "soort": ["type", "kind"], "rol": ["role"], "toelichting": ["note"], "cijfers": ["metrics"],
    "waarde": ["value"], "eenheid": ["unit"], "kosten": ["costs"], "bedrag": ["amount"],
    "financiering": ["funding"], "bewijs": ["evidence"], "niveau": ["level"], "vindplaats": ["locator"],
    "verwant": ["related"], "verwante": ["related"], "datum": ["date"], "toegevoegd": ["added"],
    "bijgewerkt": ["updated"], "id's": ["id"],
}

# "12%", "12,5 procent", "6 personen": a number with a word after it, where only a number may stand.
NUMBER_WITH_UNIT = re.compile(r"^\s*([-+]?[0-9]+(?:[.,][0-9]+)?)\s*(%|€|[A-Za-zÀ-ÿ].*?)\s*$")
UNIT_WORDS = {"%": "procent"}  # how the message names a unit sign

# "maart 2020", "15 maart 2020", "March 2020": a date in words, where the schema wants 2020-03(-15).
_MONTH_NAMES = sorted({name.lower() for names in MONTHS.values() for name in names}, key=lambda name: (-len(name), name))
DATE_IN_WORDS = re.compile(r"^\s*(?:([0-9]{1,2})\s+)?(" + "|".join(_MONTH_NAMES) + r")\s+([12][0-9]{3})\s*$",
                           re.IGNORECASE)


def dutch_field(name: str, allowed) -> str | None:
    """The schema's name for a Dutch field name, when this level allows it."""
    return next((option for option in DUTCH_FIELDS.get(name.lower(), ()) if option in allowed), None)


def number_with_unit(value) -> dict | None:
    """Params for number-with-unit when a text is a number followed by a unit, else None."""
    match = NUMBER_WITH_UNIT.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    number, unit = match.groups()
    return {"value": value, "number": number.replace(",", "."), "number_nl": number.replace(".", ","),
            "unit_nl": UNIT_WORDS.get(unit, unit)}


def date_in_words(value) -> dict | None:
    """Params for date-in-words when a text is a date written with a month name, else None."""
    match = DATE_IN_WORDS.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    day, month, year = match.groups()
    number = next(i for names in MONTHS.values() for i, name in enumerate(names, 1) if name.lower() == month.lower())
    date = f"{year}-{number:02d}" + (f"-{int(day):02d}" if day else "")
    return {"value": value, "date": date}


def for_javascript() -> dict:
    """The declarations above as JSON, for form-spec.json."""
    return {
        "dutch_fields": DUTCH_FIELDS,
        "number_with_unit": NUMBER_WITH_UNIT.pattern,
        "unit_words": UNIT_WORDS,
        "date_in_words": DATE_IN_WORDS.pattern,
        "months": [[name.lower() for name in names] for names in MONTHS.values()],
    }
