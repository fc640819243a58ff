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
    # amounts as the document writes them (8000元, no thousands separator)
    assert "售价 8000元 × 20% = 1600元" in text
    assert "上限 2000元 → 1600元" in text
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


def finder_clauses(page: Page) -> list[int]:
    lines = page.locator(".ph-finder-line")
    return sorted({int(lines.nth(i).get_attribute("data-clause") or 0)
                   for i in range(lines.count())})


def test_the_old_finder_address_keeps_its_choices(page: Page, site_server: str) -> None:
    """?has=… of the first finder (published links) ticks the same situations."""
    page.goto(f"{site_server}/zh/{DOC}/finder/?who=enterprise&has=enterprise-awards:awards:"
              "little_giant,equipment-upgrade:investment")
    page.wait_for_selector("form.ph-finder[data-ph-bound]")
    assert finder_clauses(page) == [9, 11]
    assert page.locator('input[name="srdi.awards"][value="little_giant"]').is_checked()
    assert "从优、就高、不重复" in page.locator("article").inner_text()
    box = page.locator('input[name="s"][value="srdi"]')
    box.press(" ")  # by keyboard
    assert not box.is_checked()
    assert "little_giant" not in page.url and "srdi" not in page.url
    assert 11 not in finder_clauses(page)


def test_the_finder_adds_up_the_calculators(page: Page, site_server: str,
                                            edition: Edition) -> None:
    """Its total is what each calculator, opened from it filled in, shows, added up."""
    page.goto(f"{site_server}/en/{DOC}/finder/?who=enterprise&s=equipment,export-insurance,"
              "digital-project,srdi&equipment.investment=300万&equipment.total_investment=500万"
              "&export-insurance.premium=1.5万元&digital-project.project_investment=100万"
              "&srdi.awards=srdi,little_giant")
    total = page.locator("#ph-finder-total")
    page.wait_for_function("() => document.querySelector('#ph-finder-total')"
                           ".getAttribute('data-state') === 'done'")
    got = (int(total.get_attribute("data-min") or -1), int(total.get_attribute("data-max") or -1))
    links = sorted(set(page.locator(".ph-line-more a").evaluate_all(
        "as => as.map(a => a.href)")))
    assert len(links) == 4
    added = [0, 0]
    for href in links:
        page.goto(href)
        one = result_of(page)
        added = [added[0] + one["min"], added[1] + one["max"]]
    assert tuple(added) == got
    assert got == (250000 + 9750 + 200000 + 1800000, 1000000 + 9750 + 200000 + 1800000)


def test_the_finder_remembers_what_was_ticked_and_typed(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/{DOC}/finder/")
    page.locator('input[name="who"][value="resident"]').check()
    page.locator('input[name="s"][value="phone"]').check()
    page.locator("#f-phone-price").fill("3000元")
    page.locator('input[name="s"][value="e-bike"]').check()
    page.wait_for_function("() => document.querySelector('#ph-finder-total')"
                           ".getAttribute('data-max') === '450'")
    assert "phone.price=3000" in page.url and "who=resident" in page.url
    page.reload()
    page.wait_for_selector("form.ph-finder[data-ph-bound]")
    assert page.locator("#f-phone-price").input_value() == "3000元"
    assert page.locator("#ph-finder-total").get_attribute("data-max") == "450"
    assert "金额以细则为准" in page.locator('.ph-finder-line[data-clause="14"]').last.inner_text()


def test_the_finder_asks_only_the_chosen_audience(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/en/{DOC}/finder/")
    page.wait_for_selector("form.ph-finder[data-ph-bound]")
    assert page.locator('input[name="s"]:visible').count() == 0  # who first
    page.locator('input[name="who"][value="resident"]').check()
    visible = page.locator('input[name="s"]:visible')
    values = visible.evaluate_all("bs => bs.map(b => b.value)")
    assert "phone" in values and "srdi" not in values and len(values) == len(set(values))


def test_a_bed_shows_its_range_and_who_decides(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/{DOC}/calculators/trade-in/?item=furniture_plain&price=8000")
    got = result_of(page)
    assert (got["eligible"], got["min"], got["max"]) == (True, 0, 1600)
    assert "不确定" in got["text"] and "未写明" in got["text"] and "由市商务局确定" in got["text"]
    assert page.locator('[data-input="grade"]').is_hidden()  # a bed has no grade


def test_the_finder_prints_a_checklist(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/{DOC}/finder/?who=resident&s=phone,e-bike&phone.price=2000")
    page.wait_for_selector(".ph-finder-line")
    page.emulate_media(media="print")
    assert page.locator("form.ph-finder").is_hidden()
    assert page.locator(".ph-finder-line").first.is_visible()
    before = page.locator(".ph-finder-line").first.evaluate(
        "e => getComputedStyle(e, '::before').content")
    assert "☐" in before


def test_the_library_finder_groups_results_by_document(library_page: Page,
                                                       library_server: str) -> None:
    """Across every current document (the test library: jiande-2026 and qingxi-2025); the
    same engine, each document's own rules."""
    library_page.goto(f"{library_server}/zh/benefits/?who=resident&s=phone&phone.price=3000")
    library_page.wait_for_selector(".ph-finder-doc")
    docs = library_page.locator(".ph-finder-doc").evaluate_all(
        "ss => ss.map(s => s.getAttribute('data-document'))")
    assert docs == ["jiande-2026"]
    assert library_page.locator("#ph-finder-total").get_attribute("data-max") == "450"
    link = library_page.locator(".ph-line-more a").first.get_attribute("href") or ""
    assert link.startswith("../jiande-2026/calculators/trade-in/?")


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
    ("zh", ["超出上限", "6000元以下"], ["不符合门槛", "6,000"]),
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
