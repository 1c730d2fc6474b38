"""Pagefind's search index in one order, so that two builds give the same bytes.

Pagefind 1.5 collects the filters and each filter's values in hash maps
whose seed is random per process, and writes them in the maps' order: each
run lists the values of a filter file (filter/*.pf_filter) and the filters
in the metadata file (pagefind.*.pf_meta) differently. The file names are
hashes of the content, so the names change too, and with them the metadata
name in pagefind-entry.json. Neither the thread count nor the order of the
input files changes this; Pagefind has no option for it. Pagefind's newer
source sorts both lists by name before writing; `put_in_order` does the
same afterwards: nothing is added or removed, the search gets the same data.

The files are gzip-compressed CBOR behind a signature. The small CBOR codec
below covers what Pagefind writes (integers, strings, arrays); each file is
decoded and encoded again and must come back byte for byte before anything
is changed, so a future format it does not know fails loudly instead of
being damaged.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path

ENTRY_FILE = "pagefind-entry.json"
SIGNATURE = b"pagefind_dcd"
META_FILTERS = 3  # MetaIndex fields: version, pages, index_chunks, filters, sorts, meta_fields


class UnknownIndexFormat(Exception):
    """Pagefind wrote something this module does not know; a newer Pagefind needs a look."""


def put_in_order(index_dir: Path) -> None:
    """Sort the filters and their values in the Pagefind index in index_dir, renaming files to match."""
    entry_file = index_dir / ENTRY_FILE
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language, about in sorted(entry["languages"].items()):
        about["hash"] = _order_language(index_dir, language, about["hash"])
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _order_language(index_dir: Path, language: str, meta_hash: str) -> str:
    """One language's metadata and filter files; returns the new metadata hash."""
    meta_file = index_dir / f"pagefind.{meta_hash}.pf_meta"
    meta = _read(meta_file)
    old_files, new_files, taken = [meta_file], {}, set()
    filters, meta[META_FILTERS] = sorted(_filter_list(meta)), []
    for name, filter_hash in filters:
        old_files.append(index_dir / "filter" / f"{filter_hash}.pf_filter")
        encoded = _encode(_sorted_values(old_files[-1]))
        new_hash = _short_hash(language, encoded, taken, hex_length=7)
        new_files[index_dir / "filter" / f"{new_hash}.pf_filter"] = encoded
        meta[META_FILTERS].append([name, new_hash])
    encoded = _encode(meta)
    new_meta_hash = _short_hash(language, encoded, set(), hex_length=len(language) + 8)
    new_files[index_dir / f"pagefind.{new_meta_hash}.pf_meta"] = encoded
    _replace(old_files, new_files)
    return new_meta_hash


def _filter_list(meta) -> list[list[str]]:
    filters = meta[META_FILTERS] if isinstance(meta, list) and len(meta) > META_FILTERS else None
    if not isinstance(filters, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair)
            for pair in filters):
        raise UnknownIndexFormat("the metadata file does not list the filters where Pagefind 1.5 does")
    return filters


def _sorted_values(filter_file: Path) -> list:
    """A filter file: [filter, [[value, [page numbers]], ...]], its values sorted."""
    content = _read(filter_file)
    values = content[1] if isinstance(content, list) and len(content) == 2 else None
    if not isinstance(values, list) or not all(
            isinstance(value, list) and len(value) == 2 and isinstance(value[0], str) for value in values):
        raise UnknownIndexFormat(f"{filter_file.name} does not hold a filter as Pagefind 1.5 writes it")
    values.sort(key=lambda value: value[0])
    return content


def _short_hash(language: str, encoded: bytes, taken: set[str], hex_length: int) -> str:
    """Pagefind's file name for content: its SHA-1 in hex, each byte without leading zero,
    cut short, and longer where two files would share a name."""
    digest = "".join(f"{byte:x}" for byte in hashlib.sha1(encoded).digest())
    length = hex_length
    while f"{language}_{digest[:length]}" in taken and length < len(digest):
        length += 1
    name = f"{language}_{digest[:length]}"
    taken.add(name)
    return name


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnknownIndexFormat(f"{path.name} does not start with Pagefind's signature")
    try:
        value, end = _decode(data, len(SIGNATURE))
    except (UnknownIndexFormat, IndexError, struct.error, UnicodeDecodeError) as error:
        raise UnknownIndexFormat(f"{path.name}: {error}") from error
    if end != len(data) or _encode(value) != data[len(SIGNATURE):]:
        raise UnknownIndexFormat(f"{path.name} does not survive decoding and encoding unchanged")
    return value


def _replace(old_files: list[Path], new_files: dict[Path, bytes]) -> None:
    """All old files out first: a new name may be an old one of another file."""
    for path in old_files:
        path.unlink()
    for path, encoded in new_files.items():
        # mtime=0: the gzip header holds no date, so the same content gives the same bytes
        path.write_bytes(gzip.compress(SIGNATURE + encoded, compresslevel=9, mtime=0))


# ---------------------------------------------------------------- CBOR, as far as Pagefind uses it

_UNSIGNED, _NEGATIVE, _TEXT, _ARRAY = 0, 1, 3, 4
_LONGER = {24: ">B", 25: ">H", 26: ">I", 27: ">Q"}  # additional info -> the argument's size


def _decode(data: bytes, at: int):
    """The value starting at `at`, and where it ends."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        argument = info
    elif info in _LONGER:
        size = struct.calcsize(_LONGER[info])
        argument, at = struct.unpack(_LONGER[info], data[at:at + size])[0], at + size
    else:
        raise UnknownIndexFormat(f"CBOR additional information {info} is not used by Pagefind 1.5")
    if major == _UNSIGNED:
        return argument, at
    if major == _NEGATIVE:
        return -1 - argument, at
    if major == _TEXT:
        return data[at:at + argument].decode("utf-8"), at + argument
    if major == _ARRAY:
        items = []
        for _ in range(argument):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise UnknownIndexFormat(f"CBOR major type {major} is not used by Pagefind 1.5")


def _encode(value) -> bytes:
    if isinstance(value, int):
        return _head(_UNSIGNED, value) if value >= 0 else _head(_NEGATIVE, -1 - value)
    if isinstance(value, str):
        text = value.encode("utf-8")
        return _head(_TEXT, len(text)) + text
    return _head(_ARRAY, len(value)) + b"".join(_encode(item) for item in value)


def _head(major: int, argument: int) -> bytes:
    """The shortest head for the argument, as canonical CBOR and Pagefind's encoder write it."""
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, layout in _LONGER.items():
        if argument < 1 << (8 * struct.calcsize(layout)):
            return bytes([major << 5 | info]) + struct.pack(layout, argument)
    raise UnknownIndexFormat(f"CBOR argument {argument} does not fit in 64 bits")
