"""The whole catalogue as one spreadsheet: data/praktijkvoorbeelden-werk.xlsx.

Written at build time with XlsxWriter, after the data package (build.py), and
deterministic: the document date is the catalogue's own date and XlsxWriter
dates the zip members alike, so the same catalogue gives the same bytes.

The first sheet, "Voorbeelden", is the explorer's view of every practice
(site/docs/assets/verkennen.js): place, period, status, evidence, themes, key
figures and cost, one row per practice by title. Then one sheet per table of
the data package, named after it and holding the same rows as its CSV file.
Every text is written as a string, never as a formula, a number or a link,
whatever it starts with; numbers are numbers where the table schema says so.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from generator.catalog.model import Catalog

from .page_parts import SiteLinks, by_title, practice_page
from .practice_summary import cost_lines, key_figures

FILE_NAME = "praktijkvoorbeelden-werk.xlsx"
OVERVIEW = "Voorbeelden"
OVERVIEW_COLUMNS = ("id", "titel", "plaatsen", "periode_begin", "periode_einde", "status", "bewijsniveau",
                    "themas", "aantal_cijfers", "kerncijfers", "kosten", "adres")
NUMERIC = {"number", "integer"}
OPTIONS = {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
           "in_memory": True}


def write_workbook(catalog: Catalog, data_dir: Path) -> Path:
    """Write the workbook into data_dir, next to the data package it reads; returns its path."""
    import xlsxwriter

    path = data_dir / FILE_NAME
    workbook = xlsxwriter.Workbook(str(path), OPTIONS)
    workbook.set_properties({"title": "Praktijkvoorbeelden werk en participatie", "author": "",
                             "created": _date(catalog)})
    bold = workbook.add_format({"bold": True})
    _sheet(workbook, OVERVIEW, list(OVERVIEW_COLUMNS), overview_rows(catalog), set(), bold)
    for name, columns, rows, numeric in _tables(data_dir):
        _sheet(workbook, name, columns, rows, numeric, bold)
    workbook.close()
    return path


def overview_rows(catalog: Catalog) -> list[list]:
    """The explorer's columns for every practice, by title."""
    links = SiteLinks.of(catalog)
    rows = []
    for p in by_title(catalog.practices.values()):
        period = p.get("period") or {}
        rows.append([p["id"], p["title"], ", ".join(catalog.places[c]["name"] for c in p["places"]),
                     period.get("start", ""), period.get("end", ""), catalog.label("status", p["status"]),
                     catalog.label("evidence_level", p["evidence"]["level"]),
                     ", ".join(catalog.label("theme", t) for t in p["themes"]), len(p.get("metrics", ())),
                     " | ".join(key_figures(catalog, p)), " | ".join(cost_lines(catalog, p)),
                     links.page_url(practice_page(p["id"]))])
    return rows


def _tables(data_dir: Path):
    """(sheet name, columns, rows, numeric columns) per CSV table, in the data package's order."""
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if not str(resource.get("path", "")).endswith(".csv"):
            continue
        fields = resource.get("schema", {}).get("fields", [])
        numeric = {f["name"] for f in fields if f.get("type") in NUMERIC}
        with (data_dir / resource["path"]).open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            columns = next(reader)
            rows = [[_value(cell, column in numeric) for cell, column in zip(row, columns)] for row in reader]
        yield resource["name"][:31], columns, rows, numeric


def _value(cell: str, numeric: bool):
    if not numeric or cell == "":
        return cell
    number = float(cell)
    return int(number) if number.is_integer() and "." not in cell and "e" not in cell.lower() else number


def _sheet(workbook, name: str, columns: list[str], rows: list[list], numeric: set[str], bold) -> None:
    sheet = workbook.add_worksheet(name)
    for col, column in enumerate(columns):
        sheet.write_string(0, col, column, bold)
    for number, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(number, col, value)
            elif value != "":
                sheet.write_string(number, col, str(value))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows), max(len(columns) - 1, 0))


def _date(catalog: Catalog) -> dt.datetime:
    """The catalogue's newest date (as the site's pages are dated), else a fixed one."""
    dates = [d for d in (catalog.last_update, (catalog.dataset or {}).get("released")) if d]
    day = max(dates) if dates else "2000-01-01"
    return dt.datetime.strptime(day, "%Y-%m-%d")

