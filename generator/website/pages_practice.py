"""The page of one practice: facts, key figures as cards, the story, sources,
and how to reuse and cite the record.

Every record string goes through `sanitize` (escaped, or Markdown sanitised);
labels come from the codelists. Sections without content are left out.
"""

from __future__ import annotations

from generator.catalog.geography import Geography
from generator.catalog.model import Catalog
from generator.opendata.metadata import practice_jsonld

from . import dutch
from .html_elements import facts, item_list, search_filter, search_sort, search_words, summary, table
from .page_parts import (
    SITE_NAME,
    SiteLinks,
    evidence_page,
    front_matter,
    href,
    html_block,
    instrument_page,
    link,
    period_facet,
    place_page,
    practice_page,
    status_page,
    target_group_page,
    theme_page,
)
from .pages_compare import compare_url
from .pages_map import locator
from .practice_cards import cards
from .practice_more import more_html
from .practice_summary import cost_lines
from .sanitize import markdown_html, markdown_text, text
from .search_words import practice_words
from .sources_page import source_html

COST_STAGE = {"achieved": "werkelijke kosten", "expected": "verwachte kosten", "target": "begroting"}
VAT = {"incl": "inclusief btw", "excl": "exclusief btw"}


def practice_markdown(catalog: Catalog, practice: dict, geo: Geography, links: SiteLinks) -> str:
    page = practice_page(practice["id"])
    sections = [
        front_matter(practice["title"], practice["summary"], searchable=True,
                     jsonld=_jsonld(catalog, practice, page, links)),
        f"# {markdown_text(practice['title'])}\n\n",
        html_block(_facts(catalog, practice, geo, page), summary(practice["summary"]),
                   _where_and_compare(catalog, practice, page)),
        _section("Kerncijfers", cards(catalog, practice, page)),
        _section("Beschrijving", markdown_html(practice["description"]) if practice.get("description") else ""),
        _section("Wat hielp en wat remde", _factors(practice)),
        _section("Organisaties", _organisations(catalog, practice, page)),
        _section("Kosten en financiering", _costs(catalog, practice, page)),
        _section("Bewijs", _evidence(catalog, practice, page)),
        _section("Bronnen", _sources(catalog, practice, page)),
        _section("Verwante voorbeelden", _related(catalog, practice, page)),
        _section("Meer weten?", more_html(catalog, practice, page, links)),
        _section("Over dit record", _record(catalog, practice, page, links)),
        html_block(search_words(practice_words(catalog, practice))),
    ]
    return "".join(sections)


def _section(heading: str, body: str) -> str:
    return f"## {heading}\n\n{html_block(body)}" if body else ""


# -- facts -----------------------------------------------------------------

def _facts(catalog: Catalog, p: dict, geo: Geography, page: str) -> str:
    """The record's facts as text, each linking to its listing; the links double as search filters."""
    places = ", ".join(link(page, place_page(code), catalog.places[code]["name"]) for code in p["places"])
    provinces = geo.provinces_of_practice(p)
    if provinces:
        places += " (" + ", ".join(link(page, place_page(code), geo.province_name(code), "provincie")
                                   for code in provinces) + ")"
    level = p["evidence"]["level"]
    rows = [
        ("Plaats", places),
        ("Periode", text(dutch.period(p.get("period")) or "niet bekend")),
        ("Status", link(page, status_page(p["status"]), catalog.label("status", p["status"]), "status")),
        ("Bewijs", link(page, evidence_page(level), catalog.label("evidence_level", level), "bewijs")),
        ("Schaal", f'<span data-pagefind-filter="schaal">{text(catalog.label("scope", p["scope"]))}</span>'),
        ("Thema's", _links(page, [(theme_page(c), catalog.label("theme", c)) for c in p["themes"]], "thema")),
        ("Doelgroepen", _links(page, [(target_group_page(c), catalog.label("target_group", c))
                                      for c in p["target_groups"]], "doelgroep")),
        ("Instrumenten", _links(page, [(instrument_page(i), catalog.instruments[i]["name"])
                                       for i in p.get("instruments", ())], "instrument")),
        ("Kosten", text("; ".join(cost_lines(catalog, p)))),
    ]
    return ('<div class="pv-head">' + facts(rows, "pv-facts", grouped=True)
            + search_filter("periode", period_facet(p)) + search_filter("soort", "Praktijkvoorbeeld")
            + search_sort("bijgewerkt", p["record"]["updated"]) + "</div>")


def _where_and_compare(catalog: Catalog, p: dict, page: str) -> str:
    """The small locator map, and the way to the compare page with this practice chosen."""
    return (f'<div class="pv-where" data-pagefind-ignore>{locator(catalog, p)}'
            f'<p class="pv-where__compare"><a href="{text(compare_url(page, [p["id"]]))}">'
            "Vergelijk met andere voorbeelden</a></p></div>")


def _links(page: str, targets: list[tuple[str, str]], filter_name: str) -> str:
    return ", ".join(link(page, target, label, filter_name) for target, label in targets)


# -- story -------------------------------------------------------------------

def _factors(p: dict) -> str:
    parts = []
    for heading, field in (("Wat hielp", "success_factors"), ("Wat remde", "obstacles")):
        if p.get(field):
            parts.append(f"<h3>{heading}</h3>" + item_list(text(line) for line in p[field]))
    return "".join(parts)


def _organisations(catalog: Catalog, p: dict, page: str) -> str:
    if not p.get("organisations"):
        return ""
    rows = []
    for o in p["organisations"]:
        name = text(o["name"]) + (f"<br><small>{text(o['note'])}</small>" if o.get("note") else "")
        place = link(page, place_page(o["place"]), catalog.places[o["place"]]["name"]) if o.get("place") else ""
        rows.append((name, text(catalog.label("organisation_role", o["role"])),
                     text(catalog.label("organisation_type", o["type"])), place))
    return table("Organisaties en hun rol", ("Organisatie", "Rol", "Soort", "Plaats"), rows)


def _costs(catalog: Catalog, p: dict, page: str) -> str:
    parts = []
    if p.get("costs"):
        rows = []
        for number, cost in enumerate(p["costs"], start=1):
            amount = dutch.money(cost["amount"], cost["currency"])
            notes = [COST_STAGE[cost["stage"]], catalog.label("cost_basis", cost["basis"]).lower()]
            notes += [VAT[cost["vat"]]] if cost.get("vat") else []
            notes += [f"onderdeel van post {cost['part_of']}"] if cost.get("part_of") else []
            covers = text(cost["covers"]) + (f"<br><small>{text(cost['note'])}</small>" if cost.get("note") else "")
            if cost.get("derived"):
                covers += f"<br><small>Afgeleid: {text(cost['derived'])}</small>"
            if cost.get("as_given"):
                covers += text(f" (in de bron: “{cost['as_given']}”)")
            rows.append((str(number), text(amount), covers, text(", ".join(notes)),
                         text(dutch.period(cost.get("period"))),
                         source_html(catalog, page, cost["source"], cost["locator"])))
        parts.append(table("Kosten zoals de bron ze geeft",
                           ("Post", "Bedrag", "Waarvoor", "Soort bedrag", "Periode", "Bron"), rows))
    if p.get("funding"):
        items = []
        for f in p["funding"]:
            bits = [text(f["funder"])]
            if "amount" in f:
                bits.append(text(dutch.money(f["amount"], f["currency"])))
            elif f.get("as_given"):
                bits.append(text(f"“{f['as_given']}”"))
            if f.get("period"):
                bits.append(text(dutch.period(f["period"])))
            line = ", ".join(bits) + (f". {text(f['note'])}" if f.get("note") else "")
            items.append(f"{line}. Bron: {source_html(catalog, page, f['source'], f['locator'])}")
        parts.append("<h3>Wie betaalt</h3>" + item_list(items))
    return "".join(parts)


def _evidence(catalog: Catalog, p: dict, page: str) -> str:
    e = p["evidence"]
    level = catalog.code("evidence_level", e["level"])
    out = (f"<p>Bewijsniveau: {link(page, evidence_page(e['level']), level['label_nl'])}. "
           f"{text(level['description_nl'])}</p>"
           f"<p>Wie zegt dat het werkt: {text(e['claimed_by'])}.</p>")
    return out + (f"<p>{text(e['note'])}</p>" if e.get("note") else "")


def _sources(catalog: Catalog, p: dict, page: str) -> str:
    items = []
    for ref in p["sources"]:
        source = catalog.sources[ref["source"]]
        line = source_html(catalog, page, ref["source"])
        if source.get("series"):
            line += f", {text(source['series'])}"
        line += f". Vindplaats: {text(ref['locator'])}."
        if ref.get("note"):
            line += f" {text(ref['note'])}"
        items.append(line)
    return item_list(items, "pv-sources")


def _related(catalog: Catalog, p: dict, page: str) -> str:
    related = [catalog.practices[r] for r in p.get("related", ())]
    if not related:
        return ""
    # Not searchable: a search for another practice's words should not find this one.
    return item_list((link(page, practice_page(r["id"]), r["title"]) for r in related), ignored=True)


# -- reuse -------------------------------------------------------------------

def _record(catalog: Catalog, p: dict, page: str, links: SiteLinks) -> str:
    record = p["record"]
    ident = p["id"]
    when = f"Toegevoegd op {dutch.date(record['added'])}"
    if record["updated"] != record["added"]:
        when += f", bijgewerkt op {dutch.date(record['updated'])}"
    repo_path = _repo_path(catalog, ident)
    reuse = [
        (links.edit_url(repo_path), "Dit record verbeteren op GitHub"),
        (links.view_url(repo_path), "Het record als YAML, zoals het in de catalogus staat"),
        (href(page, practice_data(ident, "json")), "Het record als JSON"),
        (href(page, practice_data(ident, "zip")),
         "Het datapakket van dit voorbeeld: een zip-bestand met de tabellen als CSV-bestanden "
         "en hun beschrijving. Pak het uit en open een tabel in een spreadsheet"),
    ]
    items = (f'<a href="{text(url)}">{label}</a>' for url, label in reuse)
    return (f'<div class="pv-record" data-pagefind-ignore>'
            f"<p>{text(when)}. Geschreven door {text(dutch.join(list(record['contributors'])))}.</p>"
            + f'<p class="pv-record__checked">{text(_checked(record))}</p>'
            + item_list(items, "pv-record__links")
            + f"<h3>Zo verwijst u naar dit voorbeeld</h3>"
            f'<p class="pv-cite">{text(citation(catalog, p, links))}</p></div>')


def _checked(record: dict) -> str:
    """When and by whom the record was last checked against its sources."""
    checked = record.get("checked")
    if not checked:
        return "Nog niet gecontroleerd tegen de bron."
    return f"Gecontroleerd tegen de bron op {dutch.date(checked['date'])} door {checked['by']}."


def _repo_path(catalog: Catalog, ident: str) -> str:
    """Where the record lives in the repository; a catalogue outside the repository
    (tests, benchmarks) is assumed to have the repository's layout."""
    path = catalog.files.get(f"practice:{ident}", "")
    return path if "/" in path else f"catalog/practices/{ident}.yaml"


def practice_data(ident: str, extension: str) -> str:
    """The practice's record (json) or data package (zip), as datapackage.write_practice_packages writes them."""
    return f"data/practices/{ident}.{extension}"


def citation(catalog: Catalog, p: dict, links: SiteLinks) -> str:
    """'Authors (year). Title. In: catalogue (version x). Record id, updated date. URL'."""
    record = p["record"]
    name = SITE_NAME
    if catalog.dataset and catalog.dataset.get("version"):
        name += f", versie {catalog.dataset['version']}"
    return (f"{dutch.join(list(record['contributors']))} ({record['updated'][:4]}). {p['title']}. "
            f"In: {name}. Record {p['id']}, bijgewerkt op {dutch.date(record['updated'])}. "
            f"{links.page_url(practice_page(p['id']))}")


def _jsonld(catalog: Catalog, practice: dict, page: str, links: SiteLinks) -> dict | None:
    """The schema.org Dataset of the practice's own data package, for the page's head."""
    if catalog.dataset is None:
        return None
    return practice_jsonld(catalog, practice, links.page_url(page) if links.site_url else "")
