"""Every table on every page scrolls sideways in a region the keyboard can reach.

A table wider than a phone scrolls sideways; a keyboard user can only scroll
what can take focus (WCAG 2.1.1, axe `scrollable-region-focusable`). Material
wraps each table in a scrolling div at run time, which takes no focus; so the
mkdocs adapter passes each page's HTML through `wrap_tables`, which puts every
table in a focusable region named after the table: its caption, else the
heading above it (a table already inside a region of its own stays as it is).
Material's own wrapper then sits inside ours, and the style
sheet (catalogus.css, `.pv-scroll`) lets ours do the scrolling.

Region names must differ on one page (axe `landmark-unique`), so a repeated
name gets a number.
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.S)
_HEADING = re.compile(r"<h[1-6]\b[^>]*>(.*?)</h[1-6]>", re.S)
_TAG = re.compile(r"<[^>]+>")
# A table the page already put in a region of its own (the explorer's) is left as it is.
_OWN_REGION = re.compile(r"<[^>]*\brole=\"region\"[^>]*>\s*$")
# Material's headerlink anchor after a heading's text.
_PERMALINK = re.compile(r"<a\b[^>]*class=\"headerlink\"[^>]*>.*?</a>", re.S)


def _plain(fragment: str) -> str:
    """The text of an HTML fragment, on one line."""
    return " ".join(html.unescape(_TAG.sub("", _PERMALINK.sub("", fragment))).split())


def _name(page: str, table: re.Match) -> str:
    caption = _CAPTION.search(table.group(0))
    if caption and _plain(caption.group(1)):
        return _plain(caption.group(1))
    headings = _HEADING.findall(page, 0, table.start())
    return f"Tabel: {_plain(headings[-1])}" if headings and _plain(headings[-1]) else "Tabel"


def wrap_tables(page: str) -> str:
    """The page's HTML with every <table> inside a focusable, named, scrolling region."""
    used: dict[str, int] = {}

    def wrap(table: re.Match) -> str:
        if _OWN_REGION.search(page, 0, table.start()):
            return table.group(0)
        name = _name(page, table)
        used[name] = used.get(name, 0) + 1
        if used[name] > 1:
            name = f"{name} ({used[name]})"
        return (f'<div class="pv-scroll" role="region" tabindex="0" aria-label="{html.escape(name)}">'
                f"{table.group(0)}</div>")

    return _TABLE.sub(wrap, page)
