"""The site's own scripts and styles, minified in the built site.

The repository keeps site/docs/assets/*.js and *.css readable, with their
comments; mkdocs copies them to assets/ in the built site, and `minify_assets`
rewrites those copies minified (tdewolff's minify: a real JavaScript parser,
so ES modules, `import.meta` and template literals come through, and local
names are shortened). Material's own bundle (assets/javascripts/, already
minified) and Pagefind's files are left alone. The output depends on the input
alone, so the same sources give byte-identical files.

Only a built site is minified: `mkdocs serve` (a live preview for editors)
serves the sources as they are.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ASSETS = "assets"  # the folder of site/docs/assets in the built site
MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}


def minify_assets(site_dir: Path) -> None:
    """Minify, in place, the scripts and style sheets directly in site_dir/assets.

    In a process of its own: tdewolff's minify is Go, and a Go runtime does not survive
    fork(). Loaded here, it would hang the next build step this process forks (the
    build forks its steps; a test or a library user may build twice in one process)."""
    subprocess.run([sys.executable, "-m", __name__, str(site_dir)], check=True)


def _minify_in_place(site_dir: Path) -> None:
    import minify  # tdewolff-minify

    for path in sorted((Path(site_dir) / ASSETS).iterdir()):
        media_type = MEDIA_TYPES.get(path.suffix)
        if media_type and path.is_file():
            source = path.read_text(encoding="utf-8")
            path.write_text(minify.string(media_type, source), encoding="utf-8")


if __name__ == "__main__":
    _minify_in_place(Path(sys.argv[1]))
