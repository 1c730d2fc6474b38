"""The form "Voorbeeld toevoegen" without a browser: its generated definition (generator/website/form_spec.py),
and its JavaScript validator and YAML writer run in Node against the checker's own schema and loader."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess

import jsonschema
import jsonschema_rs
import pytest

from generator.catalog import check, rule_spec
from generator.catalog.document import Document
from generator.catalog.entry import Entry
from generator.catalog.load import load_file, load_text
from generator.catalog.problems import MESSAGES, format_path
from generator.catalog.record_rules import record_rules
from generator.catalog.schema_errors import KEYWORD_CODES, close_matches, problems_from_errors
from generator.catalog.schemas import Schema, bundle, read_schemas
from generator.catalog.text_rules import published_text_rules
from generator.paths import CATALOG_DIR, ROOT, SCHEMA_DIR
from generator.tools import new
from generator.website import form_spec
from generator.website.page_parts import SiteLinks

SCHEMA = Schema.read(SCHEMA_DIR)  # the repository's schema, read once per test module

ASSETS = ROOT / "site" / "docs" / "assets"
EXAMPLES = ROOT / "tests" / "example-files"


def node(script: str, payload):
    """Run `script` in Node as an ES module (so it can `await` an import) with the JSON payload on
    stdin; its stdout is JSON."""
    executable = shutil.which("node")
    if executable is None:
        pytest.fail("node is missing: the form's JavaScript is tested with Node (installed with npm for `make test`)")
    done = subprocess.run([executable, "--input-type=module", "-e", script], input=json.dumps(payload),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def js_module(name: str) -> str:
    """An expression for the exports of the site's ES module `name` (package.json says "type": "module")."""
    return f"(await import({json.dumps((ASSETS / name).as_uri())}))"


STDIN = 'let input = ""; process.stdin.on("data", d => input += d).on("end", () => { const data = JSON.parse(input); '


@pytest.fixture(scope="module")
def spec(catalog):
    return form_spec.spec(catalog)


# ---- the JavaScript validator gives the verdicts of Python's jsonschema ------------------


def example_instances() -> list[tuple[str, str, dict]]:
    """(name, kind, data) for every example file that loads, plus mutations of the full one."""
    out = []
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        data = load_file(path).data
        if data is not None:
            out.append((path.stem, KIND_OF_FOLDER[path.parent.name], data))
    full = load_file(EXAMPLES / "positive" / "practices" / "full-valid.yaml").data
    out += [(f"full-valid {what}", "practice", data) for what, data in mutations(full)]
    source = load_file(NEW_SOURCE).data
    out += [(f"new source {what}", "source", data) for what, data in mutations(source)]
    return out


KIND_OF_FOLDER = {"practices": "practice", "instruments": "instrument", "sources": "source"}
NEW_SOURCE = EXAMPLES / "positive" / "sources" / "gemeente-venlo-2024-werkcentrum.yaml"


def mutations(record: dict):
    """One broken copy per leaf, mapping and list: wrong types, empty, too long, missing, extra, duplicate."""
    def at(data, path):
        for step in path:
            data = data[step]
        return data

    def leaves(value, path=()):
        yield path, value
        if isinstance(value, dict):
            for k, v in value.items():
                yield from leaves(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                yield from leaves(v, path + (i,))

    seen = set()  # one set of mutations per place in the schema: metrics[0] and metrics[1] share theirs
    for path, value in list(leaves(record)):
        pattern = tuple("[]" if isinstance(step, int) else step for step in path)
        if not path or pattern in seen:
            continue
        seen.add(pattern)
        parent, last = path[:-1], path[-1]
        if isinstance(value, (str, int, float)):
            wrongs = ((("number", 123), ("empty", ""), ("unknown", "nope-x"), ("long", "x" * 21000))
                      if isinstance(value, str) else (("text", "veel"), ("negative", -1), ("fraction", 1.5)))
            for label, wrong in wrongs:
                broken = copy.deepcopy(record)
                at(broken, parent)[last] = wrong
                yield f"{path} {label}", broken
        if isinstance(value, dict):
            for k in value:
                broken = copy.deepcopy(record)
                del at(broken, path)[k]
                yield f"{path} without {k}", broken
            broken = copy.deepcopy(record)
            at(broken, path)["extra_field"] = 1
            yield f"{path} extra", broken
            broken = copy.deepcopy(record)
            at(broken, parent)[last] = {}
            yield f"{path} empty mapping", broken
        if isinstance(value, list) and value:
            for label, wrong in (("empty", []), ("duplicate", value + value[:1]), ("mapping", {"a": 1})):
                broken = copy.deepcopy(record)
                at(broken, parent)[last] = wrong
                yield f"{path} {label}", broken
    if "funding" in record:
        broken = copy.deepcopy(record)
        del broken["funding"][0]["currency"]
        yield "funding amount without currency", broken


_VALIDATORS = {}


def python_errors(schema: dict, data) -> list[list]:
    key = json.dumps(schema, sort_keys=True)
    if key not in _VALIDATORS:
        _VALIDATORS[key] = jsonschema.Draft202012Validator(schema)
    errors = _VALIDATORS[key].iter_errors(data)
    return sorted([list(error.absolute_path), error.validator] for error in errors)


def test_javascript_validator_agrees_with_jsonschema_on_every_example_and_mutation():
    schemas = {kind: SCHEMA.validators[kind].schema for kind in ("practice", "instrument", "source")}
    cases = [{"name": name, "schema": kind, "data": json.loads(json.dumps(data))}
             for name, kind, data in example_instances()]
    assert len(cases) > 300
    script = (f"const v = {js_module('form-validate.js')}; " + STDIN +
              "process.stdout.write(JSON.stringify(data.cases.map(c => v.validate(data.schemas[c.schema], c.data)"
              ".map(e => [e.path, e.keyword]))));});")
    found = node(script, {"schemas": schemas, "cases": cases})
    disagreements = []
    for case, js in zip(cases, found):
        expected = python_errors(schemas[case["schema"]], case["data"])
        if sorted(js) != expected:
            disagreements.append((case["name"], expected, sorted(js)))
    assert not disagreements, disagreements[:5]
    verdicts = {bool(js) for js in found}
    assert verdicts == {True, False}  # both valid and invalid cases were seen


def test_javascript_validator_knows_every_keyword_the_schemas_use_and_each_has_a_dutch_message():
    script = f"const v = {js_module('form-validate.js')}; " + STDIN + \
        "process.stdout.write(JSON.stringify({keywords: v.keywords, annotations: v.annotations}));});"
    known = node(script, {})
    used = set()

    def walk(node_, in_properties=False):
        if isinstance(node_, dict):
            for k, v in node_.items():
                if not in_properties and not k.startswith("x-"):
                    used.add(k)
                walk(v, k in ("properties", "$defs", "dependentRequired"))
        elif isinstance(node_, list):
            for v in node_:
                walk(v)

    for schema in read_schemas(SCHEMA_DIR).values():
        walk(schema)
    assert used <= set(known["keywords"]) | set(known["annotations"]), used - set(known["keywords"])
    keyword_codes = {**KEYWORD_CODES}
    assert set(known["keywords"]) - {"$ref", "properties", "items"} <= set(keyword_codes)
    assert set(keyword_codes.values()) <= set(form_spec.messages())


def test_javascript_validator_refuses_a_keyword_it_does_not_know():
    script = (f"const v = {js_module('form-validate.js')}; " + STDIN +
              "try { v.validate({type: 'string', format: 'email'}, 'x'); process.stdout.write('\"accepted\"'); }"
              " catch (e) { process.stdout.write(JSON.stringify(e.message)); } });")
    assert "format" in node(script, {})


# ---- the YAML writer round-trips through the project's loader -------------------------

TRICKY = ["plain text", "a: b", "x #y", "#hash", "- dash", "[x]", "{x}", "true", "No", "null", "~", "y", "2014",
          "0x1F", "1e3", ".inf", "'q'", '"dq"', "trailing ", " leading", "tab\tin", "multi\nline", "multi\nline\n",
          "multi\n\n", "multi\n\n\n", "  indented\nfirst", "trailing \nspace", "a\n\nb\n  c\nd", "\n\nleading",
          "ëï € 😀", "\u2028x", "a\x7fb", "a\u0085b", "back\\slash", "\ufeffbom", "x\r\ny", "(haakje) begin",
          "Venlo: re-inspiratie", "50%", "€ 1 miljoen", "woord " * 40, "woord  dubbel " * 10, "x" * 200, "",
          "Loopt", "**vet** en [link](https://example.org)", "a\tb\n\tc", "é" * 90]


def test_yaml_writer_round_trips_tricky_values_and_every_practice(catalog):
    cases = [{"text": text} for text in TRICKY]
    cases.append({"list": TRICKY, "codes": ["GM0983", "PV31", "reintegration"]})
    cases.append({"numbers": [0, -26, 12.5, 1e21, 1e-7, 0.1, 100000000], "nested": [{"a": "x\ny", "b": [{"c": "d"}]}]})
    cases += [dict(practice) for practice in catalog.practices.values()]
    script = f"const y = {js_module('form-yaml.js')}; " + STDIN + \
        "process.stdout.write(JSON.stringify(data.map(c => y.dump(c, ['# kop']))));});"
    written = node(script, cases)
    for case, text in zip(cases, written):
        document = load_text(text, "form.yaml")
        assert document.problems == [], (case, text)
        assert document.data == case, text
        assert text.startswith("# kop\n") and text.endswith("\n")


def test_yaml_writer_uses_the_catalogue_style():
    record = {"id": "x", "summary": ("Een zin. " * 20).strip(), "places": ["GM0983"], "description": "Regel 1\nRegel 2",
              "metrics": [{"indicator": "participants", "value": 6}], "record": {"added": "2026-11-23"}}
    script = f"const y = {js_module('form-yaml.js')}; " + STDIN + "process.stdout.write(JSON.stringify(y.dump(data)));});"
    text = node(script, record)
    assert text.startswith("id: x\nsummary: >-\n  Een zin. Een zin.")
    assert max(len(line) for line in text.splitlines()) <= 88
    assert "places: [GM0983]\ndescription: |-\n  Regel 1\n  Regel 2\n" in text
    assert "metrics:\n  - indicator: participants\n    value: 6\n" in text
    assert 'record:\n  added: "2026-11-23"\n' in text


# ---- the form's modules without a DOM ------------------------------------------------------

TITLES = ["Venlo: Re-inspiratie!", "Ça va, Zoë en Anaïs", "  Werk  & inkomen -- 2024 ", "İzmir Kelvin-K", "€ 100 ß",
          "", "!!!", "x" * 79 + " y", "Een heel lange titel " * 8]


def test_the_id_the_form_suggests_is_the_one_new_suggests():
    script = f"const f = {js_module('form-follow.js')}; " + STDIN + \
        "process.stdout.write(JSON.stringify(data.map(f.slug)));});"
    found = node(script, TITLES)
    assert found == [new.suggest_slug(title)[:80].rstrip("-") for title in TITLES]
    assert found[0] == "venlo-re-inspiratie"


def test_numbers_are_read_the_dutch_way():
    typed = ["12", "12,5", "-26", "1 000", "0.5", ",5", "1.000", "12.345.678", "veel", "", "  "]
    script = f"const r = {js_module('form-record.js')}; " + STDIN + \
        "process.stdout.write(JSON.stringify(data.map(t => r.numberValue(t) ?? null)));});"
    assert node(script, typed) == [12, 12.5, -26, 1000, 0.5, 0.5, "1.000", "12.345.678", "veel", None, None]


# ---- the checker's rules beyond the schema match in JavaScript -------------------------

RULE_TEXTS = ["Bel 06-12345678 of 0612345678", "+31 6 12345678", "+31 (0)20 1234567", "info@gemeente.nl",
              "j.jansen@gemeente.nl en pers@x.org", "bestelnummer 1234567890123", "[site](www.x.nl) en [ok](https://a.nl)",
              '<a href="javascript:alert(1)">x</a>', "SRC='data:x'", "geen contact", "2014-2018: 12 345 678 euro",
              # the lookbehind that keeps EMAIL linear, and the runs that were quadratic
              "a@b.nl.x@c.nl", "mail:jan@x.nl,piet@y.nl", "x" * 3000 + "@y.nl", "a." * 2000,
              "](" * 500 + ")", "href= " * 300, "0612345678" * 30]


def test_rule_patterns_find_the_same_matches_in_javascript(spec):
    rules = {rule["code"]: rule["regex"] for rule in spec["rules"]["texts"]}
    script = STDIN + "const re = Object.fromEntries(Object.entries(data.rules).map(([k, r]) => [k, new RegExp(r.source, r.flags)])); " \
        "process.stdout.write(JSON.stringify(data.texts.map(t => " \
        "Object.fromEntries(Object.entries(re).map(([k, x]) => [k, Array.from(t.matchAll(x), " \
        "m => [m[0], m[1] || m[2] || null])]))))); });"
    found = node(script, {"rules": rules, "texts": RULE_TEXTS})
    python = {rule["code"]: rule["regex"] for rule in rule_spec.TEXT_RULES}
    for text, js in zip(RULE_TEXTS, found):
        for name, regex in python.items():
            expected = [[m.group(0), next((g for g in m.groups() if g), None)] for m in regex.finditer(text)]
            assert js[name] == expected, (name, text)
    assert all(any(js[name] for js in found) for name in python)


# Codes about a file rather than a record: the form makes the file itself, so it cannot have them.
FILE_CODES = re.compile(r"^(yaml-|file-|top-not-mapping|id-file-mismatch|orphan-|schema-more)")


@pytest.fixture(scope="module")
def base_entries():
    """The records of the real catalogue, as the checker reads them."""
    return check._entries(check._load_all(CATALOG_DIR, ()))


def python_findings(data: dict, base_entries, kind: str = "practice") -> list[tuple[str, str]]:
    """(code, field) of every problem the checker reports on one record in a file of its own (a practice,
    or a source in catalog/sources/) among the real catalogue's records."""
    doc = Document("new.yaml", data, [], None)
    validator = SCHEMA.validators[kind]
    problems = [] if validator.is_valid(data) else problems_from_errors(validator.errors(data), doc.path, lambda p: (1, 1))
    new = Entry(kind, doc, (), data)
    problems += record_rules(base_entries + [new], SCHEMA, wanted=[new])
    problems += published_text_rules([(kind, doc)], SCHEMA)
    return sorted({(p.code, p.field) for p in problems if p.file == "new.yaml" and not FILE_CODES.match(p.code)})


def test_form_and_checker_report_the_same_codes_at_the_same_fields(spec, base_entries):
    cases = [(name, data) for name, kind, data in example_instances() if kind == "practice"]
    cases += [(path.stem, load_file(path).data) for path in sorted((EXAMPLES / "negative").rglob("*.yaml"))
              if path.parent.name == "practices" and load_file(path).data is not None]
    script = (f"const c = {js_module('form-check.js')}; " + STDIN +
              "const rules = c.compileRules(data.spec); process.stdout.write(JSON.stringify(data.cases.map(d => "
              "c.findProblems(data.spec, rules, d).map(p => [p.code, p.path]))));});")
    found = node(script, {"spec": spec, "cases": [json.loads(json.dumps(data)) for _, data in cases]})
    disagreements, codes = [], set()
    for (name, data), js in zip(cases, found):
        expected = python_findings(data, base_entries)
        codes |= {code for code, _ in expected}
        got = sorted({(code, format_path(tuple(path))) for code, path in js})
        if got != expected:
            disagreements.append((name, sorted(set(expected) - set(got)), sorted(set(got) - set(expected))))
    assert not disagreements, disagreements[:5]
    assert len(cases) > 300 and len(codes) > 20  # most codes were seen, not just a few


def test_form_and_checker_report_the_same_codes_at_the_same_new_source_fields(spec, base_entries):
    """The fields of a source that is not yet in the catalogue (form-source.js) go through the same rules:
    the source's schema as the checker bundles it for catalog/sources/<id>.yaml, and the rules of its kind."""
    cases = [(name, data) for name, kind, data in example_instances() if kind == "source"]
    cases += [(f"without {name}", {k: v for k, v in load_file(NEW_SOURCE).data.items() if k != name})
              for name in spec["new_source"]["fields"]]
    dutch = {("titel" if k == "title" else k): v for k, v in load_file(NEW_SOURCE).data.items()}
    cases.append(("titel for title", dutch))
    cases.append(("an id already in the catalogue", {**load_file(NEW_SOURCE).data, "id": next(iter(SOURCE_IDS))}))
    cases.append(("a formula, a phone number and an impossible date",
                  {**load_file(NEW_SOURCE).data, "title": "=SOM(A1) bel 06 12345678", "date": "2023-02-29"}))
    script = (f"const c = {js_module('form-check.js')}; " + STDIN +
              "const s = Object.assign({}, data.spec, data.spec.new_source); const rules = c.compileRules(s); "
              "process.stdout.write(JSON.stringify(data.cases.map(d => "
              "c.findProblems(s, rules, d).map(p => [p.code, p.path]))));});")
    found = node(script, {"spec": spec, "cases": [json.loads(json.dumps(data)) for _, data in cases]})
    disagreements, codes = [], set()
    for (name, data), js in zip(cases, found):
        expected = python_findings(data, base_entries, "source")
        codes |= {code for code, _ in expected}
        got = sorted({(code, format_path(tuple(path))) for code, path in js})
        if got != expected:
            disagreements.append((name, sorted(set(expected) - set(got)), sorted(set(got) - set(expected))))
    assert not disagreements, disagreements[:5]
    assert len(cases) > 30
    assert {"id-duplicate", "schema-required", "schema-pattern", "unknown-code", "text-formula-start",
            "personal-phone", "date-impossible", "schema-additional"} <= codes


SOURCE_IDS = {entry.id: entry for entry in check.catalog_entries(CATALOG_DIR) if entry.kind == "source"}


# ---- the generated definition ------------------------------------------------------------


def test_files_give_one_deterministic_json_file(catalog):
    files = form_spec.files(catalog)
    assert list(files) == [form_spec.SPEC_PATH] == ["assets/form-spec.json"]
    assert files == form_spec.files(catalog)
    assert json.loads(files[form_spec.SPEC_PATH]) == json.loads(json.dumps(form_spec.spec(catalog)))


def test_the_form_schema_is_the_checkers_schema(spec):
    full = bundle(read_schemas(SCHEMA_DIR), "practice.schema.json")
    assert spec["schema"] == {**full, "$defs": {k: v for k, v in full["$defs"].items() if k in spec["schema"]["$defs"]}}
    assert set(spec["schema"]["$defs"]) == {"organisation", "funding", "evidence", "source_ref", "codes.schema.json",
                                            "common.schema.json", "cost.schema.json", "metric.schema.json"}
    form, checker = jsonschema_rs.validator_for(spec["schema"]), jsonschema_rs.validator_for(full)
    verdicts = [(form.is_valid(data), checker.is_valid(data)) for _, kind, data in example_instances() if kind == "practice"]
    assert all(a == b for a, b in verdicts) and {a for a, _ in verdicts} == {True, False}


def resolve_items(spec, node) -> dict:
    items = node["items"]
    while "$ref" in items:
        target = spec["schema"]
        for part in items["$ref"][2:].split("/"):
            target = target[part]
        items = target
    return items


def schema_fields(spec):
    """(pattern like 'metrics[].comparison.label', resolved node) for every field the form shows:
    the practice's, and the fields it asks of a new source ('new_source.title')."""
    source = spec["new_source"]
    asked = [(f"new_source.{path}", node) for path, node in _fields(source["schema"])
             if path.split(".")[0].split("[")[0] in source["fields"]]
    return _fields(spec["schema"]) + asked


def _fields(schema):

    def resolve(node):
        while "$ref" in node:
            target = schema
            for part in node["$ref"][2:].split("/"):
                target = target[part]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}, **({"$ref": target["$ref"]} if "$ref" in target else {})}
        return node

    def walk(node, prefix):
        node = resolve(node)
        if node.get("type") == "array":
            yield from walk(node["items"], prefix + "[]")
        for name, prop in node.get("properties", {}).items():
            path = f"{prefix}.{name}" if prefix else name
            yield path, resolve(prop)
            yield from walk(prop, path)

    return list(walk(schema, ""))


def test_every_field_has_a_dutch_label_and_every_list_an_item_name(spec):
    found = schema_fields(spec)
    assert len(found) > 80
    for path, node in found:
        name = path.rsplit(".", 1)[-1]
        assert path in spec["path_labels"] or name in spec["labels"], path
        if node.get("type") == "array" and "enum" not in resolve_items(spec, node):  # enum lists are checkboxes
            assert name in spec["item_labels"], path
        if "enum" in node and "x-codelist" not in node:
            assert set(node["enum"]) <= set(spec["enum_labels"][name]), path
    for pattern in spec["path_labels"]:
        assert pattern in {path for path, _ in found}, f"label for a field that does not exist: {pattern}"


def test_codelists_patterns_and_references_come_from_the_catalogue(spec, catalog):
    for path, node in schema_fields(spec):
        if "x-codelist" in node:
            rows = spec["codelists"][node["x-codelist"]]
            assert [row["code"] for row in rows] == node["enum"], path
            assert all(row["label"] for row in rows)
        if "pattern" in node:
            assert node["pattern"] in spec["pattern_hints"], path
    assert "aanhalingstekens" not in " ".join(spec["pattern_hints"].values())  # the form has no quotes to type
    units = {row["code"]: row["unit"] for row in catalog.codelists["indicator"]}
    assert {row["code"]: row["unit"] for row in spec["codelists"]["indicator"]} == units
    assert [row["id"] for row in spec["known"]["practice"]] == list(catalog.practices)
    assert [row["id"] for row in spec["known"]["source"]] == list(catalog.sources)
    assert [row["id"] for row in spec["known"]["place"]] == list(catalog.places)
    assert spec["schema_line"] == "# yaml-language-server: $schema=../../schema/practice.schema.json"
    assert set(spec["references"].values()) == {ref["kind"] for ref in spec["reference_paths"]} == set(spec["known"])


def test_new_file_address_follows_the_site_links(catalog):
    repository = catalog.dataset["repository"].rstrip("/")
    assert form_spec.spec(catalog)["new_file_url"] == f"{repository}/new/main/catalog/practices"
    fork = SiteLinks(site_url="https://anders.example/", repo_url="https://github.com/anders/repo/",
                     branch="ontwikkeling")
    assert form_spec.spec(catalog, fork)["new_file_url"] == "https://github.com/anders/repo/new/ontwikkeling/catalog/practices"


def test_messages_are_dutch_sentences(spec):
    for code, variants in spec["messages"].items():
        for text in variants.values():
            assert re.match(r"^[A-Z'{]", text) and text.rstrip("'").endswith((".", ")", "?")), code
            assert not re.search(r"\b(the|is not|must|field)\b", text), code


def test_one_message_table_every_form_message_comes_from_problems():
    assert set(form_spec.messages()) == set(form_spec.form_codes()) <= set(MESSAGES)
    for code, variants in form_spec.messages().items():
        own = MESSAGES[code].get("form")
        assert variants == (own if isinstance(own, dict) else {"": own}) or own is None, code


def test_did_you_mean_is_the_checkers_in_javascript(catalog):
    fields = sorted(SCHEMA.validators["practice"].schema["properties"])
    words = ["titel", "samenvatting", "scoop", "plaats", "sources_", "metric", "x", "", "relatd", "thema",
             "GM0995", "GM0935", "venlo-re-inspiratie", "lokaal-bestuur", "zzzz", "é" * 5]
    cases = [[word, options] for word in words for options in (fields, sorted(catalog.places), sorted(catalog.practices))]
    script = f"const s = {js_module('form-suggest.js')}; " + STDIN + \
        "process.stdout.write(JSON.stringify(data.map(([w, o]) => s.closeMatch(w, o))));});"
    found = node(script, cases)
    assert found == [next(iter(close_matches(word, options)), None) for word, options in cases]
    assert "summary" not in found  # difflib does not see it in 'samenvatting': the table of Dutch names does


def test_a_place_typed_by_its_name_in_any_case_becomes_its_code(spec):
    raw = {"places": ["venlo", "VENLO", "GM0983", "Nergensdorp"], "organisations": [{"place": "Eindhoven"}]}
    script = f"const r = {js_module('form-record.js')}; " + STDIN + \
        "process.stdout.write(JSON.stringify(r.collect(data.spec, data.raw).data));});"
    data = node(script, {"spec": spec, "raw": raw})
    assert data["places"] == ["GM0983", "GM0983", "GM0983", "Nergensdorp"]
    assert data["organisations"] == [{"place": "GM0772"}]


# What a contributor using the form must not meet: files, folders, codelist names, developers' words.
JARGON = re.compile(r"catalog/|schema/|\.yaml|\.csv|codelijst|\brecords?\b|\bslug\b|\bISO\b|x-codelist|\bYAML\b",
                    re.IGNORECASE)


def form_texts(spec) -> dict[str, str]:
    """Every label, help text, hint and message the form can show, by where it is shown."""
    texts = {}
    for path, node in schema_fields(spec):
        name = path.rsplit(".", 1)[-1].removesuffix("[]")
        texts[f"help {path}"] = (spec["help"]["by_path"].get(path) or spec["help"]["by_name"].get(name)
                                 or node.get("description", ""))
        texts[f"label {path}"] = spec["path_labels"].get(path) or spec["labels"].get(name, name)
    texts.update({f"item {k}": v for k, v in spec["item_labels"].items()})
    texts.update({f"hint {k}": v for k, v in spec["pattern_hints"].items()})
    texts.update({f"message {code} {variant}": text for code, variants in spec["messages"].items()
                  for variant, text in variants.items()})
    for name, rows in spec["codelists"].items():
        texts.update({f"choice {name} {row['code']}": f"{row['label']} {row['help']}" for row in rows})
    return texts


def test_the_form_speaks_plain_dutch_without_files_codelists_or_records(spec):
    texts = form_texts(spec)
    assert len(texts) > 250
    found = {where: JARGON.search(text).group() for where, text in texts.items() if JARGON.search(text)}
    assert not found, found


def test_the_example_for_a_source_is_a_source(spec, catalog):
    examples = re.findall(r"bijvoorbeeld ([a-z0-9-]+)\.", spec["help"]["by_name"]["source"])
    assert examples and all(example in catalog.sources for example in examples)
    assert "2020-03 voor maart 2020" in spec["help"]["by_name"]["start"]
