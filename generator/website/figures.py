"""Small inline SVG bar charts: a key figure against its comparison, and one
indicator across practices.

Charts only repeat numbers that the page also states as text (the card or the
table next to them); the SVG carries a <title> for screen readers. Colours
come from CSS classes (site/docs/assets/catalogus.css), so they follow the
site's colour scheme. Coordinates are written with one decimal, so the same
values always give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from .sanitize import text

WIDTH = 320          # viewBox width; the SVG scales to its container
VALUE_COLUMN = 86    # right-hand column holding each bar's value as text
ROW_HEIGHT = 34      # label line + bar
BAR_HEIGHT = 12
LABEL_CHARS = 52     # longer labels are shortened (the text or table next to a chart has them in full)


@dataclass(frozen=True)
class Bar:
    label: str          # what the bar is ("Venlo", "landelijk")
    value: float
    shown: str          # the value as the page writes it ("−26%")
    main: bool = False  # the practice's own figure, drawn in the accent colour


def bar_chart(bars: list[Bar], title: str, ident: str, width: int = WIDTH) -> str:
    """Horizontal bars on one scale with a zero line; negative values grow to the left."""
    low = min(0.0, *(b.value for b in bars))
    high = max(0.0, *(b.value for b in bars))
    span = (high - low) or 1.0
    area = width - VALUE_COLUMN

    def x(value: float) -> float:
        return (value - low) / span * area

    zero = x(0.0)
    height = ROW_HEIGHT * len(bars) + 4
    parts = [
        # data-pagefind-ignore: the chart repeats figures the page writes out, search skips it
        f'<svg class="pv-chart" data-pagefind-ignore viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{ident}-title" preserveAspectRatio="xMinYMin meet" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">{text(title)}</title>',
    ]
    for row, bar in enumerate(bars):
        top = row * ROW_HEIGHT
        start, end = sorted((zero, x(bar.value)))
        kind = "pv-chart__bar--main" if bar.main else "pv-chart__bar--other"
        parts.append(
            f'<text class="pv-chart__label" x="0" y="{top + 11}">{text(shorten(bar.label))}</text>'
            f'<rect class="pv-chart__bar {kind}" x="{start:.1f}" y="{top + 15}" '
            f'width="{max(end - start, 1.0):.1f}" height="{BAR_HEIGHT}"/>'
            f'<text class="pv-chart__value" x="{width}" y="{top + 25}" text-anchor="end">'
            f'{text(bar.shown)}</text>')
    if low < 0:
        parts.append(f'<line class="pv-chart__zero" x1="{zero:.1f}" y1="0" x2="{zero:.1f}" '
                     f'y2="{height}"/>')
    parts.append("</svg>")
    return "".join(parts)


def shorten(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"
