"""`python -m generator diff`: records and figures between two versions, in a temporary git repository."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from generator import cli
from generator.tools import diff
from generator.tools.git_catalog import GitError

PRACTICE = """\
# yaml-language-server: $schema=../../schema/practice.schema.json
id: {id}
title: {title}
summary: Een samenvatting die lang genoeg is voor de controle.
status: running
metrics:
{metrics}
costs:
  - amount: 1000
    currency: EUR
    basis: total
    stage: achieved
    covers: Begeleiding
    source: bron-a
    locator: p. 1
record:
  added: "2026-01-01"
  updated: "2026-01-01"
"""

METRIC = """\
  - indicator: {indicator}
    value: {value}
    unit: persons
    kind: outcome
    stage: achieved
    source: bron-a
    locator: p. 2
"""

SOURCES = """\
sources:
{items}
"""


def metric(indicator="persons-into-work", value=500) -> str:
    return METRIC.format(indicator=indicator, value=value)


def practice(ident, title="Een voorbeeld", metrics=(metric(),)) -> str:
    return PRACTICE.format(id=ident, title=json.dumps(title), metrics="".join(metrics).rstrip("\n"))


def sources(*ids) -> str:
    return SOURCES.format(items="\n".join(f"  - id: {i}\n    title: Bron {i}" for i in ids))


class Repo:
    """A throw-away git repository holding a catalogue."""

    def __init__(self, root):
        self.root = root
        self.env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
                    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
        self.git("init", "-q", "-b", "main")

    def git(self, *args):
        return subprocess.run(["git", *args], cwd=self.root, env=self.env, check=True, capture_output=True)

    def write(self, path, text):
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def remove(self, path):
        (self.root / path).unlink()

    def commit(self, tag):
        self.git("add", "-A")
        self.git("commit", "-q", "-m", tag)
        self.git("tag", tag)


@pytest.fixture
def repo(tmp_path):
    repo = Repo(tmp_path)
    repo.write("catalog/practices/blijft.yaml", practice("blijft"))
    repo.write("catalog/practices/gaat-weg.yaml", practice("gaat-weg", "Wordt ingetrokken"))
    repo.write("catalog/instruments/oud.yaml", "id: oud\nname: Oud instrument\n")
    repo.write("catalog/sources.yaml", sources("bron-a", "bron-b"))
    repo.write("README.md", "not part of the catalogue\n")
    repo.commit("v1")
    return repo


def test_added_changed_and_withdrawn_records_between_two_commits(repo):
    repo.write("catalog/practices/blijft.yaml", practice("blijft", "Een betere titel"))
    repo.remove("catalog/practices/gaat-weg.yaml")
    repo.write("catalog/practices/nieuw.yaml", practice("nieuw", metrics=(metric(), metric("participants", 6))))
    repo.write("catalog/instruments/nieuw-instrument.yaml", "id: nieuw-instrument\nname: Nieuw\n")
    repo.remove("catalog/instruments/oud.yaml")
    repo.write("catalog/sources.yaml", sources("bron-a", "bron-c"))
    repo.write("README.md", "changed, but not a record\n")
    repo.commit("v2")

    result = diff.diff_catalog(repo.root, "v1", "v2")

    assert [(c.kind, c.id) for c in result.added] == [
        ("practice", "nieuw"), ("instrument", "nieuw-instrument"), ("source", "bron-c")]
    assert result.added[0].counts == {"metrics": 2, "costs": 1}
    assert [(c.kind, c.id, c.title, c.fields) for c in result.changed] == [
        ("practice", "blijft", "Een betere titel", ("title",))]
    assert [(c.kind, c.id, c.title) for c in result.withdrawn] == [
        ("practice", "gaat-weg", "Wordt ingetrokken"), ("instrument", "oud", "Oud instrument"),
        ("source", "bron-b", "Bron bron-b")]
    assert result.unreadable == []


def test_a_source_in_a_file_of_its_own_is_added_and_one_moved_out_of_the_list_is_unchanged(repo):
    repo.write("catalog/sources/bron-c.yaml", "id: bron-c\ntitle: Bron bron-c\n")
    repo.write("catalog/sources/bron-b.yaml", "id: bron-b\ntitle: Bron bron-b\n")  # moved, not changed
    repo.write("catalog/sources.yaml", sources("bron-a"))
    repo.commit("v2")

    result = diff.diff_catalog(repo.root, "v1", "v2")

    assert [(c.kind, c.id, c.title) for c in result.added] == [("source", "bron-c", "Bron bron-c")]
    assert result.changed == [] and result.withdrawn == [] and result.unreadable == []


def test_figures_added_changed_and_removed_inside_a_practice(repo):
    repo.write("catalog/practices/blijft.yaml", practice("blijft", metrics=(metric(value=550), metric("participants"))))
    repo.commit("v2")
    repo.write("catalog/practices/blijft.yaml",
               practice("blijft", metrics=(metric("participants"),)).replace("amount: 1000", "amount: 1200"))
    repo.commit("v3")

    first = diff.diff_catalog(repo.root, "v1", "v2").changed[0]
    assert first.fields == ("metrics",)
    assert [(f.part, f.change, f.details) for f in first.figures] == [
        ("metrics", "added", ()), ("metrics", "changed", ("value: 500 → 550",))]
    assert first.figures[0].label == "participants: 500 persons"

    second = diff.diff_catalog(repo.root, "v2", "v3").changed[0]
    assert [(f.part, f.change, f.details) for f in second.figures] == [
        ("metrics", "removed", ()), ("costs", "changed", ("amount: 1000 → 1200",))]
    assert second.figures[0].label == "persons-into-work: 550 persons"


def test_reordered_figures_are_a_change_of_the_list_but_no_figure_changes(repo):
    repo.write("catalog/practices/blijft.yaml", practice("blijft", metrics=(metric(), metric("participants"))))
    repo.commit("v2")
    repo.write("catalog/practices/blijft.yaml", practice("blijft", metrics=(metric("participants"), metric())))
    change = diff.diff_catalog(repo.root, "v2").changed[0]
    assert (change.fields, change.figures) == (("metrics",), ())


def test_the_working_tree_is_compared_by_default_and_unreadable_files_are_named(repo):
    repo.write("catalog/practices/blijft.yaml", practice("blijft", "Nog niet vastgelegd"))
    repo.write("catalog/practices/kapot.yaml", "id: kapot\ntitle: [niet gesloten\n")
    result = diff.diff_catalog(repo.root, "v1")
    assert result.head == "working tree"
    assert [(c.id, c.title) for c in result.changed] == [("blijft", "Nog niet vastgelegd")]
    assert result.unreadable == ["catalog/practices/kapot.yaml (at working tree)"]
    assert "kapot" not in {c.id for c in result.added}


def test_no_changes(repo):
    result = diff.diff_catalog(repo.root, "v1")
    assert result.empty
    assert diff.text(result) == "No changes in the catalogue between v1 and working tree.\n"


def test_text_and_markdown_reports(repo):
    repo.write("catalog/practices/blijft.yaml", practice("blijft", "[klik](javascript:alert(1)) *nu*",
                                                         metrics=(metric(value=550),)))
    repo.write("catalog/practices/nieuw.yaml", practice("nieuw"))
    repo.remove("catalog/practices/gaat-weg.yaml")
    result = diff.diff_catalog(repo.root, "v1")

    assert diff.text(result) == """\
Changes in the catalogue between v1 and working tree:

Added (1)
  practice nieuw: Een voorbeeld
    with 1 figure and 1 cost item

Changed (1)
  practice blijft: [klik](javascript:alert(1)) *nu*
    fields: title, metrics
    figure changed: persons-into-work: 550 persons
      value: 500 → 550

Withdrawn (1)
  practice gaat-weg: Wordt ingetrokken
"""
    assert diff.markdown(result) == """\
Changes in the catalogue between `v1` and `working tree`.

### Added

- Practice `nieuw`: Een voorbeeld (with 1 figure and 1 cost item)

### Corrected

- Practice `blijft`: \\[klik\\](javascript:alert(1)) \\*nu\\*; fields: `title`, `metrics`
  - Figure changed: persons-into-work: 550 persons (value: 500 → 550)

### Withdrawn

- Practice `gaat-weg`: Wordt ingetrokken
"""


@pytest.mark.parametrize("ref", ["no-such-ref", "--output=/tmp/x", "v1:catalog"])
def test_a_bad_ref_is_a_git_error(repo, ref):
    with pytest.raises(GitError):
        diff.diff_catalog(repo.root, ref)


def test_command_on_this_repository(capsys):
    assert cli.main(["diff", "HEAD", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(("Changes in the catalogue between `HEAD`", "No changes in the catalogue between `HEAD`"))
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["diff", "no-such-ref"])
    assert exit_info.value.code == 2
    assert "no-such-ref" in capsys.readouterr().err
