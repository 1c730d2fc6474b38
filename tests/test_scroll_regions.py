"""Every table sits in a focusable, named region that scrolls (generator/website/scroll_regions.py)."""

from __future__ import annotations

from generator.website.scroll_regions import wrap_tables


def test_a_table_gets_a_focusable_region_named_after_its_caption():
    page = "<p>x</p><table><caption>Kosten &amp; baten</caption><tr><td>1</td></tr></table>"
    assert wrap_tables(page) == (
        '<p>x</p><div class="pv-scroll" role="region" tabindex="0" aria-label="Kosten &amp; baten">'
        "<table><caption>Kosten &amp; baten</caption><tr><td>1</td></tr></table></div>")


def test_a_table_without_caption_is_named_after_the_heading_above_it_and_names_stay_unique():
    page = ('<h2 id="a">De <code>tabellen</code><a class="headerlink" href="#a">¶</a></h2>'
            "<table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>")
    wrapped = wrap_tables(page)
    assert 'aria-label="Tabel: De tabellen"' in wrapped
    assert 'aria-label="Tabel: De tabellen (2)"' in wrapped
    assert wrap_tables("<table></table>").startswith('<div class="pv-scroll" role="region" tabindex="0" aria-label="Tabel">')


def test_a_table_in_a_region_of_its_own_and_a_page_without_tables_stay_as_they_are():
    own = '<div class="verkennen__tabel" role="region" aria-label="Tabel met voorbeelden" tabindex="0">\n  <table hidden></table></div>'
    assert wrap_tables(own) == own
    assert wrap_tables("<p>&lt;table&gt; in tekst</p>") == "<p>&lt;table&gt; in tekst</p>"
