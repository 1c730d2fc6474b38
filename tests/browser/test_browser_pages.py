"""Catalogue pages in the browser: a figure with its comparison and source; an indicator across practices."""

from __future__ import annotations

from collections import defaultdict

from playwright.sync_api import expect


def test_practice_page_shows_a_figure_with_its_comparison_and_source(page, base_url, catalog):
    practice, metric = next((p, m) for p in catalog.practices.values() for m in p.get("metrics", ())
                            if m.get("comparison"))
    page.goto(f"{base_url}voorbeelden/{practice['id']}/")
    title = metric.get("label") or catalog.label("indicator", metric["indicator"])
    card = (page.locator(".pv-card").filter(has=page.locator(".pv-card__title", has_text=title))
            .filter(has_text=metric["comparison"]["label"]).filter(has_text=metric["locator"]).first)
    expect(card.locator(".pv-card__value")).to_be_visible()
    expect(card.get_by_text("Vergelijking", exact=True)).to_be_visible()
    expect(card.locator("dd").filter(has_text=metric["comparison"]["label"])).to_be_visible()
    expect(card.get_by_text("Bron", exact=True)).to_be_visible()
    expect(card.locator("cite")).to_have_text(catalog.sources[metric["source"]]["title"])
    expect(card).to_contain_text(metric["locator"])


def test_indicator_page_lists_several_practices(page, base_url, catalog):
    reporting = defaultdict(set)
    for practice in catalog.practices.values():
        for metric in practice.get("metrics", ()):
            reporting[metric["indicator"]].add(practice["id"])
    indicator, practices = max(reporting.items(), key=lambda item: (len(item[1]), item[0]))
    assert len(practices) >= 2, "the catalogue has no indicator that two practices report"

    page.goto(f"{base_url}indicator/{indicator}/")
    expect(page.locator("h1")).to_have_text(catalog.label("indicator", indicator))
    table = page.locator("table").filter(has=page.locator("caption"))
    for ident in sorted(practices):
        expect(table.locator(f"a[href$='voorbeelden/{ident}/']").first).to_be_visible()
    expect(page.locator("svg[role=img]").first).to_be_visible()
