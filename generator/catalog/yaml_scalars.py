"""libyaml nodes -> plain Python values, with YAML 1.2 core semantics:
`NO` stays a string, dates stay strings, numbers no reader of the published
data can hold and foreign tags are refused at their node."""

from __future__ import annotations

import math
import re

import yaml

from .document import PLAIN
from .yaml_limits import MAX_INTEGER

# YAML 1.2 core schema, https://yaml.org/spec/1.2.2/#1032-tag-resolution
_SPECIAL = {"": None, "~": None, "null": None, "Null": None, "NULL": None,
            "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


_MISSING = object()
_NUMBER_START = frozenset("0123456789+-.")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")
_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}


def value_of(node):
    """Node -> value. Paths are not tracked here (hot loop); errors carry the node."""
    if node.__class__ is yaml.ScalarNode:
        tag = node.tag
        if tag == _STR:
            return node.value
        try:
            return _plain(node.value) if tag == PLAIN else _tagged_scalar(node)
        except _NumberError as err:
            raise NodeError(err.code, node, value=_shorten(node.value)) from None
    if node.__class__ is yaml.SequenceNode:
        if node.tag != _SEQ:
            raise NodeError("yaml-tag", node, tag=node.tag)
        return [value_of(item) for item in node.value]
    if node.tag != _MAP:
        raise NodeError("yaml-tag", node, tag=node.tag)
    result = {}
    for key_node, value_node in node.value:
        if key_node.__class__ is not yaml.ScalarNode:
            raise NodeError("yaml-complex-key", key_node)
        key = key_node.value
        if key in result:
            raise NodeError("yaml-duplicate-key", key_node, key=key)
        result[key] = value_of(value_node)
    return result


class _NumberError(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _shorten(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:12]}…{text[-6:]}"


class NodeError(Exception):
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
    raise NodeError("yaml-tag", node, tag=tag)


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
