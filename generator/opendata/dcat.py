"""The DCAT-AP description of the catalogue (data/catalog.jsonld), with DCAT-AP-DONL's values,
for data portals that harvest it (data.overheid.nl, data.europa.eu).

Every resource it names carries its class (a licence is a dct:LicenseDocument, a theme a
skos:Concept, ...), so that the DCAT-AP 3 SHACL shapes' class checks pass without the
vocabularies themselves (tests/test_datapackage.py).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .descriptor import DATA_PACKAGE_SPEC, LICENSES, NESTED_FILE, dataset_metadata
from .metadata import temporal_coverage

DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/", "vcard": "http://www.w3.org/2006/vcard/ns#",
    "adms": "http://www.w3.org/ns/adms#", "owl": "http://www.w3.org/2002/07/owl#",
    "spdx": "http://spdx.org/rdf/terms#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "overheid": "http://standaarden.overheid.nl/owms/terms/",
}
EU = "http://publications.europa.eu/resource/authority/"
OWMS = "http://standaarden.overheid.nl/owms/terms/"
# (theme, its label, the scheme it belongs to, the scheme's title): the Dutch government's
# theme and the EU's, as DCAT-AP-DONL asks.
THEMES = ((f"{OWMS}Werk_(thema)", "Werk", f"{OWMS}TaxonomieBeleidsagenda", "Taxonomie Beleidsagenda"),
          (f"{EU}data-theme/SOCI", "Bevolking en samenleving", f"{EU}data-theme", "Datathema's (EU)"))
PUBLISHER_PAGE = "over/#redactie"  # the editors' IRI: the site's "about" page (site/docs/over.md)
# How the data came about, for dct:provenance (Dutch, as the data).
PROVENANCE = ("De redactie leest openbare publicaties (artikelen, rapporten, nieuwsbrieven) en legt per "
              "praktijkvoorbeeld vast wat de bron zegt. Elk cijfer staat er zoals de bron het geeft, met bron "
              "en vindplaats; elk voorbeeld heeft een bewijsniveau. Elke wijziging gaat via een pull request "
              "die automatisch wordt gecontroleerd.")


def node(iri: str, *classes: str) -> dict:
    """A resource by its IRI, with its classes."""
    return {"@id": iri, "@type": list(classes) if len(classes) > 1 else classes[0]}


def _texts(dataset: dict, key: str) -> list[dict]:
    return [{"@language": lang, "@value": dataset[key][lang]} for lang in ("nl", "en")]


def _date(value: str) -> dict:
    return {"@value": value, "@type": "xsd:date"}


def dcat_jsonld(catalog, data_dir: Path) -> dict:
    """The dcat:Catalog with its one dcat:Dataset and that dataset's distributions."""
    dataset = dataset_metadata(catalog)
    data_url = dataset["homepage"] + "data/"
    common = _common(dataset)
    out = {
        "@context": DCAT_CONTEXT,
        "@id": data_url + "catalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": _texts(dataset, "title"),
        "dct:description": _texts(dataset, "description"),
        "foaf:homepage": node(dataset["homepage"], "foaf:Document"),
        "dct:issued": _date(dataset["released"]),
        "dcat:themeTaxonomy": [{**node(scheme, "skos:ConceptScheme"), "dct:title": {"@language": "nl", "@value": title}}
                               for _, _, scheme, title in THEMES],
        **{key: common[key] for key in ("dct:publisher", "dct:license", "dct:language", "dct:spatial")},
        "dcat:dataset": [_dataset(catalog, dataset, data_dir, common)],
    }
    if catalog.last_update:
        out["dct:modified"] = _date(catalog.last_update)
    return out


def _common(dataset: dict) -> dict:
    """What the catalogue and its dataset share: publisher, licence, language, place."""
    publisher = {**node(dataset["homepage"] + PUBLISHER_PAGE, "foaf:Agent", "foaf:Organization"),
                 "foaf:name": dataset["publisher"], "foaf:homepage": node(dataset["homepage"], "foaf:Document")}
    return {
        "dct:publisher": publisher,
        "dct:license": node(LICENSES[dataset["license"]][2], "dct:LicenseDocument"),
        "dct:language": node(f"{EU}language/NLD", "dct:LinguisticSystem"),
        "dct:spatial": node(f"{OWMS}Nederland", "dct:Location"),
    }


def _dataset(catalog, dataset: dict, data_dir: Path, common: dict) -> dict:
    data_url = dataset["homepage"] + "data/"
    record = {
        "@id": data_url,
        "@type": "dcat:Dataset",
        "dct:identifier": data_url,
        "dct:title": _texts(dataset, "title"),
        "dct:description": _texts(dataset, "description"),
        "dcat:keyword": [{"@language": lang, "@value": word}
                         for lang in ("nl", "en") for word in dataset["keywords"][lang]],
        "dcat:theme": [{**node(theme, "skos:Concept"), "skos:prefLabel": {"@language": "nl", "@value": label},
                        "skos:inScheme": {"@id": scheme}} for theme, label, scheme, _ in THEMES],
        **common,
        "overheid:authority": {"@id": common["dct:publisher"]["@id"]},
        "dct:creator": {"@id": common["dct:publisher"]["@id"]},
        "dct:accessRights": node(f"{EU}access-right/PUBLIC", "dct:RightsStatement"),
        "dct:accrualPeriodicity": node(f"{EU}frequency/IRREG", "dct:Frequency"),
        "dct:provenance": {"@type": "dct:ProvenanceStatement", "rdfs:label": {"@language": "nl", "@value": PROVENANCE}},
        "dct:conformsTo": node(data_url + "schema/practice.schema.json", "dct:Standard"),
        "dcat:contactPoint": {"@type": ["vcard:Kind", "vcard:Organization"], "vcard:fn": dataset["publisher"],
                              "vcard:hasURL": {"@id": dataset["repository"] + "/issues"}},
        "dcat:landingPage": node(dataset["homepage"], "foaf:Document"),
        "dct:issued": _date(dataset["released"]),
        "dcat:version": dataset["version"],
        "owl:versionInfo": dataset["version"],
        "adms:versionNotes": f"{dataset['repository']}/blob/main/CHANGELOG.md",
        "dcat:distribution": _distributions(dataset, data_dir, common["dct:license"]),
    }
    record.update(_dates(catalog))
    return record


def _dates(catalog) -> dict:
    """When the records last changed, and the years the practices cover."""
    out = {}
    if catalog.last_update:
        out["dct:modified"] = _date(catalog.last_update)
    coverage = temporal_coverage(catalog)
    if coverage:
        period = {"@type": "dct:PeriodOfTime", "dcat:startDate": {"@value": coverage[0], "@type": "xsd:gYear"}}
        if coverage[1]:
            period["dcat:endDate"] = {"@value": coverage[1], "@type": "xsd:gYear"}
        out["dct:temporal"] = period
    return out


def _distributions(dataset, data_dir: Path, licence: dict) -> list[dict]:
    data_url = dataset["homepage"] + "data/"
    entries = [
        (f"{dataset['name']}.zip", "ZIP", "application/zip", DATA_PACKAGE_SPEC, "Datapakket (zip)",
         "Het hele datapakket in één zip: CSV-tabellen, datapackage.json, practices.json, schema's en codeboek."),
        ("datapackage.json", "JSON", "application/json", DATA_PACKAGE_SPEC, "Beschrijving van het datapakket",
         "Beschrijving van het datapakket (Frictionless Data Package v2) met een CSV-bestand per tabel."),
        (NESTED_FILE, "JSON", "application/json", data_url + "schema/practice.schema.json",
         "Alle praktijkvoorbeelden als JSON", "Alle praktijkvoorbeelden als geneste JSON-records."),
    ]
    return [_distribution(data_url, data_dir / entry[0], licence, *entry) for entry in entries]


def _distribution(data_url: str, path: Path, licence: dict, name: str, file_type: str, media_type: str,
                  conforms_to: str, title: str, description: str) -> dict:
    data = path.read_bytes()
    return {
        "@id": f"{data_url}catalog.jsonld#{name}",
        "@type": "dcat:Distribution",
        "dct:title": {"@language": "nl", "@value": title},
        "dct:description": {"@language": "nl", "@value": description},
        "dcat:accessURL": node(data_url, "rdfs:Resource"),
        "dcat:downloadURL": node(data_url + name, "rdfs:Resource"),
        "dct:format": node(f"{EU}file-type/{file_type}", "dct:MediaTypeOrExtent"),
        "dcat:mediaType": node(f"https://www.iana.org/assignments/media-types/{media_type}", "dct:MediaType"),
        "dct:conformsTo": node(conforms_to, "dct:Standard"),
        "dct:license": licence,
        "dcat:byteSize": {"@value": str(len(data)), "@type": "xsd:nonNegativeInteger"},
        "spdx:checksum": {"@type": "spdx:Checksum",
                          "spdx:algorithm": node(f"{DCAT_CONTEXT['spdx']}checksumAlgorithm_sha256",
                                                 "spdx:ChecksumAlgorithm"),
                          "spdx:checksumValue": {"@value": hashlib.sha256(data).hexdigest(), "@type": "xsd:hexBinary"}},
    }
