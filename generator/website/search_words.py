"""Search that understands Dutch as people type it: compound parts, synonyms and a vocabulary.

Pagefind matches whole words and their beginnings, so `werkloosheid` does not
find `jeugdwerkloosheid`, and `bijstand` does not find `uitkering`. Two things
close that gap, both built from the catalogue's own words:

- `page_words`: every searchable page (practices, instruments) carries hidden
  extra words (html_elements.search_words): the parts of its compound words
  (`jeugdwerkloosheid` -> `jeugd werkloosheid`) and, weighing less, the other
  members of each synonym group it matches: the groups of site/zoekwoorden.yaml
  (editable) and each instrument's name with its `also_known_as`.
- `files`: `zoeken/woorden.json`, a small vocabulary for the search page
  (site/docs/assets/zoeken-taal.js): the catalogue's words, the extra parts
  from zoekwoorden.yaml and the names of places, provinces, instruments and
  practices with their pages. The search page splits an unknown compound in a
  query into known parts (`bouwproject` -> `bouw project`) and corrects a typo
  to the nearest known word, offering "Bedoelde u …?" with a link.

A compound is split into two or more known words of at least MIN_PART letters,
optionally joined by a linking `s` or `e` (arbeid-s-markt). A part may also be
a verb stem: `bouw` is known because `bouwen` is.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections import Counter

import yaml

from generator.catalog.geography import Geography
from generator.catalog.model import Catalog
from generator.paths import ROOT

from .page_parts import instrument_page, place_page, practice_page, url_of

WORDS_FILE = ROOT / "site" / "zoekwoorden.yaml"
VOCABULARY_PATH = "zoeken/woorden.json"
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
MIN_PART = 4      # shorter parts only from zoekwoorden.yaml's `delen`
MIN_SPLIT = 7      # shorter words are not split
MIN_PREFIX = 5     # a synonym of this length also matches the longer words it starts
MAX_WORDS = 30000  # the vocabulary's size limit for a very large catalogue (most frequent first)
LINKS = ("", "s", "e")
SKIPPED_KEYS = {"id", "url", "source", "place", "places", "related", "indicator", "doi"}


def tokens(value: str) -> list[str]:
    return [word for match in WORD.findall(value.casefold()) for word in match.split("-")]


def strings(value, key: str = "") -> list[str]:
    """All text in a record, its identifiers and addresses left out."""
    if isinstance(value, str):
        return [] if key in SKIPPED_KEYS else [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in strings(v, k)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item, key)]
    return []


def load_word_file(path=WORDS_FILE) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    groups = [[" ".join(tokens(str(m))) for m in group] for group in data.get("groepen") or []]
    return {"groups": [[m for m in group if m] for group in groups],
            "parts": sorted({w for part in data.get("delen") or [] for w in tokens(str(part))})}


class Vocabulary:
    """The catalogue's words, and how to split a compound into them."""

    def __init__(self, counts: Counter, extra_parts: list[str], groups: list[list[str]]):
        self.counts = counts
        self.known = {w for w in counts if len(w) >= MIN_PART and not w.isdigit()} | set(extra_parts)
        self.groups = groups
        self.extra_parts = set(extra_parts)

    def is_part(self, word: str) -> bool:
        if word in self.extra_parts:
            return True
        return len(word) >= MIN_PART and (word in self.known or word + "en" in self.known
                                          or word + "e" in self.known)

    @functools.lru_cache(maxsize=None)
    def split(self, word: str) -> tuple[str, ...]:
        """The known parts of a compound, fewest parts first; () when it is no compound of known words."""
        if len(word) < MIN_SPLIT or not word.isalpha():
            return ()
        best: tuple[str, ...] = ()
        for cut in range(len(word) - 3, 2, -1):  # parts of three letters come from `delen`
            head, tail = word[:cut], word[cut:]
            for link in LINKS:
                stem = head[:len(head) - len(link)] if head.endswith(link) else ""
                if not self.is_part(stem):
                    continue
                rest = (tail,) if self.is_part(tail) else self.split(tail)
                if rest and (not best or len(rest) + 1 < len(best)):
                    best = (stem, *rest)
            if len(best) == 2:
                return best
        return best

    def page_words(self, texts: list[str]) -> tuple[list[str], list[str]]:
        """The hidden words for a page with these texts: (compound parts, synonyms)."""
        all_words = tokens(" ".join(texts))  # no word runs over the joining space
        words = set(all_words)
        parts = {part for w in words for part in self.split(w)} - words
        found = words | parts
        joined = " " + " ".join(all_words) + " "
        in_order = sorted(found)
        synonyms = set()
        for group in self.groups:
            if any(_matches(member, found, in_order, joined) for member in group):
                synonyms.update(member for member in group if member not in found)
        return sorted(parts), sorted(synonyms)


def _matches(member: str, words: set[str], in_order: list[str], joined: str) -> bool:
    if " " in member:
        return f" {member} " in joined
    if member in words:
        return True
    if len(member) < MIN_PREFIX:
        return False
    # the words that start with member follow it directly in sorted order
    at = bisect.bisect_left(in_order, member)
    return at < len(in_order) and in_order[at].startswith(member)


_CACHE: dict[int, tuple[Catalog, Vocabulary]] = {}


def vocabulary(catalog: Catalog) -> Vocabulary:
    """One vocabulary per catalogue (the catalogue is kept, so its id is not reused)."""
    held = _CACHE.get(id(catalog))
    if held is None or held[0] is not catalog:
        _CACHE.clear()
        word_file = load_word_file()
        counts = Counter(w for s in _catalogue_strings(catalog) for w in tokens(s))
        groups = word_file["groups"] + _instrument_names(catalog)
        held = _CACHE[id(catalog)] = (catalog, Vocabulary(counts, word_file["parts"], groups))
    return held[1]


def _catalogue_strings(catalog: Catalog) -> list[str]:
    out = [s for kind in (catalog.practices, catalog.instruments) for r in kind.values() for s in strings(r)]
    out += [place["name"] for place in catalog.places.values()]
    out += [row["label_nl"] for rows in catalog.codelists.values() for row in rows if row.get("label_nl")]
    return out


def _instrument_names(catalog: Catalog) -> list[list[str]]:
    """The catalogue's own synonyms: each instrument's name and the names it is also known by."""
    groups = ([" ".join(tokens(name)) for name in [inst["name"], *inst.get("also_known_as", ())]]
              for inst in catalog.instruments.values())
    return [group for group in groups if len(group) > 1]


def practice_words(catalog: Catalog, practice: dict) -> tuple[list[str], list[str]]:
    texts = strings(practice) + [catalog.places[code]["name"] for code in practice["places"]]
    return vocabulary(catalog).page_words(texts)


def instrument_words(catalog: Catalog, instrument: dict) -> tuple[list[str], list[str]]:
    return vocabulary(catalog).page_words(strings(instrument))


def files(catalog: Catalog) -> dict[str, str]:
    """{site path: content}: the search page's vocabulary."""
    vocab = vocabulary(catalog)
    words = sorted(vocab.known, key=lambda w: (-vocab.counts.get(w, 0), w))[:MAX_WORDS]
    content = {"woorden": sorted(words), "namen": _names(catalog)}
    return {VOCABULARY_PATH: json.dumps(content, ensure_ascii=False, separators=(",", ":")) + "\n"}


def _names(catalog: Catalog) -> list[list[str]]:
    """[name, site-relative URL] of every place and province with a page, instrument and practice."""
    geo = Geography(catalog)
    names: dict[str, str] = {}
    for p in catalog.practices.values():
        for code in p["places"]:
            names.setdefault(catalog.places[code]["name"], url_of(place_page(code)))
        for province in geo.provinces_of_practice(p):
            names.setdefault(geo.province_name(province), url_of(place_page(province)))
    for ident, inst in catalog.instruments.items():
        names.setdefault(inst["name"], url_of(instrument_page(ident)))
    for ident, p in catalog.practices.items():
        names.setdefault(p["title"], url_of(practice_page(ident)))
    return sorted([name, url] for name, url in names.items())
