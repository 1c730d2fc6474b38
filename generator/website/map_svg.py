"""Maps of the Netherlands as inline SVG, drawn at build time: no tiles, no third-party request.

The outline is Natural Earth's, derived once from the npm package world-atlas
into netherlands_outline.json (generator/tools/outline.py says how; the about
page cites it). Places are drawn at their `lat`/`lon` from catalog/places.yaml,
which every place has (the schema requires it): for a municipality its rough
centroid, for a region, province or water board a rough centroid of its area.
The projection is equirectangular with the longitude scaled by cos(52°), close
enough to true shape at this latitude. Coordinates are written with one
decimal, so the same catalogue gives the same bytes.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from .sanitize import text

OUTLINE_FILE = Path(__file__).with_name("netherlands_outline.json")
X_SCALE = math.cos(math.radians(52.0))
PADDING = 0.08  # degrees of latitude around the outline
MARK_RADIUS = 5.0  # a mark for one practice; its area grows with the count
LOCATOR_RADIUS = 6.0
LOCATOR_STEP = 2.0  # viewBox units (the locator is 120 wide): detail below this is not seen


@dataclass(frozen=True)
class Mark:
    """One place on the map: where it links to, what it says, how many practices it holds."""
    name: str
    lat: float
    lon: float
    count: int
    url: str = ""  # relative link; empty draws a mark without link (the locator map)


@dataclass(frozen=True)
class Projection:
    west: float
    north: float
    scale: float  # viewBox units per degree of latitude
    width: float
    height: float

    def point(self, lat: float, lon: float) -> tuple[float, float]:
        return ((lon - self.west) * X_SCALE * self.scale, (self.north - lat) * self.scale)


@functools.lru_cache(maxsize=1)
def outline_rings() -> tuple[tuple[tuple[float, float], ...], ...]:
    """The outline's rings as (lon, lat) points."""
    data = json.loads(OUTLINE_FILE.read_text(encoding="utf-8"))
    return tuple(tuple((lon, lat) for lon, lat in ring) for ring in data["rings"])


def outline_source() -> str:
    return json.loads(OUTLINE_FILE.read_text(encoding="utf-8"))["source"]


@functools.lru_cache(maxsize=8)
def projection(width: float) -> Projection:
    """Fits the outline, with a margin, into a viewBox `width` units wide."""
    points = [point for ring in outline_rings() for point in ring]
    west = min(lon for lon, _ in points) - PADDING / X_SCALE
    east = max(lon for lon, _ in points) + PADDING / X_SCALE
    south = min(lat for _, lat in points) - PADDING
    north = max(lat for _, lat in points) + PADDING
    scale = width / ((east - west) * X_SCALE)
    return Projection(west, north, scale, width, (north - south) * scale)


def radius(count: int, base: float = MARK_RADIUS) -> float:
    """A mark's area follows its count: four practices give twice the radius of one."""
    return base * math.sqrt(max(count, 1))


def _number(value: float) -> str:
    return f"{value:.1f}"


@functools.lru_cache(maxsize=8)  # the same locator outline on every practice page
def outline_path(proj: Projection, min_step: float = 0.0) -> str:
    """The outline as one path; points closer than min_step to the last one kept are dropped,
    so the small locator map (on every practice page) stays small."""
    rings = []
    for ring in outline_rings():
        kept: list[tuple[float, float]] = []
        for x, y in (proj.point(lat, lon) for lon, lat in ring):
            if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= min_step:
                kept.append((x, y))
        if len(kept) >= 3:
            rings.append("M" + "L".join(f"{_number(x)} {_number(y)}" for x, y in kept) + "Z")
    return f'<path class="pv-map__land" d="{"".join(rings)}"/>'


def _svg_open(proj: Projection, css_class: str, extra: str) -> str:
    return (f'<svg class="{css_class}" viewBox="0 0 {_number(proj.width)} {_number(proj.height)}" '
            f'xmlns="http://www.w3.org/2000/svg" {extra}>')


def mark_label(mark: Mark) -> str:
    return f"{mark.name}: {mark.count} {'voorbeeld' if mark.count == 1 else 'voorbeelden'}"


def map_svg(marks: list[Mark], title: str, width: float = 400.0) -> str:
    """The overview map: each mark a link with its name and count. The largest marks are
    drawn first, so a small mark on top of a large one stays visible and clickable."""
    proj = projection(width)
    parts = [_svg_open(proj, "pv-map__svg", 'aria-labelledby="pv-map-title"'),
             f'<title id="pv-map-title">{text(title)}</title>',
             f'<g aria-hidden="true">{outline_path(proj)}</g>']
    for mark in sorted(marks, key=lambda m: (-m.count, m.name.casefold())):
        x, y = proj.point(mark.lat, mark.lon)
        label = text(mark_label(mark))
        parts.append(f'<a class="pv-map__mark" href="{text(mark.url)}" aria-label="{label}">'
                     f'<title>{label}</title>'
                     f'<circle cx="{_number(x)}" cy="{_number(y)}" r="{_number(radius(mark.count))}"/></a>')
    parts.append("</svg>")
    return "".join(parts)


def locator_svg(marks: list[Mark], title: str, width: float = 120.0) -> str:
    """A small map that shows where a practice's places lie: an image with a text alternative."""
    proj = projection(width)
    dots = "".join(f'<circle class="pv-map__dot" cx="{_number(x)}" cy="{_number(y)}" r="{_number(LOCATOR_RADIUS * width / 400 * 2)}"/>'
                   for x, y in (proj.point(m.lat, m.lon) for m in marks))
    return (_svg_open(proj, "pv-locator", 'role="img" aria-labelledby="pv-locator-title"')
            + f'<title id="pv-locator-title">{text(title)}</title>'
            + outline_path(proj, LOCATOR_STEP) + dots + "</svg>")
