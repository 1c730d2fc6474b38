"""The generated catalogue pages (generator/website/pages.py and its modules), at unit
level: which pages exist, which practices a page lists, links, search filters,
charts and escaping. One test renders through the real mkdocs theme, because
the theme prints page meta unescaped. What the pages say, byte for byte, is in
the golden files (test_golden.py, tests/golden/pages/); the mkdocs hook is
tested in test_hook.py.

The fixture catalogue is written as YAML and checked by the real checker, so
the pages are tested on records the checker accepts.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from pathlib import Path
from types import MappingProxyType

import markdown
import pytest
import yaml

from generator.catalog.check import check_catalog
from generator.paths import ROOT, SCHEMA_DIR
from generator.website import html_blocks
from generator.website.page_parts import SiteLinks
from generator.website.pages import pages

SOURCE = {"id": "bron-blad", "title": "Het werkt! Voorbeelden", "publisher": "Centrum voor Lokaal Bestuur",
          "date": "2014-02", "type": "article", "language": "nl", "url": "https://example.org/het-werkt"}
SOURCE_2 = {"id": "bron-cbs", "title": "Werkloosheid per regio", "publisher": "CBS", "type": "statistics",
            "language": "nl"}
PLACES = [
    {"id": "GM0983", "name": "Venlo", "type": "municipality", "cbs_code": "GM0983", "province": ["PV31"],
     "lat": 51.37, "lon": 6.17},
    {"id": "PV31", "name": "Limburg", "type": "province", "cbs_code": "PV31", "lat": 51.2, "lon": 5.9},
    {"id": "PV25", "name": "Gelderland", "type": "province", "cbs_code": "PV25", "lat": 52.06, "lon": 5.95},
    {"id": "GM1955", "name": "Montferland", "type": "municipality", "cbs_code": "GM1955", "province": ["PV25"],
     "part_of": ["achterhoek"], "lat": 51.92, "lon": 6.17},
    {"id": "achterhoek", "name": "Regio Achterhoek", "type": "labour-market-region", "lat": 51.97, "lon": 6.45},
    {"id": "nederland", "name": "Nederland", "type": "country", "lat": 52.1, "lon": 5.3},
]
RECORD = {"added": "2026-11-20", "updated": "2026-11-23", "contributors": ["Redactie"]}
REF = {"source": "bron-blad", "locator": "pagina 3"}


def venlo() -> dict:
    return {
        "id": "venlo-werkt", "title": "Venlo: re-inspiratie",
        "summary": "Venlo geeft jongeren een contract in plaats van een uitkering. Werkgevers doen mee.",
        "description": "Een **werkcoach** helpt.\n\n## Aanpak\n\nZie [de bron](https://example.org/het-werkt).",
        "status": "running", "period": {"start": "2006"}, "scope": "municipality", "places": ["GM0983"],
        "themes": ["reintegration", "youth-unemployment"], "target_groups": ["young-people"],
        "instruments": ["werkervaringsplaats"],
        "organisations": [{"name": "Gemeente Venlo", "type": "municipality", "role": "lead", "place": "GM0983",
                           "website": "https://www.venlo.nl"}],
        "metrics": [
            {"indicator": "change-young-welfare-recipients", "label": "Jongeren in de bijstand", "value": -26,
             "unit": "percent-change", "kind": "outcome", "stage": "achieved",
             "population": "bijstandsgerechtigden onder 27 jaar",
             "comparison": {"label": "jonge werklozen landelijk", "value": 50, "qualifier": "more-than",
                            "unit": "percent-change", "place": "nederland",
                            "period": {"start": "2012", "end": "2013"}},
             **REF},
            {"indicator": "persons-into-work", "value": 1234.5, "unit": "persons", "kind": "outcome",
             "stage": "achieved", "period": {"start": "2010", "end": "2012"}, "source": "bron-cbs",
             "locator": "tabel 2"},
        ],
        "costs": [{"amount": 850000, "currency": "EUR", "basis": "total", "stage": "achieved",
                   "covers": "loonkosten en begeleiding", **REF}],
        "success_factors": ["Eén coach voor alles."], "obstacles": ["Oude regels."],
        "evidence": {"level": "claim", "claimed_by": "de wethouder"},
        "sources": [REF], "related": ["montferland-leren"],
        "record": {**RECORD, "checked": {"date": "2026-12-04", "by": "Redactie <praktijk>"}},
    }


def montferland() -> dict:
    return {
        "id": "montferland-leren", "title": "Montferland: leren op de werkvloer",
        "summary": "Jongeren leren een vak bij een werkgever in de buurt, met een vaste begeleider.",
        "status": "ended", "period": {"start": "2012", "end": "2014"}, "scope": "region",
        "places": ["achterhoek"], "themes": ["work-experience"], "target_groups": ["young-people"],
        "metrics": [{"indicator": "persons-into-work", "value": 40, "unit": "persons", "kind": "outcome",
                     "stage": "target", **REF}],
        "evidence": {"level": "monitored", "claimed_by": "de gemeente"},
        "sources": [REF], "related": ["venlo-werkt"],
        "record": {"added": "2026-11-21", "updated": "2026-11-21", "contributors": ["Redactie"]},
    }


INSTRUMENT = {"id": "werkervaringsplaats", "name": "Werkervaringsplaats",
              "summary": "Een tijdelijke plek bij een werkgever om het werk te leren kennen.",
              "how_it_works": "Een gemeente regelt een plek.\n\nLet op *verdringing*.",
              "links": [{"title": "Meer over werkervaring", "url": "https://example.org/wep"}],
              "sources": [REF], "record": RECORD}


def write_catalog(folder: Path, practices: list[dict]) -> Path:
    catalog = folder / "catalog"
    (catalog / "practices").mkdir(parents=True)
    (catalog / "instruments").mkdir()
    dump = lambda path, data: path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                              encoding="utf-8")
    dump(catalog / "sources.yaml", {"sources": [SOURCE, SOURCE_2]})
    dump(catalog / "places.yaml", {"places": PLACES})
    (catalog / "dataset.yaml").write_bytes((ROOT / "catalog" / "dataset.yaml").read_bytes())
    dump(catalog / "instruments" / "werkervaringsplaats.yaml", INSTRUMENT)
    for practice in practices:
        dump(catalog / "practices" / f"{practice['id']}.yaml", practice)
    return catalog


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    result = check_catalog(write_catalog(tmp_path_factory.mktemp("pages"), [venlo(), montferland()]), SCHEMA_DIR)
    assert not result.has_errors, [(p.code, p.params) for p in result.problems]
    return result.catalog


@pytest.fixture(scope="module")
def site(catalog):
    return pages(catalog)


def body(markdown: str) -> str:
    """A page without its front matter."""
    return markdown.split("\n---\n", 1)[1]


def test_a_practice_page_says_when_the_record_was_checked_against_its_sources(site):
    checked = body(site["voorbeelden/venlo-werkt.md"])
    assert "Gecontroleerd tegen de bron op 4 december 2026 door Redactie &lt;praktijk&gt;." in checked
    assert "Nog niet gecontroleerd tegen de bron." in body(site["voorbeelden/montferland-leren.md"])


# -- which pages exist ---------------------------------------------------------

def test_every_record_and_used_code_gets_a_page_and_nothing_else(site):
    for page in ("index.md", "voorbeelden/venlo-werkt.md", "voorbeelden/montferland-leren.md",
                 "voorbeelden/index.md", "instrumenten/werkervaringsplaats.md", "instrumenten/index.md",
                 "thema/reintegration.md", "thema/work-experience.md", "thema/index.md",
                 "doelgroep/young-people.md", "doelgroep/index.md", "status/running.md", "status/ended.md",
                 "status/index.md", "bewijs/claim.md", "bewijs/monitored.md", "bewijs/index.md",
                 "plaats/GM0983.md", "plaats/achterhoek.md", "plaats/PV31.md", "plaats/PV25.md",
                 "plaats/index.md", "indicator/persons-into-work.md",
                 "indicator/change-young-welfare-recipients.md", "indicator/index.md"):
        assert page in site, page
    # no placeholder pages for codes nobody uses
    assert "thema/cross-border-labour.md" not in site
    assert "status/idea.md" not in site
    assert "indicator/unemployment-rate.md" not in site
    assert "bewijs/effect-study.md" not in site


def test_pages_are_deterministic(catalog, site):
    assert pages(catalog) == site


# -- the practice page ---------------------------------------------------------

def test_sections_without_content_are_left_out(site):
    page = body(site["voorbeelden/montferland-leren.md"])
    for heading in ("Beschrijving", "Organisaties", "Kosten en financiering", "Wat hielp en wat remde"):
        assert f"## {heading}" not in page


def test_practice_page_carries_every_search_facet_and_is_marked_for_indexing(site):
    page = site["voorbeelden/venlo-werkt.md"]
    assert "\npagefind: body\n" in page.split("\n---\n", 1)[0] + "\n"
    filters = set(re.findall(r'data-pagefind-filter="([a-z]+)', page))
    assert filters == {"thema", "doelgroep", "instrument", "provincie", "schaal", "status", "bewijs",
                       "periode", "soort"}
    instrument = site["instrumenten/werkervaringsplaats.md"]
    assert "pagefind: body" in instrument
    assert set(re.findall(r'data-pagefind-filter="([a-z]+)', instrument)) == {"soort"}
    for listing in ("thema/reintegration.md", "plaats/index.md", "index.md", "indicator/persons-into-work.md"):
        assert "pagefind: body" not in site[listing] and "data-pagefind-filter" not in site[listing]


def test_region_inherits_the_province_of_its_member_places(site):
    page = site["voorbeelden/montferland-leren.md"]
    assert re.findall(r'data-pagefind-filter="provincie">([^<]*)<', page) == ["Gelderland"]
    assert "montferland-leren" in site["plaats/PV25.md"]
    assert "venlo-werkt" not in site["plaats/PV25.md"]


def test_a_place_in_several_provinces_counts_in_each(catalog):
    region = {"id": "grensregio", "name": "Grensregio", "type": "region", "province": ["PV31", "PV25"],
              "lat": 51.5, "lon": 6.0}
    practice = dict(catalog.practices["montferland-leren"], places=["grensregio"])
    changed = dataclasses.replace(catalog, places=MappingProxyType({**catalog.places, "grensregio": region}),
                                  practices=MappingProxyType({**catalog.practices, "montferland-leren": practice}))
    site = pages(changed)
    page = site["voorbeelden/montferland-leren.md"]
    for code, name in (("PV25", "Gelderland"), ("PV31", "Limburg")):
        assert f'<a href="../../plaats/{code}/" data-pagefind-filter="provincie">{name}</a>' in page
        assert "montferland-leren" in site[f"plaats/{code}.md"]
    assert "Landelijk, in meer provincies of over de grens" in site["plaats/index.md"]


def test_svg_bar_only_where_value_and_comparison_share_a_unit(site):
    page = site["voorbeelden/venlo-werkt.md"]
    cards = re.findall(r'<div class="pv-card pv-card--\w+">.*?</p></div>', page)
    with_comparison = [c for c in cards if "Jongeren in de bijstand" in c][0]
    without = [c for c in cards if "Mensen aan het werk" in c][0]
    svg = re.search(r"<svg .*?</svg>", with_comparison).group()
    assert 'role="img"' in svg and "<title" in svg
    assert svg.count("<rect") == 2 and "pv-chart__zero" in svg  # a negative value gets a zero line
    assert "<svg" not in without
    assert "1.234,5 personen" in without


def test_reuse_links_and_citation_follow_the_site_and_repository_addresses(catalog):
    # The default addresses are in golden/pages/voorbeelden/venlo-werkt.md.
    other = pages(catalog, SiteLinks(site_url="https://example.org/site/", repo_url="https://example.org/repo",
                                     branch="dev"))["voorbeelden/venlo-werkt.md"]
    assert 'href="https://example.org/repo/edit/dev/catalog/practices/venlo-werkt.yaml"' in other
    assert "https://example.org/site/voorbeelden/venlo-werkt/</p>" in other


def test_meer_weten_gives_the_websites_the_sources_and_the_editors_issues(catalog, site):
    more = body(site["voorbeelden/venlo-werkt.md"]).split("## Meer weten?\n\n", 1)[1].split("\n## ", 1)[0]
    assert '<a href="https://www.venlo.nl" rel="noopener">Gemeente Venlo</a>' in more
    assert '<a href="https://example.org/het-werkt" rel="noopener"><cite>Het werkt! Voorbeelden</cite></a>' in more
    assert '<a href="https://github.com/praktijkvoorbeelden-werk/catalogus/issues">' in more
    assert "data-pagefind-ignore" in more  # links around the practice, not its words
    # Montferland's organisation has no website: no list of websites, the rest stays.
    other = body(site["voorbeelden/montferland-leren.md"]).split("## Meer weten?", 1)[1]
    assert "websites" not in other.split("## Over dit record")[0] and "/issues" in other
    # The editors' address follows the repository the dataset names.
    moved = pages(catalog, SiteLinks(site_url="https://example.org/site/", repo_url="https://example.org/repo/"))
    assert 'href="https://example.org/repo/issues"' in moved["voorbeelden/venlo-werkt.md"]


def test_linked_data_files_are_the_ones_the_data_package_writes(catalog, site, tmp_path):
    from generator.opendata.datapackage import write_datapackages

    write_datapackages(catalog, tmp_path / "data")
    page = site["voorbeelden/venlo-werkt.md"]
    linked = re.findall(r'href="../../(data/[^"]+)"', page)
    assert len(linked) == 2
    for path in linked:
        assert (tmp_path / path).is_file(), path
    assert json.loads((tmp_path / linked[0]).read_text(encoding="utf-8")) == catalog.practices["venlo-werkt"]


# -- other pages -------------------------------------------------------------

def test_instrument_page_lists_the_practices_that_use_it(site):
    page = site["instrumenten/werkervaringsplaats.md"]
    assert re.findall(r'href="../../voorbeelden/([^/"]+)/"', page) == ["venlo-werkt"]


def test_indicator_page_ranks_every_value_best_first_in_table_and_chart(site):
    page = site["indicator/persons-into-work.md"]
    table = page.split("## Tabel", 1)[1]
    rows = re.findall(r"<tr><td>.*?</tr>", table)
    assert len(rows) == 2
    assert "venlo-werkt" in rows[0] and "montferland-leren" in rows[1]  # higher is better: highest first
    chart = re.search(r"<svg .*?</svg>", page).group()
    assert chart.count("<rect") == 2


def test_a_listing_shows_its_practices_and_home_the_newest_first(site):
    theme = site["thema/reintegration.md"]
    assert re.findall(r'href="../../voorbeelden/([^/"]+)/"', theme) == ["venlo-werkt"]
    newest = site["index.md"].split("## Nieuw in de catalogus", 1)[1]
    assert newest.index("montferland-leren") < newest.index("venlo-werkt")  # added later comes first


# -- escaping ----------------------------------------------------------------

ATTACK_TITLE = '</title><script>alert("titel")</script>'
ATTACK_SUMMARY = 'Samenvatting "><img src=x onerror=alert(1)> met <b>opmaak</b> en genoeg tekst.'
ATTACK_DESCRIPTION = ('<script>alert("beschrijving")</script>\n\n<img src="x" onerror="alert(2)">\n\n'
                      '[klik](javascript:alert(3)) <a href="JAVASCRIPT:alert(4)">a</a> '
                      '<a href="//evil.example/x">b</a> <iframe src="https://evil.example"></iframe>')


def attacked(catalog):
    practice = dict(catalog.practices["venlo-werkt"], title=ATTACK_TITLE, summary=ATTACK_SUMMARY,
                    description=ATTACK_DESCRIPTION, success_factors=["<script>alert(5)</script>"])
    return dataclasses.replace(catalog, practices=MappingProxyType({**catalog.practices, "venlo-werkt": practice}))


def assert_inert(markup: str):
    """No tag that runs code or loads something: record text may only show up as text."""
    tags = re.findall(r"<[a-zA-Z][^>]*>", markup)
    assert not [t for t in tags if re.match(r"<(script|img|iframe)\b", t, re.IGNORECASE)]
    assert not [t for t in tags if re.search(r"\son\w+\s*=", t, re.IGNORECASE)]
    assert not [t for t in tags if re.search(r"javascript:|//evil", t, re.IGNORECASE)]
    assert "alert(" in markup  # the attack is still there, as text


def test_record_text_cannot_inject_markup_into_pages(catalog):
    site = pages(attacked(catalog))
    for path in ("voorbeelden/venlo-werkt.md", "voorbeelden/montferland-leren.md", "thema/reintegration.md",
                 "index.md", "indicator/persons-into-work.md", "instrumenten/werkervaringsplaats.md"):
        assert_inert(site[path])
    page = site["voorbeelden/venlo-werkt.md"]
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["title"] == html.escape(ATTACK_TITLE)  # Material prints meta unescaped
    assert front["description"] == html.escape(ATTACK_SUMMARY)


def test_injection_record_renders_inert_through_the_theme(catalog, tmp_path):
    """The whole mkdocs build, because Material puts page meta into <title> and <meta> unescaped."""
    from generator.website.site import build_site

    build_site(attacked(catalog), tmp_path / "site", ROOT / "mkdocs.yml")
    rendered = (tmp_path / "site" / "voorbeelden" / "venlo-werkt" / "index.html").read_text(encoding="utf-8")
    article = rendered.split("<article", 1)[1].split("</article>", 1)[0]
    assert_inert(article)
    assert "<title>&lt;/title&gt;&lt;script&gt;" in rendered
    assert 'content="Samenvatting &#x27;' not in rendered and '"><img' not in rendered
    benign = (tmp_path / "site" / "voorbeelden" / "montferland-leren" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<script[^>]*>", rendered) == re.findall(r"<script[^>]*>", benign)  # the theme's own only
    assert "<div data-pagefind-body>" in rendered


# -- building blocks ---------------------------------------------------------

def test_raw_html_skips_the_markdown_parser_and_comes_back_unchanged(site):
    tokenized, blocks = html_blocks.extract(site["voorbeelden/venlo-werkt.md"])
    assert len(blocks) > 5 and "<" not in body(tokenized)  # only headings and tokens are left
    rendered = markdown.markdown(body(tokenized), extensions=["toc"])
    restored = html_blocks.restore(rendered, blocks)
    assert all(block in restored for block in blocks)
    assert '<h2 id="kerncijfers">Kerncijfers</h2>' in restored
    assert "pv-html-block" not in restored


# -- cost and figures where decisions are made (issue 13) ------------------------

def test_every_practice_page_has_a_cost_line(site):
    assert "<dd>€ 850.000 (totaal, werkelijk)</dd>" in site["voorbeelden/venlo-werkt.md"]
    assert "<dd>De bron noemt geen kosten.</dd>" in site["voorbeelden/montferland-leren.md"]


def test_listings_show_key_figures_and_cost_per_practice(site):
    for listing in ("thema/youth-unemployment.md", "doelgroep/young-people.md", "status/running.md",
                    "plaats/PV31.md", "instrumenten/werkervaringsplaats.md"):
        page = site[listing]
        assert '<th scope="col">Kerncijfers</th>' in page and '<th scope="col">Kosten</th>' in page, listing
        assert "Jongeren in de bijstand: −26%<br>Mensen aan het werk: 1.234,5 personen" in page, listing
        assert "<td>€ 850.000 (totaal, werkelijk)</td>" in page, listing
    ended = site["status/ended.md"]
    assert "<td>De bron noemt geen kosten.</td>" in ended
