"""Practices side by side (vergelijken/) and the map (kaart/), as a councillor uses them:
a shared link on desktop and phone, keyboard alone, print, and axe with no violation at all."""

from __future__ import annotations

import re

import pytest
from conftest import watched_page
from playwright.sync_api import expect

from generator.website.practice_cards import figure_text
from generator.website.practice_summary import NO_COST, cost_lines

WIDTHS = {"desktop": 1280, "phone": 390}


def _three_with_cost_and_figures(catalog) -> list[dict]:
    chosen = [p for p in catalog.practices.values() if p.get("metrics") and cost_lines(catalog, p) != [NO_COST]]
    assert len(chosen) >= 3
    return sorted(chosen, key=lambda p: p["id"])[:3]


def _axe_violations(page, axe_script) -> list[str]:
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    assert len(results["passes"]) > 20, "axe-core checked almost nothing; is the page empty?"
    return [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
            for v in results["violations"]]


@pytest.fixture(params=list(WIDTHS))
def sized_page(request, browser, base_url):
    with watched_page(browser, base_url, locale="nl-NL",
                      viewport={"width": WIDTHS[request.param], "height": 900}) as page:
        page.set_default_timeout(10_000)
        yield page


def _tab_to(page, selector: str, limit: int = 120) -> None:
    """Press Tab until the focused element matches selector."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} not reached with {limit} Tabs")


def test_a_shared_link_shows_three_practices_side_by_side(sized_page, base_url, catalog, axe_script):
    page = sized_page
    chosen = _three_with_cost_and_figures(catalog)
    page.goto(base_url + "vergelijken/?p=" + ",".join(p["id"] for p in chosen))
    table = page.locator(".pv-compare__table")
    expect(table.locator("caption")).to_have_text("Vergelijking van 3 voorbeelden")
    headers = table.locator("thead th")
    expect(headers).to_have_count(4)
    for number, practice in enumerate(chosen, start=1):
        expect(headers.nth(number).get_by_role("link")).to_have_text(practice["title"])
    costs = table.locator("tbody tr", has=page.locator("th", has_text="Kosten")).locator("td")
    for number, practice in enumerate(chosen):
        expect(costs.nth(number)).to_contain_text(cost_lines(catalog, practice)[0])
    expect(table).to_contain_text(figure_text(catalog, chosen[0]["metrics"][0]))
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    for box in page.locator('.pv-compare__form input[name="p"]:checked').all():
        assert box.get_attribute("value") in {p["id"] for p in chosen}
    assert not _axe_violations(page, axe_script)


def test_the_compare_page_prints_the_table_without_navigation(page, base_url, catalog):
    chosen = _three_with_cost_and_figures(catalog)
    page.goto(base_url + "vergelijken/?p=" + ",".join(p["id"] for p in chosen))
    expect(page.locator(".pv-compare__table")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".pv-compare__table")).to_be_visible()
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".pv-compare__form"):
        expect(page.locator(chrome).first).to_be_hidden()
    width = page.evaluate("document.querySelector('.pv-compare__table').getBoundingClientRect().right")
    assert width <= page.viewport_size["width"]


def test_keyboard_only_from_a_practice_page_to_a_comparison(page, base_url, catalog):
    practice = _three_with_cost_and_figures(catalog)[0]
    page.goto(base_url + f"voorbeelden/{practice['id']}/")
    _tab_to(page, ".pv-where__compare a")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"vergelijken/\?p={practice['id']}$"))
    expect(page.locator("[data-vergelijken=status]")).to_contain_text("nog minstens één voorbeeld")
    _tab_to(page, '.pv-compare__form input[name="p"]:not(:checked)')
    other = page.evaluate("document.activeElement.value")
    page.keyboard.press("Space")
    _tab_to(page, ".pv-compare__form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"vergelijken/\?p=[\w-]+,[\w-]+$"))
    expect(page.locator(".pv-compare__table thead th")).to_have_count(3)
    assert set(page.url.split("?p=")[1].split(",")) == {practice["id"], other}
    expect(page.locator(".pv-compare__scroll")).to_be_focused()


def test_at_most_four_with_a_clear_message(page, base_url, catalog):
    ids = sorted(catalog.practices)[:5]
    page.goto(base_url + "vergelijken/?p=" + ",".join(ids))
    expect(page.locator("[data-vergelijken=status]")).to_contain_text("hoogstens vier voorbeelden")
    expect(page.locator(".pv-compare__table thead th")).to_have_count(5)
    page.locator(f'.pv-compare__form input[value="{ids[4]}"]').click()
    expect(page.locator(f'.pv-compare__form input[value="{ids[4]}"]')).not_to_be_checked()
    expect(page.locator("[data-vergelijken=status]")).to_contain_text("Haal eerst een vinkje weg")


def test_a_listing_sends_its_ticked_practices_to_the_compare_page(page, base_url, catalog):
    page.goto(base_url + "voorbeelden/")
    boxes = page.locator('.pv-compare-pick input[name="p"]')
    chosen = [boxes.nth(0).get_attribute("value"), boxes.nth(1).get_attribute("value")]
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_role("button", name="Vergelijk de gekozen voorbeelden").click()
    expect(page.locator(".pv-compare__table thead th")).to_have_count(3)
    expect(page.locator(".pv-compare__table thead th a").first).to_have_text(catalog.practices[chosen[0]]["title"])


def test_the_map_has_a_mark_per_place_and_axe_finds_nothing(sized_page, base_url, axe_script):
    page = sized_page
    page.goto(base_url + "kaart/")
    marks = page.locator("a.pv-map__mark")
    assert marks.count() > 30
    expect(page.locator(".pv-map__places li")).to_have_count(marks.count() + 1)  # + the country, listed only
    assert not _axe_violations(page, axe_script)


def test_tab_to_a_map_mark_and_follow_it(page, base_url):
    page.goto(base_url)
    page.get_by_role("link", name="Kaart", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"kaart/$"))
    _tab_to(page, "a.pv-map__mark")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert re.fullmatch(r".+: \d+ voorbeeld(en)?", label)
    ring = page.evaluate("getComputedStyle(document.activeElement.querySelector('circle')).strokeWidth")
    assert ring == "4px"  # the visible focus ring
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"plaats/[\w-]+/$"))
    expect(page.locator("h1")).to_contain_text(label.split(":")[0])


def test_a_practice_page_with_its_locator_map_has_no_axe_violation(sized_page, base_url, catalog, axe_script):
    practice = _three_with_cost_and_figures(catalog)[0]
    sized_page.goto(base_url + f"voorbeelden/{practice['id']}/")
    expect(sized_page.get_by_role("img", name=re.compile("Kaartje van Nederland"))).to_be_visible()
    assert not _axe_violations(sized_page, axe_script)
