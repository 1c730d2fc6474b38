"""The parts of a datapackage.json that every package shares: the release metadata
(version, licence, contributors, sources) and the resource entries."""

from __future__ import annotations

from . import tables
from .encoding import sha256

PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


DATA_PACKAGE_SPEC = "https://datapackage.org/standard/data-package/"


LICENSES = {
    "CC-BY-4.0": ("https://creativecommons.org/licenses/by/4.0/",
                  "Creative Commons Attribution 4.0 International",
                  "http://creativecommons.org/licenses/by/4.0/deed.nl"),
    "CC0-1.0": ("https://creativecommons.org/publicdomain/zero/1.0/",
                "Creative Commons Zero v1.0 Universal",
                "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"),
}


NESTED_RESOURCE = "practices_nested"


NESTED_FILE = "practices.json"


PRACTICE_FILE = "practice.json"  # the nested record inside a practice's package


class DatasetMetadataMissing(Exception):
    """The catalogue has no catalog/dataset.yaml (the checker normally refuses that)."""


def table_resource_entry(table: tables.Table, name: str, data: bytes, schema: dict | None) -> dict:
    """A CSV resource; with schema None, the caller adds the schema itself (as the last key)."""
    entry = {
        "name": table.name, "type": "table", "path": name,
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "description": table.description_en,
        "bytes": len(data), "hash": sha256(data),
    }
    if schema is not None:
        entry["schema"] = schema
    return entry


def nested_resource_entry(name: str, data: bytes) -> dict:
    return {
        "name": NESTED_RESOURCE, "path": name,
        "format": "json", "mediatype": "application/json", "encoding": "utf-8",
        "description": "The full nested practice records, as in the YAML files; "
                       "each is valid against schema/practice.schema.json.",
        "bytes": len(data), "hash": sha256(data),
    }


def dataset_metadata(catalog) -> dict:
    if catalog.dataset is None:
        raise DatasetMetadataMissing("catalog/dataset.yaml is missing")
    return catalog.dataset


def _created(dataset) -> str:
    return f"{dataset['released']}T00:00:00Z"


def _license(dataset) -> dict:
    url, title, _ = LICENSES[dataset["license"]]
    return {"name": dataset["license"], "path": url, "title": title}


def _contributors(dataset) -> list[dict]:
    out = []
    for person in dataset["contributors"]:
        entry = {"title": person["name"], "roles": list(person["roles"])}
        if "organization" in person:
            entry["organization"] = person["organization"]
        out.append(entry)
    return out


def keywords(dataset) -> list[str]:
    return list(dict.fromkeys([*dataset["keywords"]["nl"], *dataset["keywords"]["en"]]))


# A source without an address of its own is described on the site's sources page, each
# at its anchor (generator/website/sources_page.py: bronnen.md, `bron-<id>`).
SOURCES_PAGE = "bronnen/#bron-"


def _sources(dataset, sources) -> list[dict]:
    out = []
    for source in sorted(sources, key=lambda s: s["id"]):
        out.append({"title": f"{source['title']} ({source['publisher']})",
                    "path": source.get("url") or f"{dataset['homepage']}{SOURCES_PAGE}{source['id']}"})
    return out


def package_id(dataset: dict, file_name: str) -> str:
    """A package's globally unique, permanent identifier (Data Package v2 `id`): the address
    of its zip in the GitHub release of this version (.github/workflows/release.yml), whose
    files never change once released."""
    return f"{dataset['repository']}/releases/download/v{dataset['version']}/{file_name}"


def package_descriptor(dataset: dict, name: str, title: str, description: str, sources, resources: list,
                       zip_name: str) -> dict:
    """A datapackage.json: the dataset's release metadata around one set of resources,
    published as zip_name (`<dataset name>.zip`, or `<practice id>.zip` under practices/)."""
    return {
        "$schema": PACKAGE_PROFILE,
        "id": package_id(dataset, zip_name),
        "name": name,
        "title": title,
        "description": description,
        "version": dataset["version"],
        "created": _created(dataset),
        "homepage": dataset["homepage"],
        "licenses": [_license(dataset)],
        "contributors": _contributors(dataset),
        "keywords": keywords(dataset),
        "sources": _sources(dataset, sources),
        "resources": resources,
    }
