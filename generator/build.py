"""The whole build: check, then site and data packages, then swap into place.

Everything is written into a fresh staging folder next to the output folder;
only when all of it succeeded does it take the output's place, in one step.
A failed or killed build therefore leaves the previous output exactly as it
was.

A build holds a lock file beside the output (`.<out>.lock`) from before it
makes its staging folder until that folder is gone: a second build into the
same folder waits for the first, and a build may remove every staging folder
it finds, because none of them can belong to a running build. They are what
killed builds left. The lock goes to every process the build starts (forked
children and Pagefind), so a child that outlives a killed build still keeps
its folder from being removed under it. The kernel lets go of the lock when
the last of them ends, however it ends.

The data packages do not depend on the website, so a forked child writes
them on the second core while another builds the pages; each writes its own
folder, joined at the end. The pages are built in a child too, so that the
memory mkdocs takes is free again when the search index is made.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import gc
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable

from generator.background import in_background, in_child
from generator.catalog.check import Result, check_catalog
from generator.paths import CATALOG_DIR, MKDOCS_CONFIG, SCHEMA_DIR

try:
    import fcntl
except ImportError:  # not on Windows: builds are then neither locked nor cleaned up after
    fcntl = None


def build(out: Path, catalog_dir: Path = CATALOG_DIR, schema_dir: Path = SCHEMA_DIR,
          config_file: Path = MKDOCS_CONFIG, site: bool = True,
          on_wait: Callable[[], None] | None = None, releases: Path | None = None) -> Result:
    """Build into `out`; returns the check result (nothing is written on errors).

    on_wait is called once if another build into `out` is running and this one waits for it.
    releases: a folder of earlier releases' zips (generator/opendata/versions.py), published
    as they are at data/<version>/ and listed on the downloads page; ReleaseError if one
    does not fit (then nothing is written either).
    """
    result = check_catalog(catalog_dir, schema_dir)
    if result.has_errors:
        return result
    published = _releases(result.catalog, releases)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with _locked(out, on_wait):
        _remove_leftovers(out)
        staging = Path(tempfile.mkdtemp(prefix=_leftover_prefix(out, "building"), dir=out.parent))
        try:
            _swap(_write_outputs(result.catalog, staging, config_file, site, published), out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return result


def _releases(catalog, folder: Path | None) -> list:
    from generator.opendata.descriptor import dataset_metadata
    from generator.opendata.versions import current_version, read_releases

    if folder is None:
        return []
    return read_releases(folder, current_version(dataset_metadata(catalog)).zip_name)


def _write_outputs(catalog, staging: Path, config_file: Path, site: bool, releases: list) -> Path:
    """Write everything under staging; returns the folder that becomes the output."""
    if not site:
        output = staging / "output"  # made by mkdir, not mkdtemp: readable by others, as the site is
        write_data(catalog, output / "data", releases)
        return output
    from generator.website.site import build_site, index_site

    data = staging / "data"
    html = staging / "site"  # mkdocs empties its folder first: the data must not be in it yet
    with _frozen():
        wait_for_data = in_background(lambda: write_data(catalog, data, releases))
        try:
            in_child(lambda: build_site(catalog, html, config_file, [version for version, _ in releases]))
            index_site(html)
        except BaseException:  # the first failure (or Ctrl-C) is the one to report, not the data's
            with contextlib.suppress(BaseException):
                wait_for_data()
            raise
        wait_for_data()
    os.rename(data, html / "data")
    return html


@contextlib.contextmanager
def _frozen():
    """The catalogue lives until the build ends. Frozen, the garbage collector skips its
    millions of objects in every full pass, here and in the forked steps, where walking them
    would also copy the memory pages they share with this process. Unfrozen afterwards, so a
    process that builds again can still collect them."""
    gc.collect()  # what is garbage already is not kept for good
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def write_data(catalog, data: Path, releases: list = ()) -> None:
    """The data package, then the whole catalogue as a spreadsheet made from its tables,
    then every version's package at data/<version>/."""
    from generator.opendata.datapackage import write_datapackages
    from generator.opendata.descriptor import dataset_metadata
    from generator.opendata.versions import current_version, write_versions
    from generator.website.workbook import write_workbook

    write_datapackages(catalog, data)
    write_workbook(catalog, data)
    write_versions(data, current_version(dataset_metadata(catalog)), list(releases))


# ---------------------------------------------------------------- one build at a time, and its leftovers


@contextlib.contextmanager
def _locked(out: Path, on_wait: Callable[[], None] | None):
    if fcntl is None:
        yield
        return
    lock = os.open(out.parent / f".{out.name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        os.set_inheritable(lock, True)  # Pagefind, started with close_fds=False, holds it too
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield
    finally:
        os.close(lock)  # the lock goes with the last copy of this descriptor


def _leftover_prefix(out: Path, kind: str) -> str:
    return f".{out.name}-{kind}-"


def _remove_leftovers(out: Path) -> None:
    """Remove what killed builds left beside `out`; only under the lock (see above)."""
    if fcntl is None:
        return
    # mkdtemp adds 8 characters from [a-z0-9_]; the exact pattern spares the folders of
    # another output whose name begins the same (`public-building-x`).
    leftover = re.compile(rf"\.{re.escape(out.name)}-(building|old)-[a-z0-9_]{{8}}")
    for path in out.parent.iterdir():
        if leftover.fullmatch(path.name):
            _restore_output(path, out)
            shutil.rmtree(path, ignore_errors=True)


def _restore_output(leftover: Path, out: Path) -> None:
    """A build killed between the two renames of _swap_in_two_steps left the output here."""
    previous = leftover / out.name
    if leftover.name.startswith(_leftover_prefix(out, "old")) and not out.exists() and previous.is_dir():
        os.rename(previous, out)


# ---------------------------------------------------------------- the swap


def _swap(staging: Path, out: Path) -> None:
    """Put staging in out's place; what was in `out` ends in `staging`, to be removed."""
    if not out.exists():
        os.rename(staging, out)
    elif not _exchange(staging, out):
        _swap_in_two_steps(staging, out)


_RENAME_EXCHANGE = 2  # from <linux/fs.h>
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # glibc 2.28 and later
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # a file system or kernel without it
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _swap_in_two_steps(staging: Path, out: Path) -> None:
    """Without an exchange, `out` is briefly missing; a build killed just then leaves the
    previous output in `.<out>-old-*/`, where the next build finds it (_remove_leftovers)."""
    old = Path(tempfile.mkdtemp(prefix=_leftover_prefix(out, "old"), dir=out.parent))
    os.rename(out, old / out.name)
    os.rename(staging, out)
    shutil.rmtree(old, ignore_errors=True)
