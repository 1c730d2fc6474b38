"""Dutch everywhere (issue 13): no English words in the visible text of the built site.

Every built page is read as a person sees it: the text outside scripts and styles,
and the labels of buttons and inputs. Left out are what is meant to be English or
code: code blocks, the per-change notes of the changelog on /downloads/ (the file
is in English for researchers abroad; its headings are Dutch on the page) and the
codebook's English label column.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import build

# Words of the site's own interface, in English, that a Dutch page must not show.
ENGLISH = ["On hold", "Added", "Corrected", "Withdrawn", "Schema changes", "Breaking changes",
           "Unreleased", "Made with", "Search", "Previous", "Next", "Back to top", "Skip to content",
           "Copy to clipboard", "Table of contents", "Loading", "Show more", "Submit", "Download all",
           "Read more", "Cost", "Key figures", "Results", "Filters applied", "Reset", "Cancel"]
PATTERN = re.compile(r"\b(" + "|".join(map(re.escape, ENGLISH)) + r")\b")
SKIPPED_TAGS = {"script", "style", "code", "pre", "svg", "template"}
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "col", "embed", "track"}


class VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is its content skipped
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        if tag in ("input", "button") and attributes.get("value"):
            self.parts.append(attributes["value"])
        if tag in VOID:
            return
        classes = (attributes.get("class") or "").split()
        skipped = (tag in SKIPPED_TAGS or attributes.get("lang", "nl") != "nl"
                   or (tag == "li" and self._inside_changelog) or "codebook-en" in classes)
        self.stack.append(skipped or (bool(self.stack) and self.stack[-1]))
        if tag == "details" and "downloads-wijzigingen" in classes:
            self._changelog_depth = len(self.stack)

    @property
    def _inside_changelog(self) -> bool:
        return getattr(self, "_changelog_depth", 0) and len(self.stack) >= self._changelog_depth

    def handle_endtag(self, tag) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()
            if len(self.stack) < getattr(self, "_changelog_depth", 0):
                self._changelog_depth = 0

    def handle_data(self, data) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "public"
    assert not build(out).has_errors
    return out


def test_no_english_interface_words_on_any_page(site):
    found = {}
    for path in sorted(site.rglob("*.html")):
        hits = sorted(set(PATTERN.findall(visible_text(path.read_text(encoding="utf-8")))))
        if hits:
            found[str(path.relative_to(site))] = hits
    assert not found, found


def test_the_scan_sees_what_a_person_sees():
    html = ('<p>Status: On hold</p><script>var Search = 1;</script><code>Added</code>'
            '<details class="downloads-wijzigingen"><h5>Toegevoegd</h5><ul><li>Added a record</li></ul></details>'
            '<button value="Submit"></button>')
    assert PATTERN.findall(visible_text(html)) == ["On hold", "Submit"]


def test_status_labels_are_dutch():
    text = (Path(__file__).parent.parent / "schema" / "codelists" / "status.csv").read_text(encoding="utf-8")
    labels = [line.split(",")[1] for line in text.splitlines()[1:]]
    assert "On hold" not in labels and "Stilgelegd" in labels
