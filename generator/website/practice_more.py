"""The section "Meer weten?" of a practice page: where a reader reads on and whom to ask.

The public websites of the organisations involved (only those a record gives;
the schema refuses mail, http and personal pages), the sources with their
links, and how to reach the editors: the issues of the catalogue's repository,
whose address comes from catalog/dataset.yaml (SiteLinks). Kept out of the
search index: these are links around the practice, not its words.
"""

from __future__ import annotations

from generator.catalog.model import Catalog

from .html_elements import IGNORED, item_list
from .page_parts import SiteLinks
from .sanitize import text
from .sources_page import source_html


def more_html(catalog: Catalog, practice: dict, page: str, links: SiteLinks) -> str:
    parts = []
    websites = [o for o in practice.get("organisations", ()) if o.get("website")]
    if websites:
        parts.append("<p>De websites van de organisaties:</p>")
        parts.append(item_list(
            f'<a href="{text(o["website"])}" rel="noopener">{text(o["name"])}</a>' for o in websites))
    sources = list(dict.fromkeys(ref["source"] for ref in practice["sources"]))
    parts.append("<p>Lees het na in de bron:</p>" if len(sources) == 1 else "<p>Lees het na in de bronnen:</p>")
    parts.append(item_list(source_html(catalog, page, source) for source in sources))
    parts.append(_editors(links))
    return f"<div class=\"pv-more\"{IGNORED}>" + "".join(parts) + "</div>"


def _editors(links: SiteLinks) -> str:
    """How to reach the editors: the repository's issues, when the dataset names a repository."""
    if not links.repo_url:
        return ""
    return ("<p>Klopt er iets niet, of weet u meer over dit voorbeeld? "
            f'<a href="{text(links.issues_url())}">Meld het de redactie op GitHub</a>. '
            "Daar ziet iedereen wat er gemeld is en wat de redactie ermee doet.</p>")
