"""The form "Voorbeeld toevoegen" with a source that is not yet in the catalogue, in headless chromium:
the contributor chooses "Een bron die nog niet in de catalogus staat", types its title, publisher,
date, link and type, and gets two files (the source's and the practice's) with a GitHub link each;
a copy of the real catalogue with both files added passes the check."""

from __future__ import annotations

import shutil
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect
from test_browser_form import error_at, fill, open_form, submit

from generator.catalog.check import check_catalog
from generator.catalog.load import load_text
from generator.paths import CATALOG_DIR
from generator.website.form_spec import PRACTICES_FOLDER, SOURCES_FOLDER
from generator.website.page_parts import SiteLinks

PRACTICE = {"title": "Werkcentrum Venlo uit het formulier", "summary": "Een korte samenvatting van dit voorbeeld.",
            "status": "pilot", "scope": "municipality", "places": ["GM0983"], "themes": ["reintegration"],
            "target_groups": ["jobseekers"], "evidence": {"level": "claim", "claimed_by": "De gemeente"},
            "sources": [{"locator": "eerste alinea"}], "record": {"contributors": ["Test"]}}
SOURCE = {"title": "Werkcentrum Venlo helpt 300 mensen aan een baan", "publisher": "Gemeente Venlo",
          "date": "2024-05", "url": "https://www.venlo.nl/nieuws/werkcentrum", "type": "web-page"}
SOURCE_ID = "gemeente-venlo-2024-werkcentrum-venlo-helpt"


def choose_a_new_source(page, source: dict) -> None:
    page.click("[data-action=nieuwe-bron]")
    for name, value in source.items():
        fill(page, ("new_source", name), value)


def link(page, action: str) -> tuple[str, dict]:
    address = urlsplit(page.locator(f"[data-action={action}]").get_attribute("href"))
    return f"{address.scheme}://{address.netloc}{address.path}", parse_qs(address.query)


def test_a_new_source_gives_its_own_file_and_link_and_the_practice_cites_it(page, base_url, catalog, tmp_path):
    open_form(page, base_url)
    expect(page.locator('[data-path="new_source/title"]')).to_be_hidden()
    fill(page, (), PRACTICE)
    choose_a_new_source(page, SOURCE)
    expect(page.locator('[data-path="new_source/id"]')).to_have_value(SOURCE_ID)
    expect(page.locator('[data-path="sources/0/source"]')).to_have_value(SOURCE_ID)
    submit(page)
    expect(page.locator(".pv-form__result")).to_be_visible()
    expect(page.locator(".pv-form__summary")).to_be_hidden()
    expect(page.locator(".pv-form__notes")).to_be_hidden()  # the practice's source is known now

    source_yaml, practice_yaml = page.input_value("#pv-bron-yaml"), page.input_value("#pv-yaml")
    assert source_yaml.startswith("# yaml-language-server: $schema=../../schema/source-file.schema.json\n")
    assert load_text(source_yaml, "x").data == {"id": SOURCE_ID, **SOURCE, "language": "nl"}
    assert load_text(practice_yaml, "x").data["sources"] == [{"source": SOURCE_ID, "locator": "eerste alinea"}]
    links = SiteLinks.of(catalog)
    address, query = link(page, "github-bron")
    assert address == links.new_file_url(SOURCES_FOLDER) and address.endswith("/catalog/sources")
    assert query == {"filename": [f"{SOURCE_ID}.yaml"], "value": [source_yaml]}
    address, query = link(page, "github")
    assert address == links.new_file_url(PRACTICES_FOLDER) and query["value"] == [practice_yaml]

    # the pull requests' files, added to a copy of the catalogue, pass the check
    copy = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, copy)
    (copy / "sources").mkdir()
    (copy / "sources" / query_filename(page, "github-bron")).write_text(source_yaml, encoding="utf-8")
    (copy / "practices" / query_filename(page, "github")).write_text(practice_yaml, encoding="utf-8")
    result = check_catalog(copy)
    assert result.problems == [] and SOURCE_ID in result.catalog.sources


def query_filename(page, action: str) -> str:
    return link(page, action)[1]["filename"][0]


def test_the_new_source_is_checked_with_the_checkers_rules_at_its_fields(page, base_url, axe_script):
    open_form(page, base_url)
    fill(page, (), PRACTICE)
    choose_a_new_source(page, {**SOURCE, "date": "mei 2024", "url": "www.venlo.nl", "title": ""})
    page.fill('[data-path="new_source/id"]', "lokaal-bestuur-2014-het-werkt")
    submit(page)
    expect(page.locator(".pv-form__result")).to_be_hidden()
    expect(error_at(page, "new_source/title")).to_have_text("Vul dit veld in.")
    expect(error_at(page, "new_source/date")).to_contain_text("2024-05")
    expect(error_at(page, "new_source/url")).to_contain_text("https://")
    expect(error_at(page, "new_source/id")).to_contain_text("Er is al een bron met deze korte naam")
    summary = page.locator(".pv-form__summary")
    expect(summary).to_contain_text("Nieuwe bron › Titel van de bron: Vul dit veld in.")
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations] == []
    # back to a source from the catalogue: the new one is neither checked nor cited
    page.click("[data-action=bestaande-bron]")
    expect(page.locator('[data-path="sources/0/source"]')).to_have_value("")
    expect(error_at(page, "new_source/title")).to_be_hidden()


def test_a_reload_keeps_the_new_source(page, base_url):
    open_form(page, base_url)
    choose_a_new_source(page, SOURCE)
    page.wait_for_timeout(400)  # the draft is kept once typing pauses
    page.reload()
    expect(page.locator('[data-path="new_source/title"]')).to_have_value(SOURCE["title"])
    expect(page.locator('[data-path="new_source/id"]')).to_have_value(SOURCE_ID)
    expect(page.locator("[data-action=nieuwe-bron]")).to_be_checked()
