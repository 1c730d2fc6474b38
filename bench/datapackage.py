"""Benchmark of the data package: prints figures, asserts nothing.

    .venv/bin/python bench/datapackage.py [N ...]   (default: 1000 10000)

For each N it writes a synthetic catalogue (bench/synthetic.py), checks it
(not timed), then times writing the catalogue package (CSV per table,
practices.json, datapackage.json), `frictionless validate` of that package
(Python API, foreign keys included), and the whole data output
(write_datapackages: also the per-practice packages, zips and catalog.jsonld).
Targets at 10,000 records: write <= 3 s, validate <= 10 s (wall time).
Beside the wall time it prints the CPU time (this process and its children):
on a machine shared with other jobs the wall time says more about them.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_catalog  # noqa: E402

from generator.catalog.check import check_catalog  # noqa: E402
from generator.opendata.datapackage import write_catalog_package, write_datapackages  # noqa: E402


def main(sizes: list[int]) -> None:
    print(f"{'records':>8} {'rows':>8} {'MB':>6} {'write s':>8} {'cpu s':>6} {'ms/rec':>7} "
          f"{'validate s':>11} {'cpu s':>6} {'ms/rec':>7} {'errors':>7} {'all data s':>11} {'ms/rec':>7}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            result = check_catalog(make_catalog(n, folder))
            if result.has_errors:
                raise SystemExit(f"synthetic catalogue has errors: {result.problems[:3]}")
            package = folder / "package"
            start, cpu = time.perf_counter(), _cpu()
            descriptor = write_catalog_package(result.catalog, package)
            write_s, write_cpu = time.perf_counter() - start, _cpu() - cpu
            start, cpu = time.perf_counter(), _cpu()
            report = _validate(package / "datapackage.json")
            validate_s, validate_cpu = time.perf_counter() - start, _cpu() - cpu
            start = time.perf_counter()
            write_datapackages(result.catalog, folder / "data")
            all_s = time.perf_counter() - start
            rows = sum(task.stats.get("rows") or 0 for task in report.tasks)
            megabytes = sum(r["bytes"] for r in descriptor["resources"]) / 1e6
            print(f"{n:>8} {rows:>8} {megabytes:>6.1f} {write_s:>8.2f} {write_cpu:>6.2f} {1000 * write_s / n:>7.3f} "
                  f"{validate_s:>11.2f} {validate_cpu:>6.2f} {1000 * validate_s / n:>7.3f} "
                  f"{report.stats['errors']:>7} {all_s:>11.2f} {1000 * all_s / n:>7.3f}")


def _cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _validate(path: Path):
    from frictionless import validate

    return validate(str(path))


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 10000])
