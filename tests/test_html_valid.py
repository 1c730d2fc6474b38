"""Every page of the built mini site (every page type, see tests/golden/) is valid HTML for
the Nu Html Checker, the checker the W3C runs (npm vnu-jar, with Debian's Java).

Two errors are Material's own markup and let through by name: `autocomplete` on its hidden
toggle checkboxes (the drawer and the search), and the table-of-contents label that points at
a toggle which pages without a table of contents do not have.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from test_pages import montferland, venlo, write_catalog

from generator import build as build_module
from generator.paths import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MATERIALS = ('class="md-toggle"', 'for="__toc"')


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    catalog_dir = write_catalog(tmp_path_factory.mktemp("mini"), [venlo(), montferland()])
    out = tmp_path_factory.mktemp("site") / "public"
    assert not build_module.build(out, catalog_dir=catalog_dir).has_errors
    return out


def _errors(folder) -> list[dict]:
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                           str(folder)], capture_output=True, text=True, timeout=300)
    return json.loads(done.stderr)["messages"]


def test_every_page_is_valid_html(site):
    ours = [(m["url"].rsplit("/public/", 1)[-1], m.get("lastLine"), m["message"]) for m in _errors(site)
            if not any(mark in m.get("extract", "") for mark in MATERIALS)]
    assert ours == []


def test_the_checker_finds_a_mistake(tmp_path):
    (tmp_path / "index.html").write_text('<!DOCTYPE html><html lang="nl"><head><title>t</title></head>'
                                         "<body><h1>a</h1><h3>b</h3><a download>c</a></body></html>")
    assert len(_errors(tmp_path)) == 2
