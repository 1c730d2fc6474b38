"""Catalogue pages skip mkdocs' Markdown pass: their HTML is final already.

mkdocs makes a Page for every file; `adopt` turns the catalogue's pages into
CataloguePage, which renders the page's HTML blocks directly (html_blocks).
Changing the class of an existing Page is the one step that relies on
mkdocs' internals, so it lives here alone, with its own test.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.website import html_blocks


class CataloguePage(Page):
    """A catalogue page: its HTML is final already, so no Markdown pass (a third of the build)."""

    catalogus_blocks: list[str] = []

    def render(self, config, files) -> None:
        blocks = self.catalogus_blocks
        rendered = html_blocks.render(self.markdown or "", blocks)
        if rendered is None:  # some Markdown in it after all: the usual way, then the HTML back in
            super().render(config, files)
            self.content = html_blocks.restore(self.content, blocks)
            return
        self.content, toc_tokens, self.present_anchor_ids = rendered
        self.toc = get_toc(toc_tokens)


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
