"""The build as a whole (generator/build.py, background.py, site.py, pagefind_order.py):
a failure in a forked step reported as itself, a user's mistake told from a bug by the
exit code; one build at a time per output folder, the leftovers of killed builds
removed; a killed build leaves the previous output; two builds give identical trees.

The builds use the two-practice catalogue of test_pages.py, so that they are fast.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import gzip
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from random import Random

import pytest
from test_pages import montferland, venlo, write_catalog

from generator import build as build_module
from generator import cli
from generator.background import ChildFailed, in_background, in_child
from generator.catalog.check import check_catalog
from generator.opendata.tables import TableShapeError
from generator.paths import ROOT
from generator.website import pagefind_order
from generator.website.site import SiteError


@pytest.fixture(scope="module")
def catalog_dir(tmp_path_factory) -> Path:
    return write_catalog(tmp_path_factory.mktemp("mini"), [venlo(), montferland()])


def run_build(monkeypatch, catalog_dir: Path, out: Path, *options: str, **build_args) -> int:
    """`python -m generator build`, in this process, on the given catalogue (and mkdocs config)."""
    monkeypatch.setattr(build_module, "build",
                        functools.partial(build_module.build, catalog_dir=catalog_dir, **build_args))
    return cli.main(["build", "--out", str(out), *options])


# ---------------------------------------------------------------- a forked step's failure, as itself


def fail_with_table_shape_error() -> None:
    raise TableShapeError("metrics: the array x has no table in TABLE_DEFS")


class NeedsTwoArguments(Exception):
    """Pickles, but cannot be rebuilt from its args: __init__ wants two, args holds one."""

    def __init__(self, what: str, where: str) -> None:
        super().__init__(f"{what} in {where}")


def test_a_childs_exception_reaches_the_parent_as_itself_with_the_childs_traceback():
    wait = in_background(fail_with_table_shape_error)
    with pytest.raises(TableShapeError, match="the array x has no table") as raised:
        wait()
    assert "fail_with_table_shape_error" in "\n".join(raised.value.__notes__)


def test_an_exception_that_cannot_be_rebuilt_arrives_as_its_type_and_message():
    def fail() -> None:
        raise NeedsTwoArguments("a loose end", "the tables")

    with pytest.raises(ChildFailed, match="^NeedsTwoArguments: a loose end in the tables"):
        in_child(fail)


def test_a_child_that_dies_without_a_word_is_reported():
    with pytest.raises(ChildFailed, match="without a report"):
        in_child(lambda: os.kill(os.getpid(), signal.SIGKILL))


def test_ctrl_c_in_a_child_is_ctrl_c_in_the_parent():
    def interrupted() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        in_child(interrupted)


# ---------------------------------------------------------------- exit codes: the user's mistake or a bug


def mkdocs_config(folder: Path, theme: str = "material", page: str | None = None) -> Path:
    """A small mkdocs.yml with the project's hook and theme, its docs folder holding one page."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / "over.md").write_text("# Over\n", encoding="utf-8")
    if page:
        (docs / page).write_text("# Met de hand geschreven\n", encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        site_name: Test
        docs_dir: {docs}
        theme:
          name: {theme}
          language: nl
          custom_dir: {ROOT / "site" / "overrides"}
        hooks:
          - {ROOT / "generator" / "website" / "mkdocs" / "hook.py"}
        """), encoding="utf-8")
    return config


def test_hand_written_page_in_place_of_a_generated_one_exits_1_and_says_so_once(
        catalog_dir, tmp_path, monkeypatch, capfd):
    out = tmp_path / "public"
    config = mkdocs_config(tmp_path / "config", page="downloads.md")
    assert run_build(monkeypatch, catalog_dir, out, config_file=config) == 1
    printed = capfd.readouterr()
    hint = "downloads.md is generated; remove the hand-written file site/docs/downloads.md."
    assert (printed.out + printed.err).count(hint) == 1
    assert "De website is niet gebouwd" in printed.err
    assert "Interne fout" not in printed.err and "Traceback" not in printed.err
    assert not out.exists()


def test_mkdocs_configuration_error_exits_1_with_mkdocs_message(catalog_dir, tmp_path, monkeypatch, capfd):
    config = mkdocs_config(tmp_path / "config", theme="geen-thema")
    assert run_build(monkeypatch, catalog_dir, tmp_path / "public", config_file=config) == 1
    printed = capfd.readouterr().err
    assert printed.count("Unrecognised theme name: 'geen-thema'") == 1
    assert "Interne fout" not in printed


def test_bug_in_a_forked_step_exits_3_with_its_type_and_message(catalog_dir, tmp_path, monkeypatch, capfd):
    import generator.opendata.datapackage
    import generator.website.site

    monkeypatch.delenv("GENERATOR_DEBUG", raising=False)
    monkeypatch.setattr(generator.opendata.datapackage, "write_datapackages", lambda catalog, folder: None)
    monkeypatch.setattr(generator.website.site, "build_site", lambda *args: fail_with_table_shape_error())
    out = tmp_path / "public"
    assert run_build(monkeypatch, catalog_dir, out) == 3
    printed = capfd.readouterr().err
    assert "Interne fout in de generator: TableShapeError: metrics: the array x has no table" in printed
    assert "Traceback" not in printed
    assert not out.exists()


# ---------------------------------------------------------------- one build at a time, and the leftovers of killed ones


def leftovers(out: Path) -> list[str]:
    return sorted(path.name for path in out.parent.iterdir() if path.name.startswith(f".{out.name}-"))


def hold_lock(out: Path) -> int:
    """Take the build lock of `out` as another build would; close the descriptor to let go."""
    lock = os.open(out.parent / f".{out.name}.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)
    return lock


def test_a_second_build_into_the_same_folder_waits_and_leaves_the_first_ones_folder_alone(
        catalog_dir, tmp_path, monkeypatch, capsys):
    out = tmp_path / "public"
    lock = hold_lock(out)
    running = tmp_path / ".public-building-abcd1234"  # the staging folder of the build holding the lock
    (running / "data").mkdir(parents=True)
    seen_while_waiting = []

    def first_build_ends() -> None:
        time.sleep(0.3)
        seen_while_waiting.append(running.exists())
        os.close(lock)

    threading.Thread(target=first_build_ends).start()
    assert run_build(monkeypatch, catalog_dir, out, "--data-only") == 0
    assert seen_while_waiting == [True]
    assert "Er loopt al een build naar" in capsys.readouterr().err
    assert (out / "data" / "datapackage.json").exists() and leftovers(out) == []


def test_a_lock_left_by_a_killed_process_does_not_block(catalog_dir, tmp_path):
    out = tmp_path / "public"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time; lock = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT); "
         "fcntl.flock(lock, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)",
         str(tmp_path / ".public.lock")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "locked\n"
    holder.kill()
    holder.wait()

    def never() -> None:
        raise AssertionError("the build waited for a lock nobody holds")

    assert not build_module.build(out, catalog_dir=catalog_dir, site=False, on_wait=never).has_errors


def test_leftovers_of_killed_builds_are_removed_and_nothing_else(catalog_dir, tmp_path):
    out = tmp_path / "public"
    theirs = [".public-building-abcd1234", ".public-old-x_yz9876"]
    spared = [".public2-building-abcd1234", ".public-building-abcd1234-mine", "public-building-abcd1234",
              ".public-building-x-building-abcd1234"]
    for name in theirs + spared:
        (tmp_path / name / "site").mkdir(parents=True)
    assert not build_module.build(out, catalog_dir=catalog_dir, site=False).has_errors
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([".public.lock", "public", *spared])


def test_the_output_folder_has_the_permissions_of_any_new_folder_not_a_private_temporary_one(
        catalog_dir, tmp_path):
    out = tmp_path / "public"
    assert not build_module.build(out, catalog_dir=catalog_dir, site=False).has_errors
    (tmp_path / "plain").mkdir()
    assert out.stat().st_mode == (tmp_path / "plain").stat().st_mode


def test_without_an_atomic_exchange_the_swap_takes_two_steps_and_a_kill_between_them_is_undone(
        catalog_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(build_module, "_exchange", lambda first, second: False)
    out = tmp_path / "public"
    for _ in range(2):  # the second build swaps with an output in place
        assert not build_module.build(out, catalog_dir=catalog_dir, site=False).has_errors
    assert leftovers(out) == [] and (out / "data" / "datapackage.json").exists()
    good = tree(out)
    # A build killed between the two renames left the good output here, and no `out`:
    halfway = tmp_path / ".public-old-abcd1234"
    halfway.mkdir()
    os.rename(out, halfway / "public")
    # The next build puts it back first, so a failing build leaves it as it was.
    config = mkdocs_config(tmp_path / "config", theme="geen-thema")
    with pytest.raises(SiteError):
        build_module.build(out, catalog_dir=catalog_dir, config_file=config)
    assert tree(out) == good and leftovers(out) == []


# ---------------------------------------------------------------- byte-identical builds


def tree(folder: Path) -> dict[str, str]:
    """Every file under folder, by relative path, with the SHA-256 of its bytes."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def new_catalog_dir(tmp_path_factory) -> Path:
    return write_catalog(tmp_path_factory.mktemp("new"), [dict(venlo(), title="Venlo: tweede versie"), montferland()])


@pytest.fixture(scope="module")
def site_out(new_catalog_dir, tmp_path_factory) -> Path:
    """One build with the website."""
    out = tmp_path_factory.mktemp("site") / "public"
    assert not build_module.build(out, catalog_dir=new_catalog_dir).has_errors
    return out


@pytest.fixture(scope="module")
def site_tree(site_out) -> dict[str, str]:
    return tree(site_out)


def test_two_builds_give_identical_trees_search_index_included(new_catalog_dir, site_tree, tmp_path):
    out = tmp_path / "elsewhere"
    assert not build_module.build(out, catalog_dir=new_catalog_dir).has_errors
    again = tree(out)
    assert sorted(again) == sorted(site_tree)
    assert [path for path in again if again[path] != site_tree[path]] == []
    assert any(path.startswith("pagefind/filter/") for path in again)


def test_pages_are_dated_by_the_catalogue_not_by_the_clock(site_out, new_catalog_dir):
    # A build on another day gives the same files: the sitemap's dates are the catalogue's
    # newest record change (or its release, when newer), never the day of the build.
    result = check_catalog(new_catalog_dir)
    newest = max(result.catalog.last_update, result.catalog.dataset["released"])
    dates = set(re.findall(r"<lastmod>([0-9-]+)</lastmod>", (site_out / "sitemap.xml").read_text(encoding="utf-8")))
    assert dates == {newest} and "SOURCE_DATE_EPOCH" not in os.environ


def filters(index: Path) -> dict[str, dict[str, list[int]]]:
    """Every filter of a Pagefind index: value -> page numbers, whatever order the files hold."""
    entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = pagefind_order._read(index / f"pagefind.{entry['languages']['nl']['hash']}.pf_meta")
    found = {}
    for name, filter_hash in meta[pagefind_order.META_FILTERS]:
        _, values = pagefind_order._read(index / "filter" / f"{filter_hash}.pf_filter")
        found[name] = dict(values)
    return found


def test_the_index_put_in_order_holds_what_pagefind_wrote_and_the_order_is_stable(site_out, tmp_path):
    from pagefind.service import get_executable

    raw = tmp_path / "raw"
    subprocess.run([str(get_executable()), "--site", str(site_out), "--output-path", str(raw),
                    "--force-language", "nl", "--silent"], check=True, stdout=subprocess.DEVNULL)
    written = filters(raw)
    assert sum(len(values) > 1 for values in written.values()) >= 4  # orders that could differ
    ordered = tmp_path / "ordered"
    shutil.copytree(raw, ordered)
    pagefind_order.put_in_order(ordered)
    assert filters(ordered) == written
    once = tree(ordered)
    pagefind_order.put_in_order(ordered)
    assert tree(ordered) == once
    assert once == {path: digest for path, digest in tree(site_out / "pagefind").items() if path != "shards.json"}


def test_an_index_in_a_format_it_does_not_know_is_refused_not_damaged(site_out, tmp_path):
    index = tmp_path / "pagefind"
    shutil.copytree(site_out / "pagefind", index)
    some_filter = sorted((index / "filter").iterdir())[0]
    some_filter.write_bytes(gzip.compress(pagefind_order.SIGNATURE + b"\xa1\x01\x02"))  # a CBOR map
    before = tree(index)
    with pytest.raises(pagefind_order.UnknownIndexFormat, match=some_filter.name):
        pagefind_order.put_in_order(index)
    assert tree(index) == before


# ---------------------------------------------------------------- killed at random moments


KILLED_BUILD = """
import os, signal, sys, time
from pathlib import Path
import generator.build as build_module
import generator.opendata.datapackage, generator.website.site  # imported first: the kills fall inside the build

out, catalog, site, kill_at = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "site", sys.argv[4]

def killed(before, after):
    def wrapper(*args):
        if before:
            os.killpg(0, signal.SIGKILL)
        done = original(*args)
        if after:
            os.killpg(0, signal.SIGKILL)
        return done
    return wrapper

if kill_at in ("before-swap", "after-exchange"):
    name = "_swap" if kill_at == "before-swap" else "_exchange"
    original = getattr(build_module, name)
    setattr(build_module, name, killed(kill_at == "before-swap", kill_at == "after-exchange"))
print("go", flush=True)
build_module.build(out, catalog_dir=catalog, site=site)
"""

# (phase, build with the site, the file that shows the phase has begun, the longest wait after it)
KILL_MOMENTS = [
    ("check", False, None, 0.05),
    ("data", False, "output/data/practices", 0.02),
    ("swap", False, "before-swap", 0),
    ("swap", False, "after-exchange", 0),
    ("site", True, "site", 0.4),
    ("index", True, ".search-shard-*", 0.1),
]


def kill_during(out: Path, catalog_dir: Path, site: bool, marker: str | None, wait: float) -> None:
    """Start a build in its own process group and SIGKILL the group at the moment given."""
    kill_at = marker if marker in ("before-swap", "after-exchange") else ""
    process = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(out), str(catalog_dir),
                                "site" if site else "data", kill_at],
                               cwd=ROOT, stdout=subprocess.PIPE, text=True, start_new_session=True)
    assert process.stdout.readline() == "go\n"
    if kill_at:  # the build kills itself there
        assert process.wait(timeout=60) == -signal.SIGKILL
    else:
        deadline = time.monotonic() + 60
        while marker and process.poll() is None and time.monotonic() < deadline \
                and not list(out.parent.glob(f".{out.name}-building-*/{marker}")):
            time.sleep(0.002)
        time.sleep(wait)
        with contextlib.suppress(ProcessLookupError):  # it may have ended by itself
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    process.stdout.close()


def test_a_killed_build_leaves_the_previous_output_and_at_most_its_own_staging_folder(
        catalog_dir, new_catalog_dir, site_tree, tmp_path):
    """Kill builds of a changed catalogue in every phase, after a seeded random wait; each
    time the output is the previous build or, if the kill came after the swap, the new one."""
    out = tmp_path / "site" / "public"
    assert not build_module.build(out, catalog_dir=catalog_dir, site=False).has_errors
    previous = tree(out)
    kept = tmp_path / "previous"
    shutil.copytree(out, kept)
    assert not build_module.build(tmp_path / "new", catalog_dir=new_catalog_dir, site=False).has_errors
    new = {False: tree(tmp_path / "new"), True: site_tree}
    random = Random(10)
    outcomes = []
    for phase, site, marker, longest in KILL_MOMENTS:
        kill_during(out, new_catalog_dir, site, marker, random.uniform(0, longest))
        now = tree(out)
        assert now in (previous, new[site]), f"killed in {phase}: the output is neither the old nor the new build"
        assert len(leftovers(out)) <= 1, leftovers(out)
        outcomes.append((phase, "old" if now == previous else "new"))
        if now != previous:  # back to the old output, so that the next kill tests the same change
            shutil.rmtree(out)
            shutil.copytree(kept, out)
    assert ("swap", "old") in outcomes and ("swap", "new") in outcomes, outcomes
    assert not build_module.build(out, catalog_dir=new_catalog_dir, site=False).has_errors
    assert tree(out) == new[False] and leftovers(out) == []
    assert sorted(path.name for path in out.parent.iterdir()) == [".public.lock", "public"]


def test_the_minifier_runs_outside_this_process(tmp_path):
    """tdewolff's minify is Go, whose runtime does not survive fork(): loaded into a process
    that later forks a build step, it hung that step (a test that built a site directly, then
    one through build(), never returned)."""
    import sys

    from generator.website.minify import minify_assets

    (tmp_path / "assets").mkdir()
    script = tmp_path / "assets" / "a.js"
    script.write_text("// a comment\nexport function twice(value) {\n  return value * 2;\n}\n", encoding="utf-8")
    minify_assets(tmp_path)
    assert script.read_text(encoding="utf-8") == "export function twice(e){return e*2}"
    assert "minify" not in sys.modules
