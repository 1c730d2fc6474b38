"""The schema.org description of the dataset for search engines (`dataset_jsonld`); the
DCAT-AP-DONL description for data portals is in dcat.py."""

from __future__ import annotations

from .descriptor import LICENSES, NESTED_FILE, dataset_metadata, keywords


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
    coverage = temporal_coverage(catalog)
    if coverage:
        out["temporalCoverage"] = f"{coverage[0]}/{coverage[1] or '..'}"
    return out


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
