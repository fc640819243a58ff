"""The described static API: data/openapi.json, an OpenAPI 3.1 document describing every JSON
file the site publishes (and the CSV tables and Akoma Ntoso files beside them), each response
with a JSON Schema. The policy data's schemas come from the one schema module
(data/schema.py, in its serialization form: what policy.json and the clause files hold);
the files this output writes itself are described here. Pure but for `write`.

tests/test_api.py validates the document with openapi-spec-validator and every JSON file of
a built site against the schema of its path.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.json_schema import models_json_schema

from generator.data.identifiers import LANGUAGES
from generator.data.library import Library, Status
from generator.data.schema import Amendment, Chapter, Clause, Document, GlossaryEntry, Text, Unit
from generator.fingerprint import digest
from generator.outputs.job import Job, write_files

REF = "#/components/schemas/{model}"
LANGS = list(LANGUAGES)


def ref(name: str) -> dict[str, str]:
    return {"$ref": REF.format(model=name)}


def _obj(props: dict[str, Any], required: list[str] | None = None, **extra: Any
         ) -> dict[str, Any]:
    """An object with exactly these properties (all required unless `required` says)."""
    return {"type": "object", "properties": props,
            "required": list(props) if required is None else required,
            "additionalProperties": False, **extra}


def _null(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


STR = {"type": "string"}
PATH = {"type": "string", "description": "A path from the site's root (no leading slash)."}
ELI = {"type": "string", "pattern": r"^eli/cn/[a-z0-9-]+/", "description": "An ELI-style "
       "identifier: a path from the site's root that lands on its page or file."}
BY_LANG = {"type": "object", "propertyNames": {"enum": LANGS}, "additionalProperties": PATH}
TEXT = {"type": "object", "properties": {"zh": STR, "en": _null(STR),
                                         "pending": _null({"enum": ["new", "outdated"]})},
        "required": ["zh"], "additionalProperties": False}


def model_schemas() -> dict[str, Any]:
    """The data's models as JSON Schemas, in their serialized form."""
    _, defs = models_json_schema(
        [(m, "serialization") for m in (Document, Chapter, Unit, GlossaryEntry, Amendment,
                                        Clause, Text)], ref_template=REF)
    return dict(defs["$defs"])


def identifier_schemas() -> dict[str, Any]:
    clause = _obj({"work": ELI, "zh": ELI, "en": ELI})
    akn = _obj({"work": {"type": "string", "pattern": "^/akn/"},
                "expressions": {"type": "object", "additionalProperties":
                                {"type": "string", "pattern": "^/akn/"}},
                "files": BY_LANG})
    document = {"work": ELI, "registration": _null(ELI),
                "expressions": {"type": "object", "additionalProperties": ELI},
                "manifestations": {"type": "object", "additionalProperties": ELI},
                "akn": ref("AknIdentifiers")}
    return {
        "ClauseIdentifiers": clause,
        "AknIdentifiers": akn,
        "DocumentIdentifiers": _obj(document, description="A document's identifiers (see "
                                    "the developers' page for the URI template)."),
        "Identifiers": _obj({**document, "clauses": {
            "type": "object", "propertyNames": {"pattern": "^[1-9][0-9]*$"},
            "additionalProperties": ref("ClauseIdentifiers")}}),
    }


def file_schemas() -> dict[str, Any]:
    """The files the open data writes itself."""
    policy = _obj({"document": ref("Document"),
                   "chapters": {"type": "array", "items": ref("Chapter")},
                   "units": {"type": "array", "items": ref("Unit")},
                   "glossary": {"type": "array", "items": ref("GlossaryEntry")},
                   "amendments": {"type": "array", "items": ref("Amendment")},
                   "identifiers": ref("Identifiers")})
    clause = _obj({
        "document": STR, "number": {"type": "integer", "minimum": 1},
        "chapter": _obj({"number": {"type": "integer"}, "title": ref("Text")}),
        "clause": ref("Clause"),
        "responsible_units": {"type": "array", "items": _obj({"id": STR, "name": ref("Text")})},
        "units_from": {"enum": ["clause", "chapter"]},
        "identifiers": ref("ClauseIdentifiers"), "pages": BY_LANG,
        "previous": _null({"type": "integer"}), "next": _null({"type": "integer"})})
    library_doc = _obj({
        "id": STR, "series": STR, "issuer": STR, "edition": STR, "title": TEXT,
        "subtitle": _null(TEXT), "issuers": {"type": "array", "items": STR},
        "number": _null(TEXT), "date": _null({"type": "string", "format": "date"}),
        "metadata": {"type": "object", "additionalProperties": {"anyOf": [STR, TEXT]}},
        "in_force": _null(_obj({"start": STR, "end": _null(STR), "quote": STR})),
        "status": {"enum": [s.value for s in Status]}, "status_date": STR,
        "supersedes": _null(STR), "superseded_by": _null(STR), "pages": BY_LANG,
        "data": {"type": "object", "additionalProperties": PATH},
        "clause": {"type": "string", "description": "The path of a clause's file, with "
                   "`{number}` for its number."},
        "akn": BY_LANG, "pdf": BY_LANG, "identifiers": ref("DocumentIdentifiers")})
    library = _obj({
        "title": TEXT,
        "issuers": {"type": "array", "items": {"type": "object"}},
        "series": {"type": "array", "items": {"type": "object"}},
        "documents": {"type": "array", "items": ref("LibraryDocument")}})
    rule = {"type": "object", "required": ["clause", "incentive", "quote", "currency"],
            "properties": {"clause": {"type": "integer"}, "incentive": STR, "quote": STR,
                           "currency": STR, "amount": _null({"type": "integer"}),
                           "max_amount": _null({"type": "integer"}),
                           "rate_bp": _null({"type": "integer"}),
                           "anchor": STR}}
    rules = _obj({
        "max_yuan": {"type": "integer"},
        "calculators": {"type": "object", "additionalProperties": {
            "type": "object", "required": ["id", "title", "inputs", "rules", "combine"],
            "properties": {"id": STR, "combine": {"enum": ["one", "sum"]},
                           "inputs": {"type": "array", "items": {"type": "object"}},
                           "rules": {"type": "array", "items": ref("CalculatorRule")}}}},
        "finder": {"type": "array", "items": {"type": "object", "required": [
            "audience", "title", "situations"]}}})
    package = {"type": "object", "required": ["name", "resources", "licenses"],
               "properties": {"name": STR, "resources": {"type": "array", "items": {
                   "type": "object", "required": ["name", "path", "schema"]}}}}
    pagefind = {"type": "object", "required": ["version", "languages"],
                "description": "Pagefind's own index entry (what the search page loads); "
                "its format is Pagefind's, not this API's."}
    openapi = {"type": "object", "required": ["openapi", "info", "paths"],
               "properties": {"openapi": {"const": "3.1.0"}}}
    return {"Policy": policy, "ClauseFile": clause, "LibraryDocument": library_doc,
            "Library": library, "CalculatorRule": rule, "Rules": rules, "DataPackage": package,
            "PagefindEntry": pagefind, "OpenApi": openapi}


def _response(schema: str | None, what: str, media: str = "application/json"
              ) -> dict[str, Any]:
    body: dict[str, Any] = {"schema": ref(schema)} if schema else {"schema": STR}
    return {"200": {"description": what, "content": {media: body}}}


def _get(summary: str, schema: str | None, what: str, params: tuple[str, ...] = (),
         media: str = "application/json", **extra: Any) -> dict[str, Any]:
    op: dict[str, Any] = {"summary": summary, "responses": _response(schema, what, media)}
    if params:
        op["parameters"] = [{"$ref": f"#/components/parameters/{p}"} for p in params]
    return {"get": op | extra}


def openapi(library: Library, site_url: str | None) -> dict[str, Any]:
    """The OpenAPI document of the library's published files."""
    ids = [d.id for d in library.documents]
    paths = {
        "/data/library.json": _get("The library", "Library", "Every document: series, "
                                   "issuer, status, identifiers and where its files are."),
        "/data/{document}/policy.json": _get(
            "A document's whole model", "Policy", "The document, chapters, clauses with "
            "their facts, units, glossary, amendments and identifiers.", ("document",)),
        "/data/{document}/clauses/{number}.json": _get(
            "A clause by its number", "ClauseFile", "The clause with its facts, chapter, "
            "responsible units, identifiers, pages and neighbours.", ("document", "number")),
        "/data/{document}/rules.json": _get(
            "The calculators' rules", "Rules", "What the calculators and the benefit finder "
            "compute, as the JavaScript engine reads it.", ("document",)),
        "/data/{document}/datapackage.json": _get(
            "The CSV tables' data package", "DataPackage", "The Frictionless data package "
            "of the four tables beside it.", ("document",)),
        "/data/{document}/{table}.csv": _get(
            "A table", None, "UTF-8 with a byte-order mark; described by datapackage.json.",
            ("document", "table"), media="text/csv"),
        "/data/{document}/akn/{file}.xml": _get(
            "Akoma Ntoso 3.0", None, "One language expression of the document.",
            ("document", "aknFile"), media="application/akn+xml"),
        "/data/openapi.json": _get("This document", "OpenApi", "The OpenAPI document."),
        "/{lang}/pagefind/pagefind-entry.json": _get(
            "Search index of the library's pages in one language", "PagefindEntry",
            "Pagefind's format: every page of the library in the language, the index the "
            "search page loads; merged at build time from the shards below.", ("lang",)),
        "/{lang}/pagefind/{index}/pagefind-entry.json": _get(
            "A shard of the search index", "PagefindEntry",
            "Pagefind's. Each shard holds whole series, a few documents to a shard (the "
            "first one also the library's own pages).", ("lang", "index")),
    }
    if library.root is not None:
        paths["/data/policy.json"] = _get(
            f"Where the one-document site published {library.root.id}'s model", "Policy",
            "The same bytes as its policy.json.", deprecated=True)
    return {
        "openapi": "3.1.0",
        "info": {"title": library.file.title.text("en") + " — open data",
                 "version": "1.0.0", "summary": "Static files: every address is a GET of a "
                 "file; identifiers and URI template on the developers' page (/en/data/).",
                 "license": {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"}},
        "servers": [{"url": site_url.rstrip("/") if site_url else "..",
                     "description": "The site's root (relative: where this file is, one "
                     "folder up)."}],
        "paths": paths,
        "components": {
            "parameters": {
                "document": {"name": "document", "in": "path", "required": True,
                             "schema": {"enum": ids}, "description": "The document's id."},
                "number": {"name": "number", "in": "path", "required": True,
                           "schema": {"type": "integer", "minimum": 1},
                           "description": "The clause's number in the document."},
                "table": {"name": "table", "in": "path", "required": True,
                          "schema": {"enum": ["clauses", "incentives", "targets", "budget"]}},
                "aknFile": {"name": "file", "in": "path", "required": True,
                            "schema": {"type": "string", "pattern": r"^[a-z0-9-]+-(zho|eng)$"},
                            "description": "<document>-zho or <document>-eng."},
                "lang": {"name": "lang", "in": "path", "required": True,
                         "schema": {"enum": LANGS}},
                "index": {"name": "index", "in": "path", "required": True,
                          "schema": {"type": "integer", "minimum": 0},
                          "description": "The search index's number, from 0."},
            },
            "schemas": schemas(),
        },
    }


def schemas() -> dict[str, Any]:
    models, ids, files = model_schemas(), identifier_schemas(), file_schemas()
    shared = (set(models) & set(ids)) | (set(models) & set(files)) | (set(ids) & set(files))
    assert not shared, f"two schemas named {sorted(shared)}"
    return {**models, **ids, **files}


def openapi_json(library: Library, site_url: str | None) -> str:
    return json.dumps(openapi(library, site_url), ensure_ascii=False, indent=1,
                      sort_keys=True) + "\n"


def write(job: Job, stage: Path) -> None:
    """data/openapi.json, made again when the generator, the documents or the address
    changed (its schemas come from the code, its parameters from the library)."""
    key = digest(job.version, "openapi", sorted(job.library.sources.items()),
                 job.library.file.model_dump(mode="json"), job.settings.site_url)
    entry = job.cache.root / "api" / key
    if not (entry / "openapi.json").is_file():
        write_files(entry, {"openapi.json": openapi_json(job.library, job.settings.site_url)})
    (stage / "data").mkdir(parents=True, exist_ok=True)
    (stage / "data" / "openapi.json").write_bytes((entry / "openapi.json").read_bytes())
