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
from generator.website.mkdocs.catalogue_page import CataloguePage, adopt
from generator.website.mkdocs.catalogue_site import CatalogueSite, site_links


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
    site = CatalogueSite()  # a fresh state per test; the hook's functions read the module's `site`
    site.scratch = tmp_path / "scratch"
    monkeypatch.setattr(hook, "site", site)
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
    hook.site.command = "build"
    with pytest.raises(PluginError, match="fouten"):
        run_on_files(config)


def test_hook_shows_catalogue_errors_as_the_home_page_under_serve(mkdocs, monkeypatch, tmp_path):
    config, hook = mkdocs
    broken = dict(venlo(), status="<rennend>")
    write_catalog(tmp_path, [broken, montferland()])  # beside the mkdocs.yml the hook is given
    monkeypatch.setattr(config, "config_file_path", str(tmp_path / "mkdocs.yml"))
    hook.site.command = "serve"
    home = run_on_files(config).get_file_from_path("index.md")
    shown = Path(home.abs_src_path).read_text(encoding="utf-8")
    assert "# Fouten in de catalogus" in shown
    assert "venlo-werkt.yaml" in shown and "[unknown-code]" in shown
    assert "&lt;rennend&gt;" in shown and "<rennend>" not in shown


def test_hook_under_serve_rewrites_only_the_pages_an_edit_changes(mkdocs, catalog, monkeypatch):
    import os

    from generator.website.site import CATALOG_KEY

    config, hook = mkdocs
    hook.site.command = "serve"
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
    hook.site.command = "serve"
    hook.site.dirty = False
    hook.site.served = served
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


def test_addresses_come_from_the_dataset_and_the_branch_from_edit_uri(mkdocs, catalog):
    from generator.website.site import CATALOG_KEY

    config, hook = mkdocs
    config[CATALOG_KEY] = catalog
    hook.on_config(config)
    assert config.site_url == catalog.dataset["homepage"] and config.repo_url == catalog.dataset["repository"]
    config.edit_uri = "edit/ontwikkeling/site/docs/"
    links = site_links(config)
    assert (links.site_url, links.repo_url, links.branch) == (config.site_url, config.repo_url, "ontwikkeling")
    assert links.new_file_url("catalog/practices") == f"{config.repo_url.rstrip('/')}/new/ontwikkeling/catalog/practices"


def test_adopt_turns_only_plain_catalogue_pages_into_catalogue_pages(mkdocs, catalog):
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    config, _ = mkdocs
    files = Files([File(path, src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
                   for path in ("a.md", "b.md", "c.md")])
    for file in files:
        Page(None, file, config)  # mkdocs makes a Page for every file before on_nav
    other = type("OtherPage", (Page,), {})
    files.get_file_from_path("c.md").page.__class__ = other  # another plugin's page stays as it is
    assert adopt(files, {"a.md": ["<p>a</p>"], "c.md": [], "missing.md": []}) == 1
    page = files.get_file_from_path("a.md").page
    assert type(page) is CataloguePage and page.catalogus_blocks == ["<p>a</p>"]
    assert type(files.get_file_from_path("b.md").page) is Page
    assert type(files.get_file_from_path("c.md").page) is other



def test_catalogue_pages_read_their_front_matter_as_mkdocs_does():
    """CataloguePage reads the schema.org line as JSON: the same meta as mkdocs' own reader, on
    every generated page of the golden set (practice pages, home and downloads carry one)."""
    from mkdocs.utils import meta

    from generator.website.mkdocs.catalogue_page import front_matter

    pages = sorted((Path(__file__).parent / "golden" / "pages").rglob("*.md"))
    with_jsonld = 0
    for path in pages:
        source = path.read_text(encoding="utf-8")
        assert front_matter(source) == meta.get_data(source), path
        with_jsonld += "jsonld" in meta.get_data(source)[1]
    assert with_jsonld >= 3
