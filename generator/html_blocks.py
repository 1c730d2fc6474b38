"""Keep the raw HTML of generated pages out of the Markdown parser.

Python-Markdown runs every raw HTML block through its pure-Python HTML parser,
which made most of the build time of a large catalogue. The generated pages
are Markdown headings (for the table of contents) between raw HTML blocks
that are final already: `extract` swaps each such block for a one-line
token before mkdocs renders the page, and `restore` puts the HTML back into
the rendered page. The page text from pages.py stays valid Markdown on its
own; this is only a shortcut through the renderer.
"""

from __future__ import annotations

import re

TOKEN = "pv-html-block-{}"
TOKEN_PARAGRAPH = re.compile(r"<p>pv-html-block-(\d+)</p>")


def extract(markdown: str) -> tuple[str, list[str]]:
    """Markdown with every top-level HTML block (a paragraph that starts with '<') replaced by a token."""
    blocks: list[str] = []
    parts = markdown.split("\n\n")
    for i, part in enumerate(parts):
        if part.startswith("<"):
            parts[i] = TOKEN.format(len(blocks))
            blocks.append(part)
    return "\n\n".join(parts), blocks


def restore(html: str, blocks: list[str]) -> str:
    """The rendered page with each token paragraph replaced by its HTML block."""
    return TOKEN_PARAGRAPH.sub(lambda m: blocks[int(m.group(1))], html)
