"""Where the tool's own files are, and where a user's catalogue is.

The tool reads more than its code: the JSON Schemas and codelists, mkdocs.yml
with the site's pages and theme overrides, and the changelog, citation and
contributing guide it publishes. In a checkout they are the repository's
files; an installed wheel carries copies of them, laid out the same way,
under generator/project/ (pyproject.toml, `force-include`). ROOT is
whichever of the two this copy of the package has.

The catalogue itself is the user's: `project_dir` finds the folder that holds
it, as git finds its repository, from the current folder upwards.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _tool_root() -> Path:
    shipped = resources.files(__package__) / "project"
    if shipped.is_dir():  # an installed wheel
        return Path(str(shipped))
    return Path(__file__).resolve().parent.parent  # a checkout: the repository


ROOT = _tool_root()
SCHEMA_DIR = ROOT / "schema"
CODELIST_DIR = SCHEMA_DIR / "codelists"
MKDOCS_CONFIG = ROOT / "mkdocs.yml"
CATALOG = "catalog"  # the catalogue's folder name inside a project
OUTPUT = "public"    # where `build` writes, inside a project


def project_dir(start: Path | None = None) -> Path:
    """The nearest folder, from start (the current folder) upwards, that holds a catalog/
    folder; start itself when none does (commands then say the catalogue is missing)."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / CATALOG).is_dir():
            return folder
    return start


CATALOG_DIR = ROOT / CATALOG  # the repository's catalogue (tests and benchmarks use it)
