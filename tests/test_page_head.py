"""What every page's head tells machines: the link to the catalogue's DCAT-AP description
(data/catalog.jsonld), on a whole-site build of the two-practice catalogue of test_pages.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from test_pages import montferland, venlo, write_catalog

from generator import build as build_module

DESCRIBED_BY = re.compile(r'<link rel="describedby" type="application/ld\+json"[^>]* href="([^"]+)"')


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict]:
    catalog_dir = write_catalog(tmp_path_factory.mktemp("mini"), [venlo(), montferland()])
    out = tmp_path_factory.mktemp("site") / "public"
    assert not build_module.build(out, catalog_dir=catalog_dir).has_errors
    return out, yaml.safe_load((catalog_dir / "dataset.yaml").read_text(encoding="utf-8"))


def test_every_page_links_the_dcat_description_at_its_full_address(built):
    site, dataset = built
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert DESCRIBED_BY.findall(head) == [dataset["homepage"] + "data/catalog.jsonld"], page
        assert 'rel="alternate"' not in head  # Material would fetch a sitemap.xml beside it
    assert (site / "data" / "catalog.jsonld").is_file()
