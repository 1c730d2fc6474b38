"""The search page: Dutch stemming, facets with counts, state in the URL, the header search."""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import off_the_browser_thread, serve, watched_page
from playwright.sync_api import expect

from generator.website.site import index_site

STATUS = "[data-zoeken=status]"
RESULTS = "[data-zoeken=resultaten] > li"
MORE = "[data-zoeken=meer]"


def result_count(page) -> int:
    match = re.match(r"(\d+) resulta+t", page.locator(STATUS).inner_text())
    assert match, page.locator(STATUS).inner_text()
    return int(match.group(1))


def wait_for_results(page) -> int:
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^\d+ resulta+t"))
    expect(page.locator("[data-zoeken=app]")).to_have_attribute("aria-busy", "false")
    return result_count(page)


def load_all_results(page) -> list[str]:
    while page.locator(MORE).is_visible():
        before = page.locator(RESULTS).count()
        page.locator(MORE).click()
        expect(page.locator(RESULTS)).not_to_have_count(before)
    return page.locator(f"{RESULTS} h2 a").evaluate_all("links => links.map(a => a.href)")


def searchable_text(html: str) -> str:
    body = html.split("data-pagefind-body", 1)[1]
    return re.sub(r"<[^>]+>", " ", body)


def test_werkgevers_finds_pages_that_only_say_werkgever(page, base_url, site_dir):
    # Pages whose indexed text has "werkgever" but never "werkgevers": only stemming can find them.
    singular_only = set()
    for path in sorted((site_dir / "voorbeelden").glob("*/index.html")):
        words = searchable_text(path.read_text(encoding="utf-8")).lower()
        if re.search(r"\bwerkgever\b", words) and not re.search(r"\bwerkgevers\b", words):
            singular_only.add(f"{base_url}voorbeelden/{path.parent.name}/")
    assert singular_only, "the catalogue has no practice that says only 'werkgever'; the check needs one"

    page.goto(base_url + "zoeken/?q=werkgevers")
    total = wait_for_results(page)
    found = set(load_all_results(page))
    assert len(found) == total
    assert singular_only & found, f"none of {sorted(singular_only)} found for 'werkgevers'"
    expect(page.locator(f"{RESULTS} mark").first).to_be_visible()


def test_ticking_a_facet_narrows_counts_and_survives_a_reload(page, base_url):
    page.goto(base_url + "zoeken/?q=werkgevers")
    total = wait_for_results(page)
    facet = page.locator("fieldset.zoeken-facet").filter(has=page.locator("legend", has_text="Status"))
    labels = facet.locator("label")
    expect(labels.first).to_have_text(re.compile(r"\(\d+\)$"))  # every value shows its count
    counts = [int(re.search(r"\((\d+)\)$", text).group(1)) for text in labels.all_inner_texts()]
    assert sum(counts) <= total  # one status per practice; instrument pages have none
    choice = next(i for i, count in enumerate(counts) if 0 < count < total)
    value = facet.locator("input").nth(choice).get_attribute("value")

    checkbox = facet.locator("input").nth(choice)
    checkbox.focus()
    page.keyboard.press("Space")  # keyboard only
    expect(page.locator(STATUS)).to_have_text(re.compile(rf"^{counts[choice]} resulta+t"))
    assert parse_qs(urlparse(page.url).query) == {"q": ["werkgevers"], "status": [value]}
    for facts in page.locator(f"{RESULTS} .zoeken-resultaat__feiten").all_inner_texts():
        assert f"Status: {value}" in facts
    focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    assert focused == ["status", value], "focus must stay on the ticked checkbox"
    # Other facets now count within the narrower selection.
    theme_counts = page.locator("fieldset.zoeken-facet").filter(
        has=page.locator("legend", has_text="Thema")).locator(".zoeken-facet__aantal").all_inner_texts()
    assert theme_counts and all(int(c.strip("()")) <= counts[choice] for c in theme_counts)

    page.reload()
    expect(page.locator(STATUS)).to_have_text(re.compile(rf"^{counts[choice]} resulta+t"))
    expect(page.locator("#zoeken-vraag")).to_have_value("werkgevers")
    expect(page.locator(f"input[name=status][value='{value}']")).to_be_checked()


def test_two_values_of_one_facet_add_up(page, base_url):
    page.goto(base_url + "zoeken/?q=werkgevers")
    wait_for_results(page)
    facet = page.locator("fieldset.zoeken-facet").filter(has=page.locator("legend", has_text="Status"))
    first, second = facet.locator("input").nth(0), facet.locator("input").nth(1)
    values = [first.get_attribute("value"), second.get_attribute("value")]
    counts = [int(re.search(r"\((\d+)\)$", facet.locator("label").nth(i).inner_text()).group(1)) for i in (0, 1)]
    first.check()
    expect(page.locator(STATUS)).to_have_text(re.compile(rf"^{counts[0]} resulta+t"))
    facet.locator(f"input[value='{values[1]}']").check()
    expect(page.locator(STATUS)).to_have_text(re.compile(rf"^{counts[0] + counts[1]} resulta+t"))
    assert sorted(parse_qs(urlparse(page.url).query)["status"]) == sorted(values)


def test_header_search_leads_to_the_search_page(page, base_url):
    page.goto(base_url)
    page.locator("#kop-zoeken-vraag").fill("jongeren")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=jongeren$"))
    assert wait_for_results(page) > 0
    expect(page.locator("#zoeken-vraag")).to_have_value("jongeren")


def test_without_a_query_every_page_is_listed_and_a_facet_filters_them(page, base_url, catalog):
    page.goto(base_url + "zoeken/")
    everything = len(catalog.practices) + len(catalog.instruments)
    expect(page.locator(STATUS)).to_have_text(re.compile(rf"^Alle {everything} resultaten"))
    expect(page.locator(RESULTS)).to_have_count(min(everything, 20))
    page.get_by_label(re.compile(r"^Praktijkvoorbeeld \(\d+\)$")).check()
    expect(page.locator(STATUS)).to_have_text(re.compile(rf"^{len(catalog.practices)} resulta+t"))
    assert parse_qs(urlparse(page.url).query) == {"soort": ["Praktijkvoorbeeld"]}


# -- a catalogue large enough for several indexes -------------------------------


@pytest.fixture(scope="module")
def sharded_base_url(site_dir, tmp_path_factory):
    """The same site indexed as three Pagefind indexes (a large catalogue gets one per
    site.SHARD_PAGES pages); the search page merges them."""
    copy = tmp_path_factory.mktemp("sharded") / "public"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("pagefind", "data"))
    pages = len(list(copy.glob("voorbeelden/*/index.html"))) + len(list(copy.glob("instrumenten/*/index.html")))
    off_the_browser_thread(index_site, copy, pages // 3 + 1)
    assert json.loads((copy / "pagefind" / "shards.json").read_text()) == ["../pagefind-2/", "../pagefind-3/"]
    with serve(copy) as url:
        yield url


def _search_outcome(page, url: str, base: str) -> tuple:
    page.goto(url)
    wait_for_results(page)
    found = sorted(link[len(base):] for link in load_all_results(page))
    facets = page.locator("fieldset.zoeken-facet").all_inner_texts()
    return found, facets


@pytest.mark.parametrize("query", ["?q=werkgevers", "?q=jongeren&status=Loopt", "?soort=Praktijkvoorbeeld"])
def test_several_indexes_give_the_same_results_and_counts_as_one(browser, base_url, sharded_base_url, query):
    outcomes = []
    for base in (base_url, sharded_base_url):
        with watched_page(browser, base, locale="nl-NL", viewport={"width": 1280, "height": 900}) as page:
            page.set_default_timeout(10_000)
            outcomes.append(_search_outcome(page, f"{base}zoeken/{query}", base))
    single, merged = outcomes
    assert single[0], f"nothing found for {query}"
    assert merged == single
