"""The published JSON Schemas and codelists, read once into a Schema.

A Schema holds the schema files of one folder with their codelists, and
derives from them once what the rest of the tool needs: validators for
each kind of file, the references between records (`x-reference`), and the
data paths of dates.

The files in schema/ refer to each other by relative file name, which
standard tools (check-jsonschema, VS Code's YAML extension) resolve against
each file's "$id", its published address. For our own validators we bundle each root schema into one
document, so the fast (jsonschema-rs) and the detailed (jsonschema)
validators see exactly the same thing without a network or a registry.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Iterator, Mapping

import jsonschema
import jsonschema_rs

from .codelists import read_codelists
from .kinds import FILE_SCHEMAS, RECORDS

DATE = "common.schema.json#/$defs/date"
PARTIAL_DATE = "common.schema.json#/$defs/partial_date"
ANY_ITEM = "*"  # in a data path pattern: every item of a list


@dataclass(frozen=True, order=True)
class Reference:
    """A field that names a record of another kind (`x-reference` in the schema)."""
    path: tuple  # data path pattern inside the record; ANY_ITEM for list items
    kind: str    # the record kind it names

    @property
    def column(self) -> str:
        """Its column name in the tables: the path without list steps, joined with '_'."""
        return "_".join(step for step in self.path if step != ANY_ITEM)


@dataclass(frozen=True)
class Node:
    """A schema node with its $refs resolved, and where it came from."""
    schema: dict
    file: str
    ref: str | None  # "common.schema.json#/$defs/date" when reached through a $ref


class Schema:
    """The schema files and codelists of one folder, read once.

    Built by the check and carried on the Catalog, so that every output is
    made from the schema the catalogue was checked against. Derived facts are
    computed on first use and kept on the object (not in a module cache), so
    a schema edit under `mkdocs serve` reaches everything with the next check.
    """

    def __init__(self, folder: Path, files: Mapping[str, dict], codelists: Mapping[str, list[dict]]):
        self.folder = folder
        self.files = MappingProxyType(dict(files))
        self.codelists = MappingProxyType(dict(codelists))
        self._derived: dict = {}

    @classmethod
    def read(cls, folder: Path) -> "Schema":
        """Raises CodelistError for a malformed codelist."""
        return cls(folder, read_schemas(folder), read_codelists(folder / "codelists"))

    def derived(self, make):
        """make(self), computed once per Schema: for facts that other layers derive (tables)."""
        if make not in self._derived:
            self._derived[make] = make(self)
        return self._derived[make]

    def resolve(self, node: dict, file: str) -> Node:
        ref_seen = None
        while "$ref" in node:
            target_file, _, pointer = node["$ref"].partition("#")
            target_file = target_file or file
            target = self.files[target_file]
            for step in [s for s in pointer.split("/") if s]:
                target = target[step.replace("~1", "/").replace("~0", "~")]
            ref_seen = f"{target_file}#{pointer}"
            # Keywords beside the $ref (descriptions, x-reference) win over the target's.
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
            file = target_file
        return Node(node, file, ref_seen)

    def walk(self, file: str) -> Iterator[tuple[tuple, Node]]:
        """(data path pattern, node) for every node a file's data can reach."""
        stack = [((), self.resolve(self.files[file], file))]
        while stack:
            path, node = stack.pop()
            yield path, node
            if len(path) > 20:  # the schemas have no cycles; 20 is a guard
                continue
            for name, child in node.schema.get("properties", {}).items():
                stack.append((path + (name,), self.resolve(child, node.file)))
            if isinstance(node.schema.get("items"), dict):
                stack.append((path + (ANY_ITEM,), self.resolve(node.schema["items"], node.file)))

    @cached_property
    def validators(self) -> dict[str, "Validators"]:
        """Per file kind (a record kind or "dataset")."""
        return {kind: Validators(self.files, name) for kind, name in FILE_SCHEMAS.items()}

    @cached_property
    def references(self) -> dict[str, tuple[Reference, ...]]:
        """Per record kind, every field that names another record."""
        return {kind.name: tuple(sorted(Reference(path, node.schema["x-reference"])
                                        for path, node in self.walk(kind.record_schema)
                                        if "x-reference" in node.schema))
                for kind in RECORDS}

    @cached_property
    def date_paths(self) -> dict[str, tuple[tuple, ...]]:
        """Per file kind, the data paths whose values are dates."""
        return {kind: tuple(sorted(path for path, node in self.walk(name) if node.ref in (DATE, PARTIAL_DATE)))
                for kind, name in FILE_SCHEMAS.items()}


def values_at(data, pattern: tuple, path: tuple = ()) -> list[tuple[tuple, object]]:
    """(path, value) for each value at a data path pattern, in document order.

    A loop over the pattern's steps, not a recursive generator: the checker
    calls this a few hundred times per record."""
    found = [(path, data)]
    for step in pattern:
        if step == ANY_ITEM:
            found = [(at + (i,), item) for at, value in found if isinstance(value, list)
                     for i, item in enumerate(value)]
        else:
            found = [(at + (step,), value[step]) for at, value in found
                     if isinstance(value, dict) and step in value]
        if not found:
            break
    return found


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
            part.pop("$id", None)  # an embedded $id would make the part's "#/..." refs its own
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
