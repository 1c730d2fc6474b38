"""The generated pages of generator/website/extra_pages.py: field reference, sources, downloads."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from types import MappingProxyType

import yaml

from generator.build import write_data
from generator.catalog.schemas import Schema
from generator.opendata import tables
from generator.opendata.datapackage import COMPANIONS
from generator.opendata.metadata import dataset_jsonld
from generator.paths import SCHEMA_DIR
from generator.website import downloads_page, extra_pages, pages, sources_page
from generator.website.field_reference import RECORD_KINDS, field_reference_markdown

SCHEMA = Schema.read(SCHEMA_DIR)  # the repository's schema, read once per test module


def front_matter(markdown: str) -> dict:
    match = re.match(r"\A---\n(.*?)\n---\n", markdown, re.DOTALL)
    assert match, markdown[:200]
    return yaml.safe_load(match.group(1))


def test_pages_are_deterministic_and_do_not_collide_with_the_catalogue_pages(catalog):
    generated = extra_pages.pages(catalog)
    assert generated == extra_pages.pages(catalog)
    ours = {extra_pages.CONTRIBUTE_PATH, extra_pages.FIELD_REFERENCE_PATH, sources_page.PATH, downloads_page.PATH}
    assert ours <= set(generated)
    assert not set(generated) & set(pages.pages(catalog))


def test_contribute_page_is_the_contributing_guide_with_site_links_made_relative(catalog):
    site_url = catalog.dataset["homepage"]
    page = extra_pages.contribute_markdown(site_url)
    guide = extra_pages.CONTRIBUTING_FILE.read_text(encoding="utf-8")
    assert front_matter(page) == {"title": "Bijdragen"}
    body = page.split("---\n", 2)[2].lstrip("\n")
    assert "](" + site_url in guide  # the guide links to the published site ...
    assert body.replace("](../", "](" + site_url) == guide
    assert "](" + site_url not in body  # ... and the page to its own pages


# ---- field reference -------------------------------------------------------------


def test_field_reference_lists_every_top_level_field_and_every_code(catalog):
    reference = field_reference_markdown(catalog.schema)
    for file, heading, _ in RECORD_KINDS:
        schema = json.loads((SCHEMA_DIR / file).read_text(encoding="utf-8"))
        section = reference.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
        for name in schema["properties"]:
            assert f"| `{name}` |" in section, f"{file}: {name}"
    for name, rows in catalog.codelists.items():
        section = reference.split(f"### Codelijst {name}\n", 1)[1].split("\n### ", 1)[0]
        for row in rows:
            assert f"| `{row['code']}` | " in section, f"{name}: {row['code']}"


def test_field_reference_expands_nested_fields_and_links_codelists(catalog):
    reference = field_reference_markdown(catalog.schema)
    assert "| `evidence.level` | ja | code uit [evidence_level](#codelijst-evidence_level) |" in reference
    assert "| `organisations[].role` | ja | code uit [organisation_role](#codelijst-organisation_role) |" in reference
    assert "| `comparison.label` | ja |" in reference
    assert "| `period.start` | nee | jaar, jaar-maand of datum" in reference
    # metrics and costs are their own sections, not repeated inside the practice table
    assert "| `metrics` | nee | lijst; elk onderdeel: een cijfer (zie [Cijfer](#cijfer)) |" in reference
    assert "`metrics[].value`" not in reference


def test_field_reference_follows_the_schema(catalog, tmp_path):
    schema_dir = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, schema_dir)
    practice = json.loads((schema_dir / "practice.schema.json").read_text(encoding="utf-8"))
    practice["properties"]["budget_note"] = {"description": "Opmerking <b>over</b> | het budget.",
                                             "type": "string", "maxLength": 300}
    practice["required"].append("budget_note")
    (schema_dir / "practice.schema.json").write_text(json.dumps(practice), encoding="utf-8")
    reference = field_reference_markdown(Schema.read(schema_dir))
    assert ("| `budget_note` | ja | tekst (hoogstens 300 tekens) | "
            "Opmerking &lt;b&gt;over&lt;/b&gt; \\| het budget. |") in reference


# ---- sources page ------------------------------------------------------------------


def test_sources_page_lists_every_source_with_the_records_that_cite_it(catalog):
    page = sources_page.sources_markdown(catalog)
    for ident, source in catalog.sources.items():
        assert f'<h2 id="bron-{ident}">' in page
    for practice in catalog.practices.values():
        cited = {ref["source"] for ref in practice["sources"]}
        for ident in cited:
            section = page.split(f'<h2 id="bron-{ident}">', 1)[1].split("</section>", 1)[0]
            assert f'href="../voorbeelden/{practice["id"]}/"' in section


def test_sources_page_escapes_record_text(catalog):
    ident = next(iter(catalog.sources))
    sources = dict(catalog.sources)
    sources[ident] = {**sources[ident], "title": "<script>alert(1)</script>", "note": "a <b onmouseover=x>b</b>",
                      "url": "https://example.org/?a=1&b=\"2\""}
    page = sources_page.sources_markdown(dataclasses.replace(catalog, sources=MappingProxyType(sources)))
    assert "<script>" not in page and "<b " not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="https://example.org/?a=1&amp;b=&quot;2&quot;"' in page


# ---- downloads page ----------------------------------------------------------------


def test_downloads_page_carries_the_dataset_json_ld_in_its_meta(catalog):
    meta = front_matter(downloads_page.downloads_markdown(catalog))
    assert meta == {"title": "Downloads", "jsonld": dataset_jsonld(catalog)}


def test_every_download_link_points_at_a_file_the_data_package_writes(catalog, tmp_path):
    page = downloads_page.downloads_markdown(catalog)
    write_data(catalog, tmp_path / "data")  # what a build writes into data/
    linked = re.findall(r'href="\.\./data/([^"]+)"', page)
    assert linked
    missing = [name for name in linked if not (tmp_path / "data" / name).is_file()]
    assert not missing
    for t in tables.tables(SCHEMA):
        assert f"{t.name}.csv" in linked
    assert downloads_page.CHANGELOG in COMPANIONS and downloads_page.CHANGELOG in linked


def test_downloads_page_embeds_the_codebook_and_counts_the_rows(catalog):
    page = downloads_page.downloads_markdown(catalog)
    assert "### Tabellen en velden" in page and "#### Tabel `practices`" in page
    assert re.search(rf'practices\.csv</a> \| {len(catalog.practices)} \|', page)
    assert page.count("\n# ") == 1  # one h1: the page title
