"""Every relative link in the generated pages of the two-practice catalogue of
test_pages.py leads somewhere: to another generated page, a hand-written page in
site/docs/ or a file of the data package, and an anchor to an id on that page."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from test_pages import montferland, venlo, write_catalog

from generator.build import write_data
from generator.catalog.check import check_catalog
from generator.paths import ROOT, SCHEMA_DIR
from generator.website import extra_pages, pages
from generator.website.page_parts import url_of

BASE = "https://site.example/"
HREF = re.compile(r'href="([^"]*)"')


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[dict[str, str], set[str]]:
    """(generated page -> its text, every site-relative URL that exists)."""
    folder = tmp_path_factory.mktemp("links")
    result = check_catalog(write_catalog(folder, [venlo(), montferland()]), SCHEMA_DIR)
    assert not result.has_errors
    site = {path: text for path, text in {**pages.pages(result.catalog), **extra_pages.pages(result.catalog)}.items()
            if path.endswith(".md")}
    docs = ROOT / "site" / "docs"
    handwritten = [path.relative_to(docs).as_posix() for path in docs.rglob("*.md")]
    write_data(result.catalog, folder / "data")  # the data package and the workbook, as the build writes them
    data = [f"data/{path.relative_to(folder / 'data').as_posix()}" for path in (folder / "data").rglob("*")]
    return site, {url_of(path) for path in [*site, *handwritten]} | set(data)  # data files keep their names


def test_every_relative_link_in_the_generated_pages_resolves(published):
    site, existing = published
    broken = []
    for page, text in site.items():
        for link in HREF.findall(text):
            if urlsplit(link).scheme:
                continue  # an address outside the site
            target = urlsplit(urljoin(BASE + url_of(page), link))
            path = target.path.removeprefix("/")
            if path not in existing:
                broken.append(f"{page}: {link}")
            elif target.fragment:
                shown = next((text for source, text in site.items() if url_of(source) == path), "")
                if f'id="{target.fragment}"' not in shown:
                    broken.append(f"{page}: {link} (no such anchor)")
    assert broken == []
    assert sum(len(HREF.findall(text)) for text in site.values()) > 100  # the test has links to follow
