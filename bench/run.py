"""Benchmark of loading and checking: prints figures, asserts nothing.

    .venv/bin/python bench/run.py [--no-compare] [N ...]   (default: 1000 10000)

For each N it writes a synthetic catalogue (bench/synthetic.py) to a temporary
folder, then times our loader alone, the whole check (load + schema + rules),
and check-jsonschema on the same practice files for comparison.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ROOT, make_catalog  # noqa: E402

from generator.check import check_catalog  # noqa: E402
from generator.load import load_file  # noqa: E402


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
    cmd = [str(exe), "--schemafile", str(ROOT / "schema" / "practice.schema.json"), *map(str, files)]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


if __name__ == "__main__":
    args = sys.argv[1:]
    main([int(arg) for arg in args if arg.isdigit()] or [1000, 10000], compare="--no-compare" not in args)
