"""Record text -> safe HTML. Every record string passes through here before it
reaches a page.

- `markdown_html`: the Markdown fields (a practice's description, an
  instrument's how_it_works) become HTML with cmark-gfm, GitHub's own Markdown
  (so a record shows on the site as GitHub previews it, and 20 times faster
  than python-markdown), then nh3 keeps only an allowlist of tags and
  attributes. Links must be absolute http(s)
  URLs: `javascript:`, `data:`, relative and protocol-relative URLs are
  dropped. No images, so a record cannot make a page load a third-party
  resource.
- `text`: every other string is HTML-escaped (quotes too, so it is safe in
  attributes as well).
- `markdown_text`: a string that must sit inside Markdown (a heading) is
  escaped for HTML and for Markdown, so it shows literally.
"""

from __future__ import annotations

import functools
import html
import re

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "h3", "h4", "h5", "h6", "a", "abbr", "sub", "sup",
    "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https"}
ABSOLUTE_URL = re.compile(r"^https?://[^/\s]", re.IGNORECASE)
# The page around a description already uses h1 and h2; headings inside it start at h3.
HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")

# GitHub's extensions but its tag filter: raw HTML passes cmark untouched (UNSAFE) so that nh3
# alone decides what stays, in one place (it drops a <script> with its content).
_CMARK_OPTIONS = Options.CMARK_OPT_UNSAFE
_CMARK_EXTENSIONS = ["table", "autolink", "strikethrough", "tasklist"]


def text(value: str) -> str:
    """Plain record text, escaped for HTML text and attribute values."""
    # Most strings need no escaping; testing first is five times faster on a large catalogue.
    if "&" in value or "<" in value or ">" in value or '"' in value or "'" in value:
        return html.escape(value, quote=True)
    return value


def markdown_text(value: str) -> str:
    """Record text placed inside Markdown source, shown literally (no markup, no HTML)."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(value, quote=True))


@functools.lru_cache(maxsize=4096)  # `mkdocs serve` rebuilds: only edited texts are converted again
def markdown_html(source: str) -> str:
    """Record Markdown -> sanitised HTML fragment."""
    rendered = cmarkgfm.markdown_to_html_with_extensions(source, options=_CMARK_OPTIONS,
                                                         extensions=_CMARK_EXTENSIONS)
    # The record's top heading level becomes h3, below the page's own h2 sections, and
    # the others follow it: "## Aanpak" in a description is no h4 that skips the h3.
    levels = [int(level) for _, level in HEADING.findall(rendered)]
    by = 3 - min(levels) if levels else 0
    rendered = HEADING.sub(lambda match: _demote_heading(match, by), rendered)
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_absolute_urls_only,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def _demote_heading(match: re.Match, by: int) -> str:
    return f"<{match.group(1)}h{min(int(match.group(2)) + by, 6)}"


def _absolute_urls_only(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href" and not ABSOLUTE_URL.match(value.strip()):
        return None
    return value
