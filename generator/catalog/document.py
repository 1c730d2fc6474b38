"""A loaded YAML file, and the line and column of any value in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import yaml

from .problems import Problem

PLAIN = "!plain"  # marker tag for untagged plain scalars


try:  # libyaml when present; the pure-Python composer gives the same nodes
    BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    BaseLoader = yaml.SafeLoader


class ComposeLoader(BaseLoader):
    """Composes nodes only; plain untagged scalars keep a marker tag."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            return PLAIN if implicit[0] else "tag:yaml.org,2002:str"
        if kind is yaml.SequenceNode:
            return "tag:yaml.org,2002:seq"
        return "tag:yaml.org,2002:map"


@dataclass
class Document:
    """One YAML file: its value (None when it failed) and its problems."""

    path: str
    data: dict | None
    problems: list[Problem] = field(default_factory=list)
    text: str | None = None

    def position(self, path: tuple) -> tuple[int, int]:
        """Line and column (1-based) of the value at a data path.

        Walks as far down the path as the file goes, so a missing field
        points at the mapping that should hold it.
        """
        return _locate(self._root, path, self._keys)

    @cached_property
    def _root(self):
        # Positions are rarely needed: compose again on demand instead of
        # keeping every node of every file in memory.
        return yaml.compose(self.text or "", Loader=ComposeLoader)

    @cached_property
    def _keys(self) -> dict:
        # id(mapping node) -> {key: value node}, filled per mapping on first
        # use: a mapping of 100,000 fields with a problem at each would
        # otherwise be searched from the top 100,000 times.
        return {}


def failed(name, code, line, col, text=None, **params) -> Document:
    problem = Problem(code=code, file=name, line=line, column=col, path=(), params=params)
    return Document(name, None, [problem], text)


def _locate(root, path: tuple, keys: dict) -> tuple[int, int]:
    node = root
    if node is None:
        return 1, 1
    for step in path:
        child = _child(node, step, keys)
        if child is None:
            break
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1


def _child(node, step, keys: dict):
    if isinstance(node, yaml.MappingNode):
        index = keys.get(id(node))
        if index is None:  # the first key wins, as the loader refuses duplicates anyway
            index = keys[id(node)] = {}
            for key_node, value_node in node.value:
                if key_node.__class__ is yaml.ScalarNode:
                    index.setdefault(key_node.value, value_node)
        return index.get(step)
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        if 0 <= step < len(node.value):
            return node.value[step]
    return None
