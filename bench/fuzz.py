"""Long fuzz campaign of the checker: prints figures, exits 1 when it finds a failure.

    .venv/bin/python bench/fuzz.py [N] [--start SEED] [--jobs J]    (make fuzz: N = 100,000)

Each seeded mutant of a practice record (bench/mutants.py, the same mutator
as tests/test_fuzz.py, with adversarial strings up to 200,000 characters) is
checked alone: it is the only practice in a copy of the catalogue, with the
real sources, places and instruments, and is validated in process the way
`python -m generator validate` does. A failure is: an exception (the command
would exit 3), a problem without line and column, a mutant that the
rapidyaml fast path reads differently from libyaml, or a check that takes
more than 2 seconds.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mutants as M  # noqa: E402

from generator.catalog import load, yaml_fast, yaml_slow  # noqa: E402

TOO_SLOW = 2.0  # seconds for one file
CHUNK = 250


@dataclass
class Result:
    seed: int
    label: str
    kinds: tuple
    exit_code: int
    unpositioned: int
    differs: bool
    seconds: float
    error: str


_state = {}


def _start_worker() -> None:
    _state["originals"] = M.originals()
    _state["catalog"] = M.copy_catalog(Path(tempfile.mkdtemp(prefix="fuzz-")), practices=False)


def _run(seed: int) -> Result:
    mutant = M.mutant(seed, _state["originals"])
    catalog = _state["catalog"]
    outcome = M.check_batch(catalog, [mutant])
    (catalog / "practices" / mutant.name).unlink()
    error = outcome.error.strip().splitlines()[-1] if outcome.error else ""
    return Result(seed, mutant.label(), mutant.kinds, outcome.exit_code, len(outcome.unpositioned),
                  _paths_differ(mutant.raw), outcome.seconds, error)


def _paths_differ(raw: bytes) -> bool:
    """True when the fast path accepts a mutant that libyaml reads otherwise."""
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return False
    if load._first_unprintable(raw) is not None:
        return False
    fast = yaml_fast.fast_value(text)
    return fast is not None and yaml_slow.load_slow(text, "mutant.yaml").data != fast


def _chunk(seeds: range) -> list[Result]:
    return [_run(seed) for seed in seeds]


def main(count: int, start: int, jobs: int) -> int:
    chunks = [range(s, min(s + CHUNK, start + count)) for s in range(start, start + count, CHUNK)]
    print(f"fuzz: {count} mutants (seeds {start}-{start + count - 1}) on {jobs} processes")
    began, results = time.perf_counter(), []
    with multiprocessing.Pool(jobs, initializer=_start_worker) as pool:
        for done, chunk in enumerate(pool.imap_unordered(_chunk, chunks), 1):
            results += chunk
            if done % max(1, len(chunks) // 10) == 0:
                print(f"  {len(results):>7} mutants, {time.perf_counter() - began:6.0f} s", flush=True)
    return _report(results, time.perf_counter() - began)


def _report(results: list[Result], seconds: float) -> int:
    crashes = [r for r in results if r.exit_code not in (0, 1)]
    unpositioned = [r for r in results if r.unpositioned]
    differ = [r for r in results if r.differs]
    slow = [r for r in results if r.seconds > TOO_SLOW]
    print(f"\nmutants                     {len(results):>8}   ({seconds:.0f} s)")
    print(f"exit codes                  {dict(sorted(Counter(r.exit_code for r in results).items()))}")
    print(f"exceptions (exit 3)         {len(crashes):>8}")
    print(f"problems without position   {sum(r.unpositioned for r in results):>8}   (in {len(unpositioned)} mutants)")
    print(f"fast path differs           {len(differ):>8}")
    print(f"over {TOO_SLOW:.0f} s per file            {len(slow):>8}")
    print("\nworst time per file, by mutation (check and text report, in process):")
    worst = {}
    for r in results:
        for kind in set(r.kinds):
            if r.seconds > worst.get(kind, (0, None))[0]:
                worst[kind] = (r.seconds, r)
    for kind, (secs, r) in sorted(worst.items(), key=lambda item: -item[1][0]):
        print(f"  {kind:<14} {secs:6.3f} s   {r.label}")
    failures = crashes + unpositioned + differ + slow
    for r in failures[:20]:
        print(f"FAILURE {r.label}: exit {r.exit_code}, unpositioned {r.unpositioned}, "
              f"differs {r.differs}, {r.seconds:.2f} s {r.error}")
    return 1 if failures else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=100_000)
    parser.add_argument("--start", type=int, default=0, help="first seed")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    sys.exit(main(args.count, args.start, args.jobs))
