"""The home page: what this is, a search box, counts, entry points by theme,
target group, instrument and province, and the newest records."""

from __future__ import annotations

from collections import Counter

from generator.catalog.geography import Geography
from generator.catalog.model import Catalog
from generator.opendata.metadata import dataset_jsonld

from . import dutch
from .html_elements import item_list
from .page_parts import (
    SITE_NAME,
    count_label,
    front_matter,
    href,
    html_block,
    instrument_page,
    link,
    place_names,
    place_page,
    practice_page,
    sort_key,
    target_group_page,
    theme_page,
)
from .sanitize import text
from .sources_page import PATH as SOURCES_PAGE

HOME = "index.md"
NEWEST = 6

INTRO = (
    "<p class=\"pv-lead\">Hier vindt u voorbeelden van gemeenten, regio's en hun partners die mensen "
    "aan het werk hielpen. Bij elk voorbeeld staat wat het opleverde, wat het kostte en hoe sterk het "
    "bewijs is, met de bron erbij.</p>")


def home_markdown(catalog: Catalog, geo: Geography) -> str:
    practices = list(catalog.practices.values())
    return (
        front_matter(SITE_NAME, "Voorbeelden van gemeenten, regio's en hun partners die mensen aan het "
                     "werk hielpen: wat het opleverde, wat het kostte en hoe sterk het bewijs is.",
                     jsonld=dataset_jsonld(catalog) if catalog.dataset else None)
        + f"# {SITE_NAME}\n\n"
        + html_block(INTRO, _search_box(), _counts(catalog))
        + "## Kies een thema\n\n"
        + html_block(_tiles(_coded(catalog, "theme", "themes", theme_page)))
        + "## Kies een doelgroep\n\n"
        + html_block(_tiles(_coded(catalog, "target_group", "target_groups", target_group_page)))
        + "## Kies een instrument\n\n"
        + html_block(_tiles(_instruments(catalog)))
        + "## Kies een provincie\n\n"
        + html_block(_tiles(_provinces(practices, geo)),
                     f"<p>Of bekijk {link(HOME, 'kaart.md', 'de voorbeelden op de kaart')}, "
                     f"{link(HOME, 'plaats/index.md', 'alle gemeenten en regio’s')}, "
                     f"{link(HOME, 'status/index.md', 'de voorbeelden per status')} of "
                     f"{link(HOME, 'bewijs/index.md', 'per bewijsniveau')}.</p>")
        + "## Nieuw in de catalogus\n\n"
        + html_block(_newest(catalog, practices))
    )


def _search_box() -> str:
    return (f'<form class="pv-search" role="search" aria-label="Zoeken vanaf de startpagina" action="{href(HOME, "zoeken.md")}" method="get">'
            '<label for="pv-search-query">Zoek een voorbeeld</label>'
            '<div class="pv-search__row">'
            '<input type="search" id="pv-search-query" name="q" '
            'placeholder="bijvoorbeeld: jongeren, werkgevers, social return">'
            '<button type="submit" class="md-button md-button--primary">Zoeken</button>'
            "</div></form>")


def _counts(catalog: Catalog) -> str:
    figures = sum(len(p.get("metrics", ())) for p in catalog.practices.values())
    used_places = {code for p in catalog.practices.values() for code in p["places"]}
    counts = [
        (len(catalog.practices), "voorbeeld", "voorbeelden", "voorbeelden/index.md"),
        (len(catalog.instruments), "instrument", "instrumenten", "instrumenten/index.md"),
        (figures, "cijfer", "cijfers", "indicator/index.md"),
        (len(used_places), "plaats", "plaatsen", "plaats/index.md"),
        (len(catalog.sources), "bron", "bronnen", SOURCES_PAGE),
    ]
    items = (f'<a href="{href(HOME, page)}"><strong>{text(dutch.number(n))}</strong> {one if n == 1 else many}</a>'
             for n, one, many, page in counts)
    return item_list(items, "pv-counts", label="De catalogus in getallen")


def _coded(catalog: Catalog, codelist: str, field: str, page_of) -> list[tuple[str, str, int]]:
    entries = []
    for row in catalog.codelists[codelist]:
        n = len(catalog.practices_using(field, row["code"]))
        if n:
            entries.append((page_of(row["code"]), row["label_nl"], n))
    return entries


def _instruments(catalog: Catalog) -> list[tuple[str, str, int]]:
    entries = [(instrument_page(i), inst["name"], len(catalog.practices_using("instruments", i)))
               for i, inst in catalog.instruments.items()]
    return sorted((e for e in entries if e[2]), key=lambda e: sort_key(e[1]))


def _provinces(practices: list[dict], geo: Geography) -> list[tuple[str, str, int]]:
    counts = Counter(code for p in practices for code in geo.provinces_of_practice(p))
    entries = [(place_page(code), geo.province_name(code), n) for code, n in counts.items()]
    return sorted(entries, key=lambda e: sort_key(e[1]))


def _tiles(entries: list[tuple[str, str, int]]) -> str:
    items = (f'<a href="{href(HOME, page)}">{text(label)}</a> '
             f'<span class="pv-tiles__count">{text(count_label(n, "voorbeeld", "voorbeelden"))}</span>'
             for page, label, n in entries)
    return item_list(items, "pv-tiles")


def _newest(catalog: Catalog, practices: list[dict]) -> str:
    by_title = sorted(practices, key=lambda p: (sort_key(p["title"]), p["id"]))
    # reverse=True keeps equal dates in title order (Python's sort is stable)
    newest = sorted(by_title, key=lambda p: (p["record"]["added"], p["record"]["updated"]),
                    reverse=True)[:NEWEST]
    items = (f"{link(HOME, practice_page(p['id']), p['title'])}"
             f"<br><small>{text(place_names(catalog, p))}, toegevoegd op {text(dutch.date(p['record']['added']))}"
             "</small>" for p in newest)
    return (item_list(items, "pv-newest")
            + f"<p>{link(HOME, 'voorbeelden/index.md', 'Alle voorbeelden op een rij')}</p>")
