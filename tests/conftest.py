"""Markers by folder, and the repository's catalogue checked once per session."""

from pathlib import Path

import pytest

from generator.catalog.check import check_catalog

BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_TESTS in Path(item.fspath).parents:
            item.add_marker("browser")


@pytest.fixture(scope="session")
def real_check():
    """The result of checking the repository's own catalogue (catalog/, schema/)."""
    return check_catalog()


@pytest.fixture(scope="session")
def real_catalog(real_check):
    errors = [p.as_dict("en") for p in real_check.problems if p.severity == "error"]
    assert not errors, errors[:5]
    return real_check.catalog


@pytest.fixture(scope="session")
def catalog(real_catalog):
    """The repository's catalogue. Modules that test pages on a small catalogue of
    their own (test_pages.py, test_build.py) define a `catalog` fixture that wins."""
    return real_catalog
