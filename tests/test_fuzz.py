"""No input crashes or stalls the checker: seeded mutants of the real practice records.

bench/mutants.py makes the mutants (byte flips, line edits, indentation, type
swaps, unicode tricks, huge numbers, YAML features, long adversarial strings,
deep nesting, formulas, impossible dates); `make fuzz` runs the long campaign
(bench/fuzz.py) with the same mutator. Here a few thousand run in process: each
batch puts one mutant of every practice file into a copy of the catalogue and
validates it as `python -m generator validate` does. The seeds are fixed, so a
failure names the seed that reproduces it.
"""

import dataclasses
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import mutants as M  # noqa: E402

from generator.catalog import load, record_rules, text_rules, yaml_fast, yaml_slow  # noqa: E402
from generator.catalog.entry import strings  # noqa: E402

BATCHES = 20  # times two mutants of each of the 31 practice files: 1,240 mutants (make fuzz runs 100,000)
FAST_PATH_BATCHES = 12  # the rapidyaml comparison is cheap: more mutants than the whole check
MAX_LONG = 20_000  # longest adversarial string here; the long campaign goes to 200,000


@pytest.fixture(scope="module")
def originals():
    return M.originals()


def _batch(number: int, originals) -> list[M.Mutant]:
    """Two mutants of every practice file, under distinct names so that they go in one
    catalogue (checking one catalogue costs about as much as 30 mutants)."""
    count = len(originals)
    first = [M.mutant(2 * number * count + i, originals, source=i, max_long=MAX_LONG) for i in range(count)]
    second = [M.mutant((2 * number + 1) * count + i, originals, source=i, max_long=MAX_LONG) for i in range(count)]
    return first + [dataclasses.replace(m, name="tweede-" + m.name) for m in second]


def _culprits(catalog: Path, batch: list[M.Mutant], originals) -> list[str]:
    """The mutants of a failing batch that fail alone, with what went wrong."""
    found = []
    for mutant in batch:
        for path in (catalog / "practices").glob("*.yaml"):
            path.unlink()
        for name, raw in originals:
            (catalog / "practices" / name).write_bytes(raw)
        outcome = M.check_batch(catalog, [mutant])
        if outcome.exit_code not in (0, 1) or outcome.unpositioned:
            found.append(f"{mutant.label()}: exit {outcome.exit_code}, "
                         f"unpositioned {[p.code for p in outcome.unpositioned]}\n{outcome.error}")
    return found or [f"batch of seeds {batch[0].seed}-{batch[-1].seed} fails only as a whole"]


def test_no_mutant_crashes_the_checker_and_every_problem_has_a_position(tmp_path, originals):
    catalog = M.copy_catalog(tmp_path)
    failures, problems = [], 0
    for number in range(BATCHES):
        batch = _batch(number, originals)
        outcome = M.check_batch(catalog, batch)
        problems += len(outcome.problems)
        if outcome.exit_code not in (0, 1) or outcome.unpositioned:
            failures += _culprits(catalog, batch, originals)
    assert failures == []
    assert problems > BATCHES * 10  # the mutants really are broken


def test_the_fast_path_reads_every_mutant_as_libyaml_does(originals):
    """Whatever rapidyaml is trusted with, libyaml (the authority) reads the same way;
    and the rules' prefilters on the raw text pass every file their rule would flag."""
    taken, differ, missed = 0, [], []
    for number in range(FAST_PATH_BATCHES):
        for mutant in _batch(number, originals):
            try:
                text = mutant.raw.decode("utf-8").removeprefix("\ufeff")
            except UnicodeDecodeError:
                continue  # refused before either parser sees it
            if load._first_unprintable(mutant.raw) is not None:
                continue
            fast = yaml_fast.fast_value(text)
            slow = yaml_slow.load_slow(text, mutant.name)
            if fast is not None:
                taken += 1
                if slow.data != fast:
                    differ.append((mutant.label(), [p.code for p in slow.problems]))
            if slow.data is not None and not _prefilters_hold(text, slow.data):
                missed.append(mutant.label())
    assert differ == []
    assert missed == []
    assert taken > 100  # the fast path was really tried


def _prefilters_hold(text: str, data: dict) -> bool:
    """The rules' cheap tests on the raw text never miss a value their rule would flag."""
    starts = any(value.startswith(text_rules.FORMULA_START) for _, value in strings(data, ()))
    late = any(text_rules._impossible_date(value) for _, value in strings(data, ()))
    contact = any(rule["regex"].search(value) for _, value in strings(data, ()) for rule in record_rules.TEXT_RULES)
    return (not starts or text_rules._may_start_like_a_formula(text)) and \
        (not late or "\\" in text or text_rules._LATE_DAY.search(text) is not None) and \
        (not contact or record_rules._suspect(text))


def test_mutants_are_reproducible(originals):
    assert M.mutant(12345, originals) == M.mutant(12345, originals)
    assert {M.mutant(seed, originals).kinds[0] for seed in range(300)} == set(M.MUTATIONS)
