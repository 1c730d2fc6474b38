"""Building blocks of the pages: relative links, Dutch numbers and dates, the bar
chart's scale, and YAML strings in front matter."""

from __future__ import annotations

import re

import yaml

from generator.website import dutch
from generator.website.figures import Bar, bar_chart
from generator.website.page_parts import href, period_facet, yaml_string


def test_relative_links_between_generated_pages():
    assert href("voorbeelden/a.md", "thema/b.md") == "../../thema/b/"
    assert href("thema/index.md", "thema/b.md") == "b/"
    assert href("index.md", "zoeken.md") == "zoeken/"
    assert href("index.md", "index.md") == "./"
    assert href("voorbeelden/a.md", "records/practices/a.json") == "../../records/practices/a.json"
    assert href("voorbeelden/a.md", "bronnen.md#bron-x") == "../../bronnen/#bron-x"


def test_dutch_numbers_dates_and_periods():
    assert dutch.number(1234.5) == "1.234,5"
    assert dutch.number(-26) == "−26"
    assert dutch.number(1_000_000) == "1.000.000"
    assert dutch.number(0.25) == "0,25"
    assert dutch.quantity(50, "percent-change", "% verandering") == "+50%"
    assert dutch.quantity(40, "persons-per-coach", "personen per werkcoach") == "40 personen per werkcoach"
    assert dutch.money(850000, "EUR") == "€ 850.000"
    assert dutch.date("2014-02-01") == "1 februari 2014"
    assert dutch.period({"start": "2012", "end": "2014-06"}) == "2012–juni 2014"
    assert dutch.period({"end": "2014"}) == "tot 2014"
    assert dutch.when({"as_of": "2014-02"}) == "peildatum februari 2014"
    assert period_facet({"period": {"start": "2019-05"}}) == "2010–2019"
    assert period_facet({}) == "Onbekend"


def test_bar_chart_scales_negative_and_positive_values_on_one_axis():
    svg = bar_chart([Bar("a", -25, "−25%", main=True), Bar("b", 75, "+75%")], "titel", "t", width=186)
    widths = [float(w) for w in re.findall(r'<rect[^>]*width="([\d.]+)"', svg)]
    assert widths == [25.0, 75.0]  # 100 units of scale over 186 - 86 pixels
    assert 'x1="25.0"' in svg


def test_yaml_string_round_trips_awkward_text():
    for value in ['a "quoted" \\ back', "line\nbreak\u2028sep", "ümlaut ✓"]:
        assert yaml.safe_load(f"v: {yaml_string(value)}")["v"] == value
