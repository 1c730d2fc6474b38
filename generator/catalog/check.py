"""Check the catalogue: schema, codelists, references and rules.

`check_catalog` loads every file once, validates each against its schema
(jsonschema-rs decides valid/invalid fast; only invalid files go through the
slower jsonschema to get one friendly problem per error), applies the rules
beyond the schema, and builds the Catalog when there are no errors. The
rules read defensively, so a record with a schema error still gets its
reference and privacy problems reported in the same run.
"""

from __future__ import annotations

import calendar
import functools
import gc
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.paths import CATALOG_DIR, ROOT, SCHEMA_DIR

from .codelists import CodelistError
from .kinds import DATASET_FILE, KINDS, RECORDS
from .load import Document, load_file
from .model import Catalog
from .problems import ERROR, Problem
from .schema_errors import problems_from_errors, suggest
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
# The date types in common.schema.json, as references in a bundled schema.
FULL_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
MONTHS = {"nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                 "september", "oktober", "november", "december"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December")}
# A spreadsheet reads a cell that starts with one of these as a formula
# (OWASP's list for CSV injection): no published text may start with one.
FORMULA_SIGNS = {"=": ("'='", "'='"), "+": ("'+'", "'+'"), "-": ("'-'", "'-'"), "@": ("'@'", "'@'"),
                 "\t": ("een tab", "a tab"), "\r": ("een regelterugloop", "a carriage return")}
_FORMULA_START = tuple(FORMULA_SIGNS)
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
# Published text may hold line breaks and tabs, no other control character:
# they are invisible on the site and break CSV readers.
_TEXT_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|(?:href|src)\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)


@dataclass
class Result:
    problems: list[Problem]
    catalog: Catalog | None
    files: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)


@dataclass
class _Entry:
    """One record inside a document, at a data path."""
    kind: str  # practice | instrument | source | place
    doc: Document
    path: tuple
    data: dict

    @property
    def id(self):
        value = self.data.get("id")
        return value if isinstance(value, str) else None

    def problem(self, code: str, subpath: tuple = (), **params) -> Problem:
        full = self.path + subpath
        line, col = self.doc.position(full)
        return Problem(code=code, file=self.doc.path, line=line, column=col, path=full, params=params)


def check_catalog(catalog_dir: Path = CATALOG_DIR, schema_dir: Path = SCHEMA_DIR,
                  extra: list[Path] = ()) -> Result:
    """Check the whole catalogue, plus files outside it (treated as records)."""
    # Loading builds millions of small acyclic objects; the cyclic collector
    # would walk them again and again for nothing.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _check(catalog_dir, schema_dir, extra)
    finally:
        if was_enabled:
            gc.enable()


def _check(catalog_dir: Path, schema_dir: Path, extra) -> Result:
    problems: list[Problem] = []
    try:
        schema = Schema.read(schema_dir)
    except CodelistError as err:
        problem = Problem("codelist-invalid", display(Path(err.file)), err.line, 1, (), {"detail": err.detail})
        return Result([problem], None)
    checkers = schema.validators
    docs = _load_all(catalog_dir, extra)
    for kind, doc in docs:
        problems += doc.problems
        if doc.data is not None and not checkers[kind].is_valid(doc.data):
            errors = checkers[kind].errors(doc.data)
            problems += problems_from_errors(errors, doc.path, doc.position)
    entries = _entries(docs)
    problems += _rules(entries, schema)
    problems += _published_text_rules(docs, schema)
    problems.sort(key=Problem.sort_key)
    result = Result(problems, None, [doc.path for _, doc in docs])
    if not result.has_errors:
        result.catalog = _build(entries, schema, _dataset(docs))
    return result


def display(path: Path) -> str:
    """A path as the user should read it: relative to the cwd when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


def _load_all(catalog_dir: Path, extra) -> list[tuple[str, Document]]:
    files = []
    for kind in RECORDS:
        if kind.folder:
            files += [(kind.name, p) for p in _listing(catalog_dir / kind.folder)]
        elif os.path.lexists(catalog_dir / kind.file):  # a dangling link is refused, not skipped
            files.append((kind.name, catalog_dir / kind.file))
    files.append(("dataset", catalog_dir / DATASET_FILE))  # required: it describes every release
    if extra:
        known = {_unlinked(p) for _, p in files}
        files += [(classify(p), p) for p in extra if _unlinked(p) not in known]
    shown = functools.lru_cache(maxsize=None)(display)  # one relpath per folder, not per file
    return [(kind, load_file(path, os.path.join(shown(path.parent), path.name))) for kind, path in files]


def _listing(folder: Path) -> list[Path]:
    """The YAML files of a catalogue folder. A linked folder is never listed:
    it comes back as itself, and the loader refuses it as a link."""
    if folder.is_symlink():
        return [folder]
    return sorted(folder.glob("*.yaml"))


def _unlinked(path: Path) -> Path:
    # The folder resolved, the file itself not: a link given on the command
    # line is then checked (and refused) rather than mistaken for its target.
    return path.parent.resolve() / path.name


def classify(path: Path) -> str:
    """Which schema a file outside the catalogue folder is checked against."""
    if path.name == DATASET_FILE:
        return "dataset"
    by_file = next((kind.name for kind in RECORDS if kind.file == path.name), None)
    by_folder = next((kind.name for kind in RECORDS if kind.folder == path.parent.name), "practice")
    return by_file or by_folder


def _entries(docs) -> list[_Entry]:
    entries = []
    for kind, doc in docs:
        if doc.data is None or kind == "dataset":  # dataset metadata is not a record
            continue
        list_key = KINDS[kind].list_key
        if list_key:
            items = doc.data.get(list_key)
            for i, item in enumerate(items if isinstance(items, list) else []):
                if isinstance(item, dict):
                    entries.append(_Entry(kind, doc, (list_key, i), item))
        else:
            entries.append(_Entry(kind, doc, (), doc.data))
    return entries


# ---------------------------------------------------------------- rules


def _rules(entries: list[_Entry], schema: Schema) -> list[Problem]:
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


def _identity(entry: _Entry, index) -> list[Problem]:
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


def _references(entry: _Entry, references, index, used) -> list[Problem]:
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


def _texts(entry: _Entry) -> list[Problem]:
    """Personal contact data and link schemes, in every text of a record."""
    found = {}  # (code, path, value) -> None: a value found twice in one text is one problem
    for path, text in _strings(entry.data, ()):
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


def _strings(node, path):
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, path + (i,))


def _published_text_rules(docs, schema: Schema) -> list[Problem]:
    """Rules on every value a file publishes, the dataset description included."""
    out = []
    date_paths = schema.date_paths
    for kind, doc in docs:
        if doc.data is not None:
            whole = _Entry(kind, doc, (), doc.data)
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


def _formula_starts(whole: _Entry) -> list[Problem]:
    out = []
    for path, text in _strings(whole.data, ()):
        if text.startswith(_FORMULA_START):
            sign_nl, sign_en = FORMULA_SIGNS[text[0]]
            out.append(whole.problem("text-formula-start", path, sign_nl=sign_nl, sign_en=sign_en))
    return out


def _control_characters(whole: _Entry) -> list[Problem]:
    out = []
    for path, text in _strings(whole.data, ()):
        # A leading carriage return is already reported as a formula start.
        found = _TEXT_CONTROL.search(text, 1 if text.startswith("\r") else 0)
        if found:
            out.append(whole.problem("text-control-char", path, char=f"U+{ord(found.group()):04X}"))
    return out


def _impossible_dates(whole: _Entry, date_paths: list[tuple]) -> list[Problem]:
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


def _practice_rules(entry: _Entry, indicator_units, index) -> list[Problem]:
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
                    yield (field, i, part, "period"), inner["period"]


def _orphans(entries, used) -> list[Problem]:
    out = []
    for entry in entries:
        if entry.kind in ("source", "instrument", "place") and entry.id and entry.id not in used[entry.kind]:
            out.append(entry.problem(f"orphan-{entry.kind}", ("id",), id=entry.id))
    return out


def _dataset(docs) -> dict | None:
    return next((doc.data for kind, doc in docs if kind == "dataset"), None)


def _build(entries: list[_Entry], schema: Schema, dataset: dict | None = None) -> Catalog:
    groups = {kind: {} for kind in KINDS}
    files = {}
    for entry in entries:
        groups[entry.kind][entry.id] = entry.data
        if KINDS[entry.kind].folder:
            files[f"{entry.kind}:{entry.id}"] = _repo_path(entry.doc.path)
    return Catalog.create(groups["practice"], groups["instrument"], groups["source"],
                          groups["place"], schema.codelists, files, dataset, schema)


def _repo_path(shown: str) -> str:
    folder, name = os.path.split(shown)
    return f"{_repo_folder(folder)}{name}"


@functools.lru_cache(maxsize=None)
def _repo_folder(folder: str) -> str:
    """'catalog/practices/' for a folder inside the repository, '' outside it."""
    try:
        return Path(folder or ".").resolve().relative_to(ROOT).as_posix() + "/"
    except ValueError:
        return ""
