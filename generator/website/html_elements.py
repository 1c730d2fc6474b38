"""The HTML elements the generated pages are made of, each written in one place.

Every page module builds its tables, lists of facts, lists and search-index
markers with these helpers, so an element looks the same on every page and
carries the same Pagefind attributes wherever it appears. Text arguments
(captions, column names, labels) are plain text and escaped here; cells,
values and list items are HTML that the caller has made safe already.
Column names and labels are the pages' own words: they are escaped for
element content only, so "Thema's" keeps its apostrophe.

Pagefind indexes the text of every element on a page marked
`pagefind: body`. Labels that only frame the content (table captions, column
names, the terms of a list of facts) stay out of the index with
`data-pagefind-ignore`: a search excerpt would otherwise run them together
with the values ("PlaatsVenlo").

`newlines=True` puts each part on its own line: the listings' long tables
(one row per practice) stay readable and diffable in the page source. A
raw HTML block in Markdown must not contain a blank line, so no part may
be empty then.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from .sanitize import text

IGNORED = " data-pagefind-ignore"


def table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[str]], *,
          newlines: bool = False) -> str:
    """A table with a caption and column headers; each row is a sequence of cell HTML."""
    head = "".join(f'<th scope="col">{_words(h)}</th>' for h in headers)
    body = ["<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows]
    # No scrolling wrapper here: every page's tables get one (scroll_regions.py).
    return _join([
        f"<table><caption{IGNORED}>{text(caption)}</caption>",
        f"<thead{IGNORED}><tr>{head}</tr></thead>",
        "<tbody>", *body, "</tbody></table>",
    ], newlines)


def facts(rows: Iterable[tuple[str, str]], css_class: str, *, ignored: bool = False,
          grouped: bool = False, newlines: bool = False) -> str:
    """A list of facts (<dl>) from (label, value HTML) pairs; pairs without a value are left out.

    ignored: the whole list stays out of the search index (details around a figure).
    grouped: each pair in a <div>, for a grid layout.
    """
    # In an ignored list the terms are out of the index already.
    term = "<dt>" if ignored else f"<dt{IGNORED}>"
    items = []
    for label, value in rows:
        if not value:
            continue
        pair = [f"{term}{_words(label)}</dt>", f"<dd>{value}</dd>"]
        items += ["<div>" + "".join(pair) + "</div>"] if grouped else pair
    attributes = f' class="{css_class}"' + (IGNORED if ignored else "")
    return _join([f"<dl{attributes}>", *items, "</dl>"], newlines)


def item_list(items: Iterable[str], css_class: str | None = None, *, ordered: bool = False,
              ignored: bool = False, label: str | None = None) -> str:
    """A <ul> (or <ol>) of list item HTML.

    ignored: out of the search index. label: an aria-label for screen readers.
    """
    tag = "ol" if ordered else "ul"
    attributes = (f' class="{css_class}"' if css_class else "") + (IGNORED if ignored else "")
    attributes += f' aria-label="{text(label)}"' if label else ""
    return f"<{tag}{attributes}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def index_list(entries: Iterable[tuple[str, str, str | None]], *, ordered: bool = False) -> str:
    """An index page's list: (name HTML, count text, description text or None) per entry."""
    items = (f"{name} ({text(count)})" + (f"<br>{text(about)}" if about else "")
             for name, count, about in entries)
    return item_list(items, "pv-index", ordered=ordered)


def summary(value: str) -> str:
    """The summary paragraph; Pagefind shows it in result lists instead of an excerpt."""
    return f'<p class="pv-summary" data-pagefind-meta="samenvatting">{text(value)}</p>'


def search_filter(name: str, value: str) -> str:
    """A search facet value that the page does not show as such (attribute syntax, no text)."""
    return f'<span data-pagefind-filter="{name}:{text(value)}"></span>'


def search_sort(name: str, value: str) -> str:
    """A search sort key that the page does not show as such."""
    return f'<span data-pagefind-sort="{name}:{text(value)}"></span>'


SYNONYM_WEIGHT = "0.3"  # a synonym counts for less than the word itself (Pagefind's default weight is 1)


def search_words(words: tuple[list[str], list[str]]) -> str:
    """Hidden words the search index holds for the page: (compound parts, synonyms), see
    search_words.py. Pagefind reads the HTML, not the rendered page, so it indexes them
    though nobody sees them; synonyms weigh less."""
    parts, synonyms = (" ".join(group) for group in words)
    out = f'<p class="pv-zoekwoorden" hidden>{text(parts)}</p>' if parts else ""
    if synonyms:
        out += f'<p class="pv-zoekwoorden" hidden data-pagefind-weight="{SYNONYM_WEIGHT}">{text(synonyms)}</p>'
    return out


def _words(value: str) -> str:
    return html.escape(value, quote=False)


def _join(parts: list[str], newlines: bool) -> str:
    return ("\n" if newlines else "").join(parts)
