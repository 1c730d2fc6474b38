"""axe-core (from node_modules, never the network) finds no serious or critical violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

BLOCKING = {"serious", "critical"}


def _first(mapping) -> str:
    return next(iter(sorted(mapping)))


def _pages(catalog) -> dict[str, str]:
    """The pages point 11 of the issue names, plus the other hand-written and generated pages of ours."""
    practice = next(p["id"] for p in catalog.practices.values() if p.get("metrics"))
    indicator = next(m["indicator"] for p in catalog.practices.values() for m in p.get("metrics", ()))
    return {
        "home": "",
        "practice": f"voorbeelden/{practice}/",
        "instrument": f"instrumenten/{_first(catalog.instruments)}/",
        "indicator": f"indicator/{indicator}/",
        "search": "zoeken/?q=werkgevers",
        "explorer": "verkennen/",
        "downloads": "downloads/",
        "sources": "bronnen/",
        "contribute": "bijdragen/",
        "field reference": "bijdragen/velden/",
        "about": "over/",
    }


# Wait until a script-driven page has drawn its content, so axe sees what a reader sees.
READY = {
    "search": "[data-zoeken=resultaten] > li",
    "explorer": ".verkennen tbody tr",
}

NAMES = ("home", "practice", "instrument", "indicator", "search", "explorer", "downloads",
         "sources", "contribute", "field reference", "about")


@pytest.mark.parametrize("name", NAMES)
def test_no_serious_or_critical_axe_violations(name, page, base_url, catalog, axe_script):
    page.goto(base_url + _pages(catalog)[name])
    assert page.get_attribute("html", "lang") == "nl"
    if name in READY:
        expect(page.locator(READY[name]).first).to_be_visible()
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    assert len(results["passes"]) > 20, "axe-core checked almost nothing; is the page empty?"
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
    report = [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
              for v in blocking]
    assert not report, "\n".join(report)
