"""The website: the mkdocs build, run in-process, and the Pagefind search index.

`build_site` hands the catalogue that build.py already checked to the mkdocs
hook (generator/website/mkdocs/hook.py) through the mkdocs config, so the hook does
not check it a second time. `index_site` runs Pagefind over the built HTML;
only pages marked `data-pagefind-body` (practices and instruments) are
indexed, with Dutch stemming ("werkgevers" finds "werkgever").

Pagefind keeps a whole index in memory while it builds it, about 200 KB a
page, and takes more than linear time: 10,000 practice pages took 2 GiB and
35 s in one index. So a large site gets one index per SHARD_PAGES pages,
two built at a time: pagefind/ holds the first (and Pagefind's scripts),
pagefind-2/, pagefind-3/... the others, and pagefind/shards.json lists
those, for the search page to merge (Pagefind's `mergeIndex`: results and
filter counts across all of them). Pagefind writes its filters in a random
order; pagefind_order.put_in_order sorts them, so two builds are identical.

mkdocs's own exceptions mean a mistake the user can fix (an error in
mkdocs.yml, a hand-written page that a generated page would overwrite, a
warning under `strict`); `build_site` turns them into `SiteError`, the one
exception the CLI reports as such. Anything else is a bug.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import math
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.catalog.model import Catalog

from .minify import minify_assets
from .pagefind_order import put_in_order

CATALOG_KEY = "catalogus_checked_catalog"  # the mkdocs config entries the hook reads
RELEASES_KEY = "catalogus_releases"
SEARCH_FOLDER = "pagefind"
SHARD_MANIFEST = "shards.json"  # in SEARCH_FOLDER: the other indexes, relative to it
SHARD_PAGES = 2500
PARALLEL_SHARDS = 2
SEARCHABLE = b"data-pagefind-body"
HOOK_FILE = Path(__file__).parent / "mkdocs" / "hook.py"


class SiteError(Exception):
    """mkdocs refused to build the site for a reason the user can fix; the message says which."""


def build_site(catalog: Catalog, site_dir: Path, config_file: Path, releases: list | None = None) -> None:
    """mkdocs build into site_dir (which mkdocs empties first), the site's own scripts and styles
    minified; releases (the earlier versions' generator.opendata.versions.Version) are listed
    on the downloads page."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _mkdocs_log() as log:
        try:
            # The hook by its own path, wherever the package is installed (mkdocs.yml names it
            # relative to the repository, for `mkdocs serve`); nothing to watch in a one-off build.
            config = load_config(str(config_file), site_dir=str(site_dir),
                                 hooks=[str(HOOK_FILE)], watch=[])
            config[CATALOG_KEY] = catalog
            config[RELEASES_KEY] = list(releases or ())
            with _build_date(catalog):
                build(config)
            minify_assets(site_dir)
        except MkDocsException as error:  # Abort included, though it is a SystemExit
            raise SiteError("\n".join(log.take()) or str(error)) from error


@contextlib.contextmanager
def _build_date(catalog: Catalog):
    """mkdocs dates the pages (sitemap.xml's lastmod) with the build date unless
    SOURCE_DATE_EPOCH is set: the catalogue's own date keeps the same catalogue
    giving the same files on any day. That date is its newest record change, or
    the release date when it is newer."""
    dates = [date for date in (catalog.last_update, (catalog.dataset or {}).get("released")) if date]
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    if dates:
        day = dt.datetime.strptime(max(dates), "%Y-%m-%d").replace(tzinfo=dt.timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(day.timestamp()))
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


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
        # close_fds=False: Pagefind holds the build's lock too (build.py); Python makes every other
        # descriptor but stdin, stdout and stderr non-inheritable.
        subprocess.run([str(get_executable()), "--site", tree, "--output-path", str(site_dir / folder),
                        "--force-language", "nl", "--quiet"], check=True, stdout=subprocess.DEVNULL,
                       close_fds=False)
    put_in_order(site_dir / folder)


class _HeldErrors(logging.Handler):
    """Keeps mkdocs's error lines: they become the SiteError's message, so they are shown once."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def take(self) -> list[str]:
        taken, self.messages = self.messages, []
        return taken


@contextlib.contextmanager
def _mkdocs_log():
    """mkdocs's warnings on stderr as they come, its errors held; no INFO lines (the CLI
    prints its own summary). Errors not taken for a SiteError are printed at the end."""
    logger = logging.getLogger("mkdocs")
    held, shown = _HeldErrors(), logging.StreamHandler(sys.stderr)
    shown.addFilter(lambda record: record.levelno < logging.ERROR)
    saved = logger.level, logger.propagate
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.addHandler(held)
    logger.addHandler(shown)
    try:
        yield held
    finally:
        for handler in (held, shown):
            logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        for message in held.take():
            print(message, file=sys.stderr)
