"""The rules beyond the schema on records: identity, references, contact
data and links, and the practice rules (dates, units, cost parts, related).

They read defensively: a value the schema has not yet guaranteed is skipped,
never trusted, so a record with schema errors still gets these problems in
the same run.
"""

from __future__ import annotations

import re
from pathlib import Path

from .entry import Entry, strings
from .kinds import KINDS
from .problems import Problem
from .schema_errors import suggest
from .schemas import Schema, values_at

SUMMARY_SOFT_LIMIT = 400
ROLE_MAILBOXES = {"info", "contact", "secretariaat", "redactie", "communicatie", "post",
                  "mail", "office", "hallo", "vragen", "pers", "press", "support"}
# Every regex here runs in time linear in the text (the web form runs the
# same ones in JavaScript). EMAIL starts only where a run of local-part
# characters starts: without the lookbehind a long run with no '@' after it
# was tried from each of its characters, which is quadratic. PHONE matches at
# most about 25 characters from any start. LINK_TARGET starts only at '](',
# 'href' or 'src', and the spaces it skips after one cannot be skipped again
# after another.
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?[1-9]|0[1-9])(?:[\s.-]?[0-9]){8}(?!\w)")
# A cheap superset test on the raw file text: only files that might hold
# contact data or a link get the slower walk over every string. Substring
# tests and one bytes.translate run in C; a regex here cost ten times more.
SUSPECT_MARKS = ("@", "\\", "](", "=")  # '=' for href=/src=; a backslash may hide an escape
_DIGITS_ONLY = bytes.maketrans(b"0123456789", b"9999999999")
_SEPARATORS = b" \t\r\n.()/-+"


def _suspect(text: str) -> bool:
    """True when the text has a link mark or ten digits in a row once separators go."""
    if any(mark in text for mark in SUSPECT_MARKS if mark[0] in text):  # one character first: fast
        return True
    return b"9999999999" in text.encode("utf-8").translate(_DIGITS_ONLY, _SEPARATORS)


DATE = re.compile(r"[12][0-9]{3}-[01][0-9]-[0-3][0-9]")
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|(?:href|src)\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)


def record_rules(entries: list[Entry], schema: Schema) -> list[Problem]:
    index = {kind: {} for kind in KINDS}
    problems = []
    for entry in entries:
        problems += _identity(entry, index)
    used = {kind: set() for kind in index}
    indicator_units = {row["code"]: row["unit"] for row in schema.codelists.get("indicator", [])}
    # once per file, not per record: sources.yaml holds many records
    suspects = {id(entry.doc): entry.doc.text is None or _suspect(entry.doc.text) for entry in entries}
    for entry in entries:
        problems += _references(entry, schema.references[entry.kind], index, used)
        if suspects[id(entry.doc)]:
            problems += _texts(entry)
        if entry.kind == "practice":
            problems += _practice_rules(entry, indicator_units, index)
    problems += _orphans(entries, used)
    return problems


def _identity(entry: Entry, index) -> list[Problem]:
    out = []
    if entry.id is None:
        return out
    if KINDS[entry.kind].folder:  # one file per record, named after its id
        stem = Path(entry.doc.path).stem
        if entry.id != stem:
            out.append(entry.problem("id-file-mismatch", ("id",), id=entry.id, stem=stem))
    seen = index[entry.kind].get(entry.id)
    if seen is not None:
        other = f"{seen.doc.path}:{seen.doc.position(seen.path + ('id',))[0]}"
        out.append(entry.problem("id-duplicate", ("id",), id=entry.id, other=other))
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
            out.append(entry.problem(f"unresolved-{kind}", path, value=value, **suggest(value, index[kind])))
    return out


def _refs(data: dict, references):
    """(kind, path, value) for every reference a record makes, as its schema declares them."""
    for reference in references:
        for path, value in values_at(data, reference.path):
            yield reference.kind, path, value


def _list(data: dict, field: str) -> list:
    """A field that the schema says is a list, or [] while it is not one yet."""
    values = data.get(field)
    return values if isinstance(values, list) else []


def _list_refs(kind, data, field):
    values = data.get(field)  # _list inlined in these two: they run for every field of every record
    for i, value in enumerate(values if isinstance(values, list) else ()):
        yield kind, (field, i), value


def _dicts(data, field):
    values = data.get(field)
    for i, value in enumerate(values if isinstance(values, list) else ()):
        if isinstance(value, dict):
            yield i, value


def _texts(entry: Entry) -> list[Problem]:
    """Personal contact data and link schemes, in every text of a record."""
    found = {}  # (code, path, value) -> None: a value found twice in one text is one problem
    for path, text in strings(entry.data, ()):
        for match in EMAIL.finditer(text):
            if match.group().split("@")[0].lower() not in ROLE_MAILBOXES:
                found[("personal-email", path, match.group())] = None
        for match in PHONE.finditer(text):
            found[("personal-phone", path, match.group())] = None
        if path[-1:] != ("url",):
            for match in LINK_TARGET.finditer(text):
                target = match.group(1) or match.group(2)
                if not target.lower().startswith(("https://", "http://")):
                    found[("url-scheme", path, target)] = None
    return [entry.problem(code, path, value=value) for code, path, value in found]


def _practice_rules(entry: Entry, indicator_units, index) -> list[Problem]:
    data, out = entry.data, []
    summary = data.get("summary")
    if isinstance(summary, str) and SUMMARY_SOFT_LIMIT < len(summary) <= 600:
        out.append(entry.problem("summary-long", ("summary",), length=len(summary), limit=SUMMARY_SOFT_LIMIT))
    for path, period in _periods(data):
        start, end = period.get("start"), period.get("end")
        if isinstance(start, str) and isinstance(end, str):
            n = min(len(start), len(end))
            if start[:n] > end[:n]:
                out.append(entry.problem("period-order", path, start=start, end=end))
    record = data.get("record")
    if isinstance(record, dict):
        added, updated = record.get("added"), record.get("updated")
        if _is_date(added) and _is_date(updated) and updated < added:
            out.append(entry.problem("record-dates-order", ("record", "updated"), added=added, updated=updated))
    for i, metric in _dicts(data, "metrics"):
        out += _metric_units(entry, i, metric, indicator_units)
    costs = _list(data, "costs")
    for i, cost in _dicts(data, "costs"):
        part_of = cost.get("part_of")
        if _is_integer(part_of) and not (1 <= part_of <= len(costs) and part_of != i + 1):
            out.append(entry.problem("cost-part-of", ("costs", i, "part_of"), value=part_of))
    for _, path, other in _list_refs("practice", data, "related"):
        target = index["practice"].get(other) if isinstance(other, str) else None
        if target is not None and other != entry.id and entry.id not in _list(target.data, "related"):
            out.append(entry.problem("related-one-way", path, id=entry.id, other=other))
    return out


def _is_date(value) -> bool:
    return isinstance(value, str) and DATE.fullmatch(value) is not None


def _is_integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)  # YAML true is no cost number


def _metric_units(entry, i, metric, indicator_units) -> list[Problem]:
    out = []
    unit, indicator = metric.get("unit"), metric.get("indicator")
    expected = indicator_units.get(indicator) if isinstance(indicator, str) else None
    if expected and isinstance(unit, str) and unit != expected:
        out.append(entry.problem("unit-mismatch", ("metrics", i, "unit"),
                                 unit=unit, indicator=indicator, expected=expected))
    for part in ("comparison", "baseline"):
        other = metric.get(part)
        if isinstance(other, dict) and isinstance(other.get("unit"), str) and isinstance(unit, str) \
                and other["unit"] != unit:
            out.append(entry.problem("comparison-unit-mismatch", ("metrics", i, part, "unit"),
                                     unit=other["unit"], expected=unit))
    return out


def _periods(data):
    if isinstance(data.get("period"), dict):
        yield ("period",), data["period"]
    for name in ("metrics", "costs", "funding"):
        for i, item in _dicts(data, name):
            if isinstance(item.get("period"), dict):
                yield (name, i, "period"), item["period"]
            for part in ("comparison", "baseline"):
                inner = item.get(part)
                if isinstance(inner, dict) and isinstance(inner.get("period"), dict):
                    yield (name, i, part, "period"), inner["period"]


def _orphans(entries, used) -> list[Problem]:
    out = []
    for entry in entries:
        if entry.kind in ("source", "instrument", "place") and entry.id and entry.id not in used[entry.kind]:
            out.append(entry.problem(f"orphan-{entry.kind}", ("id",), id=entry.id))
    return out
