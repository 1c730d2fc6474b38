"""Where the project's folders are, relative to the repository root."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schema"
CODELIST_DIR = SCHEMA_DIR / "codelists"
CATALOG_DIR = ROOT / "catalog"
