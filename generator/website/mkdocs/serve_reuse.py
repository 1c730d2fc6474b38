"""Under plain `mkdocs serve`, reuse the HTML of generated pages an edit did not change.

mkdocs serve renders every page again after each edit; with thousands of
generated pages, rendering Material's template for each was most of the wait.
A generated page whose text is the same as in the previous build renders to
the same HTML, as long as nothing else that goes into a page changed: the
templates, the hand-written pages and mkdocs.yml (any change to those makes
the next build render everything). Such a page stays in the build, so links
to it still resolve, but the hook gives it the template TEMPLATE, which
prints its previous HTML instead of rendering Material's. Pages named in the
`nav` of mkdocs.yml are always rendered: the navigation of every page is
built from them. (`mkdocs serve --dirty` skips unchanged pages by itself.)
"""

from __future__ import annotations

from pathlib import Path

TEMPLATE = "catalogus-reused.html"  # in site/overrides: {{ catalogus_reused[page.file.src_uri] }}


class ServedPages:
    def __init__(self) -> None:
        self.previous: dict[str, str] = {}  # page path -> its HTML in the previous build
        self._fingerprints: dict[str, bytes] = {}  # page path -> fingerprint of its text, previous build
        self._setup: tuple | None = None
        self._reusable: set[str] = set()
        self._current: dict[str, bytes] = {}

    def begin(self, config, fingerprints: dict[str, bytes]) -> None:
        """At the start of a build, with the fingerprint of every generated page's text."""
        setup = _setup_stamp(config)
        same_setup, self._setup = setup == self._setup, setup
        in_nav = set(_nav_pages(config.nav or []))
        self._reusable = {path for path, fingerprint in fingerprints.items()
                          if same_setup and path not in in_nav and path in self.previous
                          and self._fingerprints.get(path) == fingerprint}
        self._current = fingerprints

    def reusable(self, path: str) -> bool:
        return path in self._reusable

    def rendered(self, path: str, html: str) -> None:
        """After a page is written: keep its HTML for the next build."""
        if path in self._current:
            self.previous[path] = html
            self._fingerprints[path] = self._current[path]


def _nav_pages(nav):
    """Every page path in mkdocs.yml's nav (a nested list of strings and {title: item})."""
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else [nav]
    for item in items:
        if isinstance(item, str):
            yield item
        else:
            yield from _nav_pages(item)


def _setup_stamp(config) -> tuple:
    """Name, time and size of every file besides the catalogue that shapes a page."""
    folders = [Path(config.docs_dir)] + [Path(d) for d in [config.theme.custom_dir] if d]
    files = [Path(config.config_file_path)] + [p for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
