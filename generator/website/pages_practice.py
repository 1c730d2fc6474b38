"""The page of one practice: facts, key figures as cards, the story, sources,
and how to reuse and cite the record.

Every record string goes through `sanitize` (escaped, or Markdown sanitised);
labels come from the codelists. Sections without content are left out.
"""

from __future__ import annotations

from generator.catalog.geography import Geography
from generator.catalog.model import Catalog

from . import dutch
from .figures import Bar, bar_chart
from .page_parts import (
    SITE_NAME,
    SiteLinks,
    evidence_page,
    front_matter,
    href,
    html_block,
    indicator_page,
    instrument_page,
    link,
    period_facet,
    place_page,
    practice_page,
    status_page,
    target_group_page,
    theme_page,
)
from .sanitize import markdown_html, markdown_text, text
from .sources_page import PATH as SOURCES_PAGE
from .sources_page import source_anchor

KIND_ORDER = {"outcome": 0, "output": 1, "input": 2, "context": 3}
COST_STAGE = {"achieved": "werkelijke kosten", "expected": "verwachte kosten", "target": "begroting"}
VAT = {"incl": "inclusief btw", "excl": "exclusief btw"}
CARD_CHART_WIDTH = 260  # about the card's width in CSS pixels, so chart text keeps its size


def practice_markdown(catalog: Catalog, practice: dict, geo: Geography, links: SiteLinks) -> str:
    page = practice_page(practice["id"])
    sections = [
        front_matter(practice["title"], practice["summary"], searchable=True),
        f"# {markdown_text(practice['title'])}\n\n",
        html_block(_facts(catalog, practice, geo, page),
                   f'<p class="pv-summary" data-pagefind-meta="samenvatting">{text(practice["summary"])}</p>'),
        _section("Kerncijfers", _cards(catalog, practice, page)),
        _section("Beschrijving", markdown_html(practice["description"]) if practice.get("description") else ""),
        _section("Wat hielp en wat remde", _factors(practice)),
        _section("Organisaties", _organisations(catalog, practice, page)),
        _section("Kosten en financiering", _costs(catalog, practice, page)),
        _section("Bewijs", _evidence(catalog, practice, page)),
        _section("Bronnen", _sources(catalog, practice, page)),
        _section("Verwante voorbeelden", _related(catalog, practice, page)),
        _section("Over dit record", _record(catalog, practice, page, links)),
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
    ]
    # The labels stay out of the search index, or excerpts would read "PlaatsVenlo".
    items = "".join(f"<div><dt data-pagefind-ignore>{name}</dt><dd>{value}</dd></div>"
                    for name, value in rows if value)
    return (f'<div class="pv-head"><dl class="pv-facts">{items}</dl>'
            # Filters and sort key that the page does not show as such: attribute syntax, no text.
            f'<span data-pagefind-filter="periode:{text(period_facet(p))}"></span>'
            '<span data-pagefind-filter="soort:Praktijkvoorbeeld"></span>'
            f'<span data-pagefind-sort="bijgewerkt:{text(p["record"]["updated"])}"></span></div>')


def _links(page: str, targets: list[tuple[str, str]], filter_name: str) -> str:
    return ", ".join(link(page, target, label, filter_name) for target, label in targets)


# -- key figures -----------------------------------------------------------

def figure_text(catalog: Catalog, item: dict) -> str:
    """A value as the page writes it, with its qualifier: 'ruim 20 uur', 'hoogstens 40 personen per werkcoach'."""
    shown = dutch.quantity(item["value"], item["unit"], catalog.label("unit", item["unit"]))
    qualifier = item.get("qualifier")
    if qualifier and qualifier != "exact":
        return f"{catalog.label('qualifier', qualifier).lower()} {shown}"
    return shown


def figure_short(catalog: Catalog, item: dict) -> str:
    """The value for a chart, where the unit is already said: 'ruim 20', 'hoogstens 40', '−26%'."""
    unit = item["unit"]
    shown = dutch.quantity(item["value"], unit, "") if unit in dutch.SHORT_UNITS else dutch.number(item["value"])
    qualifier = item.get("qualifier")
    if qualifier and qualifier != "exact":
        return f"{catalog.label('qualifier', qualifier).lower()} {shown.strip()}"
    return shown.strip()


def source_html(catalog: Catalog, page: str, source_id: str, locator: str | None = None) -> str:
    """'Title (publisher, februari 2014), locator'; the title links to the publication when it
    has a URL, otherwise to the source's entry on the sources page."""
    source = catalog.sources[source_id]
    title = f"<cite>{text(source['title'])}</cite>"
    if source.get("url"):
        title = f'<a href="{text(source["url"])}" rel="noopener">{title}</a>'
    else:
        title = f'<a href="{href(page, f"{SOURCES_PAGE}#{source_anchor(source_id)}")}">{title}</a>'
    about = [source["publisher"]] + ([dutch.date(source["date"])] if source.get("date") else [])
    out = f"{title} ({text(', '.join(about))})"
    return out + (f", {text(locator)}" if locator else "")


def _cards(catalog: Catalog, p: dict, page: str) -> str:
    metrics = sorted(enumerate(p.get("metrics", ())), key=lambda im: (KIND_ORDER[im[1]["kind"]], im[0]))
    if not metrics:
        return ""
    cards = [_card(catalog, metric, number, page) for number, metric in metrics]
    return '<div class="pv-cards">' + "".join(cards) + "</div>"


def _card(catalog: Catalog, m: dict, number: int, page: str) -> str:
    title = m.get("label") or catalog.label("indicator", m["indicator"])
    value = figure_text(catalog, m)
    facts = [
        ("Periode", text(dutch.when(m))),
        ("Over wie", text(m.get("population", ""))),
        ("Vergelijking", _comparison(catalog, m, page)),
        ("Uitgangssituatie", _baseline(catalog, m)),
        ("In de bron", text(f"“{m['as_given']}”") if m.get("as_given") else ""),
        ("Afgeleid", text(m.get("derived", ""))),
        ("Toelichting", text(m.get("note", ""))),
        ("Bron", source_html(catalog, page, m["source"], m["locator"])),
    ]
    dl = "".join(f"<dt>{name}</dt><dd>{body}</dd>" for name, body in facts if body)
    kind = catalog.label("metric_kind", m["kind"])
    stage = catalog.label("metric_stage", m["stage"])
    compare = link(page, indicator_page(m["indicator"]),
                   f"Vergelijk {catalog.label('indicator', m['indicator']).lower()} met andere voorbeelden")
    return (f'<div class="pv-card pv-card--{m["kind"]}">'
            f'<h3 class="pv-card__title">{text(title)}</h3>'
            f'<p class="pv-card__value">{text(value)}</p>'
            f'<p class="pv-card__kind">{text(kind)} · {text(stage)}</p>'
            f'{_card_chart(catalog, m, number, title, value)}'
            # Search indexes what the figure is and its value, not the details around it.
            f'<dl class="pv-card__facts" data-pagefind-ignore>{dl}</dl>'
            f'<p class="pv-card__more" data-pagefind-ignore>{compare}</p></div>')


def _comparison(catalog: Catalog, m: dict, page: str) -> str:
    c = m.get("comparison")
    if not c:
        return ""
    details = [dutch.period(c.get("period"))]
    if c.get("place"):
        details.append(catalog.places[c["place"]]["name"])
    details = [d for d in details if d]
    out = f"{text(c['label'])}: {text(figure_text(catalog, c))}"
    out += f" ({text(', '.join(details))})" if details else ""
    if c.get("as_given"):
        out += text(f", in de bron: “{c['as_given']}”")
    if c.get("source") and (c["source"] != m["source"] or c.get("locator")):
        out += ". Bron: " + source_html(catalog, page, c["source"], c.get("locator"))
    if c.get("note"):
        out += f". {text(c['note'])}"
    return out


def _baseline(catalog: Catalog, m: dict) -> str:
    b = m.get("baseline")
    if not b:
        return ""
    out = text(figure_text(catalog, b))
    if b.get("period"):
        out += f" ({text(dutch.period(b['period']))})"
    if b.get("as_given"):
        out += text(f", in de bron: “{b['as_given']}”")
    return out + (f". {text(b['note'])}" if b.get("note") else "")


def _card_chart(catalog: Catalog, m: dict, number: int, title: str, value: str) -> str:
    """Bars for the figure and, where they share its unit, its comparison and baseline."""
    bars = [Bar("Dit voorbeeld", m["value"], figure_short(catalog, m), main=True)]
    described = [f"dit voorbeeld: {value}"]
    c, b = m.get("comparison"), m.get("baseline")
    if c and c["unit"] == m["unit"]:
        bars.append(Bar(c["label"], c["value"], figure_short(catalog, c)))
        described.append(f"{c['label']}: {figure_text(catalog, c)}")
    if b and b["unit"] == m["unit"]:
        when = dutch.period(b.get("period"))
        label = "Uitgangssituatie" + (f" ({when})" if when else "")
        bars.append(Bar(label, b["value"], figure_short(catalog, b)))
        described.append(f"{label.lower()}: {figure_text(catalog, b)}")
    if len(bars) < 2:
        return ""
    return bar_chart(bars, f"{title}. Staafdiagram, {'; '.join(described)}", f"cijfer-{number + 1}",
                     width=CARD_CHART_WIDTH)


# -- story -------------------------------------------------------------------

def _factors(p: dict) -> str:
    parts = []
    for heading, field in (("Wat hielp", "success_factors"), ("Wat remde", "obstacles")):
        if p.get(field):
            items = "".join(f"<li>{text(line)}</li>" for line in p[field])
            parts.append(f"<h3>{heading}</h3><ul>{items}</ul>")
    return "".join(parts)


def _organisations(catalog: Catalog, p: dict, page: str) -> str:
    if not p.get("organisations"):
        return ""
    rows = []
    for o in p["organisations"]:
        name = text(o["name"]) + (f"<br><small>{text(o['note'])}</small>" if o.get("note") else "")
        place = link(page, place_page(o["place"]), catalog.places[o["place"]]["name"]) if o.get("place") else ""
        rows.append(f"<tr><td>{name}</td><td>{text(catalog.label('organisation_role', o['role']))}</td>"
                    f"<td>{text(catalog.label('organisation_type', o['type']))}</td><td>{place}</td></tr>")
    return _table("Organisaties en hun rol", ("Organisatie", "Rol", "Soort", "Plaats"), rows)


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
            if cost.get("as_given"):
                covers += text(f" (in de bron: “{cost['as_given']}”)")
            rows.append(f"<tr><td>{number}</td><td>{text(amount)}</td><td>{covers}</td>"
                        f"<td>{text(', '.join(notes))}</td><td>{text(dutch.period(cost.get('period')))}</td>"
                        f"<td>{source_html(catalog, page, cost['source'], cost['locator'])}</td></tr>")
        parts.append(_table("Kosten zoals de bron ze geeft",
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
            items.append(f"<li>{line}. Bron: {source_html(catalog, page, f['source'], f['locator'])}</li>")
        parts.append(f"<h3>Wie betaalt</h3><ul>{''.join(items)}</ul>")
    return "".join(parts)


def _table(caption: str, headers: tuple[str, ...], rows: list[str]) -> str:
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    return ('<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            # Caption and column names stay out of the search index: excerpts would run them together.
            f"<table><caption data-pagefind-ignore>{caption}</caption><thead data-pagefind-ignore><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div></div>")


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
        items.append(f"<li>{line}</li>")
    return f"<ul class=\"pv-sources\">{''.join(items)}</ul>"


def _related(catalog: Catalog, p: dict, page: str) -> str:
    related = [catalog.practices[r] for r in p.get("related", ())]
    if not related:
        return ""
    items = "".join(f"<li>{link(page, practice_page(r['id']), r['title'])}</li>" for r in related)
    # Not searchable: a search for another practice's words should not find this one.
    return f"<ul data-pagefind-ignore>{items}</ul>"


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
    items = "".join(f'<li><a href="{text(url)}">{label}</a></li>' for url, label in reuse)
    return (f'<div class="pv-record" data-pagefind-ignore>'
            f"<p>{text(when)}. Geschreven door {text(dutch.join(list(record['contributors'])))}.</p>"
            f'<p class="pv-record__checked">{text(_checked(record))}</p>'
            f'<ul class="pv-record__links">{items}</ul>'
            f"<h3>Zo verwijst u naar dit voorbeeld</h3>"
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
