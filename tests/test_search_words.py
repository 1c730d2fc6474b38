"""Search that understands Dutch (issue 13): compound parts and synonyms on the pages,
the vocabulary the search page reads, and its query rewriting (zoeken-taal.js, in Node)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from test_form import js_module, node

from generator.catalog.check import check_catalog
from generator.paths import CATALOG_DIR, SCHEMA_DIR
from generator.website import search_words
from generator.website.html_elements import search_words as search_words_html

WORDS = Counter("jeugdwerkloosheid werkloosheid jeugd project bouwen arbeid markt uitkering bijstand".split())


@pytest.fixture(scope="module")
def catalog():
    return check_catalog(CATALOG_DIR, SCHEMA_DIR).catalog


def small() -> search_words.Vocabulary:
    return search_words.Vocabulary(WORDS, ["bouw"], [["bijstand", "uitkering"], ["werkloos", "zonder werk"]])


@pytest.mark.parametrize("word, parts", [
    ("jeugdwerkloosheid", ("jeugd", "werkloosheid")),
    ("bouwproject", ("bouw", "project")),
    ("arbeidsmarkt", ("arbeid", "markt")),      # a linking s
    ("werkloosheid", ()),                        # no compound of known words
    ("jeugd", ()),                               # too short to split
])
def test_compounds_split_into_known_words(word, parts):
    assert small().split(word) == parts


def test_a_page_gets_compound_parts_and_synonyms_it_does_not_say():
    parts, synonyms = small().page_words(["Jeugdwerkloosheid en de bijstand"])
    assert parts == ["jeugd", "werkloosheid"]
    assert synonyms == ["uitkering", "werkloos", "zonder werk"]


def test_hidden_words_weigh_less_when_they_are_synonyms():
    html = search_words_html((["werkloosheid"], ["uitkering"]))
    assert '<p class="pv-zoekwoorden" hidden>werkloosheid</p>' in html
    assert 'hidden data-pagefind-weight="0.3">uitkering</p>' in html
    assert search_words_html(([], [])) == ""


def test_instrument_names_are_synonyms_of_what_they_are_also_known_as(catalog):
    _, synonyms = search_words.practice_words(catalog, catalog.practices["ontmoetingen-in-plaats-van-cv-open-hiring"])
    assert "openhiring" in synonyms


def test_the_vocabulary_holds_words_and_named_pages(catalog):
    vocab = json.loads(search_words.files(catalog)[search_words.VOCABULARY_PATH])
    assert {"zoetermeer", "werkloosheid", "bouw"} <= set(vocab["woorden"])
    names = dict(vocab["namen"])
    assert names["Zoetermeer"] == "plaats/GM0637/"
    assert names["Social return"] == "instrumenten/social-return/"


def test_the_search_page_rewrites_typos_and_compounds(catalog):
    vocab = json.loads(search_words.files(catalog)[search_words.VOCABULARY_PATH])
    script = ("const t = " + js_module("zoeken-taal.js") + "; " + 'let input = ""; '
              'process.stdin.on("data", d => input += d).on("end", () => { const data = JSON.parse(input); '
              "const v = t.vocabulary(data.vocab); "
              "const out = data.queries.map(q => { const r = t.rewrite(v, q); return [r.query, r.corrected, t.suggestion(v, r)]; }); "
              "process.stdout.write(JSON.stringify(out)); });")
    queries = ["Zoetermer", "grensarbeid", "Zoetermeer", "sociale cooperatie", "social retrun", "werkgever"]
    out = node(script, {"vocab": vocab, "queries": queries})
    assert out[0] == ["zoetermeer", [["Zoetermer", "zoetermeer"]], ["Zoetermeer", "plaats/GM0637/"]]
    assert out[1] == ["grens arbeid", [], None]
    assert out[2] == ["Zoetermeer", [], None]
    assert out[3][1] == []                                            # no typo: the catalogue says both
    assert out[4][0] == "social return"
    assert out[5] == ["werkgever", [], None]                          # the start of a known word
