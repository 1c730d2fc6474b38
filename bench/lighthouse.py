"""Lighthouse benchmark: prints performance, accessibility, best practices and SEO; asserts nothing.

    .venv/bin/python bench/lighthouse.py [--site public] [--runs N] [--audits]

Builds the real catalogue (or uses a built site with --site), serves it on
127.0.0.1 with gzip as GitHub Pages does (bench/served.py) and runs Lighthouse
(npm, pinned in package-lock.json) with Debian's chromium on the home page, a
practice page, search, the explorer and the compare page, with Lighthouse's
mobile and desktop presets. Throttling is simulated (Lighthouse's default), so
the figures are of a mid-range phone on a slow 4G line, computed from a
trace taken on this machine: on a busy machine they still move a few points
between runs; --runs N runs each page N times and prints the median.

Nothing leaves the machine: chromium resolves no host but 127.0.0.1 (its
background services are off), Lighthouse's error reporting is off, and every
request Lighthouse saw is checked to be local. --audits lists, per page, the
audits that did not pass (what to fix).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from served import serve_compressed  # noqa: E402
from synthetic import ROOT  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = "/usr/bin/chromium"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                # Any host but the local server fails to resolve: nothing can phone home.
                '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"']
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = [("largest-contentful-paint", "LCP", "s"), ("cumulative-layout-shift", "CLS", ""),
           ("total-blocking-time", "TBT", "ms")]
PRESETS = ["mobile", "desktop"]


def main(args: list[str]) -> int:
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 1
    audits = "--audits" in args
    if "--site" in args:
        return _run(Path(args[args.index("--site") + 1]), runs, audits)
    from generator.build import build

    with tempfile.TemporaryDirectory() as tmp:
        result = build(Path(tmp) / "public")
        if result.has_errors:
            raise SystemExit("the catalogue has errors; run `python -m generator validate`")
        return _run(Path(tmp) / "public", runs, audits)


def pages(site: Path) -> list[tuple[str, str]]:
    """(name, path under the site) of each page measured; the compare page only if the site has one."""
    practice = sorted(path.name for path in (site / "voorbeelden").iterdir() if path.is_dir())[0]
    chosen = [("home", ""), ("practice", f"voorbeelden/{practice}/"), ("search", "zoeken/"),
              ("explorer", "verkennen/"), ("compare", "vergelijken/")]
    present = [(name, path) for name, path in chosen if (site / path / "index.html").is_file()]
    for name, path in chosen:
        if (name, path) not in present:
            print(f"note: no {path} in this site; {name} is skipped")
    return present


def _run(site: Path, runs: int, audits: bool) -> int:
    measured = pages(site)
    print(f"lighthouse {_version()}, simulated throttling, median of {runs} run(s); "
          f"categories x100, LCP in s, TBT in ms")
    print(f"{'page':9} {'preset':8} {'perf':>5} {'a11y':>5} {'b-p':>5} {'seo':>5} {'LCP':>6} {'CLS':>6} {'TBT':>6}")
    with serve_compressed(site) as base:
        for preset in PRESETS:
            for name, path in measured:
                reports = [_lighthouse(base + path, preset) for _ in range(runs)]
                _print_row(name, preset, reports)
                if audits:
                    _print_failed(reports[-1])
    return 0


def _lighthouse(url: str, preset: str) -> dict:
    command = [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
               "--no-enable-error-reporting", f"--only-categories={','.join(CATEGORIES)}",
               f"--chrome-flags={' '.join(CHROME_FLAGS)}"]
    if preset == "desktop":
        command.append("--preset=desktop")
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "CHROME_PATH": CHROME_PATH})
    if done.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    _check_local(report, url)
    return report


def _check_local(report: dict, url: str) -> None:
    """Every request of the page went to the local server."""
    local = url.split("/catalogus/", 1)[0]
    items = report["audits"].get("network-requests", {}).get("details", {}).get("items", [])
    outside = sorted({item["url"] for item in items if not item["url"].startswith((local, "data:", "blob:"))})
    if outside:
        print(f"  WARNING: {url} requested {len(outside)} address(es) outside the local server: {outside[:5]}")


def _print_row(name: str, preset: str, reports: list[dict]) -> None:
    scores = [_median([report["categories"][c]["score"] for report in reports]) for c in CATEGORIES]
    cells = ["  n/a" if score is None else f"{100 * score:5.0f}" for score in scores]
    metrics = []
    for audit, _label, unit in METRICS:
        value = _median([report["audits"][audit]["numericValue"] for report in reports])
        metrics.append(f"{value / 1000:6.2f}" if unit == "s" else f"{value:6.0f}" if unit else f"{value:6.3f}")
    print(f"{name:9} {preset:8} {' '.join(cells)} {' '.join(metrics)}", flush=True)


def _median(values: list):
    known = [value for value in values if value is not None]
    return statistics.median(known) if known else None


def _print_failed(report: dict) -> None:
    """The audits that count towards a category and did not pass, with what they measured."""
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                print(f"    {category}: {ref['id']} ({audit['score']:.2f}) {shown}")


def _version() -> str:
    package = json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text(encoding="utf-8"))
    return package["version"]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
