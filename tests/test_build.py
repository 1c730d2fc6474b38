"""The build as a whole (generator/build.py, background.py, site.py): a failure in a
forked step reported as itself, a user's mistake told from a bug by the exit code.

The builds use the two-practice catalogue of test_pages.py, so that they are fast.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import signal
import textwrap
from pathlib import Path

import pytest
from test_pages import montferland, venlo, write_catalog

from generator import build as build_module
from generator import cli, pagefind_order
from generator.background import ChildFailed, in_background, in_child
from generator.paths import ROOT
from generator.tables import TableShapeError


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
          - {ROOT / "generator" / "mkdocs_hook.py"}
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
    import generator.datapackage
    import generator.site

    monkeypatch.delenv("GENERATOR_DEBUG", raising=False)
    monkeypatch.setattr(generator.datapackage, "write_datapackages", lambda catalog, folder: None)
    monkeypatch.setattr(generator.site, "build_site", lambda *args: fail_with_table_shape_error())
    out = tmp_path / "public"
    assert run_build(monkeypatch, catalog_dir, out) == 3
    printed = capfd.readouterr().err
    assert "Interne fout in de generator: TableShapeError: metrics: the array x has no table" in printed
    assert "Traceback" not in printed
    assert not out.exists()


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
