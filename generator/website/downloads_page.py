"""The downloads page (downloads.md): the data package for researchers.

Lists what `datapackage.write_datapackages` publishes under data/ (the zip,
datapackage.json, every table, the nested JSON, the schemas and codelists,
the per-practice packages), embeds the codebook, and says how to cite and
what changed. Every file name comes from the modules that write the files,
so the links cannot point at files that are not there. The schema.org
Dataset JSON-LD goes into the page meta; site/overrides/main.html puts it
in the head.
"""

from __future__ import annotations

import yaml

from generator.catalog.model import Catalog
from generator.catalog.schemas import Schema
from generator.opendata import tables
from generator.opendata.codebook import codebook_markdown
from generator.opendata.descriptor import LICENSES, NESTED_FILE
from generator.opendata.metadata import citation_text, creator_names, dataset_jsonld
from generator.opendata.rows import catalog_rows
from generator.opendata.versions import Version
from generator.paths import ROOT

from . import dutch
from .downloads_versions import CHANGELOG, DATA, versions_markdown
from .page_parts import shift_headings
from .sanitize import text

PATH = "downloads.md"
WORKBOOK = "praktijkvoorbeelden-werk.xlsx"  # written by build.py with workbook.py, next to the tables


def downloads_markdown(catalog: Catalog, releases: list[Version] | None = None) -> str:
    """The page; releases are the earlier versions (as the build found them) it lists too."""
    dataset = catalog.dataset
    releases = releases or []
    counts = {name: len(rows) for name, rows in catalog_rows(catalog).items()}
    parts = [
        _front_matter(catalog),
        _intro(catalog, dataset),
        _package(dataset),
        _tables(catalog.schema, counts),
        _schemas(catalog.schema),
        _per_practice(),
        _licence(dataset),
        _citation(dataset),
        versions_markdown(dataset, releases, (ROOT / CHANGELOG).read_text(encoding="utf-8")),
        "## Codeboek\n\nHieronder staat elke tabel van het datapakket met al haar velden. "
        "Hetzelfde codeboek zit als `codebook.md` in het datapakket.\n",
        shift_headings(codebook_markdown(catalog.schema, "nl"), by=1),
    ]
    return "\n".join(parts)


def _front_matter(catalog: Catalog) -> str:
    meta = {"title": "Downloads", "jsonld": dataset_jsonld(catalog)}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000) + "---\n"


def _intro(catalog: Catalog, dataset: dict) -> str:
    return f"""# Downloads: de hele catalogus als open data

Alle gegevens van deze website kunt u downloaden: {len(catalog.practices)} praktijkvoorbeelden,
met hun cijfers, kosten, organisaties en bronnen, als tabellen die u opent in een spreadsheet,
in R, in Python of in een database. Het datapakket volgt de standaard
[Frictionless Data Package](https://datapackage.org/): bij elke tabel staat welke velden
er zijn, van welk type, welke codes zijn toegestaan en hoe de tabellen naar elkaar verwijzen.

Versie **{text(dataset['version'])}**, uitgebracht op {text(dutch.date(dataset['released']))}.
Elke eerdere versie blijft te downloaden: zie hieronder, bij Alle versies.
"""


def _page_link(path: str, label: str) -> str:
    return f'<a href="../{text(path)}">{text(label)}</a>'


def _link(path: str, label: str | None = None) -> str:
    return f'<a href="{DATA}{text(path)}">{text(label or path)}</a>'


def _package(dataset: dict) -> str:
    zip_name = f"{dataset['name']}.zip"
    return f"""## Het datapakket

- {_link(WORKBOOK)}: de hele catalogus als Excel-bestand. Het eerste blad zet alle
  voorbeelden naast elkaar, met plaats, periode, status, bewijs, kerncijfers en kosten
  (zoals op {_page_link('verkennen/', 'Verkennen')}); daarna volgt elke tabel op een eigen blad.
- {_link(zip_name)}: alles in één bestand: de tabellen, `datapackage.json`,
  `practices.json`, de schema's, de codelijsten, het codeboek, de wijzigingen en de
  gegevens om te citeren.
- {_link('datapackage.json')}: de beschrijving van het pakket en van elke tabel. Zo laadt
  u alles in één keer, bijvoorbeeld in Python met `frictionless` of `pandas`.
- {_link(NESTED_FILE)}: alle praktijkvoorbeelden als geneste records, precies zoals in de
  bestanden van de catalogus. Elk record klopt met het schema `practice.schema.json`.
- {_link('catalog.jsonld')}: een beschrijving van de dataset volgens DCAT-AP
  (DCAT-AP-DONL), voor dataportalen.
- {_link('codebook.md')}: het codeboek (staat ook onderaan deze pagina).

Zo leest u een tabel in:

```python
import pandas as pd
practices = pd.read_csv("{dataset['homepage']}data/practices.csv")
```
"""


def _tables(schema: Schema, counts: dict[str, int]) -> str:
    lines = [
        "## De tabellen",
        "",
        "Elke tabel is een CSV-bestand (UTF-8, komma's, één kopregel). In het codeboek hieronder "
        "staat wat elk veld betekent.",
        "",
        "| Tabel | Rijen | Wat erin staat |",
        "|---|---:|---|",
    ]
    for t in tables.tables(schema):
        description = " ".join(text(t.description_nl).replace("|", "\\|").split())
        lines.append(f"| {_link(t.name + '.csv')} | {counts.get(t.name, 0)} | {description} |")
    return "\n".join(lines) + "\n"


def _schemas(schema: Schema) -> str:
    schemas = sorted(schema.files)
    codelists = sorted(f"{name}.csv" for name in schema.codelists)
    return "\n".join([
        "## Schema's en codelijsten",
        "",
        "De JSON Schema's waarmee elk record wordt gecontroleerd, en de codelijsten "
        "(code, Nederlandse en Engelse naam, uitleg). De velden staan ook uitgelegd op "
        "[alle velden en codes](bijdragen/velden.md).",
        "",
        "- Schema's: " + ", ".join(_link(f"schema/{name}", name) for name in schemas),
        "- Codelijsten: " + ", ".join(_link(f"schema/codelists/{name}", name) for name in codelists),
        "",
    ])


def _per_practice() -> str:
    return """## Eén voorbeeld als data

Elk praktijkvoorbeeld heeft ook een eigen klein datapakket: een zip-bestand met dezelfde
tabellen, maar alleen de rijen van dat voorbeeld en de bronnen, plaatsen, instrumenten en codes
waar het naar verwijst. Het record zelf is er ook als JSON-bestand. U vindt beide links op de
pagina van het voorbeeld.
"""


def _licence(dataset: dict) -> str:
    url, title, deed = LICENSES[dataset["license"]]
    return f"""## Licentie

De gegevens vallen onder de licentie [{text(title)}]({deed}) ({text(dataset['license'])}).
U mag ze gebruiken, delen en bewerken, ook voor commerciële doelen, als u de catalogus
als bron noemt (zie hieronder). De publicaties waar de voorbeelden op steunen, vallen
onder het auteursrecht van hun makers; die staan niet in het datapakket.
"""


def _citation(dataset: dict) -> str:
    year = dataset["released"][:4]
    authors = creator_names(dataset)
    title = dataset["title"]["nl"]
    apa = citation_text(dataset)
    bibtex = "\n".join([
        f"@misc{{{dataset['name']}-{dataset['version']},",
        f"  author    = {{{{{authors}}}}},",
        f"  title     = {{{title}}},",
        f"  year      = {{{year}}},",
        f"  version   = {{{dataset['version']}}},",
        f"  publisher = {{{dataset['publisher']}}},",
        f"  url       = {{{dataset['homepage']}}},",
        "  note      = {Dataset}",
        "}",
    ])
    return f"""## Hoe u de data citeert

Noem de catalogus met de versie die u gebruikte, zodat anderen precies dezelfde gegevens
kunnen terugvinden. Bijvoorbeeld:

{text(apa)}

Als BibTeX:

```bibtex
{bibtex}
```

Het bestand {_link('CITATION.cff')} bevat dezelfde gegevens in het formaat dat GitHub en
Zenodo lezen. Noemt u één voorbeeld, geef dan ook de naam van het voorbeeld en het adres
van de pagina.
"""
