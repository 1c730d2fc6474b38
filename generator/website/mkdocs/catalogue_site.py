"""What the mkdocs hook does, held in one object per mkdocs process.

`on_files` adds every page of `pages.pages(catalog)` and
`extra_pages.pages(catalog)` as generated files that stay out of the
navigation. Under `python -m generator build`, site.build_site passes the
catalogue it already checked; under `mkdocs serve` or `mkdocs build` the
catalogue beside mkdocs.yml is checked here. With errors, `mkdocs build`
stops with the report, while `mkdocs serve` shows the report as its home
page and rebuilds when the record is fixed. Under `mkdocs serve` the
generated files are also written to a scratch folder, each only when its
text changed, so `mkdocs serve --dirty` rebuilds just the pages that a record
edit touches; plain `mkdocs serve` reuses the HTML of the unchanged ones
(serve_reuse.py).

The site's and repository's addresses come from catalog/dataset.yaml
(homepage, repository), the one place they are set; mkdocs.yml's
`edit_uri` names the branch records are edited on.
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

from generator.catalog import report
from generator.catalog.check import check_catalog
from generator.catalog.load import load_dataset
from generator.paths import CATALOG, SCHEMA_DIR
from generator.website import extra_pages, html_blocks, pages, scroll_regions
from generator.website.page_parts import SiteLinks
from generator.website.site import CATALOG_KEY, RELEASES_KEY

from . import catalogue_page, serve_reuse

log = logging.getLogger("mkdocs.hooks.catalogus")


class CatalogueSite:
    def __init__(self) -> None:
        self.command, self.dirty = "build", False
        self.served = serve_reuse.ServedPages()  # plain `mkdocs serve`: the previous build's pages
        self.blocks: dict[str, list[str]] = {}   # page path -> its raw HTML, kept out of the Markdown parser
        self.scratch: Path | None = None         # mkdocs serve: where generated files are written
        self.written: dict[str, bytes] = {}      # path -> fingerprint of what was last written there

    @property
    def reusing(self) -> bool:
        return self.command == "serve" and not self.dirty

    def start(self, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def stop(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def configure(self, config) -> None:
        """Fill the site and repository address from the dataset description."""
        dataset = _dataset(config)
        config.site_url = config.site_url or dataset.get("homepage")
        config.repo_url = config.repo_url or dataset.get("repository")

    def add_pages(self, files: Files, config) -> Files:
        catalog = config.get(CATALOG_KEY)
        if catalog is None:  # mkdocs serve/build by hand: the catalogue beside mkdocs.yml
            result = check_catalog(_catalog_dir(config), SCHEMA_DIR)
            if result.has_errors:
                return self._show_problems(files, config, result)
            catalog = result.catalog
        links = site_links(config)
        self.blocks.clear()
        generated = {}
        for path, content in pages.pages(catalog, links).items():
            generated[path], self.blocks[path] = html_blocks.extract(content)
        generated.update(extra_pages.pages(catalog, links, config.get(RELEASES_KEY) or []))
        fingerprints = {}
        for path, content in sorted(generated.items()):
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"{path} is generated; remove the hand-written file site/docs/{path}.")
            fingerprint = _fingerprint(content, self.blocks.get(path, ())) if self.command == "serve" else None
            files.append(self._file(config, path, content, fingerprint))
            fingerprints[path] = fingerprint
        if self.reusing:
            self.served.begin(config, fingerprints)
        return files

    def adopt_pages(self, files) -> None:
        catalogue_page.adopt(files, self.blocks)

    def page_content(self, html_text: str, page) -> str:
        if self.reusing and self.served.reusable(page.file.src_uri):
            page.meta["template"] = serve_reuse.TEMPLATE  # prints the page's previous HTML
        return scroll_regions.wrap_tables(html_text)

    def post_page(self, output: str, page) -> str:
        if self.reusing:
            self.served.rendered(page.file.src_uri, output)
        return output

    def environment(self, env):
        # site/overrides/main.html keeps the navigation it renders for out-of-nav pages here
        env.globals["catalogus_fragments"] = {}
        env.globals["catalogus_reused"] = self.served.previous
        # mkdocs makes a new environment for every build, so templates cannot change within one;
        # without this, Jinja checks each template file's time at every include (~35 a page).
        env.auto_reload = False
        return env

    def _file(self, config, path: str, content: str, fingerprint: bytes | None = None) -> File:
        """The page as a file in memory; under `mkdocs serve` (with its fingerprint) a scratch file."""
        if fingerprint is None:
            return File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        if self.scratch is None:
            self.scratch = Path(tempfile.mkdtemp(prefix="catalogus-serve-"))
        source = self.scratch / path
        # An unchanged page keeps its file time, and `mkdocs serve --dirty` skips it.
        if self.written.get(path) != fingerprint:
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_text(content, encoding="utf-8")
            self.written[path] = fingerprint
        return File.generated(config, path, abs_src_path=str(source), inclusion=InclusionLevel.NOT_IN_NAV)

    def _show_problems(self, files: Files, config, result) -> Files:
        shown = report.text(result.problems, len(result.files), "nl")
        log.error("De catalogus heeft fouten:\n%s", shown)
        if self.command != "serve":
            raise PluginError("De catalogus heeft fouten; zie hierboven. Er is niets gebouwd.")
        page = ("---\ntitle: Fouten in de catalogus\n---\n\n# Fouten in de catalogus\n\n"
                "Herstel deze fouten; de pagina's komen terug zodra de catalogus klopt.\n\n"
                f'<pre class="pv-problems">{html.escape(shown)}</pre>\n')
        if files.get_file_from_path("index.md") is None:
            files.append(self._file(config, "index.md", page, _fingerprint(page)))
        return files


def site_links(config) -> SiteLinks:
    """The addresses the pages link to; edit_uri is "edit/<branch>/site/docs/", and records
    are edited on the same branch."""
    parts = (config.edit_uri or "").split("/")
    branch = parts[1] if len(parts) > 1 and parts[0] == "edit" and parts[1] else "main"
    return SiteLinks(site_url=config.site_url or "", repo_url=config.repo_url or "", branch=branch)


def _catalog_dir(config) -> Path:
    return Path(config.config_file_path).parent / CATALOG


def _dataset(config) -> dict:
    catalog = config.get(CATALOG_KEY)
    if catalog is not None and catalog.dataset is not None:
        return dict(catalog.dataset)
    return load_dataset(_catalog_dir(config))


def _fingerprint(content: str, blocks=()) -> bytes:
    # The page's HTML blocks are not in its Markdown, so they count too.
    return hashlib.sha1("\0".join((content, *blocks)).encode("utf-8")).digest()
