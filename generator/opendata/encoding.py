"""Bytes as the data packages write them: JSON in one fixed form, files written whole."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def json_lines(records: list) -> bytes:
    """A JSON array with one record per line: the C encoder's speed, and diffs per record."""
    lines = ",\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    return f"[\n{lines}\n]\n".encode("utf-8")


def json_bytes(value, compact: bool = False) -> bytes:
    # indent= forces the pure-Python encoder; the per-practice files (thousands of
    # them at scale) take the C encoder, which is about ten times faster.
    if compact:
        return (compact_json(value) + "\n").encode("utf-8")
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def compact_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_json(path: Path, value, compact: bool = False) -> None:
    write_bytes(path, json_bytes(value, compact))


def write_bytes(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()
