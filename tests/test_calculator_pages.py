"""Calculators and the finder in real Chromium on the built site, through URL query strings."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page

from generator.data.model import Edition
from tests import calculator_cases
from tests.conftest import DOC
from tests.test_calculators import LINED

pytestmark = pytest.mark.browser
BROWSER_CASES = [(c, line) for c, line in LINED if c.get("browser")]


def result_of(page: Page) -> dict[str, Any]:
    box = page.locator("#ph-result")
    page.wait_for_function(
        "() => document.querySelector('#ph-result').getAttribute('data-eligible') !== ''")
    text = box.inner_text()
    assert "NaN" not in text and "Infinity" not in text and "undefined" not in text
    return {"eligible": box.get_attribute("data-eligible") == "true",
            "min": int(box.get_attribute("data-amount-min") or -1),
            "max": int(box.get_attribute("data-amount-max") or -1), "text": text}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("lined", BROWSER_CASES, ids=[c["name"] for c, _ in BROWSER_CASES])
def test_calculator_by_url(page: Page, site_server: str, lang: str, edition: Edition,
                           lined: tuple[dict[str, Any], int]) -> None:
    case = calculator_cases.resolve(*lined, edition)
    query = urlencode(case["inputs"])
    page.goto(f"{site_server}/{lang}/{DOC}/calculators/{case['calculator']}/?{query}")
    got = result_of(page)
    assert (got["eligible"], got["min"], got["max"]) == (
        case["eligible"], case["min"], case["max"]), got["text"]
    for key in case.get("errors", {}):
        message = page.locator(f'[data-error-for="{key}"]').inner_text()
        assert message.strip(), f"no inline message for {key}"


def test_result_shows_its_working(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/{DOC}/calculators/trade-in/?item=appliance&grade=1&price=8000")
    text = result_of(page)["text"]
    assert "售价 8,000元 × 20% = 1,600元" in text
    assert "上限 2,000元 → 1,600元" in text
    assert "第14条" in text and "市商务局" in text
    link = page.locator("#ph-result a").first.get_attribute("href") or ""
    assert link.endswith("clauses/14/#incentive-appliance-grade-one")


def test_calculator_by_keyboard(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/en/{DOC}/calculators/equipment-upgrade/")
    page.locator("#in-investment").focus()
    page.keyboard.type("3,000,000")
    page.keyboard.press("Enter")
    got = result_of(page)
    assert (got["eligible"], got["min"], got["max"]) == (True, 150000, 600000)
    assert re.search(r"investment=3%2C000%2C000|investment=3,000,000", page.url)


def test_calculator_works_after_instant_navigation(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/en/{DOC}/calculators/")
    page.locator(f'article a[href$="/en/{DOC}/calculators/export-credit-insurance/"]'
                 ).first.click()
    page.wait_for_url(re.compile(r"export-credit-insurance/$"))
    page.locator("#in-premium").fill("10000")
    page.locator("form.ph-calc button[type=submit]").click()
    got = result_of(page)
    assert (got["eligible"], got["min"], got["max"]) == (True, 6500, 6500)


def test_finder_lists_the_clauses_that_may_apply(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/{DOC}/finder/?who=enterprise&has=enterprise-awards:awards:little_giant,"
              "equipment-upgrade:investment")
    visible = page.locator(".ph-finder-item:not([hidden])")
    clauses = sorted({int(visible.nth(i).get_attribute("data-clause") or 0)
                      for i in range(visible.count())})
    assert clauses == [9, 11]
    assert "从优、就高、不重复" in page.locator("article").inner_text()
    box = page.locator('input[value="enterprise-awards:awards:little_giant"]')
    box.press(" ")  # by keyboard
    assert not box.is_checked()
    assert "little_giant" not in page.url
    assert page.locator(".ph-finder-item:not([hidden])[data-clause='11']").count() == 0


def test_clause_page_links_its_calculators(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/en/{DOC}/clauses/14/")
    assert page.locator('#calculators ~ ul a[href$="calculators/trade-in/"]').count() == 1


def test_an_old_calculator_address_keeps_its_inputs(page: Page, site_server: str) -> None:
    """The one-document site published /zh/calculators/…?inputs; it lands on the same
    calculator of the same document, with the inputs and the result."""
    page.goto(f"{site_server}/zh/calculators/trade-in/?item=appliance&grade=1&price=8000")
    page.wait_for_url(re.compile(rf"/zh/{DOC}/calculators/trade-in/\?item=appliance"))
    got = result_of(page)
    assert (got["eligible"], got["min"], got["max"]) == (True, 1600, 1600)


HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize(("lang", "words", "not_words"), [
    ("en", ["Above the limit", "CNY 6,000 or less"], ["Below the threshold", "以下"]),
    ("zh", ["超出上限", "6,000元以下"], ["不符合门槛"]),
])
def test_a_price_over_a_ceiling_says_so_in_the_reader_s_language(
        page: Page, site_server: str, lang: str, words: list[str], not_words: list[str]) -> None:
    """A CNY 6,001 phone is over the 6000元以下 ceiling: the message says the price must be at
    most 6,000, in English boundary words on English pages."""
    page.goto(f"{site_server}/{lang}/{DOC}/calculators/trade-in/?item=digital&price=6001")
    text = result_of(page)["text"]
    for w in words:
        assert w in text, text
    for w in not_words:
        assert w not in text, text
    if lang == "en":
        assert not HAN.search(text), text


def test_one_off_only_where_the_text_says_so(page: Page, site_server: str) -> None:
    """一次性 is written for clause 10's recognitions, not for clause 1's 30万元."""
    page.goto(f"{site_server}/en/{DOC}/calculators/enterprise-awards/"
              "?awards=high_tech_above_size,digital_workshop")
    result_of(page)
    above = page.locator('#ph-result li[data-incentive="high-tech-first-above-size"]').inner_text()
    workshop = page.locator('#ph-result li[data-incentive="digital-workshop"]').inner_text()
    assert "one-off" not in above.lower(), above
    assert "one-off" in workshop.lower(), workshop


def test_a_bed_shows_its_range_and_who_decides(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/{DOC}/calculators/trade-in/?item=furniture_plain&price=8000")
    got = result_of(page)
    assert (got["eligible"], got["min"], got["max"]) == (True, 0, 1600)
    assert "不确定" in got["text"] and "未写明" in got["text"] and "由市商务局确定" in got["text"]
    assert page.locator('[data-input="grade"]').is_hidden()  # a bed has no grade
