"""The website: the mkdocs build, run in-process, and the Pagefind search index.

`build_site` hands the catalogue that build.py already checked to the mkdocs
hook (generator/mkdocs_hook.py) through the mkdocs config, so the hook does
not check it a second time. `index_site` runs Pagefind over the built HTML;
only pages marked `data-pagefind-body` (practices and instruments) are
indexed, with Dutch stemming ("werkgevers" finds "werkgever").
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from .model import Catalog

CATALOG_KEY = "catalogus_checked_catalog"  # the mkdocs config entry the hook reads
SEARCH_FOLDER = "pagefind"


def build_site(catalog: Catalog, site_dir: Path, config_file: Path) -> None:
    """mkdocs build into site_dir (which mkdocs empties first)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    _quiet_mkdocs()
    config = load_config(str(config_file), site_dir=str(site_dir))
    config[CATALOG_KEY] = catalog
    build(config)


def index_site(site_dir: Path) -> None:
    """Write the Pagefind index to site_dir/pagefind/."""
    asyncio.run(_index(Path(site_dir).resolve()))


async def _index(site_dir: Path) -> None:
    from pagefind.index import PagefindIndex

    # force_language: the pages say lang="nl"; forcing keeps one Dutch index whatever a page says.
    config = {"force_language": "nl", "output_path": str(site_dir / SEARCH_FOLDER)}
    async with PagefindIndex(config=config) as index:  # writes the files when the block ends
        await index.add_directory(str(site_dir))


def _quiet_mkdocs() -> None:
    """mkdocs logs INFO lines per build step; our CLI prints its own summary."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
