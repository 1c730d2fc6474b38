"""Search benchmark: prints hit@5 and recall@10 of bench/search_queries.yaml; asserts nothing.

    .venv/bin/python bench/search.py [--site public]

Builds the real catalogue (or uses a built site with --site), serves it on
127.0.0.1 and runs every query in headless chromium through the real search
page: it opens zoeken/?q=<query>, as a shared link would, waits for the
results of site/docs/assets/zoeken.js (with zoeken-taal.js and the Pagefind
index) and reads the result links in order. So the figures are those of the
page itself, not of a copy of its logic.

hit@5: the share of queries with at least one expected page among the first
five results. recall@10: the share of expected pages among the first ten,
averaged over the queries. For a typo of a place name (place: true) it also
checks that "Bedoelde u …?" appears and links to a page that exists.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

QUERIES = Path(__file__).with_name("search_queries.yaml")


def main(args: list[str]) -> int:
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    if "--site" in args:
        return _run(Path(args[args.index("--site") + 1]), queries)
    from generator.build import build

    with tempfile.TemporaryDirectory() as tmp:
        result = build(Path(tmp) / "public")
        if result.has_errors:
            raise SystemExit("the catalogue has errors; run `python -m generator validate`")
        return _run(Path(tmp) / "public", queries)


def _run(site: Path, queries: list[dict]) -> int:
    from playwright.sync_api import sync_playwright

    rows = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        for query in queries:
            rows.append(_one(page, base, query))
        browser.close()
    _report(rows)
    return 0


def _one(page, base: str, query: dict) -> dict:
    started = time.perf_counter()
    page.goto(base + "zoeken/?" + urllib.parse.urlencode({"q": query["q"]}))
    page.wait_for_function("() => { const app = document.querySelector('[data-zoeken=app]');"
                           " return app && app.getAttribute('aria-busy') === 'false'; }")
    seconds = time.perf_counter() - started
    links = page.eval_on_selector_all("[data-zoeken=resultaten] h2 a", "links => links.map(a => a.href)")
    found = [link.rstrip("/").rsplit("/", 1)[-1] for link in links]
    expected = query["expect"]
    row = {"q": query["q"], "kind": query["kind"], "found": found[:10], "expected": expected,
           "hit5": any(ident in found[:5] for ident in expected),
           "recall10": sum(ident in found[:10] for ident in expected) / len(expected), "seconds": seconds}
    if query.get("place"):
        row["hint"] = _hint_works(page)
    return row


def _hint_works(page) -> bool:
    """The "Bedoelde u …?" line is shown and its link answers 200."""
    hint = page.query_selector("[data-zoeken=suggestie]:not([hidden]) a")
    if hint is None:
        return False
    try:
        with urllib.request.urlopen(hint.evaluate("a => a.href")) as response:
            return response.status == 200
    except OSError:
        return False


def _report(rows: list[dict]) -> None:
    for row in rows:
        if not row["hit5"] or row["recall10"] < 1 or row.get("hint") is False:
            hint = "" if "hint" not in row else f" hint={'yes' if row['hint'] else 'NO'}"
            print(f"  {row['kind']:9} {row['q']!r}: hit@5={'yes' if row['hit5'] else 'NO'} "
                  f"recall@10={row['recall10']:.2f}{hint}; first ten: {', '.join(row['found'])}")
    hit5 = statistics.mean(row["hit5"] for row in rows)
    recall10 = statistics.mean(row["recall10"] for row in rows)
    hints = [row["hint"] for row in rows if "hint" in row]
    print(f"search benchmark: {len(rows)} queries, hit@5 {100 * hit5:.1f} %, recall@10 {100 * recall10:.1f} %, "
          f"'Bedoelde u' on {sum(hints)} of {len(hints)} place typos, "
          f"median {1000 * statistics.median(row['seconds'] for row in rows):.0f} ms per query (page load included)")
    for kind in sorted({row["kind"] for row in rows}):
        mine = [row for row in rows if row["kind"] == kind]
        print(f"  {kind:9} {len(mine):>3} queries  hit@5 {100 * statistics.mean(r['hit5'] for r in mine):5.1f} %  "
              f"recall@10 {100 * statistics.mean(r['recall10'] for r in mine):5.1f} %")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
