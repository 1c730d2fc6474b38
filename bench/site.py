"""Benchmark of the whole website build: prints figures, asserts nothing.

    .venv/bin/python bench/site.py [N ...]      (default: 1000 10000)
    .venv/bin/python bench/site.py --no-serve   (skip the `mkdocs serve` measurement)

For each N it writes a synthetic catalogue (bench/synthetic.py) and runs the
real `generator.build.build` on it in a fresh child process, timing each
phase (check, page generation, the rest of mkdocs, data packages, search
index; the data packages are written in a forked process at the same time as
the pages and mkdocs, in another) and sampling the memory of the whole build: the proportional set
size (PSS) of the build process and all its children (the data process,
Pagefind) added up, so pages they share are counted once.
Then, at 1,000 records, it starts `mkdocs serve` (what `make serve` runs) and
`mkdocs serve --dirty` on a copy of the project with that catalogue, edits one
record and times until the served page shows the edit. Targets: 10,000 records <= 60 s
(issue 12; 1,000 <= 15 s), peak memory < 2 GiB, an edit shown within 5 s at 1,000 records.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ROOT, make_catalog  # noqa: E402

SERVE_RECORDS = 1000
SERVE_TIMEOUT = 600  # seconds to wait for the first `mkdocs serve` build
EDIT_TIMEOUT = 120
# A copy of the project with the synthetic catalogue in place of the real one.
NOT_COPIED = (".git", ".venv", "node_modules", "public", "catalog", "tests", "__pycache__", "*.egg-info")


def main(args: list[str]) -> None:
    serve = "--no-serve" not in args
    sizes = [int(arg) for arg in args if not arg.startswith("--")] or [1000, 10000]
    print(f"{'records':>8} {'total s':>8} {'ms/rec':>7} {'check':>6} {'pages':>6} {'mkdocs':>7} "
          f"{'index':>6} {'data (parallel)':>16} {'peak MiB (all)':>15} {'pagefind MiB':>13}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            catalog = make_catalog(n, Path(tmp))
            figures = _build_in_child(catalog, Path(tmp) / "public")
            _print_build(n, figures)
    if serve:
        # `make serve` runs plain `mkdocs serve`; `--dirty` is mkdocs' own way to skip unchanged pages.
        for options in ([], ["--dirty"]):
            with tempfile.TemporaryDirectory() as tmp:
                first, steady = _serve_edit_latency(Path(tmp), SERVE_RECORDS, options)
                print(f"{' '.join(['mkdocs serve', *options])}, {SERVE_RECORDS} records: one-record edit shown "
                      f"after {first:.1f} s (first edit) and {steady:.1f} s (second edit)")


def _print_build(n: int, f: dict) -> None:
    other_mkdocs = f["build_site"] - f["pages"]
    print(f"{n:>8} {f['total']:>8.1f} {1000 * f['total'] / n:>7.2f} {f['check']:>6.1f} {f['pages']:>6.1f} "
          f"{other_mkdocs:>7.1f} {f['index']:>6.1f} {f['data']:>16.1f} "
          f"{f['peak_kib'] / 1024:>15.0f} {f['pagefind_kib'] / 1024:>13.0f}")


# ---------------------------------------------------------------- one build, timed by phase


def _build_in_child(catalog: Path, out: Path) -> dict:
    """Run the build in a fresh interpreter so its peak memory is the build's alone."""
    command = [sys.executable, __file__, "--child", str(catalog), str(out)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"the build failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child(catalog: Path, out: Path) -> None:
    from generator import build as build_module
    from generator.opendata import datapackage
    from generator.website import extra_pages, pages, site

    spent: dict[str, float] = {"check": 0.0, "pages": 0.0, "build_site": 0.0, "data": 0.0, "index": 0.0}
    me = os.getpid()
    child_times = out.parent / "phase-seconds"  # the phases that run in forked processes report here
    child_times.mkdir()

    def timed(owner, name: str, phase: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[phase] += time.perf_counter() - start
                if os.getpid() != me:
                    (child_times / phase).write_text(str(spent[phase]))
        setattr(owner, name, wrapper)

    timed(build_module, "check_catalog", "check")
    timed(pages, "pages", "pages")  # called by the mkdocs hook, inside build_site
    timed(extra_pages, "pages", "pages")
    timed(site, "build_site", "build_site")
    timed(site, "index_site", "index")
    timed(datapackage, "write_datapackages", "data")
    sampler = _MemorySampler(me)
    sampler.start()
    start = time.perf_counter()
    result = build_module.build(out, catalog_dir=catalog)
    total = time.perf_counter() - start
    sampler.stop()
    if result.has_errors:
        raise SystemExit(f"synthetic catalogue has errors: {result.problems[:3]}")
    for reported in child_times.iterdir():
        spent[reported.name] = float(reported.read_text())
    print(json.dumps({**spent, "total": total, "peak_kib": sampler.peak_kib,
                      "pagefind_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))


class _MemorySampler(threading.Thread):
    """Every 50 ms, the summed PSS of a process and all its descendants; keeps the peak."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root, self.peak_kib, self._done = root, 0, threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.05):
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(pid) for pid in _tree(self.root)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(root: int) -> list[int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# ---------------------------------------------------------------- mkdocs serve


def _serve_edit_latency(tmp: Path, n: int, options: list[str]) -> tuple[float, float]:
    """Seconds from writing a record to `mkdocs serve` serving the edited page (twice)."""
    project = tmp / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(*NOT_COPIED))
    make_catalog(n, project)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(project)}  # the copy's generator, so it reads the copy's catalogue
    log = tmp / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        ident = "praktijk-00000"
        url = f"http://127.0.0.1:{port}/catalogus/voorbeelden/{ident}/"
        _wait_for(server, log, url, "", SERVE_TIMEOUT)
        record = project / "catalog" / "practices" / f"{ident}.yaml"
        return (_edit_and_wait(server, log, record, url, "Eerste bewerking"),
                _edit_and_wait(server, log, record, url, "Tweede bewerking"))
    finally:
        server.terminate()
        server.wait(timeout=30)


def _edit_and_wait(server, log: Path, record: Path, url: str, marker: str) -> float:
    text = record.read_text(encoding="utf-8")
    lines = [f"title: {marker} van een record" if line.startswith("title:") else line
             for line in text.splitlines()]
    start = time.perf_counter()
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _wait_for(server, log, url, marker, EDIT_TIMEOUT)
    return time.perf_counter() - start


def _wait_for(server, log: Path, url: str, marker: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped (exit {server.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if marker in response.read().decode("utf-8"):
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise SystemExit(f"{url} did not show {marker!r} within {timeout} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main(sys.argv[1:])
