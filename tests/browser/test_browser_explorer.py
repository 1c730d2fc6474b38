"""The explorer: filters, sorting, state in the URL, key figures and cost, and a CSV download
(semicolons and a byte-order mark, for Excel with Dutch settings) of exactly the rows shown."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from generator.website.practice_summary import NO_FIGURES, cost_lines, key_figures

ROWS = ".verkennen tbody tr"
CHOICE_COLUMN, TITLE_COLUMN, STATUS_COLUMN, FIGURES_COLUMN, COST_COLUMN = 1, 2, 5, 8, 9


def shown_ids(page) -> list[str]:
    return page.locator(ROWS).evaluate_all("rows => rows.map(row => row.dataset.id)")


def column(page, number: int) -> list[str]:
    return page.locator(f"{ROWS} td:nth-child({number})").all_inner_texts()


def test_explorer_filters_sorts_and_downloads_exactly_the_filtered_rows(page, base_url, catalog, site_dir):
    page.goto(base_url + "verkennen/")
    expect(page.locator(ROWS)).to_have_count(len(catalog.practices))

    status, expected = Counter(p["status"] for p in catalog.practices.values()).most_common(1)[0]
    assert expected < len(catalog.practices), "every practice has the same status; the filter check needs two"
    page.select_option("#verkennen-status", status)
    expect(page.locator(ROWS)).to_have_count(expected)
    assert set(shown_ids(page)) == {p["id"] for p in catalog.practices.values() if p["status"] == status}
    assert set(column(page, STATUS_COLUMN)) == {catalog.label("status", status)}
    assert parse_qs(urlparse(page.url).query) == {"status": [status]}

    sort = page.locator("button[data-kolom=figures]")
    sort.focus()
    page.keyboard.press("Enter")  # keyboard only
    expect(page.locator("th").filter(has=sort)).to_have_attribute("aria-sort", "descending")
    ids = shown_ids(page)
    # The figures are the ones the data package's tables hold, most first.
    with (site_dir / "data" / "metrics.csv").open(encoding="utf-8", newline="") as handle:
        per_practice = Counter(row["practice_id"] for row in csv.DictReader(handle))
    figures = [per_practice[ident] for ident in ids]
    assert figures == sorted(figures, reverse=True)

    with page.expect_download() as info:
        page.locator("[data-verkennen=download]").click()
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.split(b"\r\n")[0].count(b";") >= 10
    text = raw.decode("utf-8-sig")
    downloaded = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert [row["id"] for row in downloaded] == ids
    assert [row["titel"] for row in downloaded] == [catalog.practices[i]["title"] for i in ids]
    assert [int(row["aantal_cijfers"]) for row in downloaded] == figures
    assert {row["status"] for row in downloaded} == {catalog.label("status", status)}

    page.reload()
    expect(page.locator(ROWS)).to_have_count(expected)
    expect(page.locator("#verkennen-status")).to_have_value(status)
    expect(page.locator("th").filter(has=page.locator("button[data-kolom=figures]"))).to_have_attribute(
        "aria-sort", "descending")
    assert shown_ids(page) == ids


def test_explorer_text_filter_matches_title_or_place(page, base_url, catalog):
    place_id, _ = Counter(place for p in catalog.practices.values() for place in p["places"]).most_common(1)[0]
    name = catalog.places[place_id]["name"]

    def matches(practice) -> bool:
        haystack = " ".join([practice["title"], *(catalog.places[p]["name"] for p in practice["places"])])
        return name.lower() in haystack.lower()

    page.goto(base_url + "verkennen/")
    expect(page.locator(ROWS)).to_have_count(len(catalog.practices))
    page.locator("#verkennen-tekst").fill(name)
    wanted = {p["id"] for p in catalog.practices.values() if matches(p)}
    expect(page.locator(ROWS)).to_have_count(len(wanted))
    assert set(shown_ids(page)) == wanted
    assert parse_qs(urlparse(page.url).query) == {"tekst": [name]}
    page.locator("[data-verkennen=wissen]").click()
    expect(page.locator(ROWS)).to_have_count(len(catalog.practices))
    assert urlparse(page.url).query == ""


FORMULAS = ['=HYPERLINK("http://evil.example/","klik")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3",
            "\tTab vooraan", "\rTerugloop vooraan"]


def test_explorer_download_never_hands_a_spreadsheet_a_formula(page, base_url, site_dir):
    """In depth: the checker refuses such titles, so the data package's table is altered in flight."""
    with (site_dir / "data" / "practices.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row, formula in zip(rows, FORMULAS):
        row["title"] = formula
    poisoned = io.StringIO()
    writer = csv.DictWriter(poisoned, fieldnames=list(rows[0]), lineterminator="\r\n")  # quotes a lone \r
    writer.writeheader()
    writer.writerows(rows)
    page.route("**/data/practices.csv", lambda route: route.fulfill(
        status=200, content_type="text/csv; charset=utf-8", body=poisoned.getvalue()))

    page.goto(base_url + "verkennen/")
    expect(page.locator(ROWS)).to_have_count(len(rows))
    with page.expect_download() as info:
        page.locator("[data-verkennen=download]").click()
    text = Path(info.value.path()).read_bytes().decode("utf-8-sig")  # bytes: a \r inside a cell stays \r
    downloaded = {row["id"]: row for row in csv.DictReader(io.StringIO(text, newline=""), delimiter=";")}
    for row, formula in zip(rows, FORMULAS):
        assert downloaded[row["id"]]["titel"] == "'" + formula  # shown as text in Excel and LibreOffice
    for row in downloaded.values():
        assert row["aantal_cijfers"].isdigit()  # numbers stay numbers
        assert not any(cell.startswith(tuple("=+-@\t\r")) for cell in row.values())


def test_explorer_shows_the_key_figures_and_cost_the_pages_show(page, base_url, catalog):
    """The explorer builds its lines from the data package (verkennen-cijfers.js); they match
    the lines of the pages (practice_summary.py), and the download holds them."""
    page.goto(base_url + "verkennen/")
    expect(page.locator(ROWS)).to_have_count(len(catalog.practices))
    ids = shown_ids(page)
    figures = page.locator(f"{ROWS} td:nth-child({FIGURES_COLUMN})").evaluate_all(
        "cells => cells.map(cell => cell.innerText.split('\\n'))")
    costs = page.locator(f"{ROWS} td:nth-child({COST_COLUMN})").evaluate_all(
        "cells => cells.map(cell => cell.innerText.split('\\n'))")
    for ident, shown_figures, shown_costs in zip(ids, figures, costs):
        practice = catalog.practices[ident]
        assert shown_figures == (key_figures(catalog, practice) or [NO_FIGURES]), ident
        assert shown_costs == cost_lines(catalog, practice), ident

    page.locator("button[data-kolom=cost]").click()
    with page.expect_download() as info:
        page.locator("[data-verkennen=download]").click()
    text = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    downloaded = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    first = catalog.practices[downloaded[0]["id"]]
    assert downloaded[0]["kosten"] == " | ".join(cost_lines(catalog, first))
    assert first.get("costs"), "sorted by cost, most first: the first row has a cost"
    assert all(row["kerncijfers"] == " | ".join(key_figures(catalog, catalog.practices[row["id"]]))
               for row in downloaded)


def test_practices_ticked_in_the_explorer_open_side_by_side_and_survive_a_filter(page, base_url, catalog):
    """Keyboard only: tick two rows, filter the table so that one is hidden, and compare."""
    page.goto(base_url + "verkennen/")
    expect(page.locator(ROWS)).to_have_count(len(catalog.practices))
    first, second = sorted(catalog.practices, key=lambda i: catalog.practices[i]["title"])[:2]
    for ident in (first, second):
        box = page.locator(f'{ROWS}[data-id="{ident}"] td:nth-child({CHOICE_COLUMN}) input[type=checkbox]')
        expect(box).to_have_attribute("aria-label", "Vergelijk " + catalog.practices[ident]["title"])
        box.focus()
        page.keyboard.press("Space")
    page.fill("#verkennen-tekst", catalog.practices[first]["title"])
    page.keyboard.press("Enter")
    expect(page.locator(ROWS)).to_have_count(1)
    page.get_by_role("button", name="Vergelijk de gekozen voorbeelden").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/vergelijken/**")
    assert parse_qs(urlparse(page.url).query) == {"p": [f"{first},{second}"]}
    headers = page.locator("table thead th a")
    expect(headers).to_have_count(2)
    assert headers.all_inner_texts() == [catalog.practices[first]["title"], catalog.practices[second]["title"]]
