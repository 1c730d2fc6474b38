"""A practice in one line each: its key figures and its cost, where decisions are made.

The practice page's facts, the shared practice table of every listing (theme,
target group, place and province, status, evidence, instrument) and the
explorer (site/docs/assets/verkennen.js, which builds the same lines from the
data package's metrics.csv and costs.csv) say the same: the first key figures,
outcomes before outputs, and each cost with its kind. Without costs the line
says so, so that "the source gives none" and "we forgot" no longer look alike.
"""

from __future__ import annotations

from generator.catalog.model import Catalog

from . import dutch
from .practice_cards import KIND_ORDER, figure_text

NO_COST = "De bron noemt geen kosten."
NO_FIGURES = "De bron noemt geen cijfers."
STAGE = {"achieved": "werkelijk", "expected": "verwacht", "target": "begroot"}
SHOWN_FIGURES = 3


def key_figures(catalog: Catalog, practice: dict, limit: int = SHOWN_FIGURES) -> list[str]:
    """'Deelnemers aan het werk: 2 personen', outcomes first; the last line counts the rest."""
    metrics = sorted(enumerate(practice.get("metrics", ())), key=lambda im: (KIND_ORDER[im[1]["kind"]], im[0]))
    lines = [f"{m.get('label') or catalog.label('indicator', m['indicator'])}: {figure_text(catalog, m)}"
             for _, m in metrics[:limit]]
    if len(metrics) > limit:
        rest = len(metrics) - limit
        lines.append(f"en {rest} {'cijfer' if rest == 1 else 'cijfers'} meer")
    return lines


def cost_lines(catalog: Catalog, practice: dict) -> list[str]:
    """'€ 100.000 (totaal, verwacht)' per cost item; [NO_COST] without any."""
    lines = []
    for cost in practice.get("costs", ()):
        kind = [catalog.label("cost_basis", cost["basis"]).lower(), STAGE[cost["stage"]]]
        lines.append(f"{dutch.money(cost['amount'], cost['currency'])} ({', '.join(kind)})")
    return lines or [NO_COST]
