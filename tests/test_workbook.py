"""The whole catalogue as a spreadsheet (issue 13): it opens with openpyxl, holds the same rows
as the data package's CSV tables and the explorer, writes no formula, and is the same every build."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from generator.catalog.check import check_catalog
from generator.opendata.datapackage import write_datapackages
from generator.paths import CATALOG_DIR, SCHEMA_DIR
from generator.website import workbook


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    catalog = check_catalog(CATALOG_DIR, SCHEMA_DIR).catalog
    data = tmp_path_factory.mktemp("data")
    write_datapackages(catalog, data)
    return catalog, data, workbook.write_workbook(catalog, data)


def values(sheet) -> list[list]:
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


def test_every_table_is_a_sheet_with_the_same_rows(built):
    _, data, path = built
    book = openpyxl.load_workbook(path)
    tables = sorted(data.glob("*.csv"))
    assert len(book.sheetnames) == len(tables) + 1 and book.sheetnames[0] == workbook.OVERVIEW
    for table in tables:
        with table.open(encoding="utf-8", newline="") as handle:
            expected = list(csv.reader(handle))
        shown = values(book[table.stem[:31]])
        assert len(shown) == len(expected), table.name
        for got, want in zip(shown, expected):
            # A number cell holds the CSV's number; every other cell its text, unchanged.
            assert [float(w) == g if isinstance(g, (int, float)) else g == w
                    for g, w in zip(got, want)] == [True] * len(want), (table.name, want)


def test_the_overview_is_the_explorers_view_of_every_practice(built):
    catalog, _, path = built
    sheet = openpyxl.load_workbook(path)[workbook.OVERVIEW]
    rows = values(sheet)
    assert tuple(rows[0]) == workbook.OVERVIEW_COLUMNS
    assert sorted(row[0] for row in rows[1:]) == sorted(catalog.practices)
    assert rows[1:] == [["" if v == "" else v for v in row] for row in workbook.overview_rows(catalog)]
    costs = {row[0]: row[10] for row in rows[1:]}
    assert "De bron noemt geen kosten." in costs.values()


def test_no_cell_is_a_formula_and_text_stays_text(tmp_path, built):
    catalog, data, _ = built
    book = openpyxl.load_workbook(built[2])
    assert not [cell.coordinate for sheet in book for row in sheet.iter_rows() for cell in row
                if cell.data_type == "f"]
    # Text that looks like a formula, a number or a link is written as text (the checker refuses such
    # titles; this holds even if one slips through).
    import xlsxwriter

    path = tmp_path / "proef.xlsx"
    book = xlsxwriter.Workbook(str(path), workbook.OPTIONS)
    bold = book.add_format({"bold": True})
    workbook._sheet(book, "Proef", ["a"], [['=HYPERLINK("http://evil.example/")'], ["0612"],
                                           ["https://example.org"], [12]], set(), bold)
    book.close()
    cells = [row[0] for row in openpyxl.load_workbook(path)["Proef"].iter_rows(min_row=2)]
    assert [(c.value, c.data_type) for c in cells] == [('=HYPERLINK("http://evil.example/")', "s"),
                                                       ("0612", "s"), ("https://example.org", "s"), (12, "n")]


def test_the_same_catalogue_gives_the_same_bytes(built, tmp_path):
    catalog, data, path = built
    first = path.read_bytes()
    assert workbook.write_workbook(catalog, data).read_bytes() == first
