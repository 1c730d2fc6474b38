"""Rules on every value a file publishes, the dataset description included:
no text that a spreadsheet runs as a formula, no invisible control
character, no calendar date that does not exist.
"""

from __future__ import annotations

import calendar
import re

from .codelists import FORMULA_SIGNS, FORMULA_START
from .entry import Entry, strings
from .problems import Problem
from .rule_spec import FULL_DATE, MONTHS  # declared once, for the form too
from .rule_spec import TEXT_CONTROL as _TEXT_CONTROL
from .schemas import Schema, values_at

# Cheap superset tests on the raw text, as for contact data. A text can only
# start with a formula sign if the file holds one of these signs (or a
# backslash: an escape such as \x3d), a '-' after a quote or one that starts a
# plain word (after a space or bracket, not the '- ' of a list), or a block
# scalar whose first line starts with '-'. A calendar day that some month
# lacks is 29, 30 or 31 (or hides behind an escape). The patterns start with
# a literal '-', which the regex engine finds fast; searching a str for a
# two-character string is slower when the text is not pure ASCII.
_FORMULA_MARKS = ("=", "+", "@", "\t", "\r", "\\")
_DASH_START = re.compile(r"-(?:(?<=[\"']-)|(?<=[\s\[{,]-)(?=\S))")
_BLOCK_FIRST_DASH = re.compile(r"[-+0-9]*[ ]*(?:#[^\n]*)?\n[ ]*-")
_LATE_DAY = re.compile(r"-(?:29|3[01])")

def published_text_rules(docs, schema: Schema) -> list[Problem]:
    """Rules on every value a file publishes, the dataset description included."""
    out = []
    date_paths = schema.date_paths
    for kind, doc in docs:
        if doc.data is not None:
            whole = Entry(kind, doc, (), doc.data)
            if doc.text is None or _may_start_like_a_formula(doc.text):
                out += _formula_starts(whole)
            if doc.text is None or "\\" in doc.text or _LATE_DAY.search(doc.text):
                out += _impossible_dates(whole, date_paths[kind])
            # The loader refuses raw control characters; only an escape such as
            # "\r" or "\u0007" in a quoted string can still put one in a text.
            if doc.text is None or "\\" in doc.text:
                out += _control_characters(whole)
    return out


def _may_start_like_a_formula(text: str) -> bool:
    if any(mark in text for mark in _FORMULA_MARKS) or _DASH_START.search(text):
        return True
    return any(_BLOCK_FIRST_DASH.match(text, at + 1) for at in _block_indicators(text))


def _block_indicators(text: str):
    """Offsets of every '|' and '>' (a superset of the block scalar headers)."""
    for sign in "|>":
        at = text.find(sign)
        while at >= 0:
            yield at
            at = text.find(sign, at + 1)


def _formula_starts(whole: Entry) -> list[Problem]:
    out = []
    for path, text in strings(whole.data, ()):
        if text.startswith(FORMULA_START):
            sign_nl, sign_en = FORMULA_SIGNS[text[0]]
            out.append(whole.problem("text-formula-start", path, sign_nl=sign_nl, sign_en=sign_en))
    return out


def _control_characters(whole: Entry) -> list[Problem]:
    out = []
    for path, text in strings(whole.data, ()):
        # A leading carriage return is already reported as a formula start.
        found = _TEXT_CONTROL.search(text, 1 if text.startswith("\r") else 0)
        if found:
            out.append(whole.problem("text-control-char", path, char=f"U+{ord(found.group()):04X}"))
    return out


def _impossible_dates(whole: Entry, date_paths: list[tuple]) -> list[Problem]:
    out = []
    for pattern in date_paths:
        for path, value in values_at(whole.data, pattern):
            params = _impossible_date(value)
            if params:
                out.append(whole.problem("date-impossible", path, **params))
    return out


def _impossible_date(value) -> dict | None:
    """Params for date-impossible when value has the form of a date but no such day exists.

    Months outside 1-12 and days outside 1-31 are left to the schema pattern.
    """
    match = FULL_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    year, month, day = map(int, match.groups())
    if not 1 <= month <= 12 or year < 1:
        return None
    days = calendar.monthrange(year, month)[1]
    if not days < day <= 31:
        return None
    return {"value": value, "year": year, "days": days,
            "month_nl": MONTHS["nl"][month - 1], "month_en": MONTHS["en"][month - 1]}
