"""Strict YAML loading with YAML 1.2 core semantics and source positions.

libyaml composes the node tree (fast, with marks); we turn nodes into plain
Python values ourselves, so that YAML 1.1 surprises (`NO` -> False, dates ->
datetime) cannot happen, and so that aliases, duplicate keys and foreign tags
are refused with a position. A file that cannot be loaded becomes a
`Document` with problems instead of an exception: the run carries on.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from .problems import Problem

MAX_BYTES = 1024 * 1024

# YAML 1.2 core schema, https://yaml.org/spec/1.2.2/#1032-tag-resolution
_SPECIAL = {"": None, "~": None, "null": None, "Null": None, "NULL": None,
            "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
            ".nan": math.nan, ".NaN": math.nan, ".NAN": math.nan}
_MISSING = object()
_NUMBER_START = frozenset("0123456789+-.")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")

_PLAIN = "!plain"  # marker tag for untagged plain scalars
_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}

try:  # the fast path is optional: without it every file takes the libyaml path
    import ryml as _ryml
except ImportError:  # pragma: no cover
    _ryml = None
_DEVNULL = os.open(os.devnull, os.O_WRONLY)

# rapidyaml's JSON drops tags (!) and anchors (&x, *x): files that may hold
# one, or several documents or directives, take the slow path.
_MARKERS = re.compile(r"(?:^|[\s:\[\]{},-])[!&*][^\s*]")
# Plain scalars that YAML 1.2 resolves to null/bool/int/float but rapidyaml
# emits as JSON strings; a quoted one looks the same, so both go slow.
_SPECIAL_JSON = re.compile(
    r'"(?:~|[nN]ull|NULL|T(?:rue|RUE)|F(?:alse|ALSE)|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)'
    r'|[-+]?0[0-9xo][^"]*)"')


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
    data = _fast_value(text)
    if data is not None:
        return Document(name, data, [], text)
    return _load_slow(text, name)


def _fast_value(text: str) -> dict | None:
    """The file's value via rapidyaml -> JSON, or None to take the slow path.

    rapidyaml parses about five times faster than libyaml's composer, but
    its JSON drops tags and anchors and reads a few plain scalars (`~`,
    `True`, `012`, `0x1F`, `.inf`) as strings where YAML 1.2 does not. So it
    is only trusted when the raw text cannot hold any of those, when it
    parses without complaint, when the JSON has no duplicate key and the top
    level is a mapping. Everything else, including every error, goes through
    the libyaml path, which is the authority and knows the positions.
    """
    if _ryml is None or "\t" in text or _may_hold_markers(text):
        return None
    try:
        with _quiet_stderr():  # rapidyaml prints parse errors on fd 2
            tree = _ryml.parse_in_arena(text.encode("utf-8"))
            emitted = _ryml.emit_json_malloc(tree, tree.root_id())
        if _SPECIAL_JSON.search(emitted):
            return None
        value = json.loads(emitted, object_pairs_hook=_unique_keys, parse_constant=_reject)
    except Exception:  # any doubt: the slow path decides and explains
        return None
    return value if isinstance(value, dict) else None


def _may_hold_markers(text: str) -> bool:
    if text.startswith(("---", "...", "%")) or "\n---" in text or "\n..." in text or "\n%" in text:
        return True
    return ("!" in text or "&" in text or "*" in text) and _MARKERS.search(text) is not None


class _DuplicateKey(Exception):
    pass


def _unique_keys(pairs):
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKey
    return result


def _reject(constant):
    raise ValueError(constant)


@contextlib.contextmanager
def _quiet_stderr():
    saved = os.dup(2)
    try:
        os.dup2(_DEVNULL, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _load_slow(text: str, name: str) -> Document:
    try:
        return _compose_and_convert(text, name)
    except RecursionError:  # absurdly deep nesting; no record comes near it
        return _failed(name, "yaml-too-deep", 1, 1, text=text)


def _compose_and_convert(text: str, name: str) -> Document:
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
        data = _value(root)
    except _NodeError as err:
        path = _path_to(root, err.node) or ()
        return Document(name, None, [_problem(err.code, name, err.node, path, **err.params)], text)
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


def _value(node):
    """Node -> value. Paths are not tracked here (hot loop); errors carry the node."""
    if node.__class__ is yaml.ScalarNode:
        tag = node.tag
        if tag == _PLAIN:
            return _plain(node.value)
        if tag == _STR:
            return node.value
        return _tagged_scalar(node)
    if node.__class__ is yaml.SequenceNode:
        if node.tag != _SEQ:
            raise _NodeError("yaml-tag", node, tag=node.tag)
        return [_value(item) for item in node.value]
    if node.tag != _MAP:
        raise _NodeError("yaml-tag", node, tag=node.tag)
    result = {}
    for key_node, value_node in node.value:
        if key_node.__class__ is not yaml.ScalarNode:
            raise _NodeError("yaml-complex-key", key_node)
        key = key_node.value
        if key in result:
            raise _NodeError("yaml-duplicate-key", key_node, key=key)
        result[key] = _value(value_node)
    return result


class _NodeError(Exception):
    def __init__(self, code: str, node, **params):
        super().__init__(code)
        self.code, self.node, self.params = code, node, params


def _tagged_scalar(node):
    tag = node.tag
    if tag in _STANDARD_TAGS:
        value = _plain(node.value)
        wanted = tag.rsplit(":", 1)[1]
        kinds = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}
        if isinstance(value, kinds.get(wanted, ())) and not (wanted == "int" and isinstance(value, bool)):
            return float(value) if wanted == "float" else value
    raise _NodeError("yaml-tag", node, tag=tag)


def _plain(text: str):
    special = _SPECIAL.get(text, _MISSING)
    if special is not _MISSING:
        return special
    if text[0] not in _NUMBER_START:
        return text
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
    return text


def _path_to(root, target, path=()):
    """Data path of a node inside the tree (only used to report a problem)."""
    if root is target:
        return path
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            if key_node is target:
                return path + (key_node.value,)
            found = _path_to(value_node, target, path + (key_node.value,))
            if found is not None:
                return found
    elif isinstance(root, yaml.SequenceNode):
        for i, item in enumerate(root.value):
            found = _path_to(item, target, path + (i,))
            if found is not None:
                return found
    return None


def _problem(code: str, name: str, node, path: tuple, **params) -> Problem:
    if "tag" in params:  # show tags as they are written: !!python/object, not the long form
        params["tag"] = params["tag"].replace("tag:yaml.org,2002:", "!!")
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
