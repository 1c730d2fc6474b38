"""The rules beyond the schema on one practice, declared once, as data.

Two interpreters read these declarations and nothing else: the checker
(record_rules.py) and the web form (site/docs/assets/form-rules.js, which
gets them through form-spec.json). Neither holds its own copy of a rule, so
the form and `validate` cannot drift apart; tests/test_form.py runs every
negative example file through both and compares the codes and fields.

A path pattern is a tuple of steps: a field name, or ANY_ITEM ("*") for
every item of a list. Every check names the problem code it reports; the
wording lives in problems.MESSAGES.
"""

from __future__ import annotations

import re

from .codelists import FORMULA_SIGNS
from .schemas import ANY_ITEM

SUMMARY_SOFT_LIMIT = 400
ROLE_MAILBOXES = ("info", "contact", "secretariaat", "redactie", "communicatie", "post",
                  "mail", "office", "hallo", "vragen", "pers", "press", "support")
# Every regex here runs in time linear in the text, in Python and in
# JavaScript alike. EMAIL starts only where a run of local-part characters
# starts: without the lookbehind a long run with no '@' after it was tried
# from each of its characters, which is quadratic. PHONE matches at most about
# 25 characters from any start. LINK_TARGET starts only at '](', 'href' or
# 'src', and the spaces it skips after one cannot be skipped again after
# another.
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?[1-9]|0[1-9])(?:[\s.-]?[0-9]){8}(?!\w)")
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|(?:href|src)\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)
LINK_SCHEMES = re.compile(r"^https?://", re.IGNORECASE)
DATE = re.compile(r"^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$")
# Published text may hold line breaks and tabs, no other control character:
# they are invisible on the site and break CSV readers.
TEXT_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

FULL_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
MONTHS = {"nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                 "september", "oktober", "november", "december"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December")}
_PERIOD_HOLDERS = [("period",)] + [
    (name, ANY_ITEM) + part + ("period",) for name in ("metrics", "costs", "funding")
    for part in ((), ("comparison",), ("baseline",))]

# The practice rules. "check" names what the interpreters do:
#   length:        a text longer than `above` (and at most `upto`, past which the schema speaks)
#   order:         at each path, `first` must not come after `then` (compared on their common
#                  prefix, so 2014 and 2014-06 agree); with `dates`, only when both are full dates;
#                  reported at the path, or at its `then` field with `at_then`
#   indicator-unit: the unit of a figure must be the unit its indicator counts in
#   same-unit:     the `parts` of a figure (comparison, baseline) use the figure's own unit
#   part-of:       `field` of an item of the list names another item (1-based) of the same list
#   links-back:    a related practice lists this one in its related too
PRACTICE_RULES = (
    {"code": "summary-long", "check": "length", "paths": [("summary",)], "above": SUMMARY_SOFT_LIMIT, "upto": 600},
    {"code": "period-order", "check": "order", "paths": _PERIOD_HOLDERS, "first": "start", "then": "end"},
    {"code": "record-dates-order", "check": "order", "paths": [("record",)], "first": "added", "then": "updated",
     "dates": True, "at_then": True},
    {"code": "unit-mismatch", "check": "indicator-unit", "paths": [("metrics", ANY_ITEM)]},
    {"code": "comparison-unit-mismatch", "check": "same-unit", "paths": [("metrics", ANY_ITEM)],
     "parts": ["comparison", "baseline"]},
    {"code": "cost-part-of", "check": "part-of", "paths": [("costs",)], "field": "part_of"},
    {"code": "related-one-way", "check": "links-back", "paths": [("related", ANY_ITEM)]},
)

# The rules on every text of a record: contact data and link schemes. "skip" is a set of
# values of the match's local part (before '@') that are fine; "not_in" a field name whose
# texts are skipped; "allow" what the link target may start with.
TEXT_RULES = (
    {"code": "personal-email", "regex": EMAIL, "skip": ROLE_MAILBOXES},
    {"code": "personal-phone", "regex": PHONE},
    {"code": "url-scheme", "regex": LINK_TARGET, "not_in": "url", "allow": LINK_SCHEMES},
)


def pattern_flags(regex: re.Pattern) -> str:
    """The JavaScript flags for a Python pattern: always global, 'i' for re.IGNORECASE."""
    return "g" + ("i" if regex.flags & re.IGNORECASE else "")


# The rules beyond the schema per record kind (the text rules hold for every kind).
RECORD_RULES = {"practice": PRACTICE_RULES}


def for_javascript(date_paths, kind: str = "practice") -> dict:
    """Every declaration above for one record kind as JSON, for form-spec.json (form-rules.js interprets it)."""
    def regex(value):
        return {"source": value.pattern, "flags": pattern_flags(value)}

    return {
        "record": [{k: (list(map(list, v)) if k == "paths" else v) for k, v in rule.items()}
                     for rule in RECORD_RULES.get(kind, ())],
        "texts": [{k: (regex(v) if isinstance(v, re.Pattern) else v) for k, v in rule.items()} for rule in TEXT_RULES],
        "formula_signs": {sign: names[0] for sign, names in FORMULA_SIGNS.items()},
        "control": regex(TEXT_CONTROL),
        "date_paths": [list(path) for path in date_paths],
        "date": regex(DATE),
        "full_date": {"source": f"^(?:{FULL_DATE.pattern})$", "flags": ""},  # Python uses fullmatch
        "months_nl": list(MONTHS["nl"]),
    }
