"""The compare page (vergelijken/): two to four practices side by side.

The choice lives in the address (`vergelijken/?p=id-a,id-b`, or `?p=id-a&p=id-b` as
a plain form sends it), so a comparison can be sent to a colleague.
site/docs/assets/vergelijken.js reads it and fills the table from one JSON file
(COMPARE_DATA) with the comparison facts of every practice. Those facts are
the practice page's own lines (practice_summary, practice_cards, dutch), made
here once, so the compare page never computes a figure differently. Without
JavaScript the page is a plain form with a checkbox per practice.
"""

from __future__ import annotations

import json

from generator.catalog.model import Catalog

from . import dutch
from .page_parts import by_title, front_matter, href, html_block, link, place_names, practice_page
from .practice_cards import KIND_ORDER, figure_text
from .practice_summary import cost_lines
from .sanitize import text

COMPARE_PAGE = "vergelijken.md"
COMPARE_DATA = "vergelijken/voorbeelden.json"
MAX_CHOSEN = 4
SCRIPT = "assets/vergelijken.js"
ALL_PRACTICES = "voorbeelden/index.md"

INTRO = (
    "<p>Zet twee tot vier voorbeelden naast elkaar: waar en wanneer, hoe het ervoor staat, hoe sterk "
    "het bewijs is, wat het kostte en de cijfers per indicator. Het adres van deze pagina bewaart uw "
    "keuze. Stuur het door, dan ziet een collega dezelfde vergelijking.</p>")


def compare_url(from_page: str, idents: list[str]) -> str:
    """The address of the compare page with these practices chosen."""
    return href(from_page, COMPARE_PAGE) + "?p=" + ",".join(idents)


def figure_rows(catalog: Catalog, practice: dict) -> list[list[str]]:
    """[indicator code, label when the metric has its own, value with unit, period] per metric,
    in the practice page's order (outcomes first)."""
    metrics = sorted(enumerate(practice.get("metrics", ())), key=lambda im: (KIND_ORDER[im[1]["kind"]], im[0]))
    return [[m["indicator"], m.get("label", ""), figure_text(catalog, m), dutch.when(m)] for _, m in metrics]


def compare_facts(catalog: Catalog, practice: dict) -> dict:
    return {
        "titel": practice["title"],
        "adres": href(COMPARE_PAGE, practice_page(practice["id"])),
        "plaats": place_names(catalog, practice),
        "periode": dutch.period(practice.get("period")) or "niet bekend",
        "status": catalog.label("status", practice["status"]),
        "bewijs": catalog.label("evidence_level", practice["evidence"]["level"]),
        "kosten": cost_lines(catalog, practice),
        "cijfers": figure_rows(catalog, practice),
    }


def compare_data(catalog: Catalog) -> str:
    """The JSON file the compare script reads: indicators in codelist order, and every practice."""
    used = {m["indicator"] for p in catalog.practices.values() for m in p.get("metrics", ())}
    content = {
        "indicatoren": [[row["code"], row["label_nl"]] for row in catalog.codelists["indicator"]
                        if row["code"] in used],
        "voorbeelden": {p["id"]: compare_facts(catalog, p) for p in by_title(catalog.practices.values())},
    }
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")) + "\n"


def _choices(catalog: Catalog) -> str:
    """The plain form: a checkbox per practice, sent to this same address."""
    boxes = []
    for number, p in enumerate(by_title(catalog.practices.values()), start=1):
        ident = f"vergelijk-{number}"
        boxes.append(f'<li><input type="checkbox" id="{ident}" name="p" value="{text(p["id"])}">'
                     f'<label for="{ident}">{text(p["title"])} '
                     f'<span class="pv-compare__place">({text(place_names(catalog, p))})</span></label></li>')
    return ('<form class="pv-compare__form" method="get" action="./" data-vergelijken="keuze">'
            '<fieldset><legend>Kies twee tot vier voorbeelden</legend>'
            f'<ul class="pv-compare__choices">{"".join(boxes)}</ul></fieldset>'
            '<button type="submit" class="md-button md-button--primary">Vergelijk</button></form>')


def compare_markdown(catalog: Catalog) -> str:
    data = href(COMPARE_PAGE, COMPARE_DATA)
    result = (f'<div class="pv-compare" data-vergelijken="app" data-gegevens="{text(data)}" '
              f'data-max="{MAX_CHOSEN}">'
              '<p class="pv-compare__status" data-vergelijken="status" role="status" aria-live="polite"></p>'
              '<div class="pv-compare__result" data-vergelijken="tabel"></div>'
              '<noscript><p>De tabel naast elkaar werkt met JavaScript. Zonder JavaScript vindt u elk '
              f'voorbeeld op zijn eigen pagina, via {link(COMPARE_PAGE, ALL_PRACTICES, "alle voorbeelden")}.'
              '</p></noscript></div>')
    # The page's own script (site/overrides/main.html loads it), and no table of contents.
    meta = front_matter("Voorbeelden vergelijken", "Twee tot vier praktijkvoorbeelden naast elkaar.",
                        scripts=(SCRIPT,), hide_toc=True)
    return (meta
            + "# Voorbeelden vergelijken\n\n" + html_block(INTRO, result, _choices(catalog)))


def compare_files(catalog: Catalog) -> dict[str, str]:
    return {COMPARE_PAGE: compare_markdown(catalog), COMPARE_DATA: compare_data(catalog)}
