"""Catalogue pages skip mkdocs' Markdown pass: their HTML is final already.

mkdocs makes a Page for every file; `adopt` turns the catalogue's pages into
CataloguePage, which renders the page's HTML blocks directly (html_blocks),
and reads the schema.org line of its front matter as the JSON it is
(page_parts.front_matter writes it so) instead of building it through
PyYAML's constructor, a tenth of the build at 10,000 practices.
Changing the class of an existing Page is the one step that relies on
mkdocs' internals, so it lives here alone, with its own test.
"""

from __future__ import annotations

import json

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta

from generator.website import html_blocks
from generator.website.page_parts import JSONLD_META


class CataloguePage(Page):
    """A catalogue page: its HTML is final already, so no Markdown pass (a third of the build)."""

    catalogus_blocks: list[str] = []

    def read_source(self, config) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        self.markdown, self.meta = front_matter(self.file.content_string if source is None else source)

    def render(self, config, files) -> None:
        blocks = self.catalogus_blocks
        rendered = html_blocks.render(self.markdown or "", blocks)
        if rendered is None:  # some Markdown in it after all: the usual way, then the HTML back in
            super().render(config, files)
            self.content = html_blocks.restore(self.content, blocks)
        else:
            self.content, toc_tokens, self.present_anchor_ids = rendered
            self.toc = get_toc(toc_tokens)
        # The blocks are in the content now. mkdocs renders every page before it writes the
        # first: let go of them page by page (at 10,000 practices they are a few hundred MB).
        blocks.clear()


def adopt(files, blocks_by_path: dict[str, list[str]]) -> int:
    """Make the pages of these paths CataloguePages; returns how many were adopted.

    Called from on_nav: by then mkdocs has made a plain Page for every file.
    A page another plugin already replaced is left alone.
    """
    adopted = 0
    for path, blocks in blocks_by_path.items():
        file = files.get_file_from_path(path)
        if file is not None and type(file.page) is Page:
            file.page.__class__ = CataloguePage
            file.page.catalogus_blocks = blocks
            adopted += 1
    return adopted


JSON_KEY = f"\n{JSONLD_META}: "  # page_parts.front_matter writes it as one line of JSON


def front_matter(source: str) -> tuple[str, dict]:
    """(markdown, meta) as mkdocs' meta.get_data reads them, the JSON line taken out first."""
    found = meta.YAML_RE.match(source)
    start = source.find(JSON_KEY, 0, found.end()) if found else -1
    if start < 0:
        return meta.get_data(source)
    end = source.index("\n", start + 1)
    markdown, data = meta.get_data(source[:start] + source[end:])
    return markdown, {**data, JSONLD_META: json.loads(source[start + len(JSON_KEY):end])}
