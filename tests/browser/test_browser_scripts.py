"""Each page loads only its own scripts: the search page its search, the explorer its table, the form
its modules (every one of them, and nothing else), all other pages none besides Material's bundle.

A page's scripts are named in its front matter (`scripts:`) and added by site/overrides/main.html."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from generator.paths import ROOT

ASSETS = ROOT / "site" / "docs" / "assets"
MATERIAL = "assets/javascripts/"  # Material's own bundle, on every page
FORM_MODULES = {f"assets/{path.name}" for path in ASSETS.glob("form-*.js")}


def _pages(catalog) -> dict[str, tuple[str, str | None]]:
    """name -> (address, an element that shows the page's script has run, or None)."""
    practice = next(iter(sorted(catalog.practices)))
    return {
        "home": ("", None),
        "practice": (f"voorbeelden/{practice}/", None),
        "about": ("over/", None),
        "search": ("zoeken/?q=werkgevers", "[data-zoeken=resultaten] > li"),
        "explorer": ("verkennen/", ".verkennen tbody tr"),
        "form": ("toevoegen/", '[data-path="title"]'),
    }


# What each kind of page loads besides Material's bundle: its script tags, and every script of ours it
# fetches (the form's, the search's and the explorer's entry modules import the others). Only the search page also loads Pagefind's
# scripts, from pagefind/.
EXPECTED = {
    "home": (set(), set()),
    "practice": (set(), set()),
    "about": (set(), set()),
    "search": ({"assets/zoeken.js"}, {"assets/zoeken.js", "assets/zoeken-taal.js", "assets/zoeken-index.js",
                                      "assets/zoeken-weergave.js", "assets/zoeken-uitklap.js"}),
    "explorer": ({"assets/verkennen.js"}, {"assets/verkennen.js", "assets/verkennen-csv.js",
                                           "assets/verkennen-rijen.js", "assets/verkennen-cijfers.js",
                                           "assets/verkennen-plaatsen.js", "assets/verkennen-schuif.js",
                                           "assets/verkennen-vergelijk.js"}),
    "form": ({"assets/form-app.js"}, FORM_MODULES),
}
PAGEFIND = "pagefind/"


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_page_loads_only_its_own_scripts(name, page, base_url, catalog):
    assert {"assets/form-app.js", "assets/form-validate.js", "assets/form-yaml.js"} <= FORM_MODULES
    address, ready = _pages(catalog)[name]
    fetched = []
    page.on("request", lambda request: request.resource_type == "script" and fetched.append(request.url))
    page.goto(base_url + address)
    if ready:
        expect(page.locator(ready).first).to_be_visible()
    page.wait_for_load_state("networkidle")

    def ours(urls) -> set[str]:
        """Paths inside the site, Material's bundle left out."""
        assert all(url.startswith(base_url) for url in urls), urls
        paths = {url[len(base_url):].split("?")[0] for url in urls}
        return {path for path in paths if not path.startswith(MATERIAL)}

    tags = page.eval_on_selector_all("script[src]", "scripts => scripts.map(s => [s.src, s.type])")
    tagged, fetched_ours = ours([src for src, _ in tags]), ours(fetched)
    expected_tags, expected_fetched = EXPECTED[name]
    assert tagged == expected_tags
    assert {path for path in fetched_ours if not path.startswith(PAGEFIND)} == expected_fetched
    assert any(path.startswith(PAGEFIND) for path in fetched_ours) == (name == "search")
    # The page's own scripts are ES modules (deferred, and free to import the rest); Material's is not ours.
    assert all(kind == "module" for src, kind in tags if not src[len(base_url):].startswith(MATERIAL))
