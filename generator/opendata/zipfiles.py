"""Deterministic zip archives of files held in memory.

The archive's bytes depend only on the files and the given date: entries in
name order, one fixed timestamp, Unix permissions 0644, deflate level 3 for
files of 1 KiB and more and stored as they are below that (setting up
deflate costs more than it saves on a few hundred bytes). Level 3 makes a
practice's datapackage.json 11% larger than level 6 does, in 40% of the time.
zipfile from the standard library writes the same format, but its
per-entry bookkeeping cost more than the compression itself for the
thousands of small per-practice packages (about 40 entries each); this
writes the PKZIP headers directly, with no ZIP64 (every file and archive
here is far below 4 GiB, which `zip_bytes` checks).
"""

from __future__ import annotations

import datetime
import struct
import zlib

_LOCAL = struct.Struct("<IHHHHHIIIHH")     # local file header, before the name
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")  # central directory entry, before the name
_END = struct.Struct("<IHHHHIIH")          # end of central directory record
_VERSION = 20                              # 2.0: deflate
_STORED, _DEFLATED = 0, 8
_DEFLATE_FROM = 1024                       # bytes; smaller files are stored
_UNIX = 3 << 8                             # "made by" Unix, so the permissions below count
_UTF8 = 1 << 11                            # names are UTF-8
_PERMISSIONS = 0o100644 << 16              # regular file, rw-r--r--
_LIMIT = 0xFFFFFFFF


def zip_bytes(files: dict[str, bytes], date: str) -> bytes:
    """A zip of {name: bytes}; date 'YYYY-MM-DD' is every entry's timestamp (midnight)."""
    if len(files) >= 0xFFFF:
        raise ValueError("too many files for a zip without ZIP64")
    day = datetime.date.fromisoformat(date)  # ValueError for a date that does not exist
    if not 1980 <= day.year <= 2107:
        raise ValueError(f"{date}: a zip holds dates from 1980 to 2107")
    dos_time, dos_date = 0, (day.year - 1980) << 9 | day.month << 5 | day.day
    body, central = [], []
    offset = 0
    for name in sorted(files):
        data = files[name]
        method, packed = _STORED, data
        if len(data) >= _DEFLATE_FROM:
            packer = zlib.compressobj(3, zlib.DEFLATED, -15)
            method, packed = _DEFLATED, packer.compress(data) + packer.flush()
        crc, encoded = zlib.crc32(data), name.encode("utf-8")
        if max(len(data), offset) >= _LIMIT:
            raise ValueError(f"{name}: too large for a zip without ZIP64")
        fields = (_VERSION, _UTF8, method, dos_time, dos_date, crc, len(packed), len(data), len(encoded))
        body += [_LOCAL.pack(0x04034B50, *fields, 0), encoded, packed]
        central += [_CENTRAL.pack(0x02014B50, _UNIX | _VERSION, *fields, 0, 0, 0, 0, _PERMISSIONS, offset),
                    encoded]
        offset += _LOCAL.size + len(encoded) + len(packed)
    directory = b"".join(central)
    end = _END.pack(0x06054B50, 0, 0, len(files), len(files), len(directory), offset, 0)
    return b"".join(body) + directory + end
