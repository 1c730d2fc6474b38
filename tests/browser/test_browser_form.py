"""The form "Voorbeeld toevoegen" in headless chromium: a real practice typed in comes out as YAML
the checker accepts unchanged; empty and invalid fields get a Dutch message at the field; the
GitHub link carries the YAML; nothing is sent anywhere (the `page` fixture fails on any request
to another site)."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from generator.catalog.check import check_catalog, display
from generator.catalog.load import load_text
from generator.website.form_spec import PRACTICES_FOLDER
from generator.website.page_parts import SiteLinks

FORM = "toevoegen/"
COPY_ID = "-uit-het-formulier"


def open_form(page, base_url):
    page.goto(base_url + FORM)
    expect(page.locator('[data-path="title"]')).to_be_visible()


def fill(page, path: tuple, value) -> None:
    """Type `value` into the form the way a contributor would: field by field, adding list items."""
    where = "/".join(map(str, path))
    field = page.locator(f'[data-path="{where}"]')
    kind = field.get_attribute("data-kind") if path else "object"
    if kind == "object":
        if path and field.evaluate("e => e.tagName === 'DETAILS' && !e.open"):
            field.locator("> summary").click()
        for key, item in value.items():
            fill(page, path + (key,), item)
    elif kind == "checkboxes":
        for code in value:
            field.locator(f'input[value="{code}"]').check()
    elif kind in ("list", "groups"):
        for i, item in enumerate(value):
            if page.locator(f'[data-path="{where}/{i}"]').count() == 0:
                page.click(f'[data-add="{where}"]')
            fill(page, path + (i,), item)
    elif kind == "choice":
        field.select_option(value)
    else:
        field.fill(value if isinstance(value, str) else json.dumps(value))


# The same walk inside the page, for whole practices: one round trip instead of hundreds. It sets
# each control's value and fires the event typing or choosing fires, and clicks the add buttons.
FILL_IN_PAGE = """record => {
  const field = path => document.querySelector(`[data-path="${path.join("/")}"]`);
  function fill(path, value) {
    const control = path.length ? field(path) : null;
    if (path.length && !control) throw new Error("no field for " + path.join("/"));
    const kind = control ? control.dataset.kind : "object";
    if (kind === "object") {
      if (control && control.tagName === "DETAILS") control.open = true;
      Object.keys(value).forEach(key => fill(path.concat([key]), value[key]));
    } else if (kind === "checkboxes") {
      value.forEach(code => control.querySelector(`input[value="${code}"]`).click());
    } else if (kind === "list" || kind === "groups") {
      value.forEach((item, i) => {
        if (!field(path.concat([i]))) document.querySelector(`[data-add="${path.join("/")}"]`).click();
        fill(path.concat([i]), item);
      });
    } else {
      control.value = typeof value === "string" ? value : JSON.stringify(value);
      if (control.value !== String(control.value && (typeof value === "string" ? value : JSON.stringify(value)))) {
        throw new Error("cannot choose " + value + " at " + path.join("/"));
      }
      control.dispatchEvent(new Event(kind === "choice" ? "change" : "input", { bubbles: true }));
    }
  }
  fill([], record);
}"""


def trimmed(value):
    """The record as the form keeps it: text without blanks or line breaks around it."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [trimmed(item) for item in value]
    if isinstance(value, dict):
        return {key: trimmed(item) for key, item in value.items()}
    return value


def submit(page):
    page.click(".pv-form__form button[type=submit]")


def error_at(page, where: str):
    return page.locator(f'[data-field="{where}"] .pv-form__error, [data-path="{where}"] > .pv-form__error').first


def practices_to_type(catalog) -> list[str]:
    """Venlo (figures with comparison and baseline) and the first practice with costs and funding."""
    with_costs = next(i for i, p in catalog.practices.items() if p.get("costs") and p.get("funding"))
    return ["venlo-re-inspiratie", with_costs]


@pytest.mark.parametrize("which", [0, 1])
def test_a_real_practice_typed_in_gives_yaml_the_checker_accepts_unchanged(which, page, base_url, catalog, tmp_path):
    original = catalog.practices[practices_to_type(catalog)[which]]
    record = {**original, "id": original["id"] + COPY_ID}
    open_form(page, base_url)
    page.evaluate(FILL_IN_PAGE, record)
    submit(page)
    expect(page.locator(".pv-form__result")).to_be_visible()
    expect(page.locator(".pv-form__summary")).to_be_hidden()
    yaml_text = page.input_value("#pv-yaml")

    path = tmp_path / "practices" / f"{record['id']}.yaml"
    path.parent.mkdir()
    path.write_text(yaml_text, encoding="utf-8")
    problems = [p for p in check_catalog(extra=[path]).problems if p.file == display(path)]
    assert [p for p in problems if p.severity == "error"] == []
    assert {p.code for p in problems} <= {"related-one-way"}  # the other practices do not link back to a copy
    assert load_text(yaml_text, "x").data == trimmed(record)
    assert yaml_text.startswith("# yaml-language-server: $schema=../../schema/practice.schema.json\nid: ")

    github = page.locator("[data-action=github]")
    link = urlsplit(github.get_attribute("href"))
    query = parse_qs(link.query)
    expected = SiteLinks.of(catalog).new_file_url(PRACTICES_FOLDER)
    assert f"{link.scheme}://{link.netloc}{link.path}" == expected
    assert query["filename"] == [f"{record['id']}.yaml"]
    assert query["value"] == [yaml_text]
    assert github.get_attribute("target") == "_blank" and "noopener" in github.get_attribute("rel")
    preview = page.locator(".pv-form__preview")
    expect(preview.locator("h3")).to_have_text(record["title"])


def test_download_and_copy_give_the_same_yaml(page, base_url, catalog):
    record = {**catalog.practices["venlo-re-inspiratie"], "id": "venlo" + COPY_ID}
    record = {key: record[key] for key in ("id", "title", "summary", "status", "scope", "places", "themes",
                                           "target_groups", "evidence", "sources", "record")}
    open_form(page, base_url)
    fill(page, (), record)
    submit(page)
    yaml_text = page.input_value("#pv-yaml")
    assert load_text(yaml_text, "x").data == record
    with page.expect_download() as download:
        page.click("[data-action=downloaden]")
    assert download.value.suggested_filename == "venlo-uit-het-formulier.yaml"
    assert open(download.value.path(), encoding="utf-8").read() == yaml_text
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page.click("[data-action=kopieren]")
    expect(page.locator(".pv-form__status")).to_have_text("Gekopieerd.")
    assert page.evaluate("navigator.clipboard.readText()") == yaml_text


def test_empty_required_fields_get_a_dutch_message_at_the_field_and_in_the_summary(page, base_url):
    open_form(page, base_url)
    page.fill('[data-path="id"]', "venlo-re-inspiratie")
    submit(page)
    summary = page.locator(".pv-form__summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(error_at(page, "id")).to_contain_text("Er is al een voorbeeld met deze korte naam")
    expect(summary.locator("h2")).to_contain_text("om te verbeteren")
    expect(error_at(page, "title")).to_have_text("Vul dit veld in.")
    expect(error_at(page, "status")).to_have_text("Kies een waarde.")
    expect(error_at(page, "themes")).to_have_text("Kies er minstens één.")
    expect(error_at(page, "sources/0/locator")).to_have_text("Vul dit veld in.")
    title = page.locator('[data-path="title"]')
    assert title.get_attribute("aria-invalid") == "true"
    assert "pv-title-fout" in title.get_attribute("aria-describedby")
    expect(page.locator(".pv-form__result")).to_be_hidden()
    # the summary links to the field; fixing it removes its message without another click
    summary.get_by_role("link", name="Titel: Vul dit veld in.").click()
    expect(title).to_be_focused()
    title.fill("Een goede titel")
    expect(error_at(page, "title")).to_be_hidden()
    assert title.get_attribute("aria-invalid") is None


INVALID = [  # (field, what is typed, the Dutch message it must get)
    ("id", "Mijn Voorbeeld", "Gebruik alleen kleine letters, cijfers en streepjes, zoals venlo-re-inspiratie."),
    ("period/start", "14-2014", "Schrijf een jaar (2014), jaar en maand (2014-02) of een datum (2014-02-01)."),
    ("summary", "Bel voor meer informatie met 06-12345678, zij weet er alles van.",
     "Haal het telefoonnummer 06-12345678 weg"),
    ("description", "Zie [de site](www.voorbeeld.nl) voor meer.", "Het adres www.voorbeeld.nl begint niet met https://"),
    ("links/0/url", "www.voorbeeld.nl", "Gebruik een volledig adres dat begint met https://"),
    ("metrics/0/value", "veel", "Vul een getal in"),
    ("metrics/1/value", "1.000", "zonder punt voor duizendtallen"),
    ("costs/0/amount", "-5", "Het getal moet minstens 0 zijn."),
    ("record/updated", "2020-01-01", "Deze datum ligt voor de datum van toevoegen."),
]


def test_invalid_values_get_a_dutch_message_at_their_field(page, base_url):
    open_form(page, base_url)
    for path, count in (("links", 1), ("metrics", 2), ("costs", 1)):
        for _ in range(count):
            page.click(f'[data-add="{path}"]')
    for where, value, _ in INVALID:
        page.fill(f'[data-path="{where}"]', value)
    submit(page)
    summary = page.locator(".pv-form__summary")
    for where, _, message in INVALID:
        expect(error_at(page, where)).to_contain_text(message)
        expect(summary).to_contain_text(message)
    page.fill('[data-path="summary"]', "Te kort.")
    expect(error_at(page, "summary")).to_have_text("Te kort: schrijf minstens 20 tekens.")  # messages follow the typing


def test_choosing_an_indicator_chooses_its_unit_and_unknown_sources_are_a_note(page, base_url, catalog):
    open_form(page, base_url)
    page.click('[data-add="metrics"]')
    indicator = next(row for row in catalog.codelists["indicator"] if row["unit"] == "persons")
    page.select_option('[data-path="metrics/0/indicator"]', indicator["code"])
    expect(page.locator('[data-path="metrics/0/unit"]')).to_have_value("persons")
    minimal = {"title": "Een nieuw voorbeeld uit het formulier", "summary": "Een korte samenvatting van dit voorbeeld.",
               "status": "pilot", "scope": "municipality", "places": ["GM0983"], "themes": ["reintegration"],
               "target_groups": ["jobseekers"], "evidence": {"level": "claim", "claimed_by": "De gemeente"},
               "sources": [{"source": "nieuwe-bron-2026", "locator": "p. 3"}], "record": {"contributors": ["Test"]}}
    page.click('[data-remove="metrics/0"]')
    fill(page, (), minimal)
    expect(page.locator('[data-path="id"]')).to_have_value("een-nieuw-voorbeeld-uit-het-formulier")
    submit(page)
    expect(page.locator(".pv-form__result")).to_be_visible()
    expect(page.locator(".pv-form__notes")).to_contain_text("'nieuwe-bron-2026' staat nog niet in de catalogus")
    expect(error_at(page, "sources/0/source")).to_be_hidden()


def test_form_with_messages_has_no_serious_accessibility_problems(page, base_url, axe_script):
    open_form(page, base_url)
    submit(page)
    expect(page.locator(".pv-form__summary")).to_be_visible()
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    blocking = [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
                for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not blocking, "\n".join(blocking)


def test_a_reload_keeps_what_was_typed_until_the_contributor_clears_it(page, base_url):
    open_form(page, base_url)
    expect(page.locator(".pv-form__draft")).to_contain_text("bewaart wat u typt")
    page.fill('[data-path="title"]', "Een voorbeeld dat een herlaadbeurt overleeft")
    page.fill('[data-path="summary"]', "Wat hier staat, is na het herladen nog hier.")
    page.locator('[data-path="themes"] input').first.check()
    page.click('[data-add="metrics"]')
    page.fill('[data-path="metrics/0/value"]', "12")
    page.wait_for_timeout(400)  # the draft is kept once typing pauses
    page.reload()
    expect(page.locator('[data-path="title"]')).to_have_value("Een voorbeeld dat een herlaadbeurt overleeft")
    expect(page.locator('[data-path="summary"]')).to_have_value("Wat hier staat, is na het herladen nog hier.")
    expect(page.locator('[data-path="id"]')).to_have_value("een-voorbeeld-dat-een-herlaadbeurt-overleeft")
    expect(page.locator('[data-path="themes"] input').first).to_be_checked()
    expect(page.locator('[data-path="metrics/0/value"]')).to_have_value("12")
    expect(page.locator(".pv-form__draft")).to_contain_text("Wat u eerder typte, staat er weer.")

    page.click("[data-action=wissen]")
    page.click("[data-action=wissen-nee]")
    expect(page.locator('[data-path="title"]')).to_have_value("Een voorbeeld dat een herlaadbeurt overleeft")
    page.click("[data-action=wissen]")
    page.click("[data-action=wissen-ja]")
    expect(page.locator('[data-path="title"]')).to_have_value("")
    page.reload()
    expect(page.locator('[data-path="title"]')).to_have_value("")
    expect(page.locator('[data-path="metrics/0/value"]')).to_have_count(0)
    expect(page.locator(".pv-form__draft")).not_to_contain_text("Wat u eerder typte")
