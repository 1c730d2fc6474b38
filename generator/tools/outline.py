"""Derive the outline of the Netherlands that the site's maps draw (generator/website/map_svg.py).

The geometry is Natural Earth's (public domain), as the npm package world-atlas
(ISC licence, a devDependency in package.json, pinned in package-lock.json)
ships it in TopoJSON: countries-50m.json, the country with ISO 3166 numeric
code 528. Only the European part is kept (rings inside EUROPE; the Caribbean
islands fall outside), rounded to ROUNDING decimals of a degree (about 100 m),
which is finer than the maps show. The result is committed as
generator/website/netherlands_outline.json, so a build needs no npm; the tests
regenerate it from the locked package and compare it byte for byte.

    python -m generator.tools.outline    # rewrites the committed file
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from generator.paths import ROOT

PACKAGE = "world-atlas"
SOURCE_FILE = "countries-50m.json"
COUNTRY_ID = "528"  # ISO 3166-1 numeric: the Netherlands
EUROPE = (3.0, 50.5, 7.5, 54.0)  # lon_min, lat_min, lon_max, lat_max
ROUNDING = 3
OUTLINE_FILE = ROOT / "generator" / "website" / "netherlands_outline.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as (lon, lat) points."""
    (scale_x, scale_y), (move_x, move_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def ring_points(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    """One ring from its arcs; ~i is arc i reversed, and consecutive arcs share their end point."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _inside(points: list[tuple[float, float]]) -> bool:
    lon_min, lat_min, lon_max, lat_max = EUROPE
    return all(lon_min <= lon <= lon_max and lat_min <= lat <= lat_max for lon, lat in points)


def _rounded(points: list[tuple[float, float]]) -> list[list[float]]:
    """Rounded points without the repeats that rounding makes."""
    out: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, ROUNDING), round(lat, ROUNDING)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def outline(topology: dict, version: str) -> dict:
    """The European Netherlands' outer rings (holes dropped: none is visible at map size)."""
    country = next(g for g in topology["objects"]["countries"]["geometries"] if g.get("id") == COUNTRY_ID)
    polygons = country["arcs"] if country["type"] == "MultiPolygon" else [country["arcs"]]
    arcs = decode_arcs(topology)
    rings = [ring_points(arcs, polygon[0]) for polygon in polygons]
    kept = [_rounded(ring) for ring in rings if _inside(ring)]
    kept = sorted((ring for ring in kept if len(ring) >= 4), key=lambda ring: (-len(ring), ring[0]))
    return {
        "about": "Outline of the European Netherlands for the site's maps, derived by generator/tools/outline.py.",
        "source": f"Natural Earth (public domain), via the npm package {PACKAGE} {version} (ISC), {SOURCE_FILE}",
        "package": PACKAGE,
        "version": version,
        "rings": kept,
    }


def outline_text(node_modules: Path) -> str:
    """The committed file's exact text, derived from the installed package."""
    folder = node_modules / PACKAGE
    version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    topology = json.loads((folder / SOURCE_FILE).read_text(encoding="utf-8"))
    data = outline(topology, version)
    rings = ",\n".join("  " + json.dumps(ring, separators=(",", ":")) for ring in data.pop("rings"))
    head = json.dumps(data, ensure_ascii=False, indent=1)[:-2]
    return f'{head},\n "rings": [\n{rings}\n ]\n}}\n'


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    node_modules = Path(argv[0]) if argv else ROOT / "node_modules"
    OUTLINE_FILE.write_text(outline_text(node_modules), encoding="utf-8")
    print(f"{OUTLINE_FILE.relative_to(ROOT)} written from {node_modules / PACKAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
