"""Indicator pages: one indicator across every practice that reports it, as a
bar chart and a table, each value with its period, group and source; plus an
index of indicators. A page exists only for an indicator with values.

The checker guarantees that a metric's unit is its indicator's unit, so all
values on one page share a scale.
"""

from __future__ import annotations

from generator.catalog.model import Catalog

from . import dutch
from .figures import LABEL_CHARS, Bar, bar_chart, shorten
from .html_elements import index_list, table
from .page_parts import (
    count_label,
    front_matter,
    html_block,
    indicator_page,
    link,
    place_names,
    practice_page,
    sort_key,
)
from .practice_cards import figure_short, figure_text
from .sanitize import markdown_text, text
from .sources_page import source_html

INDEX = "indicator/index.md"
CHART_LIMIT = 50  # beyond this the chart gets unreadable; the table always lists every value
DIRECTION = {True: "Hoe hoger, hoe beter.", False: "Hoe lager, hoe beter."}


def indicator_pages(catalog: Catalog) -> dict[str, str]:
    values: dict[str, list[tuple[dict, dict]]] = {}
    for practice in catalog.practices.values():
        for metric in practice.get("metrics", ()):
            values.setdefault(metric["indicator"], []).append((practice, metric))
    pages, entries = {}, []
    for row in catalog.codelists["indicator"]:
        found = values.get(row["code"])
        if not found:
            continue
        found = _ordered(row, found)
        pages[indicator_page(row["code"])] = _indicator(catalog, row, found)
        entries.append((row, found))
    pages[INDEX] = _index(entries)
    return pages


def _ordered(row: dict, found: list[tuple[dict, dict]]) -> list[tuple[dict, dict]]:
    """Best value first where the direction is known, otherwise highest first; ties by title."""
    lower_is_better = row.get("higher_is_better") is False
    sign = 1 if lower_is_better else -1
    return sorted(found, key=lambda pm: (sign * pm[1]["value"], sort_key(pm[0]["title"]), pm[0]["id"]))


def _indicator(catalog: Catalog, row: dict, found: list[tuple[dict, dict]]) -> str:
    page = indicator_page(row["code"])
    label = row["label_nl"]
    practices = {p["id"] for p, _ in found}
    unit = catalog.label("unit", row["unit"])
    direction = DIRECTION.get(row.get("higher_is_better"), "")
    intro = (f"<p>{text(row['description_nl'])} Eenheid: {text(unit)}. {direction}</p>"
             f"<p>{text(count_label(len(found), 'waarde', 'waarden'))} uit "
             f"{text(count_label(len(practices), 'voorbeeld', 'voorbeelden'))}. De cijfers komen uit "
             "verschillende bronnen, periodes en groepen: lees bij elk cijfer waar het over gaat voordat u "
             "vergelijkt. Een doel of verwachting is nog geen resultaat.</p>")
    return (front_matter(label, row["description_nl"]) + f"# {markdown_text(label)}\n\n"
            + html_block(intro)
            + "## Grafiek\n\n" + html_block(_chart(catalog, label, found))
            + "## Tabel\n\n" + html_block(_table(catalog, page, label, found)))


def _chart(catalog: Catalog, label: str, found: list[tuple[dict, dict]]) -> str:
    bars = []
    for practice, metric in found[:CHART_LIMIT]:
        name = practice["title"]
        if metric["stage"] != "achieved":  # the stage must survive shortening
            name = shorten(name, LABEL_CHARS - 12) + f" ({catalog.label('metric_stage', metric['stage']).lower()})"
        bars.append(Bar(name, metric["value"], figure_short(catalog, metric), main=metric["stage"] == "achieved"))
    note = ""
    if len(found) > CHART_LIMIT:
        note = (f"<p>De grafiek toont de eerste {CHART_LIMIT} van {dutch.number(len(found))} waarden; "
                "de tabel hieronder toont ze allemaal.</p>")
    legend = ("<p class=\"pv-legend\"><span class=\"pv-legend__main\">Gehaald</span> "
              "<span class=\"pv-legend__other\">Doel of verwachting</span></p>")
    title = f"{label} per voorbeeld: " + "; ".join(f"{b.label}: {b.shown}" for b in bars)
    return note + bar_chart(bars, title, "indicator", width=640) + legend


def _table(catalog: Catalog, page: str, label: str, found: list[tuple[dict, dict]]) -> str:
    rows = []
    for practice, m in found:
        comparison = ""
        if m.get("comparison"):
            c = m["comparison"]
            comparison = text(f"{c['label']}: {figure_text(catalog, c)}")
        rows.append((
            f"{link(page, practice_page(practice['id']), practice['title'])}"
            f"<br><small>{text(place_names(catalog, practice))}</small>",
            text(figure_text(catalog, m)),
            text(catalog.label("metric_stage", m["stage"])),
            text(dutch.when(m)),
            text(m.get("population", "")),
            comparison,
            source_html(catalog, page, m["source"], m["locator"])))
    return table(f"{label}: alle waarden",
                 ("Voorbeeld", "Waarde", "Soort", "Periode", "Over wie", "Vergelijking", "Bron"), rows)


def _index(entries: list[tuple[dict, list]]) -> str:
    items = [(link(INDEX, indicator_page(row["code"]), row["label_nl"]),
              count_label(len({p["id"] for p, _ in found}), "voorbeeld", "voorbeelden"), row["description_nl"])
             for row, found in entries]
    intro = ("<p>Een indicator is iets wat gemeten wordt, zoals uitstroom naar werk of het aantal "
             "deelnemers. Per indicator ziet u de cijfers van alle voorbeelden naast elkaar, in een "
             "grafiek en een tabel, met periode en bron bij elk cijfer.</p>")
    return front_matter("Indicatoren") + "# Indicatoren\n\n" + html_block(intro, index_list(items))
