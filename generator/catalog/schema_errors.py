"""Turn jsonschema's errors into problems with plain-language params.

One branch per kind of schema error (jsonschema's `validator` keyword); the
wording lives in problems.MESSAGES. A missing field points at the mapping
that should hold it, every other error at the offending value.
"""

from __future__ import annotations

import difflib

from .mistakes import date_in_words, dutch_field, number_with_unit
from .problems import Problem

# Schema problems shown per file. Past a few screens they help nobody, and a
# file of 300,000 wrong list items would otherwise spend seconds on each
# stage (jsonschema's errors, suggestions, the report).
MAX_PROBLEMS = 100
# Ids and codes are at most 80 characters (schema: slug). A longer word is no
# typo of one, and difflib's ratio is quadratic in the length of the words.
SUGGEST_MAX_LENGTH = 100

TYPE_NAMES = {
    "string": ("tekst", "text"),
    "number": ("een getal", "a number"),
    "integer": ("een geheel getal", "a whole number"),
    "array": ("een lijst (regels die beginnen met '- ')", "a list"),
    "object": ("velden (naam: waarde)", "fields (name: value)"),
    "boolean": ("true of false", "true or false"),
    "null": ("niets", "nothing"),
}

# pattern -> (what, hint) in Dutch and English
PATTERNS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": (
        "een korte naam (id)", "a slug",
        "Gebruik alleen kleine letters, cijfers en streepjes, zoals venlo-re-inspiratie.",
        "Use lower-case letters, digits and hyphens only, e.g. venlo-re-inspiratie."),
    "^(GM[0-9]{4}|PV[0-9]{2}|[a-z0-9]+(-[a-z0-9]+)*)$": (
        "een plaatscode", "a place id",
        "Gebruik een CBS-code zoals GM0983 of PV31, of een korte naam uit catalog/places.yaml.",
        "Use a CBS code such as GM0983 or PV31, or a slug from catalog/places.yaml."),
    "^[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$": (
        "een jaar of datum", "a year or date",
        "Schrijf 2014, 2014-02 of 2014-02-01, tussen aanhalingstekens mag ook.",
        "Write 2014, 2014-02 or 2014-02-01."),
    "^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$": (
        "een datum", "a date",
        "Schrijf de datum als jaar-maand-dag, bijvoorbeeld 2026-11-23.",
        "Write the date as year-month-day, e.g. 2026-11-23."),
    "^https?://[^\\s/$.?#][^\\s]*$": (
        "een webadres", "a web address",
        "Gebruik een volledig adres dat begint met https:// (of http://), zonder spaties.",
        "Use a full address starting with https:// (or http://), without spaces."),
    ("^https://(?!(?:[a-z0-9-]+\\.)*(?:linkedin|facebook|instagram|twitter|x|tiktok)\\.com(?:[/:?#]|$))"
     "[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]+)?(?:[/?#][^\\s@~]*)?$"): (
        "de website van een organisatie", "an organisation's website",
        "Gebruik het openbare adres van de organisatie zelf, dat begint met https://, zoals "
        "https://www.venlo.nl. Geen e-mailadres, geen http:// en geen persoonlijke pagina "
        "(zoals LinkedIn, Facebook of een adres met ~ of @).",
        "Use the organisation's own public address, starting with https://, e.g. https://www.venlo.nl. "
        "No e-mail address, no http:// and no personal page (such as LinkedIn, Facebook or an address "
        "with ~ or @)."),
    "^[A-Z]{3}$": (
        "een munteenheid", "a currency",
        "Gebruik een code van drie hoofdletters, zoals EUR.", "Use a three-letter code such as EUR."),
    "^[a-z]{2}$": (
        "een taalcode", "a language code",
        "Gebruik een code van twee kleine letters, zoals nl.", "Use a two-letter code such as nl."),
}


# The problem code per JSON Schema keyword (the form reads this table too, from form-spec.json).
KEYWORD_CODES = {
    "required": "schema-required", "additionalProperties": "schema-additional", "type": "schema-type",
    "enum": "schema-enum", "pattern": "schema-pattern", "minLength": "schema-min-length",
    "maxLength": "schema-max-length", "minItems": "schema-min-items", "uniqueItems": "schema-unique",
    "minimum": "schema-minimum", "maximum": "schema-maximum", "minProperties": "schema-min-properties",
    "dependentRequired": "schema-dependent",
}
CODELIST_CODE = "unknown-code"  # an enum that is a codelist (x-codelist)
OTHER_CODE = "schema-other"     # any keyword not in KEYWORD_CODES


# The patterns of a date or a partial date: a date in words gets its own message.
DATE_PATTERNS = tuple(pattern for pattern, words in PATTERNS.items() if words[0] in ("een jaar of datum", "een datum"))


def problems_from_errors(errors, file: str, locate, limit: int = MAX_PROBLEMS) -> list[Problem]:
    """`locate(path) -> (line, col)` maps a data path to the file.

    Stops after `limit` problems (errors are made lazily, so the rest cost
    nothing) with one more that says so, at the first one left out.
    """
    out = []
    for error in errors:
        for code, path, params in _translate(error):
            if len(out) == limit:
                code, params = "schema-more", {"limit": limit}
            line, col = locate(path)
            out.append(Problem(code=code, file=file, line=line, column=col, path=path, params=params))
            if code == "schema-more":
                return out
    return out


def _translate(error):
    path = tuple(error.absolute_path)
    keyword, instance, schema = error.validator, error.instance, error.schema
    value = error.validator_value
    if keyword == "required":
        meant = _meant_fields(instance, schema)
        for name in value:
            if isinstance(instance, dict) and name not in instance and repr(name) in error.message \
                    and name not in meant:  # a misspelled key says it already, at its own line
                yield "schema-required", path, {"field": name}
        return
    if keyword == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for name in sorted(set(instance) - set(allowed)):
            yield "schema-additional", path + (name,), {"field": name, **field_suggestion(name, allowed)}
        return
    if keyword == "enum" and "x-codelist" in schema:
        yield CODELIST_CODE, path, {"value": instance, "codelist": schema["x-codelist"],
                                     **suggest(str(instance), [str(v) for v in value])}
        return
    yield _simple(keyword, instance, schema, value, path)


def _meant_fields(instance, schema) -> set[str]:
    """The fields that the unknown keys of a mapping were probably meant to be."""
    allowed = sorted(schema.get("properties", {}))
    if not isinstance(instance, dict) or schema.get("additionalProperties") is not False:
        return set()
    meant = (_field_meant(name, allowed) for name in instance if name not in allowed)
    return {name for name in meant if name}


def _field_meant(name, allowed) -> str | None:
    return dutch_field(str(name), allowed) or next(iter(close_matches(str(name), allowed)), None)


def field_suggestion(name, allowed) -> dict:
    meant = _field_meant(name, allowed)
    if meant is None:
        return {"suggestion_nl": "", "suggestion_en": ""}
    return {"suggestion_nl": f" (bedoelt u '{meant}'?)", "suggestion_en": f" (did you mean '{meant}'?)"}


def _mistake(keyword, instance, value):
    """(code, params) for a usual beginner's mistake, or None."""
    if keyword == "type" and value in ("number", "integer", ["number"], ["integer"]):
        params = number_with_unit(instance)
        return ("number-with-unit", params) if params else None
    if keyword == "pattern" and value in DATE_PATTERNS:
        params = date_in_words(instance)
        return ("date-in-words", params) if params else None
    return None


def _simple(keyword, instance, schema, value, path):
    mistake = _mistake(keyword, instance, value)
    if mistake:
        return mistake[0], path, mistake[1]
    if keyword == "type":
        expected = value if isinstance(value, str) else value[0]
        actual = _json_type(instance)
        return "schema-type", path, {
            "expected_nl": TYPE_NAMES[expected][0], "expected_en": TYPE_NAMES[expected][1],
            "actual_nl": TYPE_NAMES[actual][0], "actual_en": TYPE_NAMES[actual][1]}
    if keyword == "enum":
        return "schema-enum", path, {"value": instance, "allowed": ", ".join(map(str, value))}
    if keyword == "pattern":
        what_nl, what_en, hint_nl, hint_en = PATTERNS.get(value, ("deze waarde", "this value", "", ""))
        return "schema-pattern", path, {"value": instance, "what_nl": what_nl, "what_en": what_en,
                                        "pattern_hint_nl": hint_nl or f"Het patroon is {value}.",
                                        "pattern_hint_en": hint_en or f"The pattern is {value}."}
    simple = {
        "minLength": {"limit": value},
        "maxLength": {"limit": value, "length": len(instance) if isinstance(instance, str) else 0},
        "minItems": {"limit": value},
        "uniqueItems": {},
        "minimum": {"limit": value, "value": instance},
        "maximum": {"limit": value, "value": instance},
        "minProperties": {},
    }
    if keyword in simple:
        return KEYWORD_CODES[keyword], path, simple[keyword]
    if keyword == "dependentRequired":
        field, missing = _dependent(instance, value)
        return KEYWORD_CODES[keyword], path, {"field": field, "missing": missing}
    return OTHER_CODE, path, {"keyword": keyword}


def _dependent(instance, value):
    for field, needs in value.items():
        if field in instance:
            for need in needs:
                if need not in instance:
                    return field, need
    return "?", "?"


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def close_matches(word: str, options) -> list[str]:
    """The one option most like the word, if any is close enough (form-suggest.js does the same)."""
    if len(word) > SUGGEST_MAX_LENGTH:
        return []
    options = [option for option in options if len(option) <= SUGGEST_MAX_LENGTH]
    return difflib.get_close_matches(word, options, n=1, cutoff=0.6)


def suggest(word: str, options) -> dict:
    """Did-you-mean params for both languages ('' when nothing is close)."""
    close = close_matches(word, options)
    if not close:
        return {"suggestion_nl": "", "suggestion_en": ""}
    return {"suggestion_nl": f" (bedoelt u '{close[0]}'?)", "suggestion_en": f" (did you mean '{close[0]}'?)"}

