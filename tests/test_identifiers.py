"""Permanent identifiers: every ELI address a document's data lists (policy.json, library.json)
follows the documented template and resolves on the built site, landing on the right page
(the document's home or the clause's page, in the expression's language) or the right file
(the Akoma Ntoso XML, the same bytes); over the real library and the two-edition test library."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.data.identifiers import identifiers, number_parts, pinyin_slug
from generator.data.library import Library
from tests.html_text import follow, soup

SITES = ["built_site", "library_site"]
TEMPLATE = re.compile(r"^eli/cn/(?P<issuer>[a-z0-9-]+)/(?P<year>\d{4})/(?P<number>[a-z0-9-]+)/$")
LANG = {"zho": "zh", "eng": "en"}


def listed(site: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(library.json's entry, policy.json) of each document of a built site."""
    lib = json.loads((site / "data" / "library.json").read_text("utf-8"))
    return [(d, json.loads((site / d["data"]["policy.json"]).read_text("utf-8")))
            for d in lib["documents"]]


def landing(site: Path, address: str, target: str) -> str:
    """Where a reader (or a program) ends up from an identifier address: a page it is sent
    on to, or the file it names when that file has the target's bytes."""
    if not address.endswith("/"):
        assert (site / address).is_file(), address
        return target if (site / address).read_bytes() == (site / target).read_bytes() \
            else address
    assert (site / address / "index.html").is_file(), address
    return follow(site, address)


@pytest.mark.parametrize("name", SITES)
def test_every_identifier_resolves_to_its_page_or_file(request: pytest.FixtureRequest,
                                                       name: str) -> None:
    site: Path = request.getfixturevalue(name)
    walked = 0
    for entry, policy in listed(site):
        doc, ids = entry["id"], policy["identifiers"]
        assert entry["identifiers"]["work"] == ids["work"]  # library.json lists the same
        expected = {ids["work"]: f"zh/{doc}/"}
        if ids["registration"]:
            expected[ids["registration"]] = f"zh/{doc}/"
        for lang, address in ids["expressions"].items():
            expected[address] = f"{lang}/{doc}/"
            assert address == f"{ids['work']}{ {'zh': 'zho', 'en': 'eng'}[lang]}/"
        for lang, address in ids["manifestations"].items():
            expected[address] = ids["akn"]["files"][lang]
        for number, clause in ids["clauses"].items():
            expected[clause["work"]] = f"zh/{doc}/clauses/{number}/"
            for lang in ("zh", "en"):
                expected[clause[lang]] = f"{lang}/{doc}/clauses/{number}/"
        for address, target in expected.items():
            landed = landing(site, address, target)
            assert landed == target, address
            if target.endswith("/"):
                page = soup(site / landed / "index.html")
                lang = target.split("/", 1)[0]
                assert page.html is not None and page.html["lang"] == {"zh": "zh-Hans",
                                                                        "en": "en"}[lang]
                if "/clauses/" in target:
                    n = target.rstrip("/").rsplit("/", 1)[1]
                    heading = page.select_one("article h1")
                    assert heading is not None and n in heading.get_text(), address
            walked += 1
    assert walked > 150


@pytest.mark.parametrize("name", SITES)
def test_identifiers_follow_the_template(request: pytest.FixtureRequest, name: str,
                                         library: Library) -> None:
    site: Path = request.getfixturevalue(name)
    works = []
    for entry, policy in listed(site):
        ids, number = policy["identifiers"], entry["number"]
        m = TEMPLATE.match(ids["work"])
        assert m is not None, ids["work"]
        assert m["issuer"] == entry["issuer"]
        if number is not None:  # 建政函〔2025〕20号 -> 2025/jianzhenghan-20
            organ, year, serial = re.match(r"^(.+?)〔(\d{4})〕(\d+)号$", number["zh"]).groups()
            assert (m["year"], m["number"]) == (year, f"{pinyin_slug(organ, '')}-{serial}")
        registration = entry["metadata"].get("registration-number")
        assert (ids["registration"] is not None) == bool(registration)
        if registration:
            assert ids["registration"] == f"eli/cn/{entry['issuer']}/reg/{registration.lower()}/"
        works.append(ids["work"])
    assert len(works) == len(set(works))


def test_the_real_documents_identifiers(built_site: Path) -> None:
    policy = json.loads((built_site / "data" / "jiande-2025" / "policy.json").read_text("utf-8"))
    ids = policy["identifiers"]
    assert ids["work"] == "eli/cn/jiande/2025/jianzhenghan-20/"
    assert ids["registration"] == "eli/cn/jiande/reg/ajdd00-2025-0001/"
    assert ids["clauses"]["14"]["en"] == "eli/cn/jiande/2025/jianzhenghan-20/art_14/eng/"
    assert ids["akn"]["work"] == "/akn/cn-jiande/act/2025-03-31/jianzhenghan-20"


@pytest.mark.parametrize(("number", "parts"), [
    ("建政函〔2025〕20号", ("jianzhenghan-20", "2025")),
    ("青政发〔2025〕8号", ("qingzhengfa-8", "2025")),
    ("鹿政发[2024]4号", ("luzhengfa-4", "2024")),
    ("某政办发〔2025〕第12号", ("mouzhengbanfa-12", "2025")),
    ("没有年份的编号", None),
])
def test_a_document_number_in_the_identifier(number: str, parts: tuple[str, str] | None) -> None:
    assert number_parts(number) == parts


def test_a_document_without_a_number_is_named_by_its_id(corpus: Path) -> None:
    from generator.pipeline import read_library
    from tests.conftest import SOURCE_DATE

    lib, _ = read_library(corpus, SOURCE_DATE)
    assert lib is not None
    unnumbered = [d for d in lib.documents if d.number is None]
    assert unnumbered, "the corpus has a document without a 文号 (fenghe-2025)"
    for d in unnumbered:
        ids = identifiers(d, lib.issuer_of(d).id)
        assert ids.work.endswith(f"/{d.id}/") and ids.registration is None


def test_two_documents_with_one_identifier_are_an_error(tmp_path: Path) -> None:
    """Two documents of one issuer with the same 文号 would share their permanent addresses:
    the data check says which, where, and what to do (no build, no traceback)."""
    import shutil

    from generator.pipeline import read_library
    from tests.conftest import FIXTURES, SOURCE_DATE

    shutil.copy(FIXTURES / "library.yaml", tmp_path / "library.yaml")
    for name in ("mini", "mini2"):
        shutil.copytree(FIXTURES / "mini", tmp_path / name)
        doc = tmp_path / name / "document.yaml"
        text = doc.read_text("utf-8").replace("id: mini\n", f"id: {name}\n")
        text = text.replace("  attachment: mini.pdf\n",
                            "  attachment: mini.pdf\n  number: {zh: 测政发〔2025〕1号, "
                            "en: 'Ce Zheng Fa [2025] No. 1'}\n")
        doc.write_text(text, encoding="utf-8")
    _, problems = read_library(tmp_path, SOURCE_DATE)
    same = [p for p in problems if "same permanent identifier" in p.message]
    assert len(same) == 1, problems
    assert same[0].path.endswith("mini2/document.yaml") and same[0].fails
    assert "eli/cn/test-city/2025/cezhengfa-1/" in same[0].message


def test_a_rebuild_finds_the_pinyin_of_its_identifiers_in_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pinyin of the 文号 an address is made of is remembered by the build cache: a
    rebuild after an edit does not turn Chinese into pinyin again (loading pypinyin takes
    0.25 s), and the addresses are the same as without the cache."""
    import shutil

    from generator.cache import Cache
    from generator.data import identifiers as ids_module
    from generator.data.read import read_library
    from tests.conftest import DATA

    calls: list[str] = []
    real = ids_module.pinyin_words

    def counted(text: str) -> tuple[str, ...]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(ids_module, "pinyin_words", counted)
    import generator.data.read as read_module
    monkeypatch.setattr(read_module, "pinyin_words", counted)
    data = tmp_path / "data"
    data.mkdir()
    (data / "library.yaml").write_text((DATA / "library.yaml").read_text("utf-8"), "utf-8")
    shutil.copytree(DATA / "jiande-2025", data / "jiande-2025")
    cache = Cache(tmp_path / "cache", "v")
    first, _ = read_library(data, 0, cache)
    assert first is not None and calls  # turned into pinyin once
    plain, _ = read_library(data, 0)
    calls.clear()
    chapter = next((data / "jiande-2025" / "chapters").glob("*.yaml"))
    chapter.write_text(chapter.read_text("utf-8") + "\n", "utf-8")
    again, _ = read_library(data, 0, cache)
    assert again is not None and calls == []
    assert plain is not None
    for d in again.documents:
        assert again.identifiers(d) == plain.identifiers(d) == first.identifiers(d)
    assert again.identifiers(again.by_id["jiande-2025"]).work.endswith("/2025/jianzhenghan-20/")
