"""The map (generator/website/map_svg.py, pages_map.py), its outline derived from world-atlas
(generator/tools/outline.py), and the compare page's data (pages_compare.py), on the
repository's catalogue."""

from __future__ import annotations

import html
import json
import math
import re

import pytest

from generator.paths import ROOT
from generator.tools import outline
from generator.website import map_svg, pages_compare, pages_map
from generator.website.practice_cards import figure_text
from generator.website.practice_summary import cost_lines

WORLD_ATLAS = ROOT / "node_modules" / "world-atlas"
MARK = re.compile(r'<a class="pv-map__mark" href="([^"]+)" aria-label="([^"]+)"><title>[^<]*</title>'
                  r'<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"/></a>')


def test_the_committed_outline_is_what_the_locked_world_atlas_gives_byte_for_byte():
    if not WORLD_ATLAS.exists():
        pytest.fail(f"{WORLD_ATLAS} is missing: run `make test` (npm ci installs it from package-lock.json)")
    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert locked["packages"]["node_modules/world-atlas"]["version"] == "2.0.2"
    assert outline.outline_text(ROOT / "node_modules") == outline.OUTLINE_FILE.read_text(encoding="utf-8")


def test_the_outline_is_the_european_netherlands():
    rings = map_svg.outline_rings()
    points = [point for ring in rings for point in ring]
    assert len(rings[0]) > 100  # the mainland, not a coarse box
    assert 3.3 < min(lon for lon, _ in points) and max(lon for lon, _ in points) < 7.3
    assert 50.7 < min(lat for _, lat in points) and max(lat for _, lat in points) < 53.7


def test_projection_puts_north_up_and_east_right():
    proj = map_svg.projection(400)
    groningen, vaals, den_haag = proj.point(53.22, 6.57), proj.point(50.77, 6.02), proj.point(52.08, 4.3)
    assert groningen[1] < den_haag[1] < vaals[1]
    assert den_haag[0] < vaals[0] < groningen[0]
    assert all(0 < v < 480 for point in (groningen, vaals, den_haag) for v in point)
    # equirectangular with cos(52°): a degree east is shorter than a degree north
    east, north = proj.point(52, 6), proj.point(53, 5)
    assert east[0] - proj.point(52, 5)[0] == pytest.approx(proj.scale * math.cos(math.radians(52)))
    assert proj.point(52, 5)[1] - north[1] == pytest.approx(proj.scale)


def test_every_place_with_a_practice_gets_a_mark_sized_by_its_count(catalog):
    page = pages_map.map_markdown(catalog)
    marks = {html.unescape(label): (href, float(r)) for href, label, _, _, r in MARK.findall(page)}
    counts = pages_map.place_counts(catalog)
    drawn = {code: n for code, n in counts.items() if catalog.places[code]["type"] not in pages_map.UNMAPPED_TYPES}
    assert len(marks) == len(drawn) > 30
    for code, n in drawn.items():
        label = f"{catalog.places[code]['name']}: {n} {'voorbeeld' if n == 1 else 'voorbeelden'}"
        href, radius = marks[label]
        assert href == f"../plaats/{code}/" and radius == pytest.approx(map_svg.MARK_RADIUS * math.sqrt(n), abs=0.05)
    # the text list beside the map has every place, the unmapped country too
    for code, n in counts.items():
        assert f'<a href="../plaats/{code}/">{html.escape(catalog.places[code]["name"])}: {n} ' in page


def test_larger_marks_are_drawn_first_so_small_ones_stay_clickable(catalog):
    radii = [float(r) for *_, r in MARK.findall(pages_map.map_markdown(catalog))]
    assert radii == sorted(radii, reverse=True) and radii[0] > radii[-1]


def test_a_practice_page_has_a_locator_map_described_in_words(catalog):
    practice = next(p for p in catalog.practices.values() if len(p["places"]) == 1)
    name = catalog.places[practice["places"][0]]["name"]
    svg = pages_map.locator(catalog, practice)
    assert 'role="img"' in svg and "Kaartje van Nederland met de ligging van" in svg
    assert svg.count('class="pv-map__dot"') == 1 and html.escape(name) in svg


def test_the_map_is_deterministic_with_fixed_number_formatting(catalog):
    page = pages_map.map_markdown(catalog)
    assert page == pages_map.map_markdown(catalog)
    numbers = re.findall(r'(?:cx|cy|r)="([^"]+)"', page)
    assert numbers and all(re.fullmatch(r"\d+\.\d", n) for n in numbers)


def test_compare_data_holds_the_practice_pages_own_lines_for_every_practice(catalog):
    data = json.loads(pages_compare.compare_data(catalog))
    assert set(data["voorbeelden"]) == set(catalog.practices)
    for ident, practice in catalog.practices.items():
        facts = data["voorbeelden"][ident]
        assert facts["adres"] == f"../voorbeelden/{ident}/"
        assert facts["kosten"] == cost_lines(catalog, practice)
        assert sorted(f[2] for f in facts["cijfers"]) == sorted(figure_text(catalog, m)
                                                                  for m in practice.get("metrics", ()))
    codes = [code for code, _ in data["indicatoren"]]
    assert set(codes) == {f[0] for p in data["voorbeelden"].values() for f in p["cijfers"]}


def test_compare_page_without_script_is_a_form_with_a_checkbox_per_practice(catalog):
    page = pages_compare.compare_markdown(catalog)
    assert "scripts:\n  - assets/vergelijken.js\n" in page
    assert '<form class="pv-compare__form" method="get" action="./"' in page
    assert "<fieldset><legend>Kies twee tot vier voorbeelden</legend>" in page
    assert page.count('type="checkbox" id="vergelijk-') == len(catalog.practices)
    assert pages_compare.compare_url("voorbeelden/a.md", ["a"]) == "../../vergelijken/?p=a"
