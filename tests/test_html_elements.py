"""The HTML elements the pages are made of (generator/website/html_elements.py), and
what they mean for the search index on the generated pages of the two-practice
catalogue of test_pages.py."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from test_pages import montferland, venlo, write_catalog

from generator.catalog.check import check_catalog
from generator.paths import SCHEMA_DIR
from generator.website import extra_pages, pages
from generator.website.html_elements import facts, index_list, item_list, table

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class LabelFinder(HTMLParser):
    """Collects every <caption> and <th> that no element marked data-pagefind-ignore encloses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []  # (tag, inside an ignored element)
        self.indexed: list[str] = []

    def handle_starttag(self, tag, attrs):
        ignored = (bool(self.open) and self.open[-1][1]) or any(name == "data-pagefind-ignore" for name, _ in attrs)
        if tag in ("caption", "th") and not ignored:
            self.indexed.append(f"<{tag}> at line {self.getpos()[0]}")
        if tag not in VOID:
            self.open.append((tag, ignored))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return


def indexed_labels(markup: str) -> list[str]:
    finder = LabelFinder()
    finder.feed(markup)
    finder.close()
    return finder.indexed


@pytest.fixture(scope="module")
def all_pages(tmp_path_factory) -> dict[str, str]:
    result = check_catalog(write_catalog(tmp_path_factory.mktemp("elements"), [venlo(), montferland()]), SCHEMA_DIR)
    assert not result.has_errors
    return {**pages.pages(result.catalog), **extra_pages.pages(result.catalog)}


def test_no_caption_or_column_header_reaches_the_search_index(all_pages):
    # Markdown tables (field reference, downloads) are not HTML yet here; those pages are
    # outside the search index anyway (no `pagefind: body`).
    checked = {path: markup for path, markup in all_pages.items() if path.endswith(".md")}
    assert sum(markup.count("<caption") for markup in checked.values()) >= 10  # the check has something to check
    assert {path: found for path, markup in checked.items() if (found := indexed_labels(markup))} == {}


def test_the_finder_sees_a_label_outside_an_ignored_element():
    assert indexed_labels("<table><caption>x</caption><thead><tr><th>a</th></tr></thead></table>") == [
        "<caption> at line 1", "<th> at line 1"]
    assert indexed_labels('<div data-pagefind-ignore><p>a<br>b</p><table><tr><th>a</th></tr></table></div>') == []
    assert indexed_labels('<div data-pagefind-ignore></div><table><tr><th>a</th></tr></table>') == ["<th> at line 1"]


def test_table_escapes_its_caption_and_labels():
    markup = table('Voorbeelden bij "x" & <y>', ("Thema's",), [("<b>cel</b>",)])
    assert markup.startswith("<table>")  # its scrolling region comes later, on every page alike
    assert "<caption data-pagefind-ignore>Voorbeelden bij &quot;x&quot; &amp; &lt;y&gt;</caption>" in markup
    assert '<thead data-pagefind-ignore><tr><th scope="col">Thema\'s</th></tr></thead>' in markup
    assert "<tbody><tr><td><b>cel</b></td></tr></tbody>" in markup
    lines = table("c", ("a", "b"), [("1", "2"), ("3", "4")], newlines=True).splitlines()
    assert lines[2:5] == ["<tbody>", "<tr><td>1</td><td>2</td></tr>", "<tr><td>3</td><td>4</td></tr>"]
    assert table("c", ("a",), [("1",)]) == "".join(table("c", ("a",), [("1",)], newlines=True).splitlines())


def test_facts_leave_out_empty_values_and_keep_their_labels_out_of_the_index():
    rows = [("Plaats", "<a>Venlo</a>"), ("Periode", ""), ("Bron", "x")]
    assert facts(rows, "f") == ('<dl class="f"><dt data-pagefind-ignore>Plaats</dt><dd><a>Venlo</a></dd>'
                                "<dt data-pagefind-ignore>Bron</dt><dd>x</dd></dl>")
    assert facts(rows[:1], "f", grouped=True) == ('<dl class="f"><div><dt data-pagefind-ignore>Plaats</dt>'
                                                  "<dd><a>Venlo</a></dd></div></dl>")
    assert facts(rows[:1], "f", ignored=True) == '<dl class="f" data-pagefind-ignore><dt>Plaats</dt><dd><a>Venlo</a></dd></dl>'


def test_lists():
    assert item_list(["a", "b"]) == "<ul><li>a</li><li>b</li></ul>"
    assert item_list(["a"], "c", ordered=True, ignored=True, label='"x"') == (
        '<ol class="c" data-pagefind-ignore aria-label="&quot;x&quot;"><li>a</li></ol>')
    assert index_list([("<a>T</a>", "2 voorbeelden", "Over <T>"), ("U", "1 voorbeeld", None)]) == (
        '<ul class="pv-index"><li><a>T</a> (2 voorbeelden)<br>Over &lt;T&gt;</li><li>U (1 voorbeeld)</li></ul>')
