"""The generated pages of the website's second part: contribute, field reference, sources, downloads.

`pages(catalog)` returns {path: markdown}, a plain function with no mkdocs
import, like `pages.pages`; the mkdocs hook adds both sets as generated
pages, out of the navigation. The hand-written pages (zoeken, verkennen,
over) live in site/docs/ and link here.

The contribute page is CONTRIBUTING.md itself, so the guide on GitHub and the
one on the website cannot drift apart.
"""

from __future__ import annotations

from generator.catalog.model import Catalog
from generator.paths import ROOT

from . import downloads_page, form_spec, search_words, sources_page
from .field_reference import field_reference_markdown
from .page_parts import SiteLinks

CONTRIBUTE_PATH = "bijdragen.md"
CONTRIBUTING_FILE = ROOT / "CONTRIBUTING.md"

FIELD_REFERENCE_PATH = "bijdragen/velden.md"

FIELD_REFERENCE_INTRO = """\
# Alle velden en codes

Deze lijst komt rechtstreeks uit de schema's en codelijsten waarmee de controle werkt
(`schema/` in de repository). Wat hier staat, is dus precies wat
`python -m generator validate` controleert. Hoe u een voorbeeld toevoegt of verbetert,
leest u op [Bijdragen](../bijdragen.md).

Een veld met een punt of `[]` in de naam hoort bij het veld ervoor: `period.start` is
`start` binnen `period`, en `organisations[].name` is `name` bij elke organisatie in de
lijst `organisations`. "Verplicht: ja" betekent bij zo'n veld: verplicht als de groep
erboven er is.

"""


def contribute_markdown(site_url: str) -> str:
    """CONTRIBUTING.md as the page bijdragen/; links to the published site become relative,
    so a local preview and a fork's site link to their own pages."""
    guide = CONTRIBUTING_FILE.read_text(encoding="utf-8")
    return "---\ntitle: Bijdragen\n---\n\n" + guide.replace(f"]({site_url}", "](../")


def pages(catalog: Catalog, links: SiteLinks | None = None, releases: list | None = None) -> dict[str, str]:
    """releases: the earlier versions (generator.opendata.versions.Version) the downloads page lists."""
    links = links or SiteLinks.of(catalog)
    return {
        CONTRIBUTE_PATH: contribute_markdown(links.site_url),
        FIELD_REFERENCE_PATH: FIELD_REFERENCE_INTRO + field_reference_markdown(catalog.schema),
        sources_page.PATH: sources_page.sources_markdown(catalog),
        downloads_page.PATH: downloads_page.downloads_markdown(catalog, releases or []),
        **form_spec.files(catalog, links),  # the form "Voorbeeld toevoegen": its definition as JSON
        **search_words.files(catalog),  # the search page's vocabulary: words and names
    }
