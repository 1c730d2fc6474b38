"""What the loader refuses, declared once: file size, nesting depth, number
range, and the bytes the checks before parsing look at.

One C pass (bytes.translate) keeps the few bytes that those checks need;
most files keep almost none, and each check then asks the short result
first and searches the whole file only when it must.
"""

from __future__ import annotations

import re

MAX_BYTES = 1024 * 1024
# A record is five levels deep at most (practice > metrics > item > comparison
# > period). Refusing far deeper files keeps every recursive step after
# loading (jsonschema, repr in its messages, the rules) far from Python's
# recursion limit; libyaml itself stops at 1000.
MAX_DEPTH = 32

# The largest integer every reader of the published JSON holds exactly
# (I-JSON, RFC 7493: JavaScript, DuckDB, pandas); no real figure comes near.
MAX_INTEGER = 2**53 - 1

# libyaml's reader refuses C0 controls but tab and line breaks, DEL, C1
# controls but NEL, and U+FFFE/U+FFFF (YAML 1.1 c-printable); the last two
# groups only occur after the UTF-8 bytes 0xc2 and 0xef 0xbf.
# rapidyaml accepts, and libyaml refuses or reads otherwise: tabs, escapes
# (surrogates, \N, \L, \P, unknown escapes), the YAML 1.1 line breaks CR, NEL
# (0xc2 0x85), LS and PS (0xe2 0x80 0xa8/9), the reserved indicators @ and `,
# and a plain scalar starting with a closing bracket. Found by fuzzing against
# the libyaml path (tests/test_fuzz.py); a false alarm only costs speed.
CONTROLS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
LIBYAML_ONLY = b"\t\r\\@`"
NOTABLE = CONTROLS + LIBYAML_ONLY + b"]}!&*\xc2\xe2\xef"
NOT_NOTABLE = bytes(b for b in range(256) if b not in NOTABLE)
NOT_CONTROLS = bytes(b for b in range(256) if b not in CONTROLS)
C1_OR_NONCHAR = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]|\xef\xbf[\xbe\xbf]")

# Each starts with a literal byte, which the regex engine finds fast; a
# search for a multi-byte string is slower in a file full of spaces or '€'.
NEL, LS_OR_PS = re.compile(rb"\xc2\x85"), re.compile(rb"\xe2\x80[\xa8\xa9]")

CLOSING_BRACKET, CLOSING_BRACE = re.compile(rb"\](?<=[ \n]\])"), re.compile(rb"\}(?<=[ \n]\})")
