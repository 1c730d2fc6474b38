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

import os
import stat
from pathlib import Path

from .document import Document, failed
from .kinds import DATASET_FILE
from .yaml_fast import fast_value
from .yaml_limits import C1_OR_NONCHAR, MAX_BYTES, NOT_CONTROLS, NOT_NOTABLE
from .yaml_slow import load_slow

# O_NOFOLLOW: a link put in place after the islink test is not followed
# either. O_NONBLOCK: opening a named pipe does not wait for a writer.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def load_file(path: Path | str, display: str | None = None) -> Document:
    """Load one YAML file strictly; never raises for bad input, never follows a
    link, never reads anything but a regular file."""
    name = display or str(path)
    try:
        if os.path.islink(path):
            return failed(name, "file-symlink", 1, 1, target=_link_target(path))
        fd = os.open(path, _OPEN_FLAGS)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):  # a folder, pipe or device
                return failed(name, "file-not-regular", 1, 1)
            if info.st_size > MAX_BYTES:
                return failed(name, "file-too-large", 1, 1, size=info.st_size, limit=MAX_BYTES)
            raw = _read(fd, info.st_size)
        finally:
            os.close(fd)
    except OSError as err:
        return failed(name, "file-unreadable", 1, 1, error=err.strerror or str(err))
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
        return failed(name, "file-too-large", 1, 1, size=len(raw), limit=MAX_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return failed(name, "file-not-utf8", line, col, byte=f"0x{raw[err.start]:02x}")
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
    notable = raw.translate(None, NOT_NOTABLE)
    bad = _first_unprintable(raw, notable)
    if bad is not None:
        before = raw[:bad].decode("utf-8")
        return _unprintable(name, before, raw[bad:bad + 3].decode("utf-8", "ignore")[0])
    data = fast_value(text, raw, notable)
    if data is not None:
        return Document(name, data, [], text)
    return load_slow(text, name)


def _first_unprintable(raw: bytes, notable: bytes | None = None) -> int | None:
    """Byte offset of the first character libyaml refuses, or None."""
    if notable is None:
        notable = raw.translate(None, NOT_NOTABLE)
    offsets = [raw.find(bytes([byte])) for byte in set(notable.translate(None, NOT_CONTROLS))]
    if b"\xc2" in notable or b"\xef" in notable:
        match = C1_OR_NONCHAR.search(raw)
        offsets += [match.start()] if match else []
    return min(offsets, default=None)


def _unprintable(name: str, before: str, char: str) -> Document:
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    return failed(name, "file-control-char", line, col, char=f"U+{ord(char):04X}")


def load_dataset(catalog_dir: Path) -> dict:
    """The catalogue's description (catalog/dataset.yaml) for the tools that need its addresses
    before or without a check; {} when it is missing or broken, which the check reports."""
    data = load_file(catalog_dir / DATASET_FILE).data
    return data if isinstance(data, dict) else {}
