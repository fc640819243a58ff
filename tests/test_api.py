"""The described static API: data/openapi.json is a valid OpenAPI 3.1 document
(openapi-spec-validator), and every JSON file a built site publishes, on the real library
and on the two-edition test library, has a path in it and validates against that path's
response schema (jsonschema, draft 2020-12, the dialect of OpenAPI 3.1)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

SITES = ["built_site", "library_site"]


def openapi(site: Path) -> dict[str, Any]:
    return json.loads((site / "data" / "openapi.json").read_text(encoding="utf-8"))


def schema_for(doc: dict[str, Any], rel: str) -> dict[str, Any] | None:
    """The JSON response schema of the path that `rel` (a file of the site) matches."""
    for template, item in doc["paths"].items():
        pattern = "^" + re.sub(r"\\\{[a-zA-Z]+\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, "/" + rel):
            content = item["get"]["responses"]["200"]["content"]
            if "application/json" in content:
                return content["application/json"]["schema"]  # type: ignore[no-any-return]
    return None


def validator(doc: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator({**schema, "components": doc["components"]})


@pytest.mark.parametrize("name", SITES)
def test_the_openapi_document_is_valid(request: pytest.FixtureRequest, name: str) -> None:
    site: Path = request.getfixturevalue(name)
    doc = openapi(site)
    validate(doc)
    library = json.loads((site / "data" / "library.json").read_text(encoding="utf-8"))
    ids = [d["id"] for d in library["documents"]]
    assert doc["components"]["parameters"]["document"]["schema"]["enum"] == ids


@pytest.mark.parametrize("name", SITES)
def test_every_published_json_file_validates_against_its_schema(
        request: pytest.FixtureRequest, name: str) -> None:
    site: Path = request.getfixturevalue(name)
    doc = openapi(site)
    unmatched, invalid, count = [], [], 0
    for path in sorted(site.rglob("*.json")):
        rel = path.relative_to(site).as_posix()
        schema = schema_for(doc, rel)
        if schema is None:
            unmatched.append(rel)
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        errors = [f"{rel}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
                  for e in validator(doc, schema).iter_errors(data)]
        invalid += errors[:3]
        count += 1
    assert unmatched == [] and invalid == []
    assert count > 50  # library.json, each document's files and its clauses' files


def test_a_clause_file_has_its_number_and_its_page(built_site: Path) -> None:
    clause = json.loads((built_site / "data" / "jiande-2025" / "clauses" / "14.json")
                        .read_text(encoding="utf-8"))
    assert clause["number"] == 14 and clause["clause"]["number"] == 14
    assert (built_site / clause["pages"]["en"] / "index.html").is_file()
    assert clause["previous"] == 13 and clause["next"] == 15


def test_a_file_that_breaks_its_schema_is_refused(built_site: Path) -> None:
    doc = openapi(built_site)
    policy = json.loads((built_site / "data" / "jiande-2025" / "policy.json")
                        .read_text(encoding="utf-8"))
    check = validator(doc, schema_for(doc, "data/jiande-2025/policy.json") or {})
    assert not list(check.iter_errors(policy))
    del policy["identifiers"]
    policy["chapters"][0]["clauses"][0]["incentives"][0]["amount"] = "200万"
    assert len(list(check.iter_errors(policy))) == 2
