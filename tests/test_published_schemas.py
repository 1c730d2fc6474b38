"""The JSON Schemas work on their own, as published: each has an "$id" at its address on the
site (catalog/dataset.yaml's homepage + data/schema/), so plain jsonschema resolves the
references between them from a local registry, without the checker and without a network."""

from __future__ import annotations

import json

import jsonschema
import pytest
import referencing
import referencing.exceptions
import referencing.jsonschema

from generator.catalog.load import load_file
from generator.catalog.schemas import Schema
from generator.paths import CATALOG_DIR, SCHEMA_DIR

FILES = sorted(SCHEMA_DIR.glob("*.schema.json"))
PRACTICES = sorted((CATALOG_DIR / "practices").glob("*.yaml"))


def _no_network(uri: str):
    raise referencing.exceptions.NoSuchResource(ref=uri)


def registry() -> referencing.Registry:
    resources = [referencing.jsonschema.DRAFT202012.create_resource(json.loads(path.read_text(encoding="utf-8")))
                 for path in FILES]
    return referencing.Registry(retrieve=_no_network).with_resources((r.id(), r) for r in resources)


def schema_url(catalog, name: str) -> str:
    return f"{catalog.dataset['homepage']}data/schema/{name}"


def test_every_schema_has_its_published_address_as_id(catalog):
    assert FILES
    for path in FILES:
        assert json.loads(path.read_text(encoding="utf-8"))["$id"] == schema_url(catalog, path.name), path.name


def test_plain_jsonschema_validates_a_real_practice_from_a_local_registry(catalog):
    schemas = registry()
    practice_schema = schemas.contents(schema_url(catalog, "practice.schema.json"))
    validator = jsonschema.Draft202012Validator(practice_schema, registry=schemas,
                                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    for path in PRACTICES:
        record = load_file(path).data
        assert list(validator.iter_errors(record)) == [], path.name
    # the references are really followed: a bad slug and an unknown code fail in the other files
    broken = {**load_file(PRACTICES[0]).data, "id": "Geen Slug", "status": "no-such-status"}
    failed = {tuple(error.absolute_path) for error in validator.iter_errors(broken)}
    assert {("id",), ("status",)} <= failed


def test_without_the_registry_the_references_do_not_resolve():
    practice_schema = json.loads((SCHEMA_DIR / "practice.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(practice_schema, registry=referencing.Registry(retrieve=_no_network))
    with pytest.raises(referencing.exceptions.Unresolvable):
        list(validator.iter_errors(load_file(PRACTICES[0]).data))


def test_the_checkers_bundles_drop_the_embedded_ids():
    schema = Schema.read(SCHEMA_DIR)
    bundled = schema.validators["practice"].schema
    assert bundled["$id"].endswith("/practice.schema.json")
    assert all("$id" not in part for part in bundled["$defs"].values() if isinstance(part, dict))
