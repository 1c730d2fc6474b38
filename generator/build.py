"""The whole build: check, then site and data packages, then swap into place.

Everything is written into a fresh folder next to the output folder; only
when all of it succeeded is the old output replaced. A failed or killed
build therefore leaves the previous output exactly as it was.

The data packages do not depend on the website, so a forked child writes
them on the second core while another builds the pages; each writes its own
folder, joined at the end. The pages are built in a child too, so that the
memory mkdocs takes is free again when the search index is made.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from .background import in_background, in_child
from .check import Result, check_catalog
from .paths import CATALOG_DIR, ROOT, SCHEMA_DIR


def build(out: Path, catalog_dir: Path = CATALOG_DIR, schema_dir: Path = SCHEMA_DIR,
          config_file: Path = ROOT / "mkdocs.yml", site: bool = True) -> Result:
    """Build into `out`; returns the check result (nothing is written on errors)."""
    result = check_catalog(catalog_dir, schema_dir)
    if result.has_errors:
        return result
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    try:
        _swap(_write_outputs(result.catalog, staging, config_file, site), out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _write_outputs(catalog, staging: Path, config_file: Path, site: bool) -> Path:
    """Write everything under staging; returns the folder that becomes the output."""
    # Imported here so that `validate` never pays for mkdocs and frictionless.
    from .datapackage import write_datapackages

    data = staging / "data"
    if not site:
        write_datapackages(catalog, data)
        return staging
    from .site import build_site, index_site

    html = staging / "site"  # mkdocs empties its folder first: the data must not be in it yet
    wait_for_data = in_background(lambda: write_datapackages(catalog, data))
    try:
        in_child(lambda: build_site(catalog, html, config_file))
        index_site(html)
    except BaseException:  # the first failure (or Ctrl-C) is the one to report, not the data's
        with contextlib.suppress(BaseException):
            wait_for_data()
        raise
    wait_for_data()
    os.rename(data, html / "data")
    return html


def _swap(staging: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        os.rename(out, old / out.name)
    os.rename(staging, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
