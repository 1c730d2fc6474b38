"""The rules beyond the schema on records: identity, references, contact
data and links, and the practice rules (dates, units, cost parts, related).

They read defensively: a value the schema has not yet guaranteed is skipped,
never trusted, so a record with schema errors still gets these problems in
the same run.
"""

from __future__ import annotations

from pathlib import Path

from .entry import Entry, strings
from .kinds import KINDS
from .problems import Problem
from .rule_spec import DATE, EMAIL, LINK_TARGET, PHONE, RECORD_RULES, TEXT_RULES  # noqa: F401 (EMAIL.. for tests)
from .schema_errors import close_matches, suggest
from .schemas import Schema, values_at

# A cheap superset test on the raw file text: only files that might hold
# contact data or a link get the slower walk over every string. Substring
# tests and one bytes.translate run in C; a regex here cost ten times more.
SUSPECT_MARKS = ("@", "\\", "](", "=")  # '=' for href=/src=; a backslash may hide an escape
_DIGITS_ONLY = bytes.maketrans(b"0123456789", b"9999999999")
# What may stand between the digits of a phone number: PHONE's separators [\s.-] and "(0)", and
# every byte of a non-ASCII character, since the Unicode spaces \s also matches (a no-break space
# pasted from a web page) are all non-ASCII. Deleting too much only gives a false alarm.
_SEPARATORS = b" \t\r\n\x0b\x0c\x1c\x1d\x1e\x1f.()/-+" + bytes(range(0x80, 0x100))


def _suspect(text: str) -> bool:
    """True when the text has a link mark or ten digits in a row once separators go."""
    if any(mark in text for mark in SUSPECT_MARKS if mark[0] in text):  # one character first: fast
        return True
    return b"9999999999" in text.encode("utf-8").translate(_DIGITS_ONLY, _SEPARATORS)


def record_rules(entries: list[Entry], schema: Schema, wanted=None) -> list[Problem]:
    """The problems of the `wanted` entries (default: all) among all `entries`, which
    the wanted ones may name or duplicate (the form checks one new record this way)."""
    everything = wanted is None
    wanted = entries if everything else wanted
    index = {kind: {} for kind in KINDS}
    problems = []
    for entry in entries:
        problems += _identity(entry, index)
    used = {kind: set() for kind in index}
    indicator_units = {row["code"]: row["unit"] for row in schema.codelists.get("indicator", [])}
    # once per file, not per record: sources.yaml holds many records
    suspects = {id(entry.doc): entry.doc.text is None or _suspect(entry.doc.text) for entry in wanted}
    for entry in entries:
        problems += _references(entry, schema.references[entry.kind], index, used)
    for entry in wanted:
        if suspects[id(entry.doc)]:
            problems += _texts(entry)
        problems += _kind_rules(entry, indicator_units, index)
    problems += _orphans(entries, used)
    if everything:
        return problems
    wanted_files = {entry.doc.path for entry in wanted}
    return [problem for problem in problems if problem.file in wanted_files]


def _identity(entry: Entry, index) -> list[Problem]:
    out = []
    if entry.id is None:
        return out
    if not entry.path:  # a record in a file of its own, named after its id
        stem = Path(entry.doc.path).stem
        if entry.id != stem:
            out.append(entry.problem("id-file-mismatch", ("id",), id=entry.id, stem=stem))
    seen = index[entry.kind].get(entry.id)
    if seen is not None:
        line, column = seen.doc.position(seen.path + ("id",))
        out.append(entry.problem("id-duplicate", ("id",), id=entry.id, other=f"{seen.doc.path}:{line}:{column}",
                                 noun_nl=KINDS[entry.kind].noun_nl, noun_en=KINDS[entry.kind].noun_en))
    else:
        index[entry.kind][entry.id] = entry
    return out


def _references(entry: Entry, references, index, used) -> list[Problem]:
    out = []
    for kind, path, value in _refs(entry.data, references):
        if not isinstance(value, str):
            continue
        used[kind].add(value)
        if kind == "practice" and value == entry.id:
            out.append(entry.problem("related-self", path, value=value))
        elif value not in index[kind]:
            hint = _place_suggestion(value, index[kind]) if kind == "place" else suggest(value, index[kind])
            out.append(entry.problem(f"unresolved-{kind}", path, value=value, **hint))
    return out


def _place_suggestion(value: str, places) -> dict:
    """Did-you-mean for a place by its NAME: a CBS code close in digits (GM0995, GM0935) is another town."""
    names = {}
    for place_id, place in places.items():
        name = place.data.get("name")
        if isinstance(name, str):
            names.setdefault(name.lower(), place_id)
    close = names.get(value.lower()) and [value.lower()] or close_matches(value.lower(), sorted(names))
    if not close:
        return {"suggestion_nl": "", "suggestion_en": ""}
    place_id = names[close[0]]
    name = places[place_id].data["name"]
    return {"suggestion_nl": f" (bedoelt u '{place_id}', {name}?)", "suggestion_en": f" (did you mean '{place_id}', {name}?)"}


def _refs(data: dict, references):
    """(kind, path, value) for every reference a record makes, as its schema declares them."""
    for reference in references:
        for path, value in values_at(data, reference.path):
            yield reference.kind, path, value


def _list(data: dict, field: str) -> list:
    """A field that the schema says is a list, or [] while it is not one yet."""
    values = data.get(field)
    return values if isinstance(values, list) else []


def _texts(entry: Entry) -> list[Problem]:
    """Personal contact data and link schemes, in every text of a record (rule_spec.TEXT_RULES)."""
    found = {}  # (code, path, value) -> None: a value found twice in one text is one problem
    for path, text in strings(entry.data, ()):
        if not _suspect(text):
            continue
        for rule in TEXT_RULES:
            if "not_in" in rule and path[-1:] == (rule["not_in"],):
                continue
            for match in rule["regex"].finditer(text):
                value = next((group for group in match.groups() if group), match.group())
                if _text_fine(rule, value):
                    continue
                found[(rule["code"], path, value)] = None
    return [entry.problem(code, path, value=value) for code, path, value in found]


def _text_fine(rule, value: str) -> bool:
    if "skip" in rule and value.split("@")[0].lower() in rule["skip"]:
        return True
    return "allow" in rule and rule["allow"].match(value) is not None


def _kind_rules(entry: Entry, indicator_units, index) -> list[Problem]:
    """The rules of rule_spec.RECORD_RULES for the entry's kind (PRACTICE_RULES on a practice)."""
    out = []
    for rule in RECORD_RULES.get(entry.kind, ()):
        check = CHECKS[rule["check"]]
        for pattern in rule["paths"]:
            for path, value in values_at(entry.data, pattern):
                for subpath, params in check(rule, value, path, entry, indicator_units, index):
                    out.append(entry.problem(rule["code"], subpath, **params))
    return out


def _length(rule, value, path, *_):
    if isinstance(value, str) and rule["above"] < len(value) <= rule["upto"]:
        yield path, {"length": len(value), "limit": rule["above"]}


def _order(rule, value, path, *_):
    if not isinstance(value, dict):
        return
    first, then = value.get(rule["first"]), value.get(rule["then"])
    if not (isinstance(first, str) and isinstance(then, str)):
        return
    if rule.get("dates") and not (_is_date(first) and _is_date(then)):
        return
    n = min(len(first), len(then))
    if first[:n] > then[:n]:
        yield (path + (rule["then"],) if rule.get("at_then") else path), {rule["first"]: first, rule["then"]: then}


def _indicator_unit(rule, metric, path, entry, indicator_units, index):
    if not isinstance(metric, dict):
        return
    unit, indicator = metric.get("unit"), metric.get("indicator")
    expected = indicator_units.get(indicator) if isinstance(indicator, str) else None
    if expected and isinstance(unit, str) and unit != expected:
        yield path + ("unit",), {"unit": unit, "indicator": indicator, "expected": expected}


def _same_unit(rule, metric, path, *_):
    unit = metric.get("unit") if isinstance(metric, dict) else None
    for part in rule["parts"] if isinstance(unit, str) else ():
        other = metric.get(part)
        if isinstance(other, dict) and isinstance(other.get("unit"), str) and other["unit"] != unit:
            yield path + (part, "unit"), {"unit": other["unit"], "expected": unit}


def _part_of(rule, items, path, *_):
    for i, item in enumerate(items if isinstance(items, list) else ()):
        value = item.get(rule["field"]) if isinstance(item, dict) else None
        if _is_integer(value) and not (1 <= value <= len(items) and value != i + 1):
            yield path + (i, rule["field"]), {"value": value, "count": len(items)}


def _links_back(rule, other, path, entry, indicator_units, index):
    target = index["practice"].get(other) if isinstance(other, str) else None
    if target is not None and other != entry.id and entry.id not in _list(target.data, "related"):
        yield path, {"id": entry.id, "other": other}


CHECKS = {"length": _length, "order": _order, "indicator-unit": _indicator_unit, "same-unit": _same_unit,
          "part-of": _part_of, "links-back": _links_back}


def _is_date(value) -> bool:
    return isinstance(value, str) and DATE.fullmatch(value) is not None


def _is_integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)  # YAML true is no cost number


def _orphans(entries, used) -> list[Problem]:
    out = []
    for entry in entries:
        if entry.kind in ("source", "instrument", "place") and entry.id and entry.id not in used[entry.kind]:
            out.append(entry.problem(f"orphan-{entry.kind}", ("id",), id=entry.id))
    return out
