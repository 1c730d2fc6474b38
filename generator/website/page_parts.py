"""Building blocks the page modules share: where each page lives, links
between pages, front matter, and the practice table every listing shows.

Pages are Markdown with raw HTML blocks. mkdocs rewrites `.md` links only in
Markdown, not inside HTML, so HTML links are computed here as relative URLs
for `use_directory_urls: true` (mkdocs.yml pins it): `voorbeelden/x.md` is
served at `voorbeelden/x/`.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

from generator.catalog.model import Catalog

from . import dutch
from .html_elements import table
from .sanitize import text

SITE_NAME = "Praktijkvoorbeelden werk en participatie"


@dataclass(frozen=True)
class SiteLinks:
    """Addresses outside the generated pages: the site and repository named in
    catalog/dataset.yaml (homepage, repository), and the branch records are edited on."""
    site_url: str
    repo_url: str
    branch: str = "main"

    @classmethod
    def of(cls, catalog: Catalog, branch: str = "main") -> "SiteLinks":
        dataset = catalog.dataset or {}
        return cls(str(dataset.get("homepage", "")), str(dataset.get("repository", "")), branch)

    def new_file_url(self, folder: str) -> str:
        """GitHub's page for adding a file to a folder of the repository."""
        return f"{self.repo_url.rstrip('/')}/new/{self.branch}/{folder}"

    def edit_url(self, repo_path: str) -> str:
        return f"{self.repo_url.rstrip('/')}/edit/{self.branch}/{repo_path}"

    def view_url(self, repo_path: str) -> str:
        return f"{self.repo_url.rstrip('/')}/blob/{self.branch}/{repo_path}"

    def issues_url(self) -> str:
        """Where readers report a mistake or ask the editors: the repository's issues."""
        return f"{self.repo_url.rstrip('/')}/issues"

    def page_url(self, page: str) -> str:
        return self.site_url.rstrip("/") + "/" + url_of(page)


# Where each kind of page lives (paths relative to the docs folder).
def practice_page(ident: str) -> str: return f"voorbeelden/{ident}.md"
def instrument_page(ident: str) -> str: return f"instrumenten/{ident}.md"
def theme_page(code: str) -> str: return f"thema/{code}.md"
def target_group_page(code: str) -> str: return f"doelgroep/{code}.md"
def place_page(ident: str) -> str: return f"plaats/{ident}.md"
def status_page(code: str) -> str: return f"status/{code}.md"
def evidence_page(code: str) -> str: return f"bewijs/{code}.md"
def indicator_page(code: str) -> str: return f"indicator/{code}.md"


@functools.lru_cache(maxsize=None)  # a few thousand distinct pages, each linked to many times
def url_of(page: str) -> str:
    """Site-relative URL of a page or file: 'thema/index.md' -> 'thema/', 'index.md' -> ''."""
    if not page.endswith(".md"):
        return page
    stem = page[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def href(from_page: str, to: str) -> str:
    """Relative link from one generated page to another page or file (with optional #anchor).

    Plain string work instead of posixpath.relpath, which calls os.getcwd() twice per
    link: a catalogue of 10,000 practices has hundreds of thousands of links.
    """
    target, _, anchor = to.partition("#")
    here = _parts(url_of(from_page))
    there_url = url_of(target)
    there = _parts(there_url)
    is_dir = there_url == "" or there_url.endswith("/")
    limit = min(len(here), len(there) if is_dir else len(there) - 1)
    common = 0
    while common < limit and here[common] == there[common]:
        common += 1
    rest = there[common:]
    link = "../" * (len(here) - common) + "/".join(rest) + ("/" if is_dir and rest else "")
    return (link or "./") + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=None)
def _parts(url: str) -> tuple[str, ...]:
    return tuple(part for part in url.split("/") if part)


def link(from_page: str, to: str, label: str, filter_name: str | None = None) -> str:
    """An HTML link; with filter_name its text is also a Pagefind filter value."""
    extra = f' data-pagefind-filter="{filter_name}"' if filter_name else ""
    return f'<a href="{href(from_page, to)}"{extra}>{text(label)}</a>'


CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `value`."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", escaped) + '"'


# Characters yaml_flow writes as \u escapes, beyond what JSON escapes itself. What YAML 1.1
# (PyYAML, which mkdocs reads page meta with) does not allow unescaped: DEL, C1 controls, the
# line breaks U+0085, U+2028 and U+2029 (folded into spaces inside a quoted scalar), U+FEFF and
# the non-characters U+FFFE/U+FFFF. And < > & ', as Jinja's tojson escapes them: record text in
# the page's Markdown stays inert even before site/overrides/main.html embeds it.
ESCAPED = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff<>&']")


def yaml_flow(value) -> str:
    """A value as one line of YAML that reads back as exactly `value`: JSON, whose strings are
    YAML double-quoted scalars once the characters above are escaped too. Much faster than
    yaml.safe_dump, for a mapping on every practice page."""
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=False)
    return ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


JSONLD_META = "jsonld"  # the page meta site/overrides/main.html embeds; mkdocs/catalogue_page.py reads it as JSON


def front_matter(title: str, description: str | None = None, searchable: bool = False,
                 jsonld: dict | None = None, scripts: tuple[str, ...] = (), hide_toc: bool = False) -> str:
    """Page meta. Material prints title and description unescaped, so both are HTML-escaped here.

    `pagefind: body` makes site/overrides/main.html wrap the page in data-pagefind-body;
    pages without it stay out of the search index. `jsonld` (schema.org data) goes into the
    page's head, as site/overrides/main.html embeds it, and so do the page's own `scripts`.
    """
    lines = ["---", f"title: {yaml_string(text(title))}"]
    if description:
        lines.append(f"description: {yaml_string(text(' '.join(description.split())))}")
    if searchable:
        lines.append("pagefind: body")
    if jsonld:
        lines.append(f"{JSONLD_META}: {yaml_flow(jsonld)}")
    if scripts:
        lines.append("scripts:\n" + "\n".join(f"  - {script}" for script in scripts))
    if hide_toc:
        lines.append("hide:\n  - toc")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def html_block(*parts: str) -> str:
    """Raw HTML for the page's Markdown: one block with no blank line inside, because a
    blank line ends a Markdown HTML block (and html_blocks.extract splits pages there)."""
    body = "\n".join(part for part in parts if part)
    return "\n".join(line for line in body.splitlines() if line.strip()) + "\n\n"


def sort_key(title: str) -> str:
    return title.casefold()


def by_title(practices) -> list[dict]:
    return sorted(practices, key=lambda p: (sort_key(p["title"]), p["id"]))


def place_names(catalog: Catalog, practice: dict) -> str:
    return ", ".join(catalog.places[p]["name"] for p in practice["places"])


def practice_table(catalog: Catalog, from_page: str, practices: list[dict], caption: str) -> str:
    """The table of practices that every listing page shows, sorted by title, with each
    practice's key figures and cost (practice_summary). With two or more practices it is
    also a plain form: tick practices and open them side by side on the compare page."""
    # Imported here: practice_summary needs practice_cards, which needs this module.
    from .pages_compare import COMPARE_PAGE
    from .practice_summary import NO_FIGURES, cost_lines, key_figures

    def lines(items: list[str]) -> str:
        return "<br>".join(text(item) for item in items)

    choose = len(practices) > 1
    rows = (((_compare_box(p),) if choose else ())
            + (link(from_page, practice_page(p["id"]), p["title"]),
               text(place_names(catalog, p)),
               text(dutch.period(p.get("period"))),
               text(catalog.label("status", p["status"])),
               text(catalog.label("evidence_level", p["evidence"]["level"])),
               lines(key_figures(catalog, p) or [NO_FIGURES]),
               lines(cost_lines(catalog, p)))
            for p in by_title(practices))
    columns = (("Vergelijk",) if choose else ()) + (
        "Voorbeeld", "Plaats", "Periode", "Status", "Bewijs", "Kerncijfers", "Kosten")
    shown = table(caption, columns, rows, newlines=True)
    if not choose:
        return html_block(shown)
    return html_block(f'<form class="pv-compare-pick" method="get" action="{href(from_page, COMPARE_PAGE)}">',
                      shown, '<p><button type="submit" class="md-button">Vergelijk de gekozen voorbeelden'
                      "</button> <small>(twee tot vier)</small></p></form>")


def _compare_box(practice: dict) -> str:
    return (f'<input type="checkbox" name="p" value="{text(practice["id"])}" '
            f'aria-label="{text("Vergelijk " + practice["title"])}">')


def count_label(n: int, one: str, many: str) -> str:
    return f"{dutch.number(n)} {one if n == 1 else many}"


def period_facet(practice: dict) -> str:
    """The `periode` search facet: the decade in which the practice started ('2010–2019').

    One value per practice keeps the facet counts adding up to the number of
    practices; 'Onbekend' when the record gives no start.
    """
    year = dutch.start_year(practice.get("period"))
    if year is None:
        return "Onbekend"
    decade = year - year % 10
    return f"{decade}{dutch.EN_DASH}{decade + 9}"


def shift_headings(markdown: str, by: int = 0) -> str:
    """Demote Markdown headings by `by` levels (outside code blocks), at most to h6."""
    if by == 0:
        return markdown
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and re.match(r"#{1,6} ", line):
            hashes = len(line) - len(line.lstrip("#"))
            line = "#" * min(hashes + by, 6) + line[hashes:]
        out.append(line)
    return "\n".join(out) + "\n"
