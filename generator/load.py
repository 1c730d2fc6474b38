"""Strict YAML loading with YAML 1.2 core semantics and source positions.

libyaml composes the node tree (fast, with marks); we turn nodes into plain
Python values ourselves, so that YAML 1.1 surprises (`NO` -> False, dates ->
datetime) cannot happen, and so that aliases, duplicate keys and foreign tags
are refused with a position. A file that cannot be loaded becomes a
`Document` with problems instead of an exception: the run carries on.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from .problems import Problem

MAX_BYTES = 1024 * 1024

# YAML 1.2 core schema, https://yaml.org/spec/1.2.2/#1032-tag-resolution
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")

_PLAIN = "!plain"  # marker tag for untagged plain scalars
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}

try:  # libyaml when present; the pure-Python composer gives the same nodes
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader


class _ComposeLoader(_BaseLoader):
    """Composes nodes only; plain untagged scalars keep a marker tag."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else "tag:yaml.org,2002:str"
        if kind is yaml.SequenceNode:
            return "tag:yaml.org,2002:seq"
        return "tag:yaml.org,2002:map"


class LoadError(Exception):
    """A node that cannot become a value; carries a ready problem."""

    def __init__(self, problem: Problem):
        super().__init__(problem.code)
        self.problem = problem


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
        return _locate(self._root, path)

    @cached_property
    def _root(self):
        # Positions are rarely needed: compose again on demand instead of
        # keeping every node of every file in memory.
        return yaml.compose(self.text or "", Loader=_ComposeLoader)


def load_file(path: Path | str, display: str | None = None) -> Document:
    """Load one YAML file strictly; never raises for bad input."""
    name = display or str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            return _failed(name, "file-too-large", 1, 1, size=size, limit=MAX_BYTES)
        raw = Path(path).read_bytes()
    except OSError as err:
        return _failed(name, "file-unreadable", None, None, error=err.strerror or str(err))
    return load_bytes(raw, name)


def load_bytes(raw: bytes, name: str) -> Document:
    if len(raw) > MAX_BYTES:
        return _failed(name, "file-too-large", 1, 1, size=len(raw), limit=MAX_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return _failed(name, "file-not-utf8", line, col, byte=f"0x{raw[err.start]:02x}")
    text = text.removeprefix("\ufeff")
    return load_text(text, name)


def load_text(text: str, name: str) -> Document:
    if "&" in text or "*" in text:
        anchor = _find_anchor(text)
        if anchor is not None:
            return _failed(name, anchor[0], anchor[1], anchor[2], text=text)
    try:
        root = yaml.compose(text, Loader=_ComposeLoader)
    except yaml.MarkedYAMLError as err:
        return _failed(name, *_syntax_problem(err, text), text=text)
    except yaml.YAMLError as err:  # pragma: no cover - libyaml always marks
        return _failed(name, "yaml-syntax", None, None, text=text, detail=str(err))
    if root is None or not isinstance(root, yaml.MappingNode):
        line, col = (root.start_mark.line + 1, root.start_mark.column + 1) if root else (1, 1)
        return _failed(name, "top-not-mapping", line, col, text=text)
    try:
        data = _value(root, name, ())
    except LoadError as err:
        return Document(name, None, [err.problem], text)
    return Document(name, data, [], text)


def _failed(name, code, line, col, text=None, **params) -> Document:
    problem = Problem(code=code, file=name, line=line, column=col, path=(), params=params)
    return Document(name, None, [problem], text)


def _find_anchor(text: str):
    """First anchor or alias event, or None; only run when '&' or '*' occur."""
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                code = "yaml-alias" if isinstance(event, yaml.AliasEvent) else "yaml-anchor"
                return code, event.start_mark.line + 1, event.start_mark.column + 1
    except yaml.YAMLError:
        return None  # the composer reports the syntax error with its position
    return None


def _syntax_problem(err: yaml.MarkedYAMLError, text: str):
    mark = err.problem_mark or err.context_mark
    line, col = mark.line + 1, mark.column + 1
    if "\t" in (err.problem or "") or _char_at(text, mark) == "\t":
        return "yaml-tab", line, col
    return "yaml-syntax", line, col


def _char_at(text: str, mark) -> str:
    lines = text.split("\n")
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def _value(node, name: str, path: tuple):
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, name, path)
    if isinstance(node, yaml.SequenceNode):
        _check_tag(node, "tag:yaml.org,2002:seq", name, path)
        return [_value(item, name, path + (i,)) for i, item in enumerate(node.value)]
    _check_tag(node, "tag:yaml.org,2002:map", name, path)
    result = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise LoadError(_problem("yaml-complex-key", name, key_node, path))
        key = key_node.value
        if key in result:
            raise LoadError(_problem("yaml-duplicate-key", name, key_node, path + (key,), key=key))
        result[key] = _value(value_node, name, path + (key,))
    return result


def _check_tag(node, expected: str, name: str, path: tuple):
    if node.tag != expected:
        raise LoadError(_problem("yaml-tag", name, node, path, tag=node.tag))


def _scalar(node, name: str, path: tuple):
    tag, text = node.tag, node.value
    if tag == _PLAIN:
        return _plain(text)
    if tag == "tag:yaml.org,2002:str":
        return text
    if tag in _STANDARD_TAGS:
        value = _plain(text)
        wanted = tag.rsplit(":", 1)[1]
        kinds = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}
        if isinstance(value, kinds.get(wanted, ())) and not (wanted == "int" and isinstance(value, bool)):
            return float(value) if wanted == "float" else value
    raise LoadError(_problem("yaml-tag", name, node, path, tag=tag))


def _plain(text: str):
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text.lower() == "true"
    if _INT.match(text):
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text


def _problem(code: str, name: str, node, path: tuple, **params) -> Problem:
    mark = node.start_mark
    return Problem(code=code, file=name, line=mark.line + 1, column=mark.column + 1,
                   path=path, params=params)


def _locate(root, path: tuple) -> tuple[int, int]:
    node = root
    if node is None:
        return 1, 1
    for step in path:
        child = _child(node, step)
        if child is None:
            break
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1


def _child(node, step):
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == step:
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        if 0 <= step < len(node.value):
            return node.value[step]
    return None
