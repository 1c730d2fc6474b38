"""Markers by folder: everything under tests/browser/ needs chromium."""

from pathlib import Path

BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_TESTS in Path(item.fspath).parents:
            item.add_marker("browser")
