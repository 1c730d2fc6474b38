"""The sources page (bronnen.md): every publication the catalogue relies on.

Each source gets its facts (publisher, series, authors, date, kind, address)
and links to the practices and instruments that cite it. Record text is
HTML-escaped and set in raw HTML, so no Markdown or HTML in a record can
become markup. Each source has a stable anchor `bron-<id>` for deep links.
`source_html` is how every other page cites a source, linking here when the
source has no address of its own.
"""

from __future__ import annotations

from generator.catalog.model import Catalog
from generator.catalog.schemas import values_at

from . import dutch
from .html_elements import facts, item_list
from .page_parts import href, instrument_page, link, practice_page
from .sanitize import text

PATH = "bronnen.md"

INTRO = """\
---
title: Bronnen
---

# Bronnen

Alle voorbeelden in deze catalogus steunen op openbare publicaties: artikelen, rapporten,
nieuwsbrieven en verslagen. De teksten zelf staan niet op deze website. Bij elk
voorbeeld en bij elk cijfer staat uit welke bron het komt en waar het in die bron staat
(de vindplaats), zodat u het zelf kunt nalezen.

"""


def source_anchor(source_id: str) -> str:
    return f"bron-{source_id}"


def source_html(catalog: Catalog, page: str, source_id: str, locator: str | None = None) -> str:
    """'Title (publisher, februari 2014), locator'; the title links to the publication when it
    has a URL, otherwise to the source's entry on the sources page."""
    source = catalog.sources[source_id]
    title = f"<cite>{text(source['title'])}</cite>"
    if source.get("url"):
        title = f'<a href="{text(source["url"])}" rel="noopener">{title}</a>'
    else:
        title = f'<a href="{href(page, f"{PATH}#{source_anchor(source_id)}")}">{title}</a>'
    about = [source["publisher"]] + ([dutch.date(source["date"])] if source.get("date") else [])
    out = f"{title} ({text(', '.join(about))})"
    return out + (f", {text(locator)}" if locator else "")


def sources_markdown(catalog: Catalog) -> str:
    practices = _citing(catalog, "practice")
    instruments = _citing(catalog, "instrument")
    count = len(catalog.sources)
    parts = [INTRO, f"De catalogus noemt {count} {'bron' if count == 1 else 'bronnen'}.\n"]
    for source_id, source in sorted(catalog.sources.items(), key=lambda item: _sort_key(item[1])):
        parts.append(_section(catalog, source_id, source,
                                  practices.get(source_id, []), instruments.get(source_id, [])))
    return "\n".join(parts)


def _sort_key(source: dict) -> tuple:
    # Newest first; undated sources last, then by title.
    return (0 if source.get("date") else 1, _negated(source.get("date", "")), source["title"].lower())


def _negated(date: str) -> tuple:
    return tuple(-int(part) for part in date.split("-")) if date else ()


def _citing(catalog: Catalog, kind: str) -> dict[str, list[tuple[str, str]]]:
    """source id -> [(record id, title)] of the records of a kind that cite it anywhere."""
    found: dict[str, dict[str, str]] = {}
    paths = [ref.path for ref in catalog.schema.references[kind] if ref.kind == "source"]
    for record_id, record in catalog.records(kind).items():
        name = record.get("title") or record.get("name")
        cited = {value for path in paths for _, value in values_at(record, path)}
        for source_id in cited:
            found.setdefault(source_id, {})[record_id] = name
    return {source_id: sorted(items.items(), key=lambda item: item[1].lower())
            for source_id, items in found.items()}


def _section(catalog: Catalog, source_id: str, source: dict, practices, instruments) -> str:
    rows = [("Uitgever", text(source["publisher"]))]
    if source.get("series"):
        rows.append(("Reeks", text(source["series"])))
    if source.get("authors"):
        rows.append(("Auteurs", text(dutch.join(list(source["authors"])))))
    if source.get("date"):
        rows.append(("Verschenen", text(dutch.date(source["date"]))))
    if source.get("date_note"):
        rows.append(("Over de datum", text(source["date_note"])))
    rows.append(("Soort", text(catalog.label("source_type", source["type"]))))
    if source.get("language", "nl") != "nl":
        rows.append(("Taal", text(source["language"])))
    if source.get("url", "").startswith(("https://", "http://")):
        url = text(source["url"])
        rows.append(("Adres", f'<a href="{url}" rel="noopener noreferrer nofollow">{url}</a>'))
    if source.get("note"):
        rows.append(("Toelichting", text(source["note"])))
    if practices:
        rows.append(("Voorbeelden", _links(practice_page, practices)))
    if instruments:
        rows.append(("Instrumenten", _links(instrument_page, instruments)))
    return (f'<section class="bron" aria-labelledby="{source_anchor(source_id)}">\n'
            f'<h2 id="{source_anchor(source_id)}">{text(source["title"])}</h2>\n'
            + facts(rows, "bron__feiten", newlines=True) + "\n</section>\n")


def _links(page_of, records: list[tuple[str, str]]) -> str:
    return item_list(link(PATH, page_of(record_id), title) for record_id, title in records)
