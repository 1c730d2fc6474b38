"""The folder tree shows the data flow: catalog -> opendata -> website, tools
and the command line on top. A lower layer never imports a higher one, so
each can be read, tested and replaced without the ones above it.
"""

from __future__ import annotations

import ast
from pathlib import Path

from generator.catalog.kinds import KINDS
from generator.catalog.schemas import Schema
from generator.paths import SCHEMA_DIR

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
# Lowest first. paths and background serve every layer; cli and build drive them all.
LAYERS = ("base", "catalog", "opendata", "website", "tools", "top")
TOP_MODULES = {"paths": "base", "background": "base", "cli": "top", "build": "top", "__main__": "top",
               "__init__": "base"}


def _layer(module: str) -> str:
    """'generator.website.pages' -> 'website'."""
    parts = module.split(".")
    if len(parts) == 1:
        return "base"
    return parts[1] if parts[1] in LAYERS else TOP_MODULES[parts[1]]


def _imports(path: Path) -> set[str]:
    """The generator modules a file imports, absolute (relative imports resolved)."""
    own = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = own.rsplit(".", 1)[0] if path.name != "__init__.py" else own
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base.startswith("generator"):
                found |= {f"{base}.{alias.name}" if base.count(".") == 0 else base for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("generator")}
    return found


def test_no_layer_imports_a_higher_one():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for target in _imports(path):
            if LAYERS.index(_layer(target)) > LAYERS.index(_layer(own)):
                wrong.append(f"{own} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_the_layer_test_sees_imports():
    # Guard against a test that passes because it finds nothing.
    assert "generator.catalog.schemas" in _imports(PACKAGE / "opendata" / "tables.py")
    assert "generator.catalog.load" in _imports(PACKAGE / "catalog" / "check.py")
    assert _layer("generator.website.mkdocs.hook") == "website"


def test_every_reference_is_declared_in_the_schema_and_names_a_kind():
    schema = Schema.read(SCHEMA_DIR)
    for kind, references in schema.references.items():
        for reference in references:
            assert reference.kind in KINDS, (kind, reference)
    # The fields that refer to records: adding one to the schema is all it takes.
    practice = {ref.column: ref.kind for ref in schema.references["practice"]}
    assert practice["places"] == "place" and practice["related"] == "practice"
    assert practice["metrics_comparison_source"] == "source"
