"""The built site served on 127.0.0.1 as its host serves it: text compressed with gzip.

GitHub Pages (where deploy.yml publishes the site) sends HTML, CSS, JavaScript,
JSON and SVG gzip-compressed to a browser that accepts it. The browser tests'
plain server (tests/browser/conftest.py) sends every file as it is, which would
make Lighthouse measure bytes a visitor never downloads. Pagefind's own files
are compressed already and are sent as they are.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser.conftest import SubFolderHandler, serve  # noqa: E402

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
                    "application/ld+json", "application/xml")


class CompressingHandler(SubFolderHandler):
    """SubFolderHandler that gzips text files when the browser accepts gzip."""

    def send_head(self):
        asked = self.path.split("?", 1)[0].split("#", 1)[0]
        path = self.translate_path(asked)
        if os.path.isdir(path) and asked.endswith("/"):
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path)
                or not kind.startswith(COMPRESSED_TYPES)):
            # Redirects, 404s, images and Pagefind's compressed files: as the plain server sends them.
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.end_headers()
        return _Body(body)


class _Body:
    """The file-like object send_head returns: do_GET copies it to the socket, then closes it."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextlib.contextmanager
def serve_compressed(folder: Path):
    """Like the browser tests' serve(), with gzip; yields the base URL (…/catalogus/)."""
    with serve(folder, CompressingHandler) as base:
        yield base
