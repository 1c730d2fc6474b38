"""Listing pages: the practices per theme, target group, place or province,
status and evidence level, each kind with an index page, plus the list of
all practices. A listing page exists only for a code that some practice uses.

Listing pages stay out of the search index (no `pagefind: body`): the search
facets do their job there.
"""

from __future__ import annotations

from collections import defaultdict

from generator.catalog.geography import Geography
from generator.catalog.model import Catalog

from .html_elements import index_list
from .page_parts import (
    count_label,
    evidence_page,
    front_matter,
    html_block,
    link,
    place_page,
    practice_table,
    status_page,
    target_group_page,
    theme_page,
)
from .sanitize import markdown_text, text

ALL_PRACTICES = "voorbeelden/index.md"


def listing_pages(catalog: Catalog, geo: Geography) -> dict[str, str]:
    pages: dict[str, str] = {}
    pages.update(_codelist_pages(catalog, "theme", "themes", theme_page, "thema/index.md", "Thema's",
                                 "Elk voorbeeld hoort bij een of meer thema's. Kies een thema om de voorbeelden te zien."))
    pages.update(_codelist_pages(catalog, "target_group", "target_groups", target_group_page,
                                 "doelgroep/index.md", "Doelgroepen",
                                 "Voor wie is de aanpak bedoeld? Kies een doelgroep om de voorbeelden te zien."))
    pages.update(_codelist_pages(catalog, "status", "status", status_page, "status/index.md", "Status",
                                 "Hoe staat een aanpak ervoor volgens de bron? Kies een status om de voorbeelden te zien."))
    pages.update(_evidence_pages(catalog))
    pages.update(_place_pages(catalog, geo))
    pages[ALL_PRACTICES] = _page(
        catalog, ALL_PRACTICES, "Alle voorbeelden",
        f"<p>De catalogus telt {text(count_label(len(catalog.practices), 'voorbeeld', 'voorbeelden'))}. "
        "Wilt u sorteren, filteren of de lijst downloaden? Gebruik dan "
        f"{link(ALL_PRACTICES, 'verkennen.md', 'Verkennen')}.</p>",
        list(catalog.practices.values()), "Alle voorbeelden, op titel")
    return pages


def _page(catalog: Catalog, page: str, title: str, intro: str, practices: list[dict], caption: str) -> str:
    return (front_matter(title) + f"# {markdown_text(title)}\n\n" + html_block(intro)
            + practice_table(catalog, page, practices, caption))


def _codelist_pages(catalog, codelist, field, page_of, index, title, intro) -> dict[str, str]:
    """One page per used code of a codelist, and an index in codelist order."""
    pages, entries = {}, []
    for row in catalog.codelists[codelist]:
        practices = catalog.practices_using(field, row["code"])
        if not practices:
            continue
        page = page_of(row["code"])
        label = row["label_nl"]
        pages[page] = _page(catalog, page, label, f"<p>{text(row['description_nl'])}</p>",
                            practices, f"Voorbeelden bij {label.lower()}")
        entries.append((page, label, len(practices), row["description_nl"]))
    pages[index] = front_matter(title) + f"# {title}\n\n" + html_block(f"<p>{intro}</p>", _index(index, entries))
    return pages


def _index(index: str, entries: list[tuple[str, str, int, str]]) -> str:
    return index_list((link(index, page, label), count_label(n, "voorbeeld", "voorbeelden"), about)
                      for page, label, n, about in entries)


def _evidence_pages(catalog: Catalog) -> dict[str, str]:
    """Evidence levels: the index explains every level, weakest first, even one not yet used."""
    index = "bewijs/index.md"
    pages, entries = {}, []
    for row in sorted(catalog.codelists["evidence_level"], key=lambda r: int(r["rank"])):
        practices = [p for p in catalog.practices.values() if p["evidence"]["level"] == row["code"]]
        label = row["label_nl"]
        if practices:
            page = evidence_page(row["code"])
            pages[page] = _page(catalog, page, f"Bewijs: {label}", f"<p>{text(row['description_nl'])}</p>",
                                practices, f"Voorbeelden met bewijsniveau {label.lower()}")
            entries.append((link(index, page, label), count_label(len(practices), "voorbeeld", "voorbeelden"),
                            row["description_nl"]))
        else:
            entries.append((text(label), "nog geen voorbeelden", row["description_nl"]))
    intro = ("<p>Hoe sterk is het bewijs dat een aanpak werkt? Elk voorbeeld heeft een bewijsniveau, "
             "van een bewering van iemand die erbij betrokken is tot een effectonderzoek met "
             "vergelijkingsgroep. Het niveau zegt iets over het bewijs, niet over de aanpak zelf.</p>")
    pages[index] = front_matter("Bewijs") + "# Bewijs\n\n" + html_block(intro, index_list(entries, ordered=True))
    return pages


def _place_pages(catalog: Catalog, geo: Geography) -> dict[str, str]:
    """A page per place that practices name, and per province with the practices in its places."""
    index = "plaats/index.md"
    by_place: dict[str, list[dict]] = defaultdict(list)
    by_province: dict[str, list[dict]] = defaultdict(list)
    for p in catalog.practices.values():
        for code in p["places"]:
            by_place[code].append(p)
        for province in geo.provinces_of_practice(p):
            by_province[province].append(p)
    pages = {}
    for code, practices in by_province.items():
        name = geo.province_name(code)
        pages[place_page(code)] = _page(
            catalog, place_page(code), f"Provincie {name}",
            f"<p>Voorbeelden in de provincie {text(name)}: in de provincie zelf, in haar gemeenten en in "
            "regio's waar die gemeenten bij horen.</p>", practices, f"Voorbeelden in {name}")
    for code, practices in by_place.items():
        if code in by_province:  # a province named as a place: its province page covers it
            continue
        place = catalog.places[code]
        kind = catalog.label("place_type", place["type"])
        provinces = ", ".join(link(place_page(code), place_page(pv), geo.province_name(pv))
                              for pv in geo.provinces(code))
        intro = f"<p>{text(kind)}" + (f" in {provinces}" if provinces else "") + ".</p>"
        pages[place_page(code)] = _page(catalog, place_page(code), place["name"], intro, practices,
                                        f"Voorbeelden in {place['name']}")
    pages[index] = front_matter("Plaatsen") + "# Plaatsen\n\n" + _place_index(catalog, geo, index, by_place, by_province)
    return pages


ELSEWHERE = "Landelijk, in meer provincies of over de grens"


def _place_index(catalog, geo, index, by_place, by_province) -> str:
    """Markdown: provinces, then places grouped by province (headings feed the table of contents)."""
    def entry(page: str, name: str, n: int) -> tuple[str, str, None]:
        return link(index, page, name), count_label(n, "voorbeeld", "voorbeelden"), None

    provinces = sorted(by_province, key=lambda pv: geo.province_name(pv).casefold())
    parts = [html_block("<p>Voorbeelden per provincie en per gemeente of regio. Een voorbeeld in een regio "
                        "staat ook bij de provincie waar die regio ligt.</p>"),
             "## Provincies\n\n",
             html_block(index_list(entry(place_page(pv), geo.province_name(pv), len(by_province[pv]))
                                   for pv in provinces)),
             "## Gemeenten en regio's\n\n"]
    groups: dict[str, list[str]] = defaultdict(list)
    for code in by_place:
        if code not in by_province:  # provinces named as a place are listed above
            found = geo.provinces(code)
            groups[geo.province_name(found[0]) if len(found) == 1 else ELSEWHERE].append(code)
    for group in sorted(groups, key=lambda g: (g == ELSEWHERE, g.casefold())):
        codes = sorted(groups[group], key=lambda c: catalog.places[c]["name"].casefold())
        entries = [entry(place_page(c), catalog.places[c]["name"], len(by_place[c])) for c in codes]
        parts += [f"### {markdown_text(group)}\n\n", html_block(index_list(entries))]
    return "".join(parts)
