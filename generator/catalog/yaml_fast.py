"""The fast path: rapidyaml -> JSON -> values, trusted only where it reads a
file exactly as the libyaml path would (see fast_value)."""

from __future__ import annotations

import contextlib
import json
import math
import os
import re

from .yaml_limits import (
    CLOSING_BRACE,
    CLOSING_BRACKET,
    LIBYAML_ONLY,
    LS_OR_PS,
    MAX_DEPTH,
    MAX_INTEGER,
    NEL,
    NOT_NOTABLE,
)

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


def fast_value(text: str, raw: bytes | None = None, notable: bytes | None = None) -> dict | None:
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
    notable = raw.translate(None, NOT_NOTABLE) if notable is None else notable
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
    if isinstance(value, dict) and within_depth(value, MAX_DEPTH - 1):
        return value
    return None


def within_depth(node, budget: int) -> bool:
    """False when lists and mappings nest more than `budget` levels below node."""
    for child in node.values() if node.__class__ is dict else node:
        if (child.__class__ is dict or child.__class__ is list) and (
                budget == 0 or not within_depth(child, budget - 1)):
            return False
    return True


def _libyaml_only(raw: bytes, notable: bytes) -> bool:
    """True when the text holds what libyaml refuses or reads otherwise (see NOTABLE)."""
    if notable.translate(None, LIBYAML_ONLY) != notable or _LONG_GAP in raw:
        return True
    if raw.startswith((b"]", b"}")) or (b"]" in notable and CLOSING_BRACKET.search(raw)) \
            or (b"}" in notable and CLOSING_BRACE.search(raw)):
        return True
    return bool((b"\xc2" in notable and NEL.search(raw)) or (b"\xe2" in notable and LS_OR_PS.search(raw)))


def _may_hold_markers(text: str, raw: bytes, notable: bytes) -> bool:
    if raw.startswith((b"---", b"...", b"%")) or b"\n---" in raw or b"\n..." in raw or b"\n%" in raw:
        return True
    return has_marker(text, "!&*", notable.decode("latin-1"))


def has_marker(text: str, signs: str, present: str) -> bool:
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
