"""Instrument pages (what it is, how it works, every practice that uses it)
and their index. Instrument pages are searchable, with `soort: Instrument`.
"""

from __future__ import annotations

from generator.catalog.model import Catalog

from .html_elements import index_list, item_list, search_filter, search_words, summary
from .page_parts import (
    count_label,
    front_matter,
    html_block,
    instrument_page,
    link,
    practice_table,
    sort_key,
)
from .sanitize import markdown_html, markdown_text, text
from .search_words import instrument_words
from .sources_page import source_html

INDEX = "instrumenten/index.md"


def instrument_pages(catalog: Catalog) -> dict[str, str]:
    pages = {instrument_page(i): _instrument(catalog, inst) for i, inst in catalog.instruments.items()}
    pages[INDEX] = _index(catalog)
    return pages


def _instrument(catalog: Catalog, inst: dict) -> str:
    page = instrument_page(inst["id"])
    users = catalog.practices_using("instruments", inst["id"])
    parts = [front_matter(inst["name"], inst["summary"], searchable=True),
             f"# {markdown_text(inst['name'])}\n\n"]
    intro = [summary(inst["summary"]), search_filter("soort", "Instrument")]
    if inst.get("also_known_as"):
        intro.append(f"<p>Ook bekend als: {text(', '.join(inst['also_known_as']))}.</p>")
    parts.append(html_block(*intro))
    parts.append("## Hoe het werkt\n\n" + html_block(markdown_html(inst["how_it_works"])))
    parts.append("## Voorbeelden met dit instrument\n\n")
    if users:
        parts.append(html_block(
            f"<p>{text(count_label(len(users), 'voorbeeld gebruikt', 'voorbeelden gebruiken'))} "
            "dit instrument.</p>",
            practice_table(catalog, page, users, f"Voorbeelden met {inst['name']}")))
    else:
        parts.append(html_block("<p>Nog geen voorbeeld in de catalogus gebruikt dit instrument.</p>"))
    if inst.get("links"):
        items = (f'<a href="{text(item["url"])}" rel="noopener">{text(item["title"])}</a>' for item in inst["links"])
        parts.append("## Meer lezen\n\n" + html_block(item_list(items)))
    sources = (source_html(catalog, page, ref["source"], ref["locator"]) for ref in inst["sources"])
    parts.append("## Bronnen\n\n" + html_block(item_list(sources, "pv-sources")))
    parts.append(html_block(search_words(instrument_words(catalog, inst))))
    return "".join(parts)


def _index(catalog: Catalog) -> str:
    items = [(link(INDEX, instrument_page(inst["id"]), inst["name"]),
              count_label(len(catalog.practices_using("instruments", inst["id"])), "voorbeeld", "voorbeelden"),
              inst["summary"])
             for inst in sorted(catalog.instruments.values(), key=lambda i: sort_key(i["name"]))]
    intro = ("<p>Een instrument is een vaste werkwijze die meer gemeenten of organisaties gebruiken, "
             "zoals social return of een werkervaringsplaats. Per instrument leest u wat het is, hoe "
             "het werkt en welke voorbeelden het gebruiken.</p>")
    return front_matter("Instrumenten") + "# Instrumenten\n\n" + html_block(intro, index_list(items))
