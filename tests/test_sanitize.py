"""generator/website/sanitize.py: record Markdown becomes safe HTML, other record text is escaped."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from generator.website.sanitize import markdown_html, markdown_text, text


def tags(fragment: str) -> list[str]:
    return re.findall(r"<[a-zA-Z][^>]*>", fragment)


def hrefs(fragment: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', fragment)


def test_markdown_becomes_html():
    out = markdown_html("Een **vet** woord.\n\n- een\n- twee\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<strong>vet</strong>" in out
    assert "<ul>\n<li>een</li>" in out
    assert "<td>1</td>" in out


@pytest.mark.parametrize("attack", [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<svg><script>alert(1)</script></svg>",
    "<style>body { display: none }</style>",
])
def test_script_and_style_go_with_their_content(attack):
    out = markdown_html(f"Tekst {attack} tekst")
    assert "alert" not in out and "evil" not in out and "display" not in out
    assert "Tekst" in out


@pytest.mark.parametrize("attack", [
    '<img src="x" onerror="alert(1)">',
    '<p onclick="alert(1)">klik</p>',
    '<a href="https://example.org" onmouseover="alert(1)">link</a>',
    '<div style="background:url(https://evil.example)">x</div>',
])
def test_event_handlers_styles_and_images_are_removed(attack):
    out = markdown_html(attack)
    assert not [t for t in tags(out) if re.search(r"\s(on\w+|style|src)\s*=", t)]
    assert "<img" not in out  # an image would load a third-party resource


@pytest.mark.parametrize("link", [
    "[x](javascript:alert(1))",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox)",
    "[x](/relatief/pad)",
    "[x](../omhoog)",
    "[x](//evil.example/pad)",
    "[x](mailto:iemand@example.org)",
])
def test_only_absolute_http_links_survive(link):
    out = markdown_html(f"Zie {link}.")
    assert hrefs(out) == []
    assert "x</a>" in out  # the link text stays readable


def test_http_and_https_links_are_kept_with_a_safe_rel():
    out = markdown_html("[a](https://example.org/p?q=1&r=2) [b](HTTP://example.org)")
    assert hrefs(out) == ["https://example.org/p?q=1&amp;r=2", "HTTP://example.org"]
    assert out.count('rel="noopener noreferrer nofollow"') == 2


def test_frames_forms_and_unknown_tags_are_dropped():
    out = markdown_html('<iframe src="https://evil.example"></iframe><form action="https://evil.example">'
                        '<input name="x"></form><object data="x"></object>rest')
    assert not re.search(r"<(iframe|form|input|object)", out) and "evil" not in out
    assert "rest" in out


def test_headings_start_below_the_page_sections():
    out = markdown_html("# Een\n\n## Twee\n\n###### Zes")
    assert "<h3>Een</h3>" in out and "<h4>Twee</h4>" in out and "<h6>Zes</h6>" in out
    assert "<h1" not in out and "<h2" not in out


def test_plain_text_is_escaped_for_text_and_attributes():
    assert text('<b>"x"</b> & \'y\'') == "&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &#x27;y&#x27;"


@pytest.mark.parametrize("value", [
    "Venlo: re-inspiratie *en* _meer_ [link](x) #1 <b>vet</b> & `code` | pijp 1. lijst",
    "<script>alert(1)</script>",
    "# geen kop",
])
def test_markdown_text_shows_literally_after_markdown(value):
    rendered = markdown.markdown(markdown_text(value), extensions=["tables"])
    assert tags(rendered) == ["<p>"]
    assert html.unescape(rendered[3:-4]) == value


def test_a_record_whose_headings_start_at_two_skips_no_level():
    out = markdown_html("Intro.\n\n## Aanpak\n\n### Stap 1\n\nTekst.")
    assert "<h3>Aanpak</h3>" in out and "<h4>Stap 1</h4>" in out
