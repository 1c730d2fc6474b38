"""Search that understands Dutch as people type it (issue 13): typos, compounds, synonyms."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

STATUS = "[data-zoeken=status]"
HINT = "[data-zoeken=suggestie]"
RESULT_LINKS = "[data-zoeken=resultaten] > li h2 a"


def results(page) -> list[str]:
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^\d+ resulta+t"))
    expect(page.locator("[data-zoeken=app]")).to_have_attribute("aria-busy", "false")
    return [href.rstrip("/").rsplit("/", 1)[-1]
            for href in page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.href)")]


@pytest.mark.parametrize("typed, place, practice", [
    ("Zoetermer", "Zoetermeer", "zoetermeer-werktop-plus"),
    ("Apeldorn", "Apeldoorn", "apeldoorn-sociaal-aanbesteden-pso"),
])
def test_a_typo_in_a_place_name_asks_bedoelde_u(page, base_url, typed, place, practice):
    page.goto(base_url + f"zoeken/?q={typed}")
    found = results(page)
    assert practice in found[:5], found
    hint = page.locator(HINT)
    expect(hint).to_be_visible()
    expect(hint).to_contain_text(f"Bedoelde u {place}?")
    expect(hint).to_contain_text(f"U typte ‘{typed}’")
    expect(page.locator(STATUS)).to_contain_text(f"voor ‘{place.lower()}’")
    hint.get_by_role("link", name=place).click()
    expect(page.locator("h1")).to_have_text(place)
    assert "/plaats/" in page.url


def test_a_known_word_gets_no_bedoelde_u(page, base_url):
    page.goto(base_url + "zoeken/?q=Zoetermeer")
    assert "zoetermeer-werktop-plus" in results(page)[:5]
    expect(page.locator(HINT)).to_be_hidden()


@pytest.mark.parametrize("query, expected", [
    ("werkloosheid", "assen-jongeren-bij-de-politie"),      # a part of jeugdwerkloosheid
    ("bouwproject", "den-haag-bouwen-voor-werk"),            # a compound read as bouw project
    ("bouwproject", "vaals-winterwerk"),
    ("jongeren zonder werk", "venlo-re-inspiratie"),         # synonym of werkloos
    ("werkgevers overtuigen", "regio-amersfoort-campagne-werkgevers"),
])
def test_compounds_and_synonyms_widen_a_query(page, base_url, query, expected):
    page.goto(base_url + f"zoeken/?q={query}")
    assert expected in results(page)[:10]
