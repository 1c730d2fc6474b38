"""mkdocs hook: a thin adapter that adds the generated pages in memory.

`on_files` adds every page of `pages.pages(catalog)` and
`extra_pages.pages(catalog)` as generated files that stay out of the
navigation. The catalogue pages are headings between final HTML blocks, so
they skip the Markdown parser altogether (`_CataloguePage`, html_blocks).

Under `python -m generator build`, site.build_site passes the catalogue it
already checked; under `mkdocs serve` or `mkdocs build` the hook checks the
catalogue itself. With errors, `mkdocs build` stops with the report, while
`mkdocs serve` shows the report as its home page and rebuilds when the record
is fixed. Under `mkdocs serve` the generated files are also written to a
scratch folder, each only when its text changed, so `mkdocs serve --dirty`
rebuilds just the pages that a record edit touches; plain `mkdocs serve`
reuses the HTML of the unchanged ones (generator/website/mkdocs/serve_reuse.py).
"""

from __future__ import annotations

import hashlib
import html
import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

# mkdocs loads this file by its path, as a module outside the package: only
# absolute imports work here.
from generator.catalog import report
from generator.catalog.check import check_catalog
from generator.paths import CATALOG, SCHEMA_DIR
from generator.website import extra_pages, html_blocks, pages
from generator.website.mkdocs import serve_reuse
from generator.website.page_parts import SiteLinks
from generator.website.site import CATALOG_KEY

log = logging.getLogger("mkdocs.hooks.catalogus")
_command = "build"
_dirty = False
_served = serve_reuse.ServedPages()      # plain `mkdocs serve`: the previous build's pages
_html_blocks: dict[str, list[str]] = {}  # page path -> its raw HTML, kept out of the Markdown parser
_serve_dir: Path | None = None           # mkdocs serve: where generated files are written
_serve_written: dict[str, bytes] = {}    # path -> fingerprint of what was last written there


def on_startup(command: str, dirty: bool) -> None:
    global _command, _dirty
    _command, _dirty = command, dirty


def on_shutdown() -> None:
    if _serve_dir is not None:
        shutil.rmtree(_serve_dir, ignore_errors=True)


def on_files(files: Files, config) -> Files:
    catalog = config.get(CATALOG_KEY)
    if catalog is None:
        # mkdocs serve/build by hand: the catalogue beside mkdocs.yml
        result = check_catalog(Path(config.config_file_path).parent / CATALOG, SCHEMA_DIR)
        if result.has_errors:
            return _show_problems(files, config, result)
        catalog = result.catalog
    _html_blocks.clear()
    generated = {}
    for path, content in pages.pages(catalog, _site_links(config)).items():
        generated[path], _html_blocks[path] = html_blocks.extract(content)
    generated.update(extra_pages.pages(catalog))
    fingerprints = {}
    for path, content in sorted(generated.items()):
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"{path} is generated; remove the hand-written file site/docs/{path}.")
        fingerprint = _fingerprint(content, _html_blocks.get(path, ())) if _command == "serve" else None
        files.append(_generated_file(config, path, content, fingerprint))
        fingerprints[path] = fingerprint
    if _reusing():
        _served.begin(config, fingerprints)
    return files


def on_page_content(html: str, page, config, files) -> str:
    if _reusing() and _served.reusable(page.file.src_uri):
        page.meta["template"] = serve_reuse.TEMPLATE  # prints the page's previous HTML
    return html


def on_post_page(output: str, page, config) -> str:
    if _reusing():
        _served.rendered(page.file.src_uri, output)
    return output


def _reusing() -> bool:
    return _command == "serve" and not _dirty


def on_nav(nav, config, files):
    # mkdocs has made a Page for every file by now (nav pages with their nav titles);
    # the catalogue pages become _CataloguePage, which renders them without Markdown.
    for path in _html_blocks:
        file = files.get_file_from_path(path)
        if file is not None and type(file.page) is Page:
            file.page.__class__ = _CataloguePage
    return nav


class _CataloguePage(Page):
    """A catalogue page: its HTML is final already, so no Markdown pass (a third of the build)."""

    def render(self, config, files) -> None:
        blocks = _html_blocks.get(self.file.src_uri, [])
        rendered = html_blocks.render(self.markdown or "", blocks)
        if rendered is None:  # some Markdown in it after all: the usual way, then the HTML back in
            super().render(config, files)
            self.content = html_blocks.restore(self.content, blocks)
            return
        self.content, toc_tokens, self.present_anchor_ids = rendered
        self.toc = get_toc(toc_tokens)


def on_env(env, config, files):
    # site/overrides/main.html keeps the navigation it renders for out-of-nav pages here
    env.globals["catalogus_fragments"] = {}
    env.globals["catalogus_reused"] = _served.previous
    # mkdocs makes a new environment for every build, so templates cannot change within one;
    # without this, Jinja checks each template file's time at every include (~35 a page).
    env.auto_reload = False
    return env


def _generated_file(config, path: str, content: str, fingerprint: bytes | None = None) -> File:
    """The page as a file in memory; under `mkdocs serve` (with its fingerprint) a scratch file."""
    if fingerprint is None:
        return File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    global _serve_dir
    if _serve_dir is None:
        _serve_dir = Path(tempfile.mkdtemp(prefix="catalogus-serve-"))
    source = _serve_dir / path
    # An unchanged page keeps its file time, and `mkdocs serve --dirty` skips it.
    if _serve_written.get(path) != fingerprint:
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(content, encoding="utf-8")
        _serve_written[path] = fingerprint
    return File.generated(config, path, abs_src_path=str(source), inclusion=InclusionLevel.NOT_IN_NAV)


def _fingerprint(content: str, blocks=()) -> bytes:
    # The page's HTML blocks are not in its Markdown, so they count too.
    return hashlib.sha1("\0".join((content, *blocks)).encode("utf-8")).digest()


def _site_links(config) -> SiteLinks:
    # edit_uri is "edit/<branch>/site/docs/": records are edited on the same branch
    parts = (config.edit_uri or "").split("/")
    branch = parts[1] if len(parts) > 1 and parts[0] == "edit" else SiteLinks.branch
    return SiteLinks(site_url=config.site_url or SiteLinks.site_url,
                     repo_url=config.repo_url or SiteLinks.repo_url, branch=branch)


def _show_problems(files: Files, config, result) -> Files:
    shown = report.text(result.problems, len(result.files), "nl")
    log.error("De catalogus heeft fouten:\n%s", shown)
    if _command != "serve":
        raise PluginError("De catalogus heeft fouten; zie hierboven. Er is niets gebouwd.")
    page = ("---\ntitle: Fouten in de catalogus\n---\n\n# Fouten in de catalogus\n\n"
            "Herstel deze fouten; de pagina's komen terug zodra de catalogus klopt.\n\n"
            f'<pre class="pv-problems">{html.escape(shown)}</pre>\n')
    if files.get_file_from_path("index.md") is None:
        files.append(_generated_file(config, "index.md", page, _fingerprint(page)))
    return files
