"""A record full of markup renders inert: no script runs, no handler fires, no javascript: link.

The fixture copies the real catalogue, adds a practice whose text fields hold
<script>, onerror handlers and (in the description) javascript: links, and
builds the site from it with the real page functions and mkdocs. The checker
rightly rejects javascript: links in records, so those are added to the
checked Catalog in memory, after the check, which is the one rule relaxed
here; everything else goes through the checker as a contributor's record
would.
"""

from __future__ import annotations

import dataclasses
import shutil
from types import MappingProxyType

import pytest
import yaml
from conftest import off_the_browser_thread, serve, watched_page
from playwright.sync_api import expect

from generator.catalog.check import check_catalog
from generator.opendata.datapackage import write_datapackages
from generator.paths import CATALOG_DIR, ROOT, SCHEMA_DIR
from generator.website.site import build_site, index_site

IDENT = "injectie-proef"
SCRIPT = "<script>window.__pwned = 'script'; alert('script')</script>"
HANDLER = "<img src=\"https://example.org/x.png\" onerror=\"window.__pwned = 'onerror'; alert('onerror')\">"
JAVASCRIPT_LINKS = ("[klik hier](javascript:window.__pwned='link') en "
                    "<a href=\"javascript:window.__pwned='a'\" onclick=\"window.__pwned='onclick'\">of hier</a> en "
                    "<a href=\"//example.org/x\">protocol-relatief</a>")


def malicious_record(catalog) -> dict:
    """A valid practice whose every kind of text field carries markup."""
    source = next(iter(sorted(catalog.sources)))
    place = next(iter(sorted(catalog.places)))
    indicator = next(row for row in catalog.codelists["indicator"])
    return {
        "id": IDENT,
        "title": f"Injectieproef {SCRIPT}",
        "summary": f"Een samenvatting met markup: {HANDLER} en {SCRIPT} erin, om te zien dat niets uitvoert.",
        "description": f"Injectieproef beschrijving.\n\n{SCRIPT}\n\n{HANDLER}\n\n<svg onload=\"window.__pwned='svg'\"></svg>",
        "status": "running",
        "period": {"start": "2020"},
        "scope": "municipality",
        "places": [place],
        "themes": [catalog.codelists["theme"][0]["code"]],
        "target_groups": [catalog.codelists["target_group"][0]["code"]],
        "organisations": [{"name": f"Organisatie {HANDLER}", "type": "municipality", "role": "lead"}],
        "metrics": [{
            "indicator": indicator["code"], "label": f"Cijfer {SCRIPT}", "value": 10, "unit": indicator["unit"],
            "kind": "outcome", "stage": "achieved", "population": f"Deelnemers {HANDLER}",
            "comparison": {"label": f"Vergelijking {SCRIPT}", "value": 5, "unit": indicator["unit"]},
            "source": source, "locator": f"p. 1 {SCRIPT}",
        }],
        "success_factors": [f"Succes {SCRIPT}"],
        "obstacles": [f"Belemmering {HANDLER}"],
        "evidence": {"level": "claim", "claimed_by": f"Iemand {SCRIPT}"},
        "sources": [{"source": source, "locator": f"hoofdstuk {HANDLER}"}],
        "record": {"added": "2026-01-01", "updated": "2026-01-02", "contributors": [f"Proef {SCRIPT}"]},
    }


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("injectie")
    catalog_dir = work / "catalog"
    shutil.copytree(CATALOG_DIR, catalog_dir)
    real = check_catalog(CATALOG_DIR, SCHEMA_DIR).catalog
    record = malicious_record(real)
    (catalog_dir / "practices" / f"{IDENT}.yaml").write_text(
        yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")

    result = check_catalog(catalog_dir, SCHEMA_DIR)
    assert not result.has_errors, [str(p) for p in result.problems if p.severity == "error"]
    # The one rule relaxed: javascript: and protocol-relative links, added after the check.
    practices = dict(result.catalog.practices)
    practices[IDENT] = {**practices[IDENT],
                        "description": practices[IDENT]["description"] + "\n\n" + JAVASCRIPT_LINKS}
    catalog = dataclasses.replace(result.catalog, practices=MappingProxyType(practices))

    site = work / "site"
    off_the_browser_thread(build_site, catalog, site, ROOT / "mkdocs.yml")
    write_datapackages(catalog, site / "data")  # the explorer shows the record from the tables
    off_the_browser_thread(index_site, site)
    with serve(site) as url:
        yield url, catalog


@pytest.fixture
def injected_page(browser, injected_site):
    """Like the `page` fixture, for the injected site: every problem fails the test."""
    url, _ = injected_site
    with watched_page(browser, url) as page:
        yield page


def assert_inert(page) -> None:
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("article script").count() == 0
    # No attribute that loads or runs something carries the payload (text in a meta
    # description, a heading id or a link to that id is harmless) ...
    carriers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(el =>
        [...el.attributes].filter(a => ['href', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href']
            .includes(a.name) && a.value.includes('__pwned') && !a.value.startsWith('#'))
            .map(a => el.tagName + ' ' + a.name))""")
    assert carriers == []
    # ... no element has an inline event handler, and no link a script or another site's protocol-relative URL.
    handlers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(el =>
        [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))""")
    assert handlers == []
    assert page.locator("a[href^='javascript:' i], a[href^='//']").count() == 0


def test_the_practice_page_shows_the_markup_as_text_and_runs_nothing(injected_page, injected_site):
    url, _ = injected_site
    injected_page.goto(f"{url}voorbeelden/{IDENT}/")
    expect(injected_page.locator("h1")).to_contain_text("<script>")  # shown, not run
    expect(injected_page.locator(".pv-card").first).to_contain_text("Vergelijking <script>")
    assert_inert(injected_page)
    for text in ("klik hier", "of hier", "protocol-relatief"):
        injected_page.locator("article").get_by_text(text).first.click()
    assert_inert(injected_page)


@pytest.mark.parametrize("path", ["", "bronnen/", "verkennen/", "zoeken/?q=injectieproef"])
def test_other_pages_that_show_the_record_run_nothing(path, injected_page, injected_site):
    url, _ = injected_site
    injected_page.goto(url + path)
    if path.startswith("zoeken/"):
        expect(injected_page.locator("[data-zoeken=resultaten] > li").first).to_contain_text("Injectieproef")
    injected_page.wait_for_load_state("networkidle")
    assert_inert(injected_page)
