"""The schema.org descriptions for search engines (Google Dataset Search and other harvesters):
the catalogue as a `Dataset` (`dataset_jsonld`, on the home and downloads pages) and each
practice's own data package as a `Dataset` that is part of it (`practice_jsonld`, on the
practice's page). The DCAT-AP-DONL description for data portals is in dcat.py.

Every address is absolute, from the dataset's `homepage` (catalog/dataset.yaml); without
one, whatever needs an address is left out rather than made up. Sizes and checksums are
given only for files whose bytes are known when the pages are made (a practice's record
as JSON): the zips are written by the data step, at the same time as the pages.
"""

from __future__ import annotations

import hashlib

from .descriptor import LICENSES, NESTED_FILE, dataset_metadata, keywords, package_id
from .encoding import json_bytes

SCHEMA_ORG = "https://schema.org"
PRACTICES_FOLDER = "practices/"  # under data/: practices/<id>.zip and practices/<id>.json (datapackage.py)


def data_url(dataset: dict) -> str:
    """The address of the newest data package's folder, '' without a site address."""
    return dataset["homepage"] + "data/" if dataset.get("homepage") else ""


def practice_record_bytes(practice: dict) -> bytes:
    """A practice's nested record as published in data/practices/<id>.json and inside its zip."""
    return json_bytes(practice, compact=True)


def citation_text(dataset: dict) -> str:
    """How to cite the catalogue (APA style; `*` around the title, as Markdown italics)."""
    return (f"{creator_names(dataset)} ({dataset['released'][:4]}). *{dataset['title']['nl']}* "
            f"(versie {dataset['version']}) [dataset]. {dataset['homepage']}")


def creator_names(dataset: dict) -> str:
    return "; ".join(c["name"] for c in dataset["contributors"] if "creator" in c["roles"]) \
        or dataset["publisher"]


def dataset_jsonld(catalog) -> dict:
    """The schema.org Dataset of the whole catalogue."""
    dataset = dataset_metadata(catalog)
    folder = data_url(dataset)
    zip_name = f"{dataset['name']}.zip"
    out = {
        "@context": SCHEMA_ORG,
        "@type": "Dataset",
        "@id": folder,
        "identifier": package_id(dataset, zip_name),
        "name": dataset["title"]["nl"],
        "alternateName": dataset["title"]["en"],
        "description": dataset["description"]["nl"],
        "url": dataset["homepage"],
        "sameAs": dataset["repository"],
        **_release(dataset),
        "keywords": keywords(dataset),
        "spatialCoverage": {"@type": "Place", "name": dataset["spatial"]},
        "citation": citation_text(dataset).replace("*", ""),
        "distribution": [_download(name, media_type, folder + name) for name, media_type in (
            (zip_name, "application/zip"), ("datapackage.json", "application/json"),
            (NESTED_FILE, "application/json"))],
    }
    modified = catalog.last_update
    if modified:
        out["dateModified"] = modified
    coverage = temporal_coverage(catalog)
    if coverage:
        out["temporalCoverage"] = f"{coverage[0]}/{coverage[1] or '..'}"
    return _without_empty(out)


def practice_jsonld(catalog, practice: dict, page_url: str) -> dict:
    """The schema.org Dataset of one practice's own data package (practice_packages.py)."""
    dataset = dataset_metadata(catalog)
    folder = data_url(dataset)
    ident = practice["id"]
    record = practice_record_bytes(practice)
    sources = [_source(catalog, source) for source in dict.fromkeys(ref["source"] for ref in practice["sources"])]
    out = {
        "@context": SCHEMA_ORG,
        "@type": "Dataset",
        "@id": f"{folder}{PRACTICES_FOLDER}{ident}.zip" if folder else "",
        "identifier": package_id(dataset, f"{ident}.zip"),
        "name": practice["title"],
        "description": practice["summary"],
        "url": page_url,
        **_release(dataset),
        "isPartOf": {"@id": folder} if folder else "",
        "about": [{"@type": "DefinedTerm", "name": catalog.label("theme", code), "termCode": code}
                  for code in practice["themes"]],
        "spatialCoverage": [{"@type": "Place", "name": catalog.places[place]["name"]}
                            for place in practice["places"]],
        "isBasedOn": sources,
        "citation": sources,
        "distribution": [
            _download(f"{ident}.zip", "application/zip", f"{folder}{PRACTICES_FOLDER}{ident}.zip"),
            {**_download(f"{ident}.json", "application/json", f"{folder}{PRACTICES_FOLDER}{ident}.json"),
             "contentSize": f"{len(record)} B", "sha256": hashlib.sha256(record).hexdigest()},
        ],
    }
    period = practice.get("period") or {}
    if "start" in period:
        out["temporalCoverage"] = f"{period['start']}/{period.get('end', '..')}"
    return _without_empty(out)


def _release(dataset: dict) -> dict:
    """What the catalogue and every practice package share: version, licence, makers, catalogue."""
    publisher = _without_empty({"@type": "Organization", "name": dataset["publisher"], "url": dataset["homepage"]})
    creators = [{"@type": "Organization", "name": c["name"]} for c in dataset["contributors"]
                if "creator" in c["roles"]]
    return {
        "version": dataset["version"],
        "datePublished": dataset["released"],
        "license": LICENSES[dataset["license"]][0],
        "isAccessibleForFree": True,
        "inLanguage": dataset["language"],
        "creator": creators or [publisher],
        "publisher": publisher,
        "includedInDataCatalog": _without_empty({"@type": "DataCatalog", "name": dataset["title"]["nl"],
                                                 "url": dataset["homepage"]}),
    }


def _download(name: str, media_type: str, url: str) -> dict:
    return _without_empty({"@type": "DataDownload", "name": name, "encodingFormat": media_type,
                           "contentUrl": url if url.startswith(("https://", "http://")) else ""})


def _source(catalog, source_id: str) -> dict:
    source = catalog.sources[source_id]
    return _without_empty({"@type": "CreativeWork", "name": source["title"], "url": source.get("url", ""),
                           "publisher": {"@type": "Organization", "name": source["publisher"]},
                           "datePublished": source.get("date", "")})


def _without_empty(entry: dict) -> dict:
    """Leave out the properties that have no value (an address without a site address)."""
    return {key: value for key, value in entry.items() if value not in ("", None, [])}


def temporal_coverage(catalog) -> tuple[str, str | None] | None:
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
