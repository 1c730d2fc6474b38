"""Descriptions of the dataset for portals and search engines: schema.org
(`dataset_jsonld`) and DCAT-AP-DONL (`dcat_jsonld`)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .descriptor import DATA_PACKAGE_SPEC, LICENSES, NESTED_FILE, dataset_metadata, keywords


def dataset_jsonld(catalog) -> dict:
    """The schema.org Dataset the website embeds (Google Dataset Search, other harvesters)."""
    dataset = dataset_metadata(catalog)
    data_url = dataset["homepage"] + "data/"
    publisher = {"@type": "Organization", "name": dataset["publisher"], "url": dataset["homepage"]}
    out = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": data_url,
        "name": dataset["title"]["nl"],
        "alternateName": dataset["title"]["en"],
        "description": dataset["description"]["nl"],
        "url": dataset["homepage"],
        "sameAs": dataset["repository"],
        "version": dataset["version"],
        "datePublished": dataset["released"],
        "license": LICENSES[dataset["license"]][0],
        "isAccessibleForFree": True,
        "inLanguage": dataset["language"],
        "keywords": keywords(dataset),
        "creator": [{"@type": "Organization", "name": c["name"]} for c in dataset["contributors"]
                    if "creator" in c["roles"]] or [publisher],
        "publisher": publisher,
        "spatialCoverage": {"@type": "Place", "name": dataset["spatial"]},
        "distribution": [
            {"@type": "DataDownload", "name": "Datapakket (zip)", "encodingFormat": "application/zip",
             "contentUrl": f"{data_url}{dataset['name']}.zip"},
            {"@type": "DataDownload", "name": "datapackage.json", "encodingFormat": "application/json",
             "contentUrl": f"{data_url}datapackage.json"},
            {"@type": "DataDownload", "name": NESTED_FILE, "encodingFormat": "application/json",
             "contentUrl": f"{data_url}{NESTED_FILE}"},
        ],
    }
    modified = catalog.last_update
    if modified:
        out["dateModified"] = modified
    coverage = _temporal_coverage(catalog)
    if coverage:
        out["temporalCoverage"] = f"{coverage[0]}/{coverage[1] or '..'}"
    return out


DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/", "vcard": "http://www.w3.org/2006/vcard/ns#",
    "adms": "http://www.w3.org/ns/adms#", "owl": "http://www.w3.org/2002/07/owl#",
    "spdx": "http://spdx.org/rdf/terms#", "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def dcat_jsonld(catalog, data_dir: Path) -> dict:
    """DCAT-AP description of the dataset and its distributions, with DCAT-AP-DONL's values."""
    dataset = dataset_metadata(catalog)
    data_url = dataset["homepage"] + "data/"
    licence = {"@id": LICENSES[dataset["license"]][2]}
    agent = {"@type": "foaf:Agent", "foaf:name": dataset["publisher"]}
    texts = lambda key: [{"@language": lang, "@value": dataset[key][lang]} for lang in ("nl", "en")]  # noqa: E731
    record = {
        "@id": data_url,
        "@type": "dcat:Dataset",
        "dct:identifier": data_url,
        "dct:title": texts("title"),
        "dct:description": texts("description"),
        "dcat:keyword": [{"@language": lang, "@value": word}
                         for lang in ("nl", "en") for word in dataset["keywords"][lang]],
        "dcat:theme": [{"@id": "http://standaarden.overheid.nl/owms/terms/Werk_(thema)"},
                       {"@id": "http://publications.europa.eu/resource/authority/data-theme/SOCI"}],
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
        "dct:license": licence,
        "dct:accessRights": {"@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"},
        "dct:publisher": agent,
        "dct:creator": agent,
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": dataset["publisher"],
                              "vcard:hasURL": {"@id": dataset["repository"] + "/issues"}},
        "dcat:landingPage": {"@id": dataset["homepage"]},
        "dct:issued": {"@value": dataset["released"], "@type": "xsd:date"},
        "owl:versionInfo": dataset["version"],
        "adms:versionNotes": f"{dataset['repository']}/blob/main/CHANGELOG.md",
        "dct:spatial": {"@id": "http://standaarden.overheid.nl/owms/terms/Nederland"},
        "dcat:distribution": _distributions(dataset, data_dir, licence),
    }
    record.update(_dates(catalog))
    return {
        "@context": DCAT_CONTEXT,
        "@id": data_url + "catalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": texts("title"),
        "dct:description": texts("description"),
        "dct:publisher": agent,
        "dct:license": licence,
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
        "foaf:homepage": {"@id": dataset["homepage"]},
        "dcat:dataset": [record],
    }


def _dates(catalog) -> dict:
    """When the records last changed, and the years the practices cover."""
    out = {}
    modified = catalog.last_update
    if modified:
        out["dct:modified"] = {"@value": modified, "@type": "xsd:date"}
    coverage = _temporal_coverage(catalog)
    if coverage:
        period = {"@type": "dct:PeriodOfTime", "dcat:startDate": {"@value": coverage[0], "@type": "xsd:gYear"}}
        if coverage[1]:
            period["dcat:endDate"] = {"@value": coverage[1], "@type": "xsd:gYear"}
        out["dct:temporal"] = period
    return out


def _distributions(dataset, data_dir: Path, licence: dict) -> list[dict]:
    data_url = dataset["homepage"] + "data/"
    eu = "http://publications.europa.eu/resource/authority/file-type/"
    iana = "https://www.iana.org/assignments/media-types/"
    entries = [
        (f"{dataset['name']}.zip", "ZIP", "application/zip", DATA_PACKAGE_SPEC,
         "Het hele datapakket in één zip: CSV-tabellen, datapackage.json, practices.json, schema's en codeboek."),
        ("datapackage.json", "JSON", "application/json", DATA_PACKAGE_SPEC,
         "Beschrijving van het datapakket (Frictionless Data Package v2) met een CSV-bestand per tabel."),
        (NESTED_FILE, "JSON", "application/json", data_url + "schema/practice.schema.json",
         "Alle praktijkvoorbeelden als geneste JSON-records."),
    ]
    out = []
    for name, file_type, media_type, conforms_to, description in entries:
        data = (data_dir / name).read_bytes()
        out.append({
            "@id": data_url + name,
            "@type": "dcat:Distribution",
            "dct:title": name,
            "dct:description": {"@language": "nl", "@value": description},
            "dcat:accessURL": {"@id": data_url + name},
            "dcat:downloadURL": {"@id": data_url + name},
            "dct:format": {"@id": eu + file_type},
            "dcat:mediaType": {"@id": iana + media_type},
            "dct:conformsTo": {"@id": conforms_to},
            "dct:license": licence,
            "dcat:byteSize": {"@value": str(len(data)), "@type": "xsd:nonNegativeInteger"},
            "spdx:checksum": {"@type": "spdx:Checksum",
                              "spdx:algorithm": {"@id": "http://spdx.org/rdf/terms#checksumAlgorithm_sha256"},
                              "spdx:checksumValue": hashlib.sha256(data).hexdigest()},
        })
    return out


def _temporal_coverage(catalog) -> tuple[str, str | None] | None:
    """First start year and last end year of the practices; None as end while one still runs."""
    starts, ends, open_ended = [], [], False
    for practice in catalog.practices.values():
        period = practice.get("period") or {}
        if "start" in period:
            starts.append(period["start"][:4])
        if "end" in period:
            ends.append(period["end"][:4])
        elif "start" in period:
            open_ended = True
    if not starts:
        return None
    return min(starts), (None if open_ended or not ends else max(ends))
