"""The map page (kaart/): every place that practices name, as a mark on a map of the
Netherlands sized by its number of practices and linking to the place's page, with
the same places as a list beside it for screen readers and keyboards. Also the
small locator map on each practice page. The drawing is map_svg's."""

from __future__ import annotations

from collections import Counter

from generator.catalog.model import Catalog

from .html_elements import item_list
from .map_svg import Mark, locator_svg, map_svg, mark_label
from .page_parts import front_matter, href, html_block, place_page
from .sanitize import text

MAP_PAGE = "kaart.md"
TITLE = "Kaart"

INTRO = (
    "<p>Op deze kaart staat elke gemeente, regio, provincie en elk waterschap met een of meer "
    "voorbeelden. Hoe groter de stip, hoe meer voorbeelden er zijn. Klik op een stip, of kies een "
    "plaats in de lijst, om de voorbeelden te zien.</p>"
    "<p>Een regio, provincie of waterschap staat op een ruw middelpunt van het gebied. Een voorbeeld "
    "in meer plaatsen telt bij elk van die plaatsen mee. Voorbeelden voor heel Nederland staan niet als "
    "stip op de kaart, wel in de lijst.</p>")
# A mark for a whole country would sit at an arbitrary point in the middle: listed, not drawn.
UNMAPPED_TYPES = {"country"}


def place_counts(catalog: Catalog) -> Counter:
    """{place id: number of practices that name it}."""
    return Counter(code for p in catalog.practices.values() for code in p["places"])


def marks(catalog: Catalog, from_page: str, drawn_only: bool = True) -> list[Mark]:
    """A mark for every place that practices name (drawn_only: but a country), in name order."""
    found = [Mark(catalog.places[code]["name"], catalog.places[code]["lat"], catalog.places[code]["lon"],
                  n, href(from_page, place_page(code)))
             for code, n in place_counts(catalog).items()
             if not (drawn_only and catalog.places[code]["type"] in UNMAPPED_TYPES)]
    return sorted(found, key=lambda m: (m.name.casefold(), m.url))


def map_markdown(catalog: Catalog) -> str:
    shown = marks(catalog, MAP_PAGE)
    types = {href(MAP_PAGE, place_page(code)): catalog.places[code]["type"] for code in place_counts(catalog)}

    def kind(mark: Mark) -> str:
        label = catalog.label("place_type", types[mark.url]).lower()
        return label + (", niet op de kaart" if types[mark.url] in UNMAPPED_TYPES else "")

    items = (f'<a href="{text(m.url)}">{text(mark_label(m))}</a> '
             f'<span class="pv-map__type">({text(kind(m))})</span>' for m in marks(catalog, MAP_PAGE, False))
    title = f"Kaart van Nederland met {len(shown)} plaatsen met voorbeelden"
    figure = (f'<figure class="pv-map__figure">{map_svg(shown, title)}'
              "<figcaption>Kaartgegevens: Natural Earth.</figcaption></figure>")
    places = ('<div class="pv-map__list"><h2 id="plaatsen-op-de-kaart">Plaatsen op de kaart</h2>'
              + item_list(items, "pv-map__places") + "</div>")
    # no table of contents: the list of places stands beside the map
    meta = front_matter(TITLE, "De voorbeelden op de kaart van Nederland, per plaats.", hide_toc=True)
    return (meta + f"# {TITLE}\n\n" + html_block(INTRO, f'<div class="pv-map">{figure}{places}</div>'))


def locator(catalog: Catalog, practice: dict) -> str:
    """The practice's places on a small map, described in words."""
    places = [catalog.places[code] for code in practice["places"]]
    drawn = [place for place in places if place["type"] not in UNMAPPED_TYPES]
    if not drawn:
        return ""
    names = ", ".join(place["name"] for place in drawn)
    dots = [Mark(place["name"], place["lat"], place["lon"], 1) for place in drawn]
    return f'<div class="pv-locator-wrap">{locator_svg(dots, f"Kaartje van Nederland met de ligging van {names}")}</div>'
