"""The quote and copy check: figures as the source gives them, texts in the record's own words.

tests/sources/ holds the five public source texts, one per source id, so the
suite needs nothing outside the repository.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.paths import CATALOG_DIR
from generator.tools import quotes
from generator.tools.quotes import COPIED, MISSING, NO_TEXT, check_quotes, copied_runs, normalise, words

ROOT = Path(__file__).resolve().parent.parent
TEXTS = Path(__file__).resolve().parent / "sources"
VENLO = Path("practices") / "venlo-re-inspiratie.yaml"
# Twelve consecutive words of lokaal-bestuur-2014-het-werkt, which the Venlo record cites.
TWELVE = "Werk is de belangrijkste manier om mee te doen in de maatschappij."


@pytest.fixture
def catalog(tmp_path):
    """A copy of the real catalogue to change."""
    folder = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, folder)
    return folder


def _edit(catalog: Path, old: str, new: str) -> int:
    """Replace old by new in the Venlo record; the 1-based line where new starts."""
    path = catalog / VENLO
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def _codes(result, code):
    return [p for p in result.problems if p.code == code]


def test_the_whole_catalogue_quotes_its_sources_and_copies_nothing():
    result = check_quotes(TEXTS)
    assert [p.code for p in result.problems] == []
    assert result.quotes >= 100 and result.not_compared == 0
    assert result.count(MISSING) == 0 and result.count(COPIED) == 0
    assert result.texts > 500


def test_a_changed_as_given_is_found_at_its_line(catalog):
    line = _edit(catalog, '"landelijk met ruim 50 procent is gestegen"', '"met ruim 50 procent gestegen"')
    result = check_quotes(TEXTS, catalog)
    [problem] = result.problems
    assert problem.code == MISSING and problem.file.endswith(str(VENLO))
    assert (problem.line, problem.field) == (line, "metrics[0].comparison.as_given")
    assert "lokaal-bestuur-2014-het-werkt" in problem.message()
    assert result.has_errors


def test_quote_marks_dashes_whitespace_and_markup_do_not_count(catalog):
    _edit(catalog, "\"een case-load tot 250 'cliënten'\"", '"een **case–load**  tot 250 “cliënten”"')
    assert check_quotes(TEXTS, catalog).problems == []


def test_normalising_changes_nothing_else():
    assert normalise("een  case‑load\n tot 250 ‘cliënten’") == normalise('een case—load tot 250 "cliënten"')
    assert normalise("<em>26</em> procent") == "26 procent"
    assert normalise("26 Procent") != normalise("26 procent")  # case counts
    assert normalise("26,5") != normalise("26.5")               # and so does punctuation


def test_a_copied_sentence_of_twelve_words_is_found(catalog):
    line = _edit(catalog, "  ruimte te geven.", f"  ruimte te geven. Xyzzy {TWELVE} Plugh.")
    [problem] = check_quotes(TEXTS, catalog).problems
    assert problem.code == COPIED and problem.field == "description"
    assert problem.params["words"] == 12 and problem.params["run"].startswith("werk is de belangrijkste")
    assert problem.line == line  # the line of the run, not of the description's first line
    assert problem.column == line_column(catalog / VENLO, line, "Werk is")


def line_column(path: Path, line: int, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines()[line - 1].index(text) + 1


def test_eleven_words_are_not_copied(catalog):
    eleven = TWELVE.split(" ", 1)[1]
    _edit(catalog, "  ruimte te geven.", f"  ruimte te geven. Xyzzy {eleven} Plugh.")
    assert check_quotes(TEXTS, catalog).problems == []


def test_runs_are_maximal_and_linear_in_the_words():
    source = quotes.shingles(words("a b c d e f g h i j k l m n"))
    tokens = words("x a b c d e f g h i j k l m y a b c d e f g h i j k l")
    assert copied_runs(tokens, source) == [(1, 13), (15, 12)]
    assert copied_runs(words("a b c d e f g h i j k"), source) == []


def test_a_source_without_text_is_one_warning_and_no_failure(tmp_path):
    texts = tmp_path / "texts"
    shutil.copytree(TEXTS, texts)
    (texts / "gluren-bij-de-buren-sociale-netwerkeconomie.txt").unlink()
    result = check_quotes(texts)
    [problem] = result.problems
    assert problem.code == NO_TEXT and problem.severity == "warning"
    assert problem.file.endswith("sources.yaml") and problem.params["id"] == "gluren-bij-de-buren-sociale-netwerkeconomie"
    assert not result.has_errors and result.not_compared > 0


NEW_SOURCE = """\
# yaml-language-server: $schema=../../schema/source-file.schema.json
id: venlo-2024-nieuwe-bron
title: Een bron die net is toegevoegd
publisher: Gemeente Venlo
date: "2024-05"
type: web-page
language: nl
"""


def test_a_new_source_in_its_own_file_without_text_is_one_warning_and_its_figures_are_not_compared(catalog):
    """A contributor adds a source in catalog/sources/ and cites it; nobody has stored its text yet."""
    (catalog / "sources").mkdir()
    (catalog / "sources" / "venlo-2024-nieuwe-bron.yaml").write_text(NEW_SOURCE, encoding="utf-8")
    before = check_quotes(TEXTS, catalog)
    _edit(catalog, "    source: lokaal-bestuur-2014-het-werkt\n    locator: \"Het werkt! 7: Venlo, laatste alinea\"",
          "    source: venlo-2024-nieuwe-bron\n    locator: \"Het werkt! 7: Venlo, laatste alinea\"")
    result = check_quotes(TEXTS, catalog)
    [problem] = result.problems
    assert problem.code == NO_TEXT and problem.severity == "warning" and not result.has_errors
    assert problem.file.endswith(os.path.join("sources", "venlo-2024-nieuwe-bron.yaml"))
    assert (problem.line, problem.field) == (2, "id")
    assert "venlo-2024-nieuwe-bron.txt" in problem.message() + problem.hint()
    assert result.not_compared >= 1 and result.quotes == before.quotes - result.not_compared


def test_the_command_reports_its_figures_and_exit_codes(catalog):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "generator", "quotes", "--texts", str(TEXTS)]
    good = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "niet gevonden: 0" in good.stdout and "overgenomen stukken: 0" in good.stdout
    _edit(catalog, '"landelijk met ruim 50 procent is gestegen"', '"met ruim 50 procent gestegen"')
    bad = subprocess.run(command, cwd=catalog.parent, env=env, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "[quote-not-in-source]" in bad.stdout and "venlo-re-inspiratie.yaml" in bad.stdout
    missing = subprocess.run([*command[:-1], str(catalog / "nowhere")], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2
