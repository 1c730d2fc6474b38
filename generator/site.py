"""The website: the mkdocs build, run in-process, and the Pagefind search index.

`build_site` hands the catalogue that build.py already checked to the mkdocs
hook (generator/mkdocs_hook.py) through the mkdocs config, so the hook does
not check it a second time. `index_site` runs Pagefind over the built HTML;
only pages marked `data-pagefind-body` (practices and instruments) are
indexed, with Dutch stemming ("werkgevers" finds "werkgever").

Pagefind keeps a whole index in memory while it builds it, about 200 KB a
page, and takes more than linear time: 10,000 practice pages took 2 GiB and
35 s in one index. So a large site gets one index per SHARD_PAGES pages,
two built at a time: pagefind/ holds the first (and Pagefind's scripts),
pagefind-2/, pagefind-3/... the others, and pagefind/shards.json lists
those, for the search page to merge (Pagefind's `mergeIndex`: results and
filter counts across all of them).
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .model import Catalog

CATALOG_KEY = "catalogus_checked_catalog"  # the mkdocs config entry the hook reads
SEARCH_FOLDER = "pagefind"
SHARD_MANIFEST = "shards.json"  # in SEARCH_FOLDER: the other indexes, relative to it
SHARD_PAGES = 2500
PARALLEL_SHARDS = 2
SEARCHABLE = b"data-pagefind-body"
HOOK_FILE = Path(__file__).with_name("mkdocs_hook.py")


def build_site(catalog: Catalog, site_dir: Path, config_file: Path) -> None:
    """mkdocs build into site_dir (which mkdocs empties first)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    _quiet_mkdocs()
    # The hook by its own path, wherever the package is installed (mkdocs.yml names it
    # relative to the repository, for `mkdocs serve`); nothing to watch in a one-off build.
    config = load_config(str(config_file), site_dir=str(site_dir),
                         hooks=[str(HOOK_FILE)], watch=[])
    config[CATALOG_KEY] = catalog
    build(config)


def index_site(site_dir: Path, shard_pages: int | None = None) -> None:
    """Write the Pagefind index (or indexes, see above) into site_dir."""
    site_dir = Path(site_dir).resolve()
    pages = sorted(path for path in site_dir.rglob("*.html") if SEARCHABLE in path.read_bytes())
    count = max(1, math.ceil(len(pages) / (shard_pages or SHARD_PAGES)))
    folders = [SEARCH_FOLDER] + [f"{SEARCH_FOLDER}-{number}" for number in range(2, count + 1)]
    with ThreadPoolExecutor(max_workers=PARALLEL_SHARDS) as pool:  # threads that wait for Pagefind
        shards = [pool.submit(_index_shard, site_dir, pages[number::count], folder)
                  for number, folder in enumerate(folders)]
        for shard in shards:
            shard.result()
    others = [f"../{folder}/" for folder in folders[1:]]
    (site_dir / SEARCH_FOLDER / SHARD_MANIFEST).write_text(json.dumps(others) + "\n", encoding="utf-8")


def _index_shard(site_dir: Path, pages: list[Path], folder: str) -> None:
    """Pagefind indexes a folder: the shard is a tree of hard links to its share of the pages."""
    from pagefind.service import get_executable

    with tempfile.TemporaryDirectory(prefix=".search-shard-", dir=site_dir.parent) as tree:
        for page in pages:
            link = Path(tree) / page.relative_to(site_dir)
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(page, link)
            except OSError:  # a file system without hard links
                shutil.copyfile(page, link)
        # force-language: the pages say lang="nl"; forcing keeps one Dutch index whatever a page says.
        subprocess.run([str(get_executable()), "--site", tree, "--output-path", str(site_dir / folder),
                        "--force-language", "nl", "--quiet"], check=True, stdout=subprocess.DEVNULL)


def _quiet_mkdocs() -> None:
    """mkdocs logs INFO lines per build step; our CLI prints its own summary."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
