"""The built pages of the calculators, the finders and the incentives table: what they say
before any script runs (the browser tests check what the scripts then show)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.data.model import Edition
from tests.conftest import DOC, doc_page
from tests.html_text import soup

LANGS = ("zh", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_the_incentives_table_says_how_many_of_all_it_shows(built_site: Path, edition: Edition,
                                                            lang: str) -> None:
    html = soup(doc_page(built_site, lang, "incentives"))
    total = len(list(edition.incentives()))
    stated = sum(1 for _, i in edition.incentives() if i.states_amount)
    rows = html.select("#ph-incentives tbody tr")
    assert len(rows) == total  # every incentive: none is silently left out
    text = html.select_one("article").get_text(" ")  # type: ignore[union-attr]
    assert str(total) in text and str(stated) in text
    counter = html.select_one('[data-count-for="ph-incentives"]')
    assert counter is not None and str(total) in counter.get_text()
    set_by_rules = "金额以细则为准" if lang == "zh" else "set by implementing rules"
    assert sum(set_by_rules in r.get_text() for r in rows) == total - stated


@pytest.mark.parametrize("lang", LANGS)
def test_clause_34_shows_a_pool_not_an_amount_each(built_site: Path, lang: str) -> None:
    row = soup(doc_page(built_site, lang, "clauses/34")).select_one(
        "#incentive-project-preliminary-research")
    assert row is not None
    text = row.get_text(" ")
    want = "资金总额200万元" if lang == "zh" else "a pool of CNY 2 million"
    assert want in text, text


@pytest.mark.parametrize(("lang", "path"), [(lang, p) for lang in LANGS
                                             for p in ("finder", "benefits")])
def test_each_finder_asks_who_first_and_lists_each_situation_once(
        built_site: Path, edition: Edition, lang: str, path: str) -> None:
    file = (doc_page(built_site, lang, path) if path == "finder"
            else built_site / lang / path / "index.html")
    html = soup(file)
    form = html.select_one("form.ph-finder")
    assert form is not None
    assert [i["value"] for i in form.select('input[name="who"]')] == ["enterprise", "resident"]
    boxes = [str(i["value"]) for i in form.select('input[name="s"]')]
    assert len(boxes) == len(set(boxes)) == len(edition.situations)
    assert all(block.has_attr("hidden") for block in form.select(".ph-audience"))
    blob = json.loads(str(form["data-spec"]))
    assert [d["id"] for d in blob["documents"]] == [DOC]
    assert blob["documents"][0]["root"] == ("../" if path == "finder" else f"../{DOC}/")


@pytest.mark.parametrize("lang", LANGS)
def test_the_library_links_its_finder(built_site: Path, lang: str) -> None:
    html = soup(built_site / lang / "index.html")
    assert html.select_one('a[href="benefits/"]') is not None


@pytest.mark.parametrize("lang", LANGS)
def test_small_choices_are_radio_buttons(built_site: Path, lang: str) -> None:
    html = soup(doc_page(built_site, lang, "calculators/trade-in"))
    assert len(html.select('input[type="radio"][name="item"]')) == 6
    assert len(html.select('input[type="radio"][name="grade"]')) == 5
    assert html.select("select") == []
    # the appliance categories are listed under the option
    help_text = html.select_one("#help-item-appliance")
    assert help_text is not None and ("洗碗机" if lang == "zh" else "dishwasher") in \
        help_text.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_calculator_lists_each_rule_once(built_site: Path, lang: str) -> None:
    html = soup(doc_page(built_site, lang, "calculators/trade-in"))
    links = [a["href"] for a in html.select(".ph-calc-rules a")]
    assert len(links) == len(set(links))


def test_no_number_is_typed_into_the_new_templates() -> None:
    """Every amount on these pages comes from the data or the engine."""
    from tests.conftest import ROOT

    folder = ROOT / "generator" / "render" / "templates"
    for name in ("_finder.html.jinja", "finder.html.jinja", "benefits.html.jinja",
                 "calculator.html.jinja", "incentives.html.jinja"):
        text = re.sub(r"\{[{%#].*?[}%#]\}", "", (folder / name).read_text(encoding="utf-8"),
                      flags=re.S)
        assert not re.search(r"(?<![\w#-])\d+(?![\w-])", re.sub(r"<[^>]+>", "", text)), name
    for name in ("ui.js", "finder.js"):
        code = (ROOT / "calculators" / name).read_text(encoding="utf-8")
        numbers = {n for n in re.findall(r"(?<![\w.])\d+(?![\w])", code)}
        # 万 and 亿 (10^4, 10^8) are how Chinese writes amounts, not amounts
        assert numbers <= {"0", "1", "2", "3", "100", "10000", "100000000"}, (name, numbers)
