"""The generated catalogue pages (generator/website/pages.py and its modules), at unit
level: which pages exist, what a page says, links, search filters, charts and
escaping. One test renders through the real mkdocs theme, because the theme
prints page meta unescaped.

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
from generator.website import dutch, html_blocks
from generator.website.figures import Bar, bar_chart
from generator.website.page_parts import SiteLinks, href, period_facet, yaml_string
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
        "organisations": [{"name": "Gemeente Venlo", "type": "municipality", "role": "lead", "place": "GM0983"}],
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

def test_practice_page_states_facts_as_text_and_links_them(site):
    page = body(site["voorbeelden/venlo-werkt.md"])
    assert "# Venlo: re\\-inspiratie" in page
    assert "<dt data-pagefind-ignore>Periode</dt><dd>vanaf 2006</dd>" in page
    assert '<a href="../../status/running/" data-pagefind-filter="status">Loopt</a>' in page
    assert '<a href="../../bewijs/claim/" data-pagefind-filter="bewijs">Bewering</a>' in page
    assert '<a href="../../plaats/GM0983/">Venlo</a>' in page
    assert '<a href="../../plaats/PV31/" data-pagefind-filter="provincie">Limburg</a>' in page
    assert '<a href="../../thema/youth-unemployment/" data-pagefind-filter="thema">Jeugdwerkloosheid</a>' in page
    assert ('<a href="../../instrumenten/werkervaringsplaats/" data-pagefind-filter="instrument">'
            "Werkervaringsplaats</a>") in page
    assert '<a href="../montferland-leren/">Montferland: leren op de werkvloer</a>' in page
    for heading in ("Kerncijfers", "Beschrijving", "Wat hielp en wat remde", "Organisaties",
                    "Kosten en financiering", "Bewijs", "Bronnen", "Verwante voorbeelden", "Over dit record"):
        assert f"\n## {heading}\n" in page, heading
    assert "€ 850.000" in page and "loonkosten en begeleiding" in page
    assert "Gemeente Venlo</td><td>Trekker</td><td>Gemeente</td>" in page


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
    assert 'data-pagefind-filter="periode:2000–2009"' in page
    assert 'data-pagefind-filter="soort:Praktijkvoorbeeld"' in page
    assert 'data-pagefind-meta="samenvatting"' in page
    assert 'data-pagefind-filter="soort:Instrument"' in site["instrumenten/werkervaringsplaats.md"]
    for listing in ("thema/reintegration.md", "plaats/index.md", "index.md", "indicator/persons-into-work.md"):
        assert "pagefind: body" not in site[listing] and "data-pagefind-filter" not in site[listing]


def test_region_inherits_the_province_of_its_member_places(site):
    page = site["voorbeelden/montferland-leren.md"]
    assert '<a href="../../plaats/PV25/" data-pagefind-filter="provincie">Gelderland</a>' in page
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


def test_key_figure_card_shows_value_period_population_comparison_and_source(site):
    page = site["voorbeelden/venlo-werkt.md"]
    card = re.search(r'<div class="pv-card pv-card--outcome">(.*?)</dl>', page).group(1)
    assert '<p class="pv-card__value">−26%</p>' in card
    assert "bijstandsgerechtigden onder 27 jaar" in card
    assert "jonge werklozen landelijk: ruim +50% (2012–2013, Nederland)" in card
    assert '<a href="https://example.org/het-werkt" rel="noopener"><cite>Het werkt! Voorbeelden</cite></a>' in card
    assert "pagina 3" in card
    assert "Resultaat · Gehaald" in card


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


def test_reuse_links_and_citation(site, catalog):
    page = site["voorbeelden/venlo-werkt.md"]
    assert ('href="https://github.com/praktijkvoorbeelden-werk/catalogus/edit/main/'
            'catalog/practices/venlo-werkt.yaml"') in page
    assert ('href="https://github.com/praktijkvoorbeelden-werk/catalogus/blob/main/'
            'catalog/practices/venlo-werkt.yaml"') in page
    assert 'href="../../data/practices/venlo-werkt.json"' in page
    assert 'href="../../data/practices/venlo-werkt.zip"' in page
    cite = re.search(r'<p class="pv-cite">(.*?)</p>', page).group(1)
    assert cite.startswith("Redactie (2026). Venlo: re-inspiratie. In: Praktijkvoorbeelden werk en participatie")
    assert cite.endswith("https://praktijkvoorbeelden-werk.github.io/catalogus/voorbeelden/venlo-werkt/")
    other = pages(catalog, SiteLinks(site_url="https://example.org/site/", repo_url="https://example.org/repo",
                                     branch="dev"))["voorbeelden/venlo-werkt.md"]
    assert 'href="https://example.org/repo/edit/dev/catalog/practices/venlo-werkt.yaml"' in other
    assert "https://example.org/site/voorbeelden/venlo-werkt/</p>" in other


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

def test_instrument_page_explains_it_and_lists_its_practices(site):
    page = site["instrumenten/werkervaringsplaats.md"]
    assert "Een tijdelijke plek bij een werkgever" in page
    assert "<em>verdringing</em>" in page
    assert '<a href="../../voorbeelden/venlo-werkt/">Venlo: re-inspiratie</a>' in page
    assert "montferland-leren" not in page
    assert '<a href="https://example.org/wep" rel="noopener">Meer over werkervaring</a>' in page


def test_indicator_page_compares_practices_with_period_and_source(site):
    page = site["indicator/persons-into-work.md"]
    table = page.split("## Tabel", 1)[1]
    rows = re.findall(r"<tr><td>.*?</tr>", table)
    assert len(rows) == 2
    assert "venlo-werkt" in rows[0] and "montferland-leren" in rows[1]  # higher is better: highest first
    assert "2010–2012" in rows[0] and "Werkloosheid per regio" in rows[0] and "tabel 2" in rows[0]
    assert '<a href="../../bronnen/#bron-bron-cbs"><cite>' in rows[0]  # no URL: the sources page entry
    assert "Doel" in rows[1] and "pagina 3" in rows[1]
    chart = re.search(r"<svg .*?</svg>", page).group()
    assert chart.count("<rect") == 2 and "(doel)" in chart
    index = site["indicator/index.md"]
    assert '<a href="persons-into-work/">Mensen aan het werk</a> (2 voorbeelden)' in index


def test_listing_and_home_pages(site):
    theme = site["thema/reintegration.md"]
    assert '<a href="../../voorbeelden/venlo-werkt/">Venlo: re-inspiratie</a>' in theme
    assert "montferland-leren" not in theme
    home = site["index.md"]
    assert 'action="zoeken/" method="get">' in home and 'name="q"' in home
    assert '<a href="voorbeelden/"><strong>2</strong> voorbeelden</a>' in home
    assert '<a href="plaats/PV25/">Gelderland</a>' in home
    newest = home.split("## Nieuw in de catalogus", 1)[1]
    assert newest.index("montferland-leren") < newest.index("venlo-werkt")  # added later comes first
    assert "Effect aangetoond (nog geen voorbeelden)" in site["bewijs/index.md"]


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


def test_relative_links_between_generated_pages():
    assert href("voorbeelden/a.md", "thema/b.md") == "../../thema/b/"
    assert href("thema/index.md", "thema/b.md") == "b/"
    assert href("index.md", "zoeken.md") == "zoeken/"
    assert href("index.md", "index.md") == "./"
    assert href("voorbeelden/a.md", "records/practices/a.json") == "../../records/practices/a.json"
    assert href("voorbeelden/a.md", "bronnen.md#bron-x") == "../../bronnen/#bron-x"


def test_dutch_numbers_dates_and_periods():
    assert dutch.number(1234.5) == "1.234,5"
    assert dutch.number(-26) == "−26"
    assert dutch.number(1_000_000) == "1.000.000"
    assert dutch.number(0.25) == "0,25"
    assert dutch.quantity(50, "percent-change", "% verandering") == "+50%"
    assert dutch.quantity(40, "persons-per-coach", "personen per werkcoach") == "40 personen per werkcoach"
    assert dutch.money(850000, "EUR") == "€ 850.000"
    assert dutch.date("2014-02-01") == "1 februari 2014"
    assert dutch.period({"start": "2012", "end": "2014-06"}) == "2012–juni 2014"
    assert dutch.period({"end": "2014"}) == "tot 2014"
    assert dutch.when({"as_of": "2014-02"}) == "peildatum februari 2014"
    assert period_facet({"period": {"start": "2019-05"}}) == "2010–2019"
    assert period_facet({}) == "Onbekend"


def test_bar_chart_scales_negative_and_positive_values_on_one_axis():
    svg = bar_chart([Bar("a", -25, "−25%", main=True), Bar("b", 75, "+75%")], "titel", "t", width=186)
    widths = [float(w) for w in re.findall(r'<rect[^>]*width="([\d.]+)"', svg)]
    assert widths == [25.0, 75.0]  # 100 units of scale over 186 - 86 pixels
    assert 'x1="25.0"' in svg


def test_yaml_string_round_trips_awkward_text():
    for value in ['a "quoted" \\ back', "line\nbreak\u2028sep", "ümlaut ✓"]:
        assert yaml.safe_load(f"v: {yaml_string(value)}")["v"] == value


# -- the mkdocs hook -----------------------------------------------------------

@pytest.fixture
def mkdocs(monkeypatch, tmp_path):
    """A loaded mkdocs config and the hook module mkdocs loaded from it (by file path)."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    hook = config.plugins["generator/website/mkdocs/hook.py"]
    monkeypatch.setattr(hook, "_serve_written", {})
    monkeypatch.setattr(hook, "_serve_dir", tmp_path / "scratch")
    yield config, hook
    hook.on_shutdown()


def run_on_files(config):
    from mkdocs.structure.files import Files

    return config.plugins.on_files(Files([]), config=config)


def test_hook_stops_mkdocs_build_on_catalogue_errors(mkdocs, monkeypatch, tmp_path):
    from mkdocs.exceptions import PluginError

    config, hook = mkdocs
    broken = dict(venlo(), status="rennend")
    write_catalog(tmp_path, [broken, montferland()])  # beside the mkdocs.yml the hook is given
    monkeypatch.setattr(config, "config_file_path", str(tmp_path / "mkdocs.yml"))
    monkeypatch.setattr(hook, "_command", "build")
    with pytest.raises(PluginError, match="fouten"):
        run_on_files(config)


def test_hook_shows_catalogue_errors_as_the_home_page_under_serve(mkdocs, monkeypatch, tmp_path):
    config, hook = mkdocs
    broken = dict(venlo(), status="<rennend>")
    write_catalog(tmp_path, [broken, montferland()])  # beside the mkdocs.yml the hook is given
    monkeypatch.setattr(config, "config_file_path", str(tmp_path / "mkdocs.yml"))
    monkeypatch.setattr(hook, "_command", "serve")
    home = run_on_files(config).get_file_from_path("index.md")
    shown = Path(home.abs_src_path).read_text(encoding="utf-8")
    assert "# Fouten in de catalogus" in shown
    assert "venlo-werkt.yaml" in shown and "[unknown-code]" in shown
    assert "&lt;rennend&gt;" in shown and "<rennend>" not in shown


def test_hook_under_serve_rewrites_only_the_pages_an_edit_changes(mkdocs, catalog, monkeypatch):
    import os

    from generator.website.site import CATALOG_KEY

    config, hook = mkdocs
    monkeypatch.setattr(hook, "_command", "serve")
    config[CATALOG_KEY] = catalog
    for file in run_on_files(config):
        os.utime(file.abs_src_path, (1000, 1000))
    edited = dict(catalog.practices["montferland-leren"], title="Montferland: nieuwe titel")
    config[CATALOG_KEY] = dataclasses.replace(
        catalog, practices=MappingProxyType({**catalog.practices, "montferland-leren": edited}))
    touched = {f.src_uri for f in run_on_files(config) if os.stat(f.abs_src_path).st_mtime != 1000}
    assert "voorbeelden/montferland-leren.md" in touched
    assert "thema/work-experience.md" in touched and "voorbeelden/venlo-werkt.md" in touched  # titles shown
    assert "instrumenten/werkervaringsplaats.md" not in touched
    assert "bewijs/claim.md" not in touched


def test_hook_under_plain_serve_renders_only_the_pages_an_edit_changes(mkdocs, catalog, monkeypatch):
    from mkdocs.commands.build import build

    from generator.website.mkdocs import serve_reuse
    from generator.website.site import CATALOG_KEY

    config, hook = mkdocs
    served = serve_reuse.ServedPages()
    monkeypatch.setattr(hook, "_command", "serve")
    monkeypatch.setattr(hook, "_dirty", False)
    monkeypatch.setattr(hook, "_served", served)
    config[CATALOG_KEY] = catalog
    build(config)
    site = Path(config.site_dir)
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")}
    edited = dict(catalog.practices["montferland-leren"], title="Montferland: nieuwe titel")
    config[CATALOG_KEY] = dataclasses.replace(
        catalog, practices=MappingProxyType({**catalog.practices, "montferland-leren": edited}))
    build(config)  # as mkdocs serve does after an edit: the site folder emptied, every page written
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")}

    assert served.reusable("instrumenten/werkervaringsplaats.md") and served.reusable("bijdragen/velden.md")
    assert not served.reusable("voorbeelden/montferland-leren.md")
    assert not served.reusable("voorbeelden/venlo-werkt.md")  # it shows the related practice's title
    assert not served.reusable("thema/index.md") and not served.reusable("index.md")  # in the nav
    assert set(after) == set(before)
    unchanged = Path("instrumenten/werkervaringsplaats/index.html")
    assert after[unchanged] == before[unchanged]
    edited_page = Path("voorbeelden/montferland-leren/index.html")
    assert b"Montferland: nieuwe titel" in after[edited_page]
    tabs = re.compile(rb'<nav class="md-tabs".*?</nav>', re.S)
    assert tabs.search(after[edited_page]).group(0) == tabs.search(before[edited_page]).group(0)

    # Undoing the edit gives the first build again, links between pages included (whitespace
    # aside: the navigation fragment is cached from whichever page renders first).
    config[CATALOG_KEY] = catalog
    build(config)
    spaced = re.compile(rb"\s+")
    undone = {p.relative_to(site): spaced.sub(b" ", p.read_bytes()) for p in site.rglob("*.html")}
    assert undone == {path: spaced.sub(b" ", html) for path, html in before.items()}

    # A change to anything else that shapes a page (here the theme overrides) renders every page again.
    monkeypatch.setattr(serve_reuse, "_setup_stamp", lambda config: ("a template changed",))
    build(config)
    assert not served.reusable("instrumenten/werkervaringsplaats.md")
