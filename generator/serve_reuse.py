"""Under plain `mkdocs serve`, reuse the HTML of catalogue pages an edit did not change.

mkdocs serve renders every page again after each edit; with thousands of
generated pages that is most of the wait. A generated page whose text is the
same as in the previous build renders to the same HTML, as long as nothing
else that goes into a page changed: the templates, the hand-written pages
(the navigation) and mkdocs.yml. So the hook leaves such pages out of the
build and writes their previous HTML back when the build is done; any change
to those other files makes the next build render everything.
(`mkdocs serve --dirty` skips unchanged pages by itself and does not need this.)
"""

from __future__ import annotations

from pathlib import Path


class ServedPages:
    def __init__(self) -> None:
        self._rendered: dict[str, tuple[bytes, str]] = {}  # page path -> (fingerprint, HTML)
        self._setup: tuple | None = None
        self._reuse = False
        self._pending: dict[str, str] = {}  # output file -> HTML to write back after the build
        self._fingerprints: dict[str, bytes] = {}  # this build's pages

    def begin(self, config) -> None:
        """At the start of a build: may this build reuse the previous one's pages?"""
        setup = _setup_stamp(config)
        self._reuse, self._setup = setup == self._setup, setup
        self._pending, self._fingerprints = {}, {}

    def reuse(self, path: str, fingerprint: bytes, destination: str) -> bool:
        """True when the page need not be rendered: its previous HTML goes to destination."""
        self._fingerprints[path] = fingerprint
        previous = self._rendered.get(path)
        if self._reuse and previous is not None and previous[0] == fingerprint:
            self._pending[destination] = previous[1]
            return True
        return False

    def rendered(self, path: str, html: str) -> None:
        if path in self._fingerprints:
            self._rendered[path] = (self._fingerprints[path], html)

    def write_reused(self) -> None:
        for destination, html in self._pending.items():
            target = Path(destination)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(html.encode("utf-8", errors="xmlcharrefreplace"))  # as mkdocs writes pages
        self._pending = {}


def _setup_stamp(config) -> tuple:
    """Name, time and size of every file besides the catalogue that shapes a page."""
    folders = [Path(config.docs_dir)] + [Path(d) for d in [config.theme.custom_dir] if d]
    files = [Path(config.config_file_path)] + [p for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
