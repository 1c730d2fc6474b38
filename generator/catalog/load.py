"""Strict YAML loading with YAML 1.2 core semantics and source positions.

libyaml composes the node tree (fast, with marks); we turn nodes into plain
Python values ourselves, so that YAML 1.1 surprises (`NO` -> False, dates ->
datetime) cannot happen, and so that aliases, duplicate keys and foreign tags
are refused with a position. A file that cannot be loaded becomes a
`Document` with problems instead of an exception: the run carries on.

Whatever the input, loading ends with a value or with refusals that name a
line and column: links, pipes and folders are not read; control characters,
escapes of no character, numbers no reader of the published data can hold
and nesting deeper than MAX_DEPTH are refused where they stand. Loading
does work linear in the file's size (tests/test_fuzz.py, `make fuzz`).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from .problems import Problem

MAX_BYTES = 1024 * 1024
# A record is five levels deep at most (practice > metrics > item > comparison
# > period). Refusing far deeper files keeps every recursive step after
# loading (jsonschema, repr in its messages, the rules) far from Python's
# recursion limit; libyaml itself stops at 1000.
MAX_DEPTH = 32
# The largest integer every reader of the published JSON holds exactly
# (I-JSON, RFC 7493: JavaScript, DuckDB, pandas); no real figure comes near.
MAX_INTEGER = 2**53 - 1

# YAML 1.2 core schema, https://yaml.org/spec/1.2.2/#1032-tag-resolution
_SPECIAL = {"": None, "~": None, "null": None, "Null": None, "NULL": None,
            "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_MISSING = object()
_NUMBER_START = frozenset("0123456789+-.")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")

# One C pass (bytes.translate) keeps the few bytes that the checks before
# parsing look at; most files keep almost none, and each check then asks the
# short result first and searches the whole file only when it must.
#
# libyaml's reader refuses C0 controls but tab and line breaks, DEL, C1
# controls but NEL, and U+FFFE/U+FFFF (YAML 1.1 c-printable); the last two
# groups only occur after the UTF-8 bytes 0xc2 and 0xef 0xbf.
# rapidyaml accepts, and libyaml refuses or reads otherwise: tabs, escapes
# (surrogates, \N, \L, \P, unknown escapes), the YAML 1.1 line breaks CR, NEL
# (0xc2 0x85), LS and PS (0xe2 0x80 0xa8/9), the reserved indicators @ and `,
# and a plain scalar starting with a closing bracket. Found by fuzzing against
# the libyaml path (tests/test_fuzz.py); a false alarm only costs speed.
_CONTROLS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_LIBYAML_ONLY = b"\t\r\\@`"
_NOTABLE = _CONTROLS + _LIBYAML_ONLY + b"]}!&*\xc2\xe2\xef"
_NOT_NOTABLE = bytes(b for b in range(256) if b not in _NOTABLE)
_NOT_CONTROLS = bytes(b for b in range(256) if b not in _CONTROLS)
_C1_OR_NONCHAR = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]|\xef\xbf[\xbe\xbf]")
# Each starts with a literal byte, which the regex engine finds fast; a
# search for a multi-byte string is slower in a file full of spaces or '€'.
_NEL, _LS_OR_PS = re.compile(rb"\xc2\x85"), re.compile(rb"\xe2\x80[\xa8\xa9]")
_CLOSING_BRACKET, _CLOSING_BRACE = re.compile(rb"\](?<=[ \n]\])"), re.compile(rb"\}(?<=[ \n]\})")

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
# A marker is '!', '&' or '*' at the start of the text or after a space or
# flow indicator, before a character that is neither space nor '*' (so
# '**bold**' and 'R&D' are none). Each pattern starts with its literal
# character, which the regex engine finds fast, then looks around it.
_MARKERS = {sign: re.compile(re.escape(sign) + r"(?<![^\s:\[\]{},-]" + re.escape(sign) + r")(?=[^\s*])")
            for sign in "!&*"}
# Plain scalars that YAML 1.2 resolves to null/bool/int/float but rapidyaml
# emits as JSON strings; a quoted one looks the same, so both go slow.
_SPECIAL_JSON = re.compile(  # the lookahead turns most quotes away at once
    r'"(?=[~nNTF+\-.0])(?:~|[nN]ull|NULL|T(?:rue|RUE)|F(?:alse|ALSE)|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)'
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
        return _locate(self._root, path, self._keys)

    @cached_property
    def _root(self):
        # Positions are rarely needed: compose again on demand instead of
        # keeping every node of every file in memory.
        return yaml.compose(self.text or "", Loader=_ComposeLoader)

    @cached_property
    def _keys(self) -> dict:
        # id(mapping node) -> {key: value node}, filled per mapping on first
        # use: a mapping of 100,000 fields with a problem at each would
        # otherwise be searched from the top 100,000 times.
        return {}


# O_NOFOLLOW: a link put in place after the islink test is not followed
# either. O_NONBLOCK: opening a named pipe does not wait for a writer.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def load_file(path: Path | str, display: str | None = None) -> Document:
    """Load one YAML file strictly; never raises for bad input, never follows a
    link, never reads anything but a regular file."""
    name = display or str(path)
    try:
        if os.path.islink(path):
            return _failed(name, "file-symlink", 1, 1, target=_link_target(path))
        fd = os.open(path, _OPEN_FLAGS)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):  # a folder, pipe or device
                return _failed(name, "file-not-regular", 1, 1)
            if info.st_size > MAX_BYTES:
                return _failed(name, "file-too-large", 1, 1, size=info.st_size, limit=MAX_BYTES)
            raw = _read(fd, info.st_size)
        finally:
            os.close(fd)
    except OSError as err:
        return _failed(name, "file-unreadable", 1, 1, error=err.strerror or str(err))
    return load_bytes(raw, name)


def _read(fd: int, size: int) -> bytes:
    """The file's bytes, but no more than MAX_BYTES + 1 if it grows meanwhile.
    (Asking for MAX_BYTES at once would allocate a megabyte per file.)"""
    parts, total = [], 0
    while total <= MAX_BYTES:
        part = os.read(fd, max(size + 1 - total, 65536))
        if not part:
            break
        parts.append(part)
        total += len(part)
    return b"".join(parts)


def _link_target(path) -> str:
    try:
        return os.readlink(path)
    except OSError:  # pragma: no cover - the link vanished meanwhile
        return "?"


def load_bytes(raw: bytes, name: str) -> Document:
    if len(raw) > MAX_BYTES:
        return _failed(name, "file-too-large", 1, 1, size=len(raw), limit=MAX_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return _failed(name, "file-not-utf8", line, col, byte=f"0x{raw[err.start]:02x}")
    if text.startswith("\ufeff"):
        text, raw = text[1:], raw[3:]
    return _load(text, raw, name)


def load_text(text: str, name: str) -> Document:
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError as err:  # a lone surrogate; bytes from a file cannot hold one
        return _unprintable(name, text[: err.start], text[err.start])
    return _load(text, raw, name)


def _load(text: str, raw: bytes, name: str) -> Document:
    notable = raw.translate(None, _NOT_NOTABLE)
    bad = _first_unprintable(raw, notable)
    if bad is not None:
        before = raw[:bad].decode("utf-8")
        return _unprintable(name, before, raw[bad:bad + 3].decode("utf-8", "ignore")[0])
    data = _fast_value(text, raw, notable)
    if data is not None:
        return Document(name, data, [], text)
    return _load_slow(text, name)


def _first_unprintable(raw: bytes, notable: bytes | None = None) -> int | None:
    """Byte offset of the first character libyaml refuses, or None."""
    if notable is None:
        notable = raw.translate(None, _NOT_NOTABLE)
    offsets = [raw.find(bytes([byte])) for byte in set(notable.translate(None, _NOT_CONTROLS))]
    if b"\xc2" in notable or b"\xef" in notable:
        match = _C1_OR_NONCHAR.search(raw)
        offsets += [match.start()] if match else []
    return min(offsets, default=None)


def _unprintable(name: str, before: str, char: str) -> Document:
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    return _failed(name, "file-control-char", line, col, char=f"U+{ord(char):04X}")


def _fast_value(text: str, raw: bytes | None = None, notable: bytes | None = None) -> dict | None:
    """The file's value via rapidyaml -> JSON, or None to take the slow path.

    rapidyaml parses about five times faster than libyaml's composer, but
    its JSON drops tags and anchors and reads a few plain scalars (`~`,
    `True`, `012`, `0x1F`, `.inf`) as strings where YAML 1.2 does not, and
    it accepts some text libyaml refuses (escapes of lone surrogates, the
    reserved indicators, YAML 1.1 line breaks). So it is only trusted when
    the raw text cannot hold any of those, when it parses without
    complaint, when the JSON has no duplicate key and no number beyond
    MAX_INTEGER, the top level is a mapping and it nests no deeper than
    MAX_DEPTH. Everything else, including every error, goes through the
    libyaml path, which is the authority and knows the positions.
    """
    raw = text.encode("utf-8") if raw is None else raw
    notable = raw.translate(None, _NOT_NOTABLE) if notable is None else notable
    if _ryml is None or _libyaml_only(raw, notable) or _may_hold_markers(text, raw, notable):
        return None
    try:
        with _quiet_stderr():  # rapidyaml prints parse errors on fd 2
            tree = _ryml.parse_in_arena(raw)
            emitted = _ryml.emit_json_malloc(tree, tree.root_id())
        # An empty key (': b' or '- : a') is "" in the JSON; libyaml refuses it.
        if _SPECIAL_JSON.search(emitted) or '"":' in emitted:
            return None
        value = _JSON.decode(emitted)
    except Exception:  # any doubt: the slow path decides and explains
        return None
    if isinstance(value, dict) and _within_depth(value, MAX_DEPTH - 1):
        return value
    return None


def _within_depth(node, budget: int) -> bool:
    """False when lists and mappings nest more than `budget` levels below node."""
    for child in node.values() if node.__class__ is dict else node:
        if (child.__class__ is dict or child.__class__ is list) and (
                budget == 0 or not _within_depth(child, budget - 1)):
            return False
    return True


def _libyaml_only(raw: bytes, notable: bytes) -> bool:
    """True when the text holds what libyaml refuses or reads otherwise (see _NOTABLE)."""
    if notable.translate(None, _LIBYAML_ONLY) != notable or _LONG_GAP in raw:
        return True
    if raw.startswith((b"]", b"}")) or (b"]" in notable and _CLOSING_BRACKET.search(raw)) \
            or (b"}" in notable and _CLOSING_BRACE.search(raw)):
        return True
    return bool((b"\xc2" in notable and _NEL.search(raw)) or (b"\xe2" in notable and _LS_OR_PS.search(raw)))


def _may_hold_markers(text: str, raw: bytes, notable: bytes) -> bool:
    if raw.startswith((b"---", b"...", b"%")) or b"\n---" in raw or b"\n..." in raw or b"\n%" in raw:
        return True
    return _has_marker(text, "!&*", notable.decode("latin-1"))


def _has_marker(text: str, signs: str, present: str) -> bool:
    return any(sign in present and _MARKERS[sign].search(text) for sign in signs)


class _LibyamlDecides(Exception):
    """The JSON holds what only the libyaml path may judge: a duplicate or a long key."""


# libyaml refuses an implicit key whose ':' comes more than 1024 characters
# after the key starts (the YAML spec's limit); rapidyaml has no limit. Keys
# of at most 500 characters and no run of 500 spaces (the only thing that
# can stand between a key and its ':') keep every key well inside it.
_MAX_KEY = 500
_LONG_GAP = b" " * _MAX_KEY


def _unique_keys(pairs):
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _LibyamlDecides
    for key in result:
        if len(key) > _MAX_KEY:
            raise _LibyamlDecides
    return result


def _reject(constant):
    raise ValueError(constant)


def _json_int(text: str) -> int:
    # JSON integers have no leading zeros: more than 17 characters is beyond
    # MAX_INTEGER, and int() is never asked for thousands of digits.
    value = int(text) if len(text) <= 17 else MAX_INTEGER + 1
    if abs(value) > MAX_INTEGER:
        raise ValueError(text)
    return value


def _json_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 overflows to inf
        raise ValueError(text)
    return value


_JSON = json.JSONDecoder(object_pairs_hook=_unique_keys, parse_constant=_reject,
                         parse_int=_json_int, parse_float=_json_float)


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
        doc = _compose_and_convert(text, name)
    except RecursionError:  # nesting deeper than Python's stack (libyaml without a limit)
        return _too_deep(name, text)
    if doc.data is not None and not _within_depth(doc.data, MAX_DEPTH - 1):
        return _too_deep(name, text)
    return doc


def _too_deep(name: str, text: str) -> Document:
    line, col = _nesting_start(text) or (1, 1)  # (1, 1): never seen, RecursionError is deeper
    return _failed(name, "yaml-too-deep", line, col, text=text, limit=MAX_DEPTH)


def _nesting_start(text: str) -> tuple[int, int] | None:
    """Where nesting deeper than MAX_DEPTH starts, or None when there is none.

    Walks libyaml's events (a loop, no recursion) with a stack of open
    collections. The deep chain is reported at its outermost collection:
    walking out from the innermost, each collection that is the first child
    of its parent (a sequence's first item, a mapping's first value) belongs
    to the chain. The top level is the record itself, never the start.
    """
    stack = []  # per open collection: [start mark, first child of its parent?, children, mapping?]
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
            elif isinstance(event, yaml.NodeEvent):
                first = _count_child(stack)
                if isinstance(event, yaml.CollectionStartEvent):
                    stack.append([event.start_mark, first, 0, isinstance(event, yaml.MappingStartEvent)])
                    if len(stack) > MAX_DEPTH:
                        return _chain_start(stack)
    except yaml.YAMLError:  # a syntax error before the nesting got too deep
        return None
    return None


def _count_child(stack) -> bool:
    """Count a new child of the innermost open collection; True when it is the first."""
    if not stack:
        return False
    parent = stack[-1]
    parent[2] += 1
    return parent[2] == (2 if parent[3] else 1)  # a mapping's first value follows its first key


def _chain_start(stack) -> tuple[int, int]:
    at = len(stack) - 1
    while at > 1 and stack[at][1]:
        at -= 1
    mark = stack[at][0]
    return mark.line + 1, mark.column + 1


def _compose_and_convert(text: str, name: str) -> Document:
    if _has_marker(text, "&*", text):  # not for 'R&D' or '**bold**': a second pass costs
        anchor = _find_anchor(text)
        if anchor is not None:
            return _failed(name, anchor[0], anchor[1], anchor[2], text=text)
    try:
        root = yaml.compose(text, Loader=_ComposeLoader)
    except yaml.MarkedYAMLError as err:
        # libyaml stops at nesting depth 1000 with a scanner error, raised
        # while it reads ahead; the events of the text before that point
        # show whether nesting deeper than ours came first.
        mark = err.problem_mark or err.context_mark
        start = _nesting_start(text[:mark.index])
        if start is not None:
            return _failed(name, "yaml-too-deep", *start, text=text, limit=MAX_DEPTH)
        code, line, col, *params = _syntax_problem(err, text)
        return _failed(name, code, line, col, text=text, **(params[0] if params else {}))
    except yaml.YAMLError as err:  # pragma: no cover - the reader's refusals are caught before
        line, col = _offset_position(text, getattr(err, "position", 0))
        return _failed(name, "yaml-syntax", line, col, text=text, detail=str(err))
    if root is None or not isinstance(root, yaml.MappingNode):
        line, col = (root.start_mark.line + 1, root.start_mark.column + 1) if root else (1, 1)
        return _failed(name, "top-not-mapping", line, col, text=text)
    try:
        data = _value(root)
    except _NodeError as err:  # _path_to recurses as deep as _value: a RecursionError goes up
        path = _path_to(root, err.node) or ()
        return Document(name, None, [_problem(err.code, name, err.node, path, **err.params)], text)
    return Document(name, data, [], text)


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _failed(name, code, line, col, text=None, **params) -> Document:
    problem = Problem(code=code, file=name, line=line, column=col, path=(), params=params)
    return Document(name, None, [problem], text)


def _find_anchor(text: str):
    """First anchor or alias event, or None; only run when the text may hold one."""
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
    escape = _escape_at(text, mark)
    if escape:  # a lone surrogate (\ud800), a code past U+10FFFF, an unknown escape
        start, sequence = escape
        return "yaml-escape", line, start + 1, {"escape": sequence}
    return "yaml-syntax", line, col


_ESCAPE_LENGTH = {"x": 4, "u": 6, "U": 10}


def _escape_at(text: str, mark) -> tuple[int, str] | None:
    """(column, sequence) of the escape libyaml stopped at, or None. It
    marks the backslash, or the hex digits after \\x, \\u or \\U."""
    line = text.split("\n")[mark.line] if mark.line < text.count("\n") + 1 else ""
    for start in (mark.column, mark.column - 2):
        if 0 <= start < len(line) and line[start] == "\\":
            kind = line[start + 1:start + 2]
            if start == mark.column or kind in _ESCAPE_LENGTH:
                return start, line[start:start + _ESCAPE_LENGTH.get(kind, 2)]
    return None


def _char_at(text: str, mark) -> str:
    lines = text.split("\n")
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def _value(node):
    """Node -> value. Paths are not tracked here (hot loop); errors carry the node."""
    if node.__class__ is yaml.ScalarNode:
        tag = node.tag
        if tag == _STR:
            return node.value
        try:
            return _plain(node.value) if tag == _PLAIN else _tagged_scalar(node)
        except _NumberError as err:
            raise _NodeError(err.code, node, value=_shorten(node.value)) from None
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


class _NumberError(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _shorten(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:12]}…{text[-6:]}"


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
        return _integer(text)
    if _FLOAT.match(text):
        value = float(text)
        if not math.isfinite(value):  # 1e400 overflows to inf
            raise _NumberError("number-too-large")
        return value
    if _INF.match(text) or _NAN.match(text):  # no JSON, CSV or spreadsheet holds these
        raise _NumberError("number-not-finite")
    return text


def _integer(text: str) -> int:
    base = {"0x": 16, "0o": 8}.get(text[:2], 10)
    digits = (text[2:] if base != 10 else text.lstrip("+-")).lstrip("0")
    # The length test comes first: int() refuses more than 4300 decimal digits.
    value = int(digits or "0", base) if len(digits) <= 16 else MAX_INTEGER + 1
    if value > MAX_INTEGER:
        raise _NumberError("number-too-large")
    return -value if text.startswith("-") else value


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
