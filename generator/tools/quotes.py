"""Quotes and copies: are the figures the source's, and are the texts the record's own?

`check_quotes(texts_dir)` checks the catalogue, then reads one plain-text
file per source (`<source-id>.txt`) and compares the practices and
instruments with the sources they cite:

- every `as_given` (found in the schema, wherever it sits) must occur in the
  text of its source, once whitespace, quote marks, dashes and markup are
  made the same on both sides, and nothing else;
- no text field may share a run of SHINGLE or more consecutive words with
  the text of a source the record cites (`as_given` and `locator`, ids,
  codes, urls and the contributors' names aside).

Each source becomes a set of its SHINGLE-word runs once, so the copy check
takes time linear in the length of the texts, not one comparison per pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalog.check import catalog_entries, check_catalog, display
from generator.catalog.entry import Entry
from generator.catalog.kinds import RECORDS
from generator.catalog.load import Document
from generator.catalog.problems import ERROR, Problem
from generator.catalog.schemas import ANY_ITEM, Schema, values_at
from generator.paths import CATALOG_DIR, SCHEMA_DIR

SHINGLE = 12      # a shared run of this many words or more is copied text
SHOWN_WORDS = 15  # how much of a copied run the report quotes
NOT_TEXT = {"as_given", "locator"}          # verbatim on purpose, or a place in the source
NOT_TEXT_PATHS = (("record", "contributors"), ("record", "checked", "by"))  # names of people and organisations
MISSING, COPIED, NO_TEXT = "quote-not-in-source", "quote-copied-text", "quote-source-text-missing"

QUOTE_MARKS = "‘’‚‛“”„‟«»'\""
DASHES = "‐‑‒–—―-"
_SAME_SIGNS = str.maketrans({**{mark: '"' for mark in QUOTE_MARKS}, **{dash: "-" for dash in DASHES}})
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?/?>")  # simple HTML tags
_EMPHASIS = re.compile(r"[*_]+")  # Markdown's ** and _
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")  # letters and digits; punctuation and markup fall away


@dataclass
class QuoteResult:
    problems: list[Problem]
    files: int = 0
    quotes: int = 0        # as_given values compared with a source text
    not_compared: int = 0  # as_given values whose source has no text file
    texts: int = 0         # text fields compared

    def count(self, code: str) -> int:
        return sum(p.code == code for p in self.problems)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)


@dataclass
class _Source:
    text: str                       # normalised for the quote check
    shingles: set = field(repr=False)  # every SHINGLE-word run, as a tuple of words


def normalise(text: str) -> str:
    """Whitespace, quote marks, dashes and markup made the same; nothing else."""
    text = _EMPHASIS.sub("", _TAG.sub(" ", text)).translate(_SAME_SIGNS)
    return _SPACE.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """Lower-case words, punctuation stripped; figures and names are words too."""
    return _WORD.findall(_TAG.sub(" ", text).lower())


def shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def copied_runs(tokens: list[str], source: set) -> list[tuple[int, int]]:
    """(first word, number of words) of each maximal run shared with a source's shingles."""
    runs, start = [], None
    for i in range(len(tokens) - SHINGLE + 2):
        hit = i <= len(tokens) - SHINGLE and tuple(tokens[i:i + SHINGLE]) in source
        if hit and start is None:
            start = i
        elif not hit and start is not None:
            runs.append((start, i - 1 - start + SHINGLE))
            start = None
    return runs


def check_quotes(texts_dir: Path, catalog_dir: Path = CATALOG_DIR, schema_dir: Path = SCHEMA_DIR) -> QuoteResult:
    """Check the catalogue, then every figure and text against the sources' texts."""
    checked = check_catalog(catalog_dir, schema_dir)
    if checked.catalog is None:  # the structure cannot be trusted: report the check's errors only
        return QuoteResult([p for p in checked.problems if p.severity == ERROR], len(checked.files))
    catalog = checked.catalog
    result = QuoteResult([], len(checked.files))
    sources = _read_sources(texts_dir, catalog.sources)
    entries = catalog_entries(catalog_dir)
    result.problems += _missing_texts(entries, texts_dir, sources)
    fields = catalog.schema.derived(_field_paths)
    for entry in entries:
        if entry.kind in fields:
            _check_record(entry.doc, fields[entry.kind], catalog.schema, entry.kind, sources, result)
    result.problems.sort(key=Problem.sort_key)
    return result


def summary(result: QuoteResult, lang: str = "nl") -> str:
    """The figures in one line, for the end of the text report."""
    counts = {"quotes": result.quotes, "missing": result.count(MISSING), "texts": result.texts,
              "copied": result.count(COPIED), "skipped": result.not_compared}
    template = {
        "nl": "Cijfers vergeleken met de bron: {quotes}, niet gevonden: {missing}. "
              "Teksten vergeleken: {texts}, overgenomen stukken: {copied}. Zonder brontekst: {skipped} cijfers.",
        "en": "Figures compared with their source: {quotes}, not found: {missing}. "
              "Texts compared: {texts}, copied runs: {copied}. Without a source text: {skipped} figures.",
    }[lang]
    return template.format(**counts)


def _read_sources(texts_dir: Path, ids) -> dict[str, _Source | None]:
    """Each source id with its text prepared, or None when there is no text file."""
    out = {}
    for source_id in ids:
        path = texts_dir / f"{source_id}.txt"
        if not path.is_file():
            out[source_id] = None
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        out[source_id] = _Source(normalise(text), shingles(words(text)))
    return out


def _missing_texts(entries: list[Entry], texts_dir: Path, sources) -> list[Problem]:
    """One warning per source without a text file, at its id: in the shared list or in its own file
    (a source a contributor has just added has none yet; the figures that cite it are not compared)."""
    return [entry.problem(NO_TEXT, ("id",), id=entry.id, file=display(texts_dir / f"{entry.id}.txt"))
            for entry in entries if entry.kind == "source" and entry.id in sources and sources[entry.id] is None]


def _field_paths(schema: Schema) -> dict[str, tuple[tuple, tuple]]:
    """Per record kind that cites sources: (as_given path patterns, text path patterns)."""
    out = {}
    for kind in RECORDS:
        if not any(reference.kind == "source" for reference in schema.references[kind.name]):
            continue
        quotes, texts = [], []
        for path, node in schema.walk(kind.record_schema):
            if path[-1:] == ("as_given",):
                quotes.append(path)
            elif _is_text(path, node.schema):
                texts.append(path)
        out[kind.name] = (tuple(sorted(quotes)), tuple(sorted(texts)))
    return out


def _is_text(path: tuple, node: dict) -> bool:
    """Free text: a string with no fixed form (ids, codes, urls and dates have one)."""
    if node.get("type") != "string" or not path or path[-1] in NOT_TEXT:
        return False
    if any(key in node for key in ("pattern", "enum", "const", "format", "x-reference")):
        return False
    steps = tuple(step for step in path if step != ANY_ITEM)
    return not any(steps[:len(prefix)] == prefix for prefix in NOT_TEXT_PATHS)


def _check_record(doc: Document, fields, schema: Schema, kind: str, sources, result: QuoteResult) -> None:
    quote_paths, text_paths = fields
    cited = sorted({value for reference in schema.references[kind] if reference.kind == "source"
                    for _, value in values_at(doc.data, reference.path) if isinstance(value, str)})
    for pattern in quote_paths:
        for path, value in values_at(doc.data, pattern):
            if isinstance(value, str) and value.strip():
                _check_quote(doc, path, value, _quote_sources(doc.data, path, cited), sources, result)
    for pattern in text_paths:
        for path, value in values_at(doc.data, pattern):
            if isinstance(value, str):
                result.texts += 1
                _check_copy(doc, path, value, cited, sources, result)


def _quote_sources(data: dict, path: tuple, cited: list[str]) -> list[str]:
    """The source of the object that holds the value, or its nearest ancestor's; else all cited."""
    nodes = [data]
    for step in path[:-1]:
        nodes.append(nodes[-1][step])
    for node in reversed(nodes[1:]):
        if isinstance(node, dict) and isinstance(node.get("source"), str):
            return [node["source"]]
    return cited


def _check_quote(doc, path, value, source_ids, sources, result: QuoteResult) -> None:
    texts = [sources[s] for s in source_ids if sources.get(s) is not None]
    if not texts:
        result.not_compared += 1
        return
    result.quotes += 1
    wanted = normalise(value)
    if not any(wanted in source.text for source in texts):
        line, column = doc.position(path)
        result.problems.append(Problem(MISSING, doc.path, line, column, path,
                                       {"value": value, "source": ", ".join(source_ids)}))


def _check_copy(doc, path, value, cited, sources, result: QuoteResult) -> None:
    tokens = words(value)
    if len(tokens) < SHINGLE:
        return
    for source_id in cited:
        source = sources.get(source_id)
        for first, count in copied_runs(tokens, source.shingles) if source else ():
            shown = " ".join(tokens[first:first + min(count, SHOWN_WORDS)])
            line, column = _word_position(doc, path, tokens, first)
            result.problems.append(Problem(COPIED, doc.path, line, column, path, {
                "words": count, "run": shown + (" …" if count > SHOWN_WORDS else ""), "source": source_id}))


def _word_position(doc: Document, path: tuple, tokens: list[str], first: int) -> tuple[int, int]:
    """Line and column of the value's word `first` in the file, or of the value when the
    file writes the words differently (escapes, HTML)."""
    line, column = doc.position(path)
    text = doc.text or ""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if line > len(starts):
        return line, column
    offset = starts[line - 1] + column - 1
    for n, match in enumerate(_WORD.finditer(text, offset)):
        if n >= len(tokens) or match.group().lower() != tokens[n]:
            break
        if n == first:
            at = match.start()
            row = text.count("\n", 0, at)
            return row + 1, at - starts[row] + 1
    return line, column
