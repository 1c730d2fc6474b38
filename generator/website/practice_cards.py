"""A practice's key figures: one card per metric, with its value in words,
what it is about, its comparison and baseline, its source and, where they
share a unit, a small bar chart. Also the value formats the indicator pages
use for the same metrics.
"""

from __future__ import annotations

from generator.catalog.model import Catalog

from . import dutch
from .figures import Bar, bar_chart
from .html_elements import facts
from .page_parts import indicator_page, link
from .sanitize import text
from .sources_page import source_html

KIND_ORDER = {"outcome": 0, "output": 1, "input": 2, "context": 3}
CARD_CHART_WIDTH = 260  # about the card's width in CSS pixels, so chart text keeps its size


def figure_text(catalog: Catalog, item: dict) -> str:
    """A value as the page writes it, with its qualifier: 'ruim 20 uur', 'hoogstens 40 personen per werkcoach'."""
    shown = dutch.quantity(item["value"], item["unit"], catalog.label("unit", item["unit"]))
    qualifier = item.get("qualifier")
    if qualifier and qualifier != "exact":
        return f"{catalog.label('qualifier', qualifier).lower()} {shown}"
    return shown


def figure_short(catalog: Catalog, item: dict) -> str:
    """The value for a chart, where the unit is already said: 'ruim 20', 'hoogstens 40', '−26%'."""
    unit = item["unit"]
    shown = dutch.quantity(item["value"], unit, "") if unit in dutch.SHORT_UNITS else dutch.number(item["value"])
    qualifier = item.get("qualifier")
    if qualifier and qualifier != "exact":
        return f"{catalog.label('qualifier', qualifier).lower()} {shown.strip()}"
    return shown.strip()


def cards(catalog: Catalog, p: dict, page: str) -> str:
    metrics = sorted(enumerate(p.get("metrics", ())), key=lambda im: (KIND_ORDER[im[1]["kind"]], im[0]))
    if not metrics:
        return ""
    shown = [_card(catalog, metric, number, page) for number, metric in metrics]
    return '<div class="pv-cards">' + "".join(shown) + "</div>"


def _card(catalog: Catalog, m: dict, number: int, page: str) -> str:
    title = m.get("label") or catalog.label("indicator", m["indicator"])
    value = figure_text(catalog, m)
    details = [
        ("Periode", text(dutch.when(m))),
        ("Over wie", text(m.get("population", ""))),
        ("Vergelijking", _comparison(catalog, m, page)),
        ("Uitgangssituatie", _baseline(catalog, m)),
        ("In de bron", text(f"“{m['as_given']}”") if m.get("as_given") else ""),
        ("Afgeleid", text(m.get("derived", ""))),
        ("Toelichting", text(m.get("note", ""))),
        ("Bron", source_html(catalog, page, m["source"], m["locator"])),
    ]
    kind = catalog.label("metric_kind", m["kind"])
    stage = catalog.label("metric_stage", m["stage"])
    compare = link(page, indicator_page(m["indicator"]),
                   f"Vergelijk {catalog.label('indicator', m['indicator']).lower()} met andere voorbeelden")
    return (f'<div class="pv-card pv-card--{m["kind"]}">'
            f'<h3 class="pv-card__title">{text(title)}</h3>'
            f'<p class="pv-card__value">{text(value)}</p>'
            f'<p class="pv-card__kind">{text(kind)} · {text(stage)}</p>'
            f'{_card_chart(catalog, m, number, title, value)}'
            # Search indexes what the figure is and its value, not the details around it.
            + facts(details, "pv-card__facts", ignored=True)
            + f'<p class="pv-card__more" data-pagefind-ignore>{compare}</p></div>')


def _comparison(catalog: Catalog, m: dict, page: str) -> str:
    c = m.get("comparison")
    if not c:
        return ""
    details = [dutch.period(c.get("period"))]
    if c.get("place"):
        details.append(catalog.places[c["place"]]["name"])
    details = [d for d in details if d]
    out = f"{text(c['label'])}: {text(figure_text(catalog, c))}"
    out += f" ({text(', '.join(details))})" if details else ""
    if c.get("as_given"):
        out += text(f", in de bron: “{c['as_given']}”")
    if c.get("source") and (c["source"] != m["source"] or c.get("locator")):
        out += ". Bron: " + source_html(catalog, page, c["source"], c.get("locator"))
    if c.get("note"):
        out += f". {text(c['note'])}"
    return out


def _baseline(catalog: Catalog, m: dict) -> str:
    b = m.get("baseline")
    if not b:
        return ""
    out = text(figure_text(catalog, b))
    if b.get("period"):
        out += f" ({text(dutch.period(b['period']))})"
    if b.get("as_given"):
        out += text(f", in de bron: “{b['as_given']}”")
    return out + (f". {text(b['note'])}" if b.get("note") else "")


def _card_chart(catalog: Catalog, m: dict, number: int, title: str, value: str) -> str:
    """Bars for the figure and, where they share its unit, its comparison and baseline."""
    bars = [Bar("Dit voorbeeld", m["value"], figure_short(catalog, m), main=True)]
    described = [f"dit voorbeeld: {value}"]
    c, b = m.get("comparison"), m.get("baseline")
    if c and c["unit"] == m["unit"]:
        bars.append(Bar(c["label"], c["value"], figure_short(catalog, c)))
        described.append(f"{c['label']}: {figure_text(catalog, c)}")
    if b and b["unit"] == m["unit"]:
        when = dutch.period(b.get("period"))
        label = "Uitgangssituatie" + (f" ({when})" if when else "")
        bars.append(Bar(label, b["value"], figure_short(catalog, b)))
        described.append(f"{label.lower()}: {figure_text(catalog, b)}")
    if len(bars) < 2:
        return ""
    return bar_chart(bars, f"{title}. Staafdiagram, {'; '.join(described)}", f"cijfer-{number + 1}",
                     width=CARD_CHART_WIDTH)
