"""The website's catalogue pages: Catalog -> {path: Markdown}.

A plain function with no mkdocs import, so the site could move to another
static-site generator without a rewrite; generator/website/mkdocs/hook.py adds the
pages in memory. Paths are relative to the docs folder. What each kind of
page shows lives in its own module:

- pages_home: the home page (index.md)
- pages_practice: one page per practice (voorbeelden/<id>.md), its key figures
  in practice_cards
- pages_instrument: one page per instrument and their index (instrumenten/)
- pages_listing: practices per theme, target group, place/province, status and
  evidence level, each with an index, and all practices (voorbeelden/index.md)
- pages_indicator: one indicator across practices, chart and table (indicator/)
- pages_compare: practices side by side (vergelijken/) and the JSON its script reads
- pages_map: the practices on a map of the Netherlands (kaart/)

Every page builds its tables, lists of facts and lists with html_elements,
which also writes the search-index attributes those elements carry.

Search facets (Pagefind `data-pagefind-filter`, on practice pages): thema,
doelgroep, instrument, provincie, schaal, status, bewijs (Dutch labels), soort
(Praktijkvoorbeeld or Instrument, the latter on instrument pages), and periode:
the decade in which the practice started, e.g. "2010–2019" (en dash), or
"Onbekend" without a start. One value per practice, so the counts add up.
Meta `samenvatting` carries the summary for result lists; sort key `bijgewerkt`
is the record's last update (YYYY-MM-DD).
"""

from __future__ import annotations

from generator.catalog.geography import Geography
from generator.catalog.model import Catalog

from .page_parts import SiteLinks, practice_page
from .pages_compare import compare_files
from .pages_home import HOME, home_markdown
from .pages_indicator import indicator_pages
from .pages_instrument import instrument_pages
from .pages_listing import listing_pages
from .pages_map import MAP_PAGE, map_markdown
from .pages_practice import practice_markdown


def pages(catalog: Catalog, links: SiteLinks | None = None) -> dict[str, str]:
    links = links or SiteLinks.of(catalog)
    geo = Geography(catalog)
    out = {HOME: home_markdown(catalog, geo)}
    for ident, practice in catalog.practices.items():
        out[practice_page(ident)] = practice_markdown(catalog, practice, geo, links)
    out.update(instrument_pages(catalog))
    out.update(listing_pages(catalog, geo))
    out.update(indicator_pages(catalog))
    out.update(compare_files(catalog))
    out[MAP_PAGE] = map_markdown(catalog)
    return out
