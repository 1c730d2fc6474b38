"""What every page's head tells machines, on a whole-site build of the two-practice catalogue
of test_pages.py given one earlier release (test_versions.py): the link to the catalogue's
DCAT-AP description (data/catalog.jsonld), Open Graph and Twitter card meta, and schema.org
JSON-LD, which rdflib must read as RDF (with schema.org as the vocabulary, offline), the
catalogue's Dataset on the home and downloads pages and each practice's own on its page."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import rdflib
import yaml
from test_pages import montferland, venlo, write_catalog
from test_versions import make_release

from generator import build as build_module
from generator.catalog.check import check_catalog
from generator.opendata.metadata import dataset_jsonld, practice_jsonld
from generator.paths import SCHEMA_DIR
from generator.website.page_parts import yaml_flow

DESCRIBED_BY = re.compile(r'<link rel="describedby" type="application/ld\+json"[^>]* href="([^"]+)"')
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
SCHEMA = rdflib.Namespace("https://schema.org/")
DATASET_NEEDS = ("@id", "name", "description", "identifier", "version", "license", "creator", "publisher",
                 "includedInDataCatalog", "citation", "distribution", "url")


class _Head(HTMLParser):
    """The <meta property|name=... content=...> of a page's head."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        key = found.get("property") or found.get("name")
        if tag == "meta" and key:
            self.meta.setdefault(key, []).append(found.get("content", ""))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("mini")
    make_release(folder, "0.0.9", "2026-01-15", [venlo(), montferland()])
    catalog_dir = write_catalog(folder, [venlo(), montferland()])
    out = tmp_path_factory.mktemp("site") / "public"
    assert not build_module.build(out, catalog_dir=catalog_dir, releases=folder / "releases").has_errors
    return out, yaml.safe_load((catalog_dir / "dataset.yaml").read_text(encoding="utf-8"))


def _pages(site: Path) -> list[Path]:
    pages = sorted(p for p in site.rglob("*.html") if "data" not in p.relative_to(site).parts)
    assert len(pages) > 20
    return pages


def _head(page: Path) -> str:
    return page.read_text(encoding="utf-8").split("</head>", 1)[0]


def _jsonld(page: Path) -> list[dict]:
    return [json.loads(script) for script in SCRIPT.findall(_head(page))]


def test_every_page_links_the_dcat_description_at_its_full_address(built):
    site, dataset = built
    for page in _pages(site):
        head = _head(page)
        assert DESCRIBED_BY.findall(head) == [dataset["homepage"] + "data/catalog.jsonld"], page
        assert 'rel="alternate"' not in head  # Material would fetch a sitemap.xml beside it
    assert (site / "data" / "catalog.jsonld").is_file()


def test_every_page_has_open_graph_and_twitter_card_meta(built):
    site, dataset = built
    for page in _pages(site):
        parser = _Head()
        parser.feed(_head(page))
        meta = {key: values[0] for key, values in parser.meta.items() if len(values) == 1}
        address = dataset["homepage"] + page.relative_to(site).as_posix().removesuffix("index.html")
        assert meta.get("og:url") == (None if page.name == "404.html" else address), page
        assert meta["og:title"] and meta["og:description"] and "<" not in meta["og:title"], page
        assert (meta["og:type"], meta["og:locale"], meta["twitter:card"]) == ("website", "nl_NL", "summary")
        assert meta["og:site_name"] == "Praktijkvoorbeelden werk en participatie"
        assert meta["twitter:title"] == meta["og:title"]
    home = _Head()
    home.feed(_head(site / "index.html"))
    assert home.meta["og:title"] == ["Praktijkvoorbeelden werk en participatie"]
    practice = _Head()
    practice.feed(_head(site / "voorbeelden" / "venlo-werkt" / "index.html"))
    assert practice.meta["og:title"] == [venlo()["title"]] and practice.meta["og:description"] == [venlo()["summary"]]


def test_json_ld_is_embedded_safely_and_reads_as_schema_org_rdf(built):
    site, _ = built
    datasets = 0
    for page in _pages(site):
        (script,) = SCRIPT.findall(_head(page))  # every page says what it is, once
        assert "<" not in script and "&" not in script, page  # cannot end the script element
        data = json.loads(script)
        assert data["@context"] == "https://schema.org"
        graph = rdflib.Graph().parse(data=json.dumps({**data, "@context": {"@vocab": str(SCHEMA)}}),
                                     format="json-ld")
        if data["@type"] == "Dataset":
            assert (rdflib.URIRef(data["@id"]), rdflib.RDF.type, SCHEMA.Dataset) in graph, page
            datasets += 1
        else:  # any other page: a web page of the site, at its own address
            assert data["@type"] == "WebPage" and data["name"] and data["inLanguage"] == "nl", page
            if page.name != "404.html":  # the error page has no address of its own
                assert data["url"].startswith(data["isPartOf"]["url"]), page
            assert (None, rdflib.RDF.type, SCHEMA.WebPage) in graph, page
    assert datasets == 2 + 2  # home, downloads and the two practices


def test_home_and_downloads_pages_carry_the_catalogue_dataset(built):
    site, dataset = built
    (home,) = _jsonld(site / "index.html")
    assert _jsonld(site / "downloads" / "index.html") == [home]
    for key in DATASET_NEEDS:
        assert home[key], key
    assert home["@id"] == dataset["homepage"] + "data/" and home["version"] == dataset["version"]
    assert home["includedInDataCatalog"]["@type"] == "DataCatalog" and dataset["version"] in home["citation"]
    for download in home["distribution"]:
        assert download["encodingFormat"] and download["contentUrl"].startswith(home["@id"])
        assert (site / "data" / download["contentUrl"].removeprefix(home["@id"])).is_file()


def test_each_practice_page_carries_its_own_package_as_a_dataset_in_the_catalogue(built):
    site, dataset = built
    (home,) = _jsonld(site / "index.html")
    (venlo_data,) = _jsonld(site / "voorbeelden" / "venlo-werkt" / "index.html")
    (montferland_data,) = _jsonld(site / "voorbeelden" / "montferland-leren" / "index.html")
    for data in (venlo_data, montferland_data):
        for key in (*DATASET_NEEDS, "isPartOf", "isBasedOn", "spatialCoverage", "temporalCoverage", "about"):
            assert data[key], key
        assert data["isPartOf"] == {"@id": home["@id"]}
        assert data["includedInDataCatalog"] == home["includedInDataCatalog"]
    assert venlo_data["url"] == dataset["homepage"] + "voorbeelden/venlo-werkt/"
    assert venlo_data["spatialCoverage"] == [{"@type": "Place", "name": "Venlo"}]
    assert (venlo_data["temporalCoverage"], montferland_data["temporalCoverage"]) == ("2006/..", "2012/2014")
    assert venlo_data["isBasedOn"][0]["name"] == "Het werkt! Voorbeelden"
    assert venlo_data["isBasedOn"][0]["url"] == "https://example.org/het-werkt"
    assert [term["termCode"] for term in venlo_data["about"]] == venlo()["themes"]
    assert all(term["name"] and term["@type"] == "DefinedTerm" for term in venlo_data["about"])
    zip_download, json_download = venlo_data["distribution"]
    assert zip_download["encodingFormat"] == "application/zip"
    record = (site / "data" / "practices" / "venlo-werkt.json").read_bytes()
    assert json_download["contentUrl"] == home["@id"] + "practices/venlo-werkt.json"
    assert json_download["contentSize"] == f"{len(record)} B"
    assert json_download["sha256"] == hashlib.sha256(record).hexdigest()
    assert (site / "data" / "practices" / "venlo-werkt.zip").is_file()


def test_every_version_is_on_the_built_site_and_listed_with_working_links(built):
    site, dataset = built
    downloads = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    for version in (dataset["version"], "0.0.9"):
        assert f"Versie {version}" in downloads
        for link in re.findall(rf'href="\.\./data/{re.escape(version)}/([^"]+)"', downloads):
            assert (site / "data" / version / link).is_file(), link
    assert "15 januari 2026" in downloads


def test_without_a_site_address_no_address_is_made_up(tmp_path):
    catalog = check_catalog(write_catalog(tmp_path, [venlo(), montferland()]), SCHEMA_DIR).catalog
    catalog = dataclasses.replace(catalog, dataset={**catalog.dataset, "homepage": ""})
    practice = catalog.practices["venlo-werkt"]
    for data in (dataset_jsonld(catalog), practice_jsonld(catalog, practice, "")):
        assert "@id" not in data and "url" not in data and "isPartOf" not in data
        assert all("contentUrl" not in download for download in data["distribution"])
        assert "url" not in data["publisher"] and data["name"] and data["identifier"]


@pytest.mark.parametrize("loader", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)])
def test_page_meta_as_one_line_of_yaml_reads_back_exactly_and_holds_no_markup(loader):
    value = {"@id": "x", "text": "a\x00\x7f\x85\x9f\u2028\u2029\ufeff\ufffe\U0001F600 \"\\ \t\n: # & ' </script>",
             "list": [1, 2.5, True, None, {"nested": "<b>"}], "empty": ""}
    line = yaml_flow(value)
    assert "\n" not in line and "<" not in line and "&" not in line
    assert yaml.load(f"jsonld: {line}", loader) == {"jsonld": value}
