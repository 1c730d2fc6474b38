"""Seeded mutants of the real practice records, for the fuzz test and `make fuzz`.

`mutant(seed, originals)` turns one of the catalogue's practice files into a
broken variant: the same seed always gives the same bytes. Each mutant applies
one to three mutations from MUTATIONS (byte flips, line edits, indentation,
type swaps, unicode tricks, huge numbers, YAML features, long adversarial
strings, deep nesting, spreadsheet formulas, impossible dates).

`check_batch(catalog, mutants)` writes mutants into a copy of the catalogue
and runs the checker on it the way `python -m generator validate` does, in
process: it returns the exit code the command would give (3 when an
exception escapes), the problems, and how long it took.

Hypothesis is not a dependency; this is a small mutator of our own, aimed at
the inputs that broke the checker before.
"""

from __future__ import annotations

import random
import shutil
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.catalog import check, report  # noqa: E402
from generator.paths import CATALOG_DIR  # noqa: E402

PRACTICES = CATALOG_DIR / "practices"

# Long adversarial strings: each unit repeated up to a length; the runs that
# made backtracking regexes quadratic before (letters, digits, dots, '@',
# markdown link starts, href=).
ADVERSARIAL_UNITS = ("a", "0", "9 ", ".", "a.", "@", "a@", "a@b.", "](", "]( ", "href=", "href= ",
                     "src=\"", "+31", "06", "x-", "b.1", "-", "=", "<", "[a](", " ", "é", "\u200b")

CONTROL = [chr(c) for c in range(0x20) if c not in (9, 10, 13)] + ["\x7f", "\x80", "\x85", "\x9f"]
UNICODE = CONTROL + ["\u2028", "\u2029", "\ufeff", "\u200b", "\u202e", "\ufffe", "\uffff",
                     "\u0301", "\U0001f600", "\t", "\r", "\r\n", "\u00a0", "\u3000"]
ESCAPES = ["\\ud800", "\\udc00", "\\ud83d\\ude00", "\\U0000d800", "\\U00110000", "\\x00", "\\x7f",
           "\\0", "\\N", "\\L", "\\P", "\\_", "\\e", "\\q", "\\", "\\t", "\\r", "\\u003d", "\\x3d"]
NUMBERS = ["9" * 5000, "-" + "9" * 4400, "0x" + "f" * 4000, "0o" + "7" * 6000, "9" * 17,
           "9007199254740993", "-9007199254740993", "1e400", "-1e999", "1" + "0" * 400 + ".5",
           "0." + "0" * 5000 + "1", "0" * 5000 + "1", "1_000", ".inf", "-.inf", ".nan", "0x1F", "012",
           "0o17", "1e3", "-0", "+12", "18446744073709551616"]
SCALARS = ["~", "null", "true", "False", "NO", "yes", "''", '""', "[]", "{}", "[a]", "{a: 1}",
           "[[a]]", "'12'", "2024-02-30", "2023-02-29", "2024-04-31", "2024-13-01", "0000-00-00",
           "2024-02-29", "12:30", "!!str 12", "!!int 12", "!!float 1", "!!binary aGk=",
           "!!timestamp 2001-12-14", "!!set {a}", "!!omap [a: 1]", "!custom x",
           "!!python/object:os.system x", "!<tag:yaml.org,2002:str> x", "&a x", "*a", "|", ">-",
           "|+2\n  x", "'a''b'", '"a\\"b"', "#", "- a", "a: b", "? a", ": a", "@a", "`a`", "%a", "-",
           "=HYPERLINK(\"http://evil.example/\",\"klik\")", "\"+cmd|' /C calc'!A0\"", "\"@SUM(1+1)\"",
           "\"-2+3\"", "\"\\tx\"", "\"\\rx\"", "\"=1\"", "'-'", "\"x\\u003d\"", "\"\\x3dA1\""]
FEATURES = ["---\n", "...\n", "%YAML 1.1\n---\n", "%TAG ! tag:example.com,2000:\n---\n", "--- |\n  x\n",
            "<<: {a: 1}\n", "? [a, b]\n: c\n", "a: &x 1\nb: *x\n", "!!map\n", "--- !!set\n",
            "# comment\n", "\n\n\n", "---\nid: second\n", "? a\n", ": b\n", "[a, b]\n", "{a: b}\n"]


@dataclass
class Mutant:
    seed: int
    name: str  # the practice file it came from, e.g. venlo-re-inspiratie.yaml
    kinds: tuple[str, ...]
    raw: bytes

    def label(self) -> str:
        return f"seed {self.seed} ({'+'.join(self.kinds)} of {self.name})"


def originals(folder: Path = PRACTICES) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every real practice record, in a stable order."""
    return [(path.name, path.read_bytes()) for path in sorted(folder.glob("*.yaml"))]


def mutant(seed: int, sources: list[tuple[str, bytes]], source: int | None = None,
           max_long: int = 200_000) -> Mutant:
    """The mutant for a seed; `source` picks the original (default: by seed)."""
    rng = random.Random(seed)
    name, raw = sources[seed % len(sources) if source is None else source]
    kinds = []
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        kind = rng.choice(KIND_NAMES)
        raw = MUTATIONS[kind](raw, rng, max_long)
        kinds.append(kind)
    return Mutant(seed, name, tuple(kinds), raw)


# ---------------------------------------------------------------- mutations
# Each takes (raw bytes, rng, longest adversarial string) and returns bytes.


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="surrogateescape")


def _raw(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogateescape")


def _lines(raw: bytes) -> list[str]:
    return _text(raw).split("\n")


def _join(lines: list[str]) -> bytes:
    return _raw("\n".join(lines))


def byte_flip(raw, rng, _):
    data = bytearray(raw)
    for _ in range(rng.randint(1, 4)):
        if data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def byte_insert(raw, rng, _):
    pool = b"\x00\x01\x08\x0b\x0c\x1b\x7f\x80\x85\xa0\xc3\xe2\xed\xef\xf0\xff\r\t\n:-[]{}#&*!|>'\"%@`,?\\= "
    at = rng.randrange(len(raw) + 1)
    return raw[:at] + bytes(rng.choice(pool) for _ in range(rng.randint(1, 3))) + raw[at:]


def line_edit(raw, rng, _):
    lines = _lines(raw)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    action = rng.randrange(4)
    if action == 0:
        del lines[i]
    elif action == 1:
        lines.insert(i, lines[i])
    elif action == 2:
        lines[i], lines[j] = lines[j], lines[i]
    else:
        lines.insert(j, lines.pop(i))
    return _join(lines)


def indentation(raw, rng, _):
    lines = _lines(raw)
    i = rng.randrange(len(lines))
    line = lines[i]
    action = rng.randrange(4)
    if action == 0:
        lines[i] = " " * rng.randint(1, 3) + line
    elif action == 1:
        lines[i] = line[min(len(line) - len(line.lstrip(" ")), rng.randint(1, 3)):]
    elif action == 2:
        lines[i] = "\t" + line.lstrip(" ")
    else:
        lines[i] = line.lstrip(" ")
    return _join(lines)


def _value_line(lines, rng):
    """Index of a 'key: value' or '- value' line, and where its value starts."""
    for _ in range(20):
        i = rng.randrange(len(lines))
        line = lines[i]
        if line.lstrip().startswith("#"):
            continue
        colon = line.find(": ")
        if colon >= 0:
            return i, colon + 2
        stripped = line.lstrip(" ")
        if stripped.startswith("- "):
            return i, len(line) - len(stripped) + 2
    return None


def _replace_value(raw, rng, value: str) -> bytes:
    lines = _lines(raw)
    found = _value_line(lines, rng)
    if found is None:
        return raw + _raw(f"x: {value}\n")
    i, start = found
    lines[i] = lines[i][:start] + value
    return _join(lines)


def type_swap(raw, rng, _):
    return _replace_value(raw, rng, rng.choice(SCALARS + NUMBERS[8:]))


def huge_number(raw, rng, _):
    return _replace_value(raw, rng, rng.choice(NUMBERS))


def unicode_trick(raw, rng, _):
    lines = _lines(raw)
    found = _value_line(lines, rng)
    if found is None or rng.random() < 0.3:  # anywhere, also in keys and indentation
        text = _text(raw)
        at = rng.randrange(len(text) + 1)
        return _raw(text[:at] + rng.choice(UNICODE) + text[at:])
    i, start = found
    if rng.random() < 0.5:
        lines[i] = lines[i][:start] + '"a' + rng.choice(ESCAPES) + 'b"'
    else:
        value = lines[i][start:]
        at = rng.randrange(len(value) + 1)
        lines[i] = lines[i][:start] + value[:at] + rng.choice(UNICODE) + value[at:]
    return _join(lines)


def yaml_feature(raw, rng, _):
    lines = _lines(raw)
    action = rng.randrange(4)
    if action == 0:
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(FEATURES).rstrip("\n"))
        return _join(lines)
    if action == 1:
        return _replace_value(raw, rng, rng.choice(SCALARS[20:40]))
    if action == 2:
        return _flow_style(raw, rng)
    found = _value_line(lines, rng)
    if found is None:
        return raw
    i, start = found
    lines[i] = lines[i][:start] + rng.choice(("&a ", "*a ", "!!str ", "!x ", "? ", "| ")) + lines[i][start:]
    return _join(lines)


def _flow_style(raw, rng):
    """A top-level block mapping value rewritten as one flow mapping, via PyYAML."""
    import yaml

    flow, sort, width = rng.random() < 0.5, rng.random() < 0.5, rng.choice((20, 80, 10_000))
    try:  # an earlier mutation may have broken the file or put a huge number in it
        data = yaml.load(raw, Loader=yaml.CSafeLoader)
        if not isinstance(data, dict) or not data:
            return raw
        return _raw(yaml.dump(data, Dumper=yaml.CSafeDumper, default_flow_style=flow, allow_unicode=True,
                              sort_keys=sort, width=width))
    except Exception:
        return raw


def long_string(raw, rng, max_long):
    unit = rng.choice(ADVERSARIAL_UNITS)
    length = rng.choice((1_000, 10_000, max_long))
    text = unit * max(1, length // len(unit))
    style = rng.randrange(3)
    if style == 0 and "'" not in text:
        value = f"'{text}'"
    elif style == 1:
        value = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:
        value = "|-\n  " + text
    return _replace_value(raw, rng, value)


def nesting(raw, rng, _):
    depth = rng.choice((10, 33, 40, 200, 999, 1000, 1001, 5000))
    style = rng.randrange(4)
    if style == 0:
        value = "[" * depth + "a" + "]" * depth
    elif style == 1:
        value = "{a: " * depth + "b" + "}" * depth
    elif style == 2:
        value = "\n" + "".join("  " * (k + 1) + "a:\n" for k in range(min(depth, 400)))
    else:
        value = "- " * min(depth, 400) + "x"
    return _replace_value(raw, rng, value)


def formula(raw, rng, _):
    lines = _lines(raw)
    found = _value_line(lines, rng)
    if found is None:
        return raw
    i, start = found
    sign = rng.choice(("=", "+", "-", "@", "\\t", "\\r"))
    value = lines[i][start:].strip("\"'")
    lines[i] = lines[i][:start] + '"' + sign + value.replace("\\", "\\\\").replace('"', "") + '"'
    return _join(lines)


def date(raw, rng, _):
    lines = _lines(raw)
    dated = [i for i, line in enumerate(lines) if any(k in line for k in ("start:", "end:", "added:", "updated:", "as_of:"))]
    if not dated:
        return raw
    i = rng.choice(dated)
    key = lines[i].split(":", 1)[0]
    lines[i] = f'{key}: "{rng.choice(("2024-02-30", "2023-02-29", "2025-06-31", "2024-00-10", "2024-02-29"))}"'
    return _join(lines)


MUTATIONS = {
    "byte-flip": byte_flip, "byte-insert": byte_insert, "line-edit": line_edit,
    "indentation": indentation, "type-swap": type_swap, "huge-number": huge_number,
    "unicode": unicode_trick, "yaml-feature": yaml_feature, "long-string": long_string,
    "nesting": nesting, "formula": formula, "date": date,
}
KIND_NAMES = sorted(MUTATIONS)


# ---------------------------------------------------------------- checking


@dataclass
class Outcome:
    exit_code: int  # what `python -m generator validate` would return: 0, 1, or 3 for a crash
    seconds: float
    problems: list = field(default_factory=list)
    error: str = ""  # the traceback when an exception escaped

    @property
    def unpositioned(self) -> list:
        return [p for p in self.problems if not (p.line and p.column)]


def copy_catalog(folder: Path, practices: bool = True) -> Path:
    """A copy of the real catalogue; without practices when `practices` is false."""
    target = folder / "catalog"
    shutil.copytree(CATALOG_DIR, target, ignore=None if practices else shutil.ignore_patterns("practices"))
    (target / "practices").mkdir(exist_ok=True)
    return target


def check_batch(catalog: Path, mutants: list[Mutant]) -> Outcome:
    """Write the mutants (distinct names) into catalog/practices and check the catalogue."""
    for m in mutants:
        (catalog / "practices" / m.name).write_bytes(m.raw)
    return check_folder(catalog)


def check_folder(catalog: Path) -> Outcome:
    """Validate a catalogue the way the validate command does.

    The time covers what `python -m generator validate` does (the check and
    the text report); every other report, in both languages, is made after
    it, to show that none of them fails either.
    """
    start = time.perf_counter()
    try:
        result = check.check_catalog(catalog)
        report.text(result.problems, len(result.files), "nl")
        seconds = time.perf_counter() - start
        for lang in ("nl", "en"):
            for reporter in report.REPORTERS.values():
                reporter(result.problems, len(result.files), lang)
        return Outcome(1 if result.has_errors else 0, seconds, result.problems)
    except Exception:  # the command would exit 3 here
        return Outcome(3, time.perf_counter() - start, error=traceback.format_exc())
