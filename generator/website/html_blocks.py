"""Keep the raw HTML of generated pages out of the Markdown parser.

Python-Markdown runs every raw HTML block through its pure-Python HTML parser,
which made most of the build time of a large catalogue. The generated pages
are Markdown headings (for the table of contents) between raw HTML blocks
that are final already: `extract` swaps each such block for a one-line
token, and `render` turns such a page into HTML with no Markdown pass at all
(headings get the ids and table of contents the toc extension would give).
A page with any other Markdown in it goes through mkdocs as usual, and
`restore` puts the HTML blocks back into what it rendered. The page text
from pages.py stays valid Markdown on its own; this is only a shortcut.
"""

from __future__ import annotations

import html
import re

from markdown.extensions.toc import nest_toc_tokens, slugify, unique

TOKEN = "pv-html-block-{}"
TOKEN_PARAGRAPH = re.compile(r"<p>pv-html-block-(\d+)</p>")
TOKEN_PART = re.compile(r"pv-html-block-(\d+)")
HEADING_PART = re.compile(r"(#{1,6}) +([^\n]+?)")
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")  # the inverse of sanitize.markdown_text
# What could start inline Markdown, HTML or an attribute list, or a bare "&", once escapes are gone.
INLINE_MARKUP = re.compile(r"[\\`*_\[\]<!{]|&(?!#?\w+;)")


def extract(markdown: str) -> tuple[str, list[str]]:
    """Markdown with every top-level HTML block (a paragraph that starts with '<') replaced by a token."""
    blocks: list[str] = []
    parts = markdown.split("\n\n")
    for i, part in enumerate(parts):
        if part.startswith("<"):
            parts[i] = TOKEN.format(len(blocks))
            blocks.append(part)
    return "\n\n".join(parts), blocks


def render(markdown: str, blocks: list[str]) -> tuple[str, list[dict], set[str]] | None:
    """(HTML, toc tokens, heading ids) of a page that is only headings and tokens; else None."""
    out, tokens, ids, counters = [], [], set(), {}
    for part in markdown.split("\n\n"):
        part = part.strip()
        if not part:
            continue
        if token := TOKEN_PART.fullmatch(part):
            out.append(blocks[int(token.group(1))])
        elif heading := HEADING_PART.fullmatch(part):
            level, source = len(heading.group(1)), heading.group(2)
            if INLINE_MARKUP.search(MARKDOWN_ESCAPE.sub("", source)):
                return None  # inline Markdown or HTML: leave it to the Markdown renderer
            inner = MARKDOWN_ESCAPE.sub(r"\1", source)
            anchor = unique(slugify(html.unescape(inner), "-"), ids, counters)
            out.append(f'<h{level} id="{anchor}">{inner}</h{level}>')
            tokens.append({"level": level, "id": anchor, "name": inner, "html": inner,
                           "data-toc-label": "", "children": []})
        else:
            return None
    return "\n".join(out), nest_toc_tokens(tokens), ids


def restore(html: str, blocks: list[str]) -> str:
    """The rendered page with each token paragraph replaced by its HTML block."""
    return TOKEN_PARAGRAPH.sub(lambda m: blocks[int(m.group(1))], html)
