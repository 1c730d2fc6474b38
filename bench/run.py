"""Benchmark of loading and checking: prints figures, asserts nothing.

    .venv/bin/python bench/run.py [--no-compare] [N ...]   (default: 1000 10000)

For each N it writes a synthetic catalogue (bench/synthetic.py) to a temporary
folder, then times our loader alone, the whole check (load + schema + rules),
and check-jsonschema on the same practice files for comparison. Then the worst
case: a 1 MiB file of adversarial strings (long runs of '@', digits, '](',
'href=', dots, phone numbers, ...) next to a normal file of the same size,
each the one practice of a small catalogue.
"""

from __future__ import annotations

import copy
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ROOT, make_catalog  # noqa: E402

from generator.catalog import report  # noqa: E402
from generator.catalog.check import check_catalog  # noqa: E402
from generator.catalog.load import MAX_BYTES, load_file  # noqa: E402

# Runs that made regexes quadratic before, or that match a rule at every turn.
ADVERSARIAL = ("@", "a", "0", "9 ", ".", "a.", "a@", "a@b.", "](", "]( ", "](x) ", "href=", "href= ",
               "src=\"", "+31", "0612345678 ", "a@b.nl ", "x-", "=", "<", "\u200b")


def main(sizes: list[int], compare: bool = True) -> None:
    print(f"{'records':>8} {'load s':>8} {'load rec/s':>11} {'check s':>8} {'check rec/s':>12} "
          f"{'ms/rec':>7} {'check-jsonschema s':>19} {'ms/rec':>7} {'speed-up':>9}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            catalog = make_catalog(n, Path(tmp))
            files = sorted((catalog / "practices").glob("*.yaml"))
            load_s = _time(lambda: [load_file(f) for f in files])
            check_s = _time(lambda: _check(catalog))
            cj_s = _check_jsonschema(files) if compare else float("nan")
            print(f"{n:>8} {load_s:>8.2f} {n / load_s:>11.0f} {check_s:>8.2f} {n / check_s:>12.0f} "
                  f"{1000 * check_s / n:>7.3f} {cj_s:>19.2f} {1000 * cj_s / n:>7.3f} {cj_s / check_s:>8.1f}x")


def worst_case() -> None:
    """Seconds to check (and report on) 1 MiB of adversarial strings vs a normal 1 MiB file."""
    with tempfile.TemporaryDirectory() as tmp:
        catalog = make_catalog(1, Path(tmp))
        practice = next((catalog / "practices").glob("*.yaml"))
        record = yaml.safe_load(practice.read_text(encoding="utf-8"))
        normal = _normal_mib(record)
        print(f"\n1 MiB files, the one practice of a small catalogue ({len(normal)} bytes each): "
              "seconds for check and report, problems in the file")
        rows = [("normal (valid, many metrics)", normal)]
        rows += [(f"adversarial {unit!r}", _adversarial(record, unit, len(normal))) for unit in ADVERSARIAL]
        times = []
        for name, raw in rows:
            practice.write_bytes(raw)
            seconds, problems = _check_once(catalog, practice.name)
            times.append((seconds, name))
            print(f"  {name:<34} {seconds:6.3f} s {problems:>7}")
        worst = max(times[1:])
        print(f"  worst adversarial: {worst[1]} {worst[0]:.3f} s; normal {times[0][0]:.3f} s")


def _normal_mib(record: dict) -> bytes:
    """The record with its metrics repeated until the file is nearly 1 MiB: valid, ordinary text."""
    one, two = (len(_dump(_with_metrics(record, k))) for k in (1, 2))
    return _dump(_with_metrics(record, (MAX_BYTES - 4096 - one) // (two - one) + 1))


def _with_metrics(record: dict, copies: int) -> dict:
    # copies, not the same objects again: the dumper would write anchors, which the loader refuses
    return {**record, "metrics": [copy.deepcopy(m) for _ in range(copies) for m in record["metrics"]]}


def _dump(record: dict) -> bytes:
    return yaml.dump(record, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100).encode("utf-8")


def _adversarial(record: dict, unit: str, size: int) -> bytes:
    """The record with a description of one unit repeated, as large as `size` bytes in all."""
    small = _dump({**record, "description": ""}).decode("utf-8")
    room = size - len(small.encode("utf-8")) - 16
    text = (unit * (room // len(unit.encode("utf-8")) + 1)).encode("utf-8")[:room].decode("utf-8", "ignore")
    return small.replace("description: ''", "description: |-\n  " + text).encode("utf-8")


def _check_once(catalog: Path, name: str) -> tuple[float, int]:
    """Seconds for the check and its text report, and the problems in the file `name`."""
    start = time.perf_counter()
    result = check_catalog(catalog)
    report.text(result.problems, len(result.files), "nl")
    return time.perf_counter() - start, sum(Path(p.file).name == name for p in result.problems)


def _check(catalog: Path) -> None:
    result = check_catalog(catalog)
    if result.has_errors:
        raise SystemExit(f"synthetic catalogue has errors: {result.problems[:3]}")


def _time(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _check_jsonschema(files: list[Path]) -> float:
    exe = Path(sys.executable).with_name("check-jsonschema")
    cmd = [str(exe), "--base-uri", (ROOT / "schema").as_uri() + "/",
           "--schemafile", str(ROOT / "schema" / "practice.schema.json"), *map(str, files)]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


if __name__ == "__main__":
    args = sys.argv[1:]
    main([int(arg) for arg in args if arg.isdigit()] or [1000, 10000], compare="--no-compare" not in args)
    worst_case()
