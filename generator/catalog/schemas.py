"""The published JSON Schemas, bundled for validation.

The files in schema/ refer to each other by relative file name, which
standard tools (check-jsonschema, VS Code's YAML extension) resolve next to
the file. For our own validators we bundle each root schema into one
document, so the fast (jsonschema-rs) and the detailed (jsonschema)
validators see exactly the same thing without a network or a registry.
"""

from __future__ import annotations

import copy
import json
from functools import cached_property
from pathlib import Path

import jsonschema
import jsonschema_rs

ROOTS = {
    "practice": "practice.schema.json",
    "instrument": "instrument.schema.json",
    "sources": "sources-file.schema.json",
    "places": "places-file.schema.json",
    "dataset": "dataset.schema.json",
}


def read_schemas(folder: Path) -> dict[str, dict]:
    return {path.name: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(folder.glob("*.schema.json"))}


def bundle(schemas: dict[str, dict], root: str) -> dict:
    """One self-contained schema: other files go under $defs by file name."""
    result = _rewrite(copy.deepcopy(schemas[root]), root, root)
    embedded = result.setdefault("$defs", {})
    for name, schema in schemas.items():
        if name != root:
            part = _rewrite(copy.deepcopy(schema), name, root)
            part.pop("$schema", None)
            embedded[name] = part
    return result


def _rewrite(node, owner: str, root: str):
    """Turn file refs (relative to `owner`) into pointers into the bundle."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            file, _, pointer = ref.partition("#")
            file = file or owner
            node["$ref"] = ("#" if file == root else f"#/$defs/{file}") + pointer
        for value in node.values():
            _rewrite(value, owner, root)
    elif isinstance(node, list):
        for value in node:
            _rewrite(value, owner, root)
    return node


def _unique_items(validator, unique, instance, schema):
    """uniqueItems in one pass: jsonschema compares items that cannot be
    sorted (mappings, mixed types) pair by pair, which took hours on a list
    of 100,000 distinct mappings."""
    if unique and validator.is_type(instance, "array"):
        seen = set()
        for item in instance:
            key = _equality_key(item)
            if key in seen:
                yield jsonschema.ValidationError(f"{instance!r} has non-unique elements")
                return
            seen.add(key)


def _equality_key(value):
    """Equal keys for JSON-equal values: 1 == 1.0, but true != 1; key order does not count."""
    if isinstance(value, dict):
        return ("object", frozenset((key, _equality_key(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("array", tuple(_equality_key(item) for item in value))
    if isinstance(value, bool) or value is None:
        return ("constant", value)
    return (type(value) is str, value)  # 1 and 1.0 are equal and hash the same


_Detailed = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"uniqueItems": _unique_items})


class Validators:
    """Fast and detailed validators for one kind of file."""

    def __init__(self, schemas: dict[str, dict], root: str):
        self.schema = bundle(schemas, root)
        self.fast = jsonschema_rs.validator_for(self.schema)

    @cached_property
    def detailed(self):
        return _Detailed(self.schema)

    def is_valid(self, instance) -> bool:
        return self.fast.is_valid(instance)

    def errors(self, instance):
        return self.detailed.iter_errors(instance)


def validators(folder: Path) -> dict[str, Validators]:
    schemas = read_schemas(folder)
    return {kind: Validators(schemas, name) for kind, name in ROOTS.items()}
