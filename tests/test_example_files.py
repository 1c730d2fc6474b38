"""Checker tests generated from tests/example-files/{positive,negative}/.

Each negative file lists the problems it must produce in `# expect: code@line`
comments; the checker must report exactly those, in that file, and no others.
Each file is checked in the context of the real catalogue (its sources,
places and instruments), the way a contributor's new record is.
"""

import re
from pathlib import Path

import pytest

from generator.catalog.check import check_catalog, display

EXAMPLES = Path(__file__).parent / "example-files"
POSITIVE = sorted((EXAMPLES / "positive").rglob("*.yaml"))
NEGATIVE = sorted((EXAMPLES / "negative").rglob("*.yaml"))
EXPECT = re.compile(r"^# expect: ([a-z0-9-]+)@(\d+)$", re.MULTILINE)


def expected(path: Path) -> list[tuple[str, int]]:
    return [(code, int(line)) for code, line in EXPECT.findall(path.read_text(encoding="utf-8"))]


def problems_in(paths: list[Path]):
    result = check_catalog(extra=paths)
    shown = {display(p) for p in paths}
    return [p for p in result.problems if p.file in shown]


def test_positive_examples_have_no_problems():
    assert POSITIVE, "no positive examples found"
    assert problems_in(POSITIVE) == []


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda p: p.stem)
def test_negative_example_gives_exactly_its_problems(path):
    cases = expected(path)
    assert cases, f"{path} has no '# expect:' lines"
    found = problems_in([path])
    assert sorted((p.code, p.line) for p in found) == sorted(cases)
    for problem in found:
        assert problem.file == display(path)
        assert problem.column and problem.column >= 1
        assert problem.message("nl") and problem.hint("nl")
        assert problem.message("en") and problem.hint("en")


def test_every_negative_example_is_unique_in_what_it_tests():
    signatures = [tuple(sorted(expected(p))) for p in NEGATIVE]
    assert len(signatures) == len(set(signatures))
