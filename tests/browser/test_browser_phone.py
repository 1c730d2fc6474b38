"""Phone (390 px) and keyboard: the search page's folding filters, the home page's skip link to its
search box, the explorer's scroll cue and its province filter, and axe (every impact) at both widths."""

from __future__ import annotations

import re

import pytest
from conftest import watched_page
from playwright.sync_api import expect

from generator.catalog.geography import Geography

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def phone(browser, base_url):
    with watched_page(browser, base_url, locale="nl-NL", viewport=PHONE) as page:
        page.set_default_timeout(10_000)
        yield page


def test_on_a_phone_the_filters_fold_and_show_n_results_leads_to_the_results(phone, base_url):
    phone.goto(base_url + "zoeken/")
    expect(phone.locator("[data-zoeken=resultaten] > li").first).to_be_visible()
    toggle = phone.locator("[data-zoeken=filterknop]")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_have_attribute("aria-controls", "zoeken-filterpaneel")
    expect(phone.locator("[data-zoeken=facetten] input").first).to_be_hidden()
    toggle.focus()
    phone.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    status = phone.locator("fieldset.zoeken-facet").filter(has=phone.locator("legend", has_text="Status"))
    status.locator("input").first.check()
    expect(toggle).to_have_text("Filters (1 gekozen)")
    shown = phone.locator("[data-zoeken=toon]")
    summary = phone.locator("[data-zoeken=status]")
    expect(summary).to_contain_text(" met status ")
    count = re.match(r"(\d+) resulta", summary.text_content()).group(1)
    expect(shown).to_have_text(re.compile(rf"^Toon {count} (resultaat|resultaten)$"))
    shown.focus()
    phone.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(summary).to_be_focused()
    # The results start near the top of the screen, not some 2,000 px down below the filters.
    top = phone.locator("[data-zoeken=resultaten] > li").first.bounding_box()["y"]
    assert 0 < top < PHONE["height"] / 2


def test_on_a_desktop_the_filters_stay_beside_the_results(page, base_url):
    page.goto(base_url + "zoeken/")
    expect(page.locator("[data-zoeken=facetten] input").first).to_be_visible()
    expect(page.locator("[data-zoeken=filterknop]")).to_be_hidden()
    expect(page.locator("[data-zoeken=toon]")).to_be_hidden()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_keyboard_alone_skip_link_then_type_in_the_home_search(browser, base_url, viewport):
    with watched_page(browser, base_url, locale="nl-NL", viewport=viewport) as page:
        page.goto(base_url)
        page.keyboard.press("Tab")  # Material's "Ga naar inhoud"
        page.keyboard.press("Tab")
        expect(page.locator(":focus")).to_have_text("Ga naar het zoekvak")
        page.keyboard.press("Enter")
        expect(page.locator("#pv-search-query")).to_be_focused()
        page.keyboard.type("jongeren")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/zoeken/\?q=jongeren$"))


def test_the_explorer_text_filter_finds_the_practices_of_a_province(page, base_url, catalog):
    geo = Geography(catalog)
    expected = {p["title"] for p in catalog.practices.values() if "PV25" in geo.provinces_of_practice(p)}
    assert len(expected) > 5
    page.goto(base_url + "verkennen/?tekst=Gelderland")
    expect(page.locator("[data-verkennen=status]")).to_have_text(re.compile(rf"^{len(expected)} van "))
    assert set(page.locator(".verkennen tbody tr td:nth-child(2) a").all_text_contents()) == expected


def test_on_a_phone_the_explorer_table_scrolls_with_a_cue_and_by_keyboard(phone, base_url):
    phone.goto(base_url + "verkennen/")
    expect(phone.locator(".verkennen tbody tr").first).to_be_visible()
    expect(phone.locator("[data-verkennen=schuif]")).to_have_text(re.compile("^Schuif opzij voor meer kolommen"))
    region = phone.locator(".verkennen__tabel")
    expect(region).to_have_attribute("tabindex", "0")
    expect(region).to_have_attribute("role", "region")
    region.focus()
    phone.keyboard.press("ArrowRight")
    phone.keyboard.press("ArrowRight")
    phone.wait_for_function("() => document.querySelector('.verkennen__tabel').scrollLeft > 0")


def test_every_wide_table_scrolls_in_a_focusable_region(phone, base_url):
    phone.goto(base_url + "downloads/")
    regions = phone.locator(".pv-scroll")
    assert regions.count() == phone.locator("table").count() > 10
    labels = regions.evaluate_all("rs => rs.map(r => r.getAttribute('aria-label'))")
    assert len(set(labels)) == len(labels) and all(labels)


def _pages(catalog) -> dict[str, str]:
    practice = next(p["id"] for p in sorted(catalog.practices.values(), key=lambda p: p["id"]) if p.get("costs"))
    return {"home": "", "search": "zoeken/?q=werkgevers", "explorer": "verkennen/", "downloads": "downloads/",
            "practice": f"voorbeelden/{practice}/"}


READY = {"search": "[data-zoeken=resultaten] > li", "explorer": ".verkennen tbody tr"}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("name", ["home", "search", "explorer", "downloads", "practice"])
def test_axe_finds_no_violation_of_any_impact(browser, base_url, catalog, axe_script, name, viewport):
    with watched_page(browser, base_url, locale="nl-NL", viewport=viewport) as page:
        page.goto(base_url + _pages(catalog)[name])
        if name in READY:
            expect(page.locator(READY[name]).first).to_be_visible()
        page.add_script_tag(path=str(axe_script))
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        report = [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
                  for v in results["violations"]]
        assert not report, "\n".join(report)
