"""The mkdocs hook (generator/website/mkdocs/hook.py) on the two-practice catalogue of
test_pages.py: catalogue errors stop `mkdocs build` and become the home page under
`mkdocs serve`, and under serve an edit rewrites and renders only the pages it changes.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from types import MappingProxyType

import pytest
from test_pages import montferland, venlo, write_catalog

from generator.catalog.check import check_catalog
from generator.paths import ROOT, SCHEMA_DIR


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    result = check_catalog(write_catalog(tmp_path_factory.mktemp("hook"), [venlo(), montferland()]), SCHEMA_DIR)
    assert not result.has_errors
    return result.catalog


@pytest.fixture
def mkdocs(monkeypatch, tmp_path):
    """A loaded mkdocs config and the hook module mkdocs loaded from it (by file path)."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    hook = config.plugins["generator/website/mkdocs/hook.py"]
    monkeypatch.setattr(hook, "_serve_written", {})
    monkeypatch.setattr(hook, "_serve_dir", tmp_path / "scratch")
    yield config, hook
    hook.on_shutdown()


def run_on_files(config):
    from mkdocs.structure.files import Files

    return config.plugins.on_files(Files([]), config=config)


def test_hook_stops_mkdocs_build_on_catalogue_errors(mkdocs, monkeypatch, tmp_path):
    from mkdocs.exceptions import PluginError

    config, hook = mkdocs
    broken = dict(venlo(), status="rennend")
    write_catalog(tmp_path, [broken, montferland()])  # beside the mkdocs.yml the hook is given
    monkeypatch.setattr(config, "config_file_path", str(tmp_path / "mkdocs.yml"))
    monkeypatch.setattr(hook, "_command", "build")
    with pytest.raises(PluginError, match="fouten"):
        run_on_files(config)


def test_hook_shows_catalogue_errors_as_the_home_page_under_serve(mkdocs, monkeypatch, tmp_path):
    config, hook = mkdocs
    broken = dict(venlo(), status="<rennend>")
    write_catalog(tmp_path, [broken, montferland()])  # beside the mkdocs.yml the hook is given
    monkeypatch.setattr(config, "config_file_path", str(tmp_path / "mkdocs.yml"))
    monkeypatch.setattr(hook, "_command", "serve")
    home = run_on_files(config).get_file_from_path("index.md")
    shown = Path(home.abs_src_path).read_text(encoding="utf-8")
    assert "# Fouten in de catalogus" in shown
    assert "venlo-werkt.yaml" in shown and "[unknown-code]" in shown
    assert "&lt;rennend&gt;" in shown and "<rennend>" not in shown


def test_hook_under_serve_rewrites_only_the_pages_an_edit_changes(mkdocs, catalog, monkeypatch):
    import os

    from generator.website.site import CATALOG_KEY

    config, hook = mkdocs
    monkeypatch.setattr(hook, "_command", "serve")
    config[CATALOG_KEY] = catalog
    for file in run_on_files(config):
        os.utime(file.abs_src_path, (1000, 1000))
    edited = dict(catalog.practices["montferland-leren"], title="Montferland: nieuwe titel")
    config[CATALOG_KEY] = dataclasses.replace(
        catalog, practices=MappingProxyType({**catalog.practices, "montferland-leren": edited}))
    touched = {f.src_uri for f in run_on_files(config) if os.stat(f.abs_src_path).st_mtime != 1000}
    assert "voorbeelden/montferland-leren.md" in touched
    assert "thema/work-experience.md" in touched and "voorbeelden/venlo-werkt.md" in touched  # titles shown
    assert "instrumenten/werkervaringsplaats.md" not in touched
    assert "bewijs/claim.md" not in touched


def test_hook_under_plain_serve_renders_only_the_pages_an_edit_changes(mkdocs, catalog, monkeypatch):
    from mkdocs.commands.build import build

    from generator.website.mkdocs import serve_reuse
    from generator.website.site import CATALOG_KEY

    config, hook = mkdocs
    served = serve_reuse.ServedPages()
    monkeypatch.setattr(hook, "_command", "serve")
    monkeypatch.setattr(hook, "_dirty", False)
    monkeypatch.setattr(hook, "_served", served)
    config[CATALOG_KEY] = catalog
    build(config)
    site = Path(config.site_dir)
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")}
    edited = dict(catalog.practices["montferland-leren"], title="Montferland: nieuwe titel")
    config[CATALOG_KEY] = dataclasses.replace(
        catalog, practices=MappingProxyType({**catalog.practices, "montferland-leren": edited}))
    build(config)  # as mkdocs serve does after an edit: the site folder emptied, every page written
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")}

    assert served.reusable("instrumenten/werkervaringsplaats.md") and served.reusable("bijdragen/velden.md")
    assert not served.reusable("voorbeelden/montferland-leren.md")
    assert not served.reusable("voorbeelden/venlo-werkt.md")  # it shows the related practice's title
    assert not served.reusable("thema/index.md") and not served.reusable("index.md")  # in the nav
    assert set(after) == set(before)
    unchanged = Path("instrumenten/werkervaringsplaats/index.html")
    assert after[unchanged] == before[unchanged]
    edited_page = Path("voorbeelden/montferland-leren/index.html")
    assert b"Montferland: nieuwe titel" in after[edited_page]
    tabs = re.compile(rb'<nav class="md-tabs".*?</nav>', re.S)
    assert tabs.search(after[edited_page]).group(0) == tabs.search(before[edited_page]).group(0)

    # Undoing the edit gives the first build again, links between pages included (whitespace
    # aside: the navigation fragment is cached from whichever page renders first).
    config[CATALOG_KEY] = catalog
    build(config)
    spaced = re.compile(rb"\s+")
    undone = {p.relative_to(site): spaced.sub(b" ", p.read_bytes()) for p in site.rglob("*.html")}
    assert undone == {path: spaced.sub(b" ", html) for path, html in before.items()}

    # A change to anything else that shapes a page (here the theme overrides) renders every page again.
    monkeypatch.setattr(serve_reuse, "_setup_stamp", lambda config: ("a template changed",))
    build(config)
    assert not served.reusable("instrumenten/werkervaringsplaats.md")
