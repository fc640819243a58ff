"""WCAG 2.1 A/AA with axe-core in real Chromium, lang attributes, keyboard use, phone width.

axe-core comes from npm (package.json; `make install` runs npm ci) and is injected into each
page. Every page type in both languages must show zero violations.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.accessibility_pages import EDITION_PAGES, PAGE_TYPES, SERIES_PAGES
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Page) -> list[Any]:
    assert AXE.is_file(), "axe-core is not installed: run `make install` (npm ci)"
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations
             .map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))""")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_axe_violations(page: Page, site_server: str, lang: str, path: str) -> None:
    page.goto(f"{site_server}/{lang}/{path}")
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_axe_violations_with_search_results_open(page: Page, site_server: str,
                                                    lang: str) -> None:
    page.goto(f"{site_server}/{lang}/search/?q=REITs")
    page.wait_for_selector(".pagefind-ui__result")
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", EDITION_PAGES)
def test_no_axe_violations_on_edition_pages(library_page: Page, library_server: str, lang: str,
                                            path: str) -> None:
    """The comparison page, and a superseded edition's status banner and edition links."""
    library_page.goto(f"{library_server}/{lang}/{path}")
    library_page.wait_for_load_state("networkidle")
    assert axe_violations(library_page) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", SERIES_PAGES)
def test_no_axe_violations_on_timelines_and_comparisons(series_page: Page, series_server: str,
                                                        lang: str, path: str) -> None:
    """Comparison pages (amounts first) and clause pages with their timeline through three
    editions."""
    series_page.goto(f"{series_server}/{lang}/{path}")
    series_page.wait_for_load_state("networkidle")
    assert axe_violations(series_page) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_lang_attributes(page: Page, site_server: str, lang: str) -> None:
    expected = {"zh": "zh-Hans", "en": "en"}[lang]
    for path in ("", "units/", "jiande-2025/", "jiande-2025/clauses/14/", "jiande-2025/budget/",
                 "jiande-2025/units/", "jiande-2025/calculators/trade-in/"):
        page.goto(f"{site_server}/{lang}/{path}")
        assert page.locator("html").get_attribute("lang") == expected
        if lang == "en":
            # Chinese inside English pages sits in an element marked zh-Hans
            unmarked = page.evaluate(r"""() => {
                const out = [];
                const walker = document.createTreeWalker(document.querySelector('article'),
                    NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                    const node = walker.currentNode;
                    if (!/\p{Script=Han}/u.test(node.textContent)) continue;
                    const host = node.parentElement.closest('[lang]');
                    if (!host || !host.getAttribute('lang').startsWith('zh'))
                        out.push(node.textContent.slice(0, 30));
                }
                return out; }""")
            assert unmarked == [], path


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_sideways_scroll_on_a_phone(page: Page, site_server: str, lang: str,
                                       path: str) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{site_server}/{lang}/{path}")
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths


def test_search_by_keyboard(page: Page, site_server: str) -> None:
    """From any page: Tab to the header's search button, Enter, type, Tab to a result."""
    page.goto(f"{site_server}/en/jiande-2025/budget/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('ph-search-button')"):
            break
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/search/$"))
    page.wait_for_selector(".pagefind-ui__search-input")
    page.keyboard.type("trade-in")  # the search box has the focus
    page.wait_for_function("""() => [...document.querySelectorAll('.pagefind-ui__result-link')]
        .some(a => a.href.includes('/clauses/14/'))""")
    for _ in range(20):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement.href || ''")
        if "/clauses/14/" in href:
            break
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/jiande-2025/clauses/14/"))


def test_language_switch_by_keyboard(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/jiande-2025/clauses/14/")
    link = page.locator('.md-select__link[hreflang="en"]')
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('hreflang')") == "en":
            break
    assert page.evaluate("() => document.activeElement.getAttribute('hreflang')") == "en"
    assert link.count() == 1
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/jiande-2025/clauses/14/$"))


def test_finder_by_keyboard(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/en/jiande-2025/finder/")
    page.wait_for_selector("form.ph-finder[data-ph-bound]")
    def tab_to(selector: str) -> None:
        for _ in range(120):
            page.keyboard.press("Tab")
            if page.evaluate(f"() => document.activeElement.matches('{selector}')"):
                return
        raise AssertionError(f"Tab never reached {selector}")
    tab_to('input[name="who"]')
    page.keyboard.press("ArrowDown")  # the second choice: a resident
    assert page.locator('input[name="who"][value="resident"]').is_checked()
    tab_to('input[name="s"][value="phone"]')
    page.keyboard.press("Space")
    tab_to("#f-phone-price")
    page.keyboard.type("2000")
    page.wait_for_function("() => document.querySelector('#ph-finder-total')"
                           ".getAttribute('data-max') === '300'")
    assert page.locator('.ph-finder-line[data-clause="14"]').count() == 1


@pytest.mark.parametrize("calc", ["trade-in", "equipment-upgrade", "digital-transformation",
                                  "enterprise-awards", "export-credit-insurance",
                                  "project-funding"])
def test_every_calculator_by_keyboard(page: Page, site_server: str, calc: str) -> None:
    page.goto(f"{site_server}/zh/jiande-2025/calculators/{calc}/")
    form = page.locator("form.ph-calc")
    first = form.locator("select, input").first
    first.focus()
    kind = first.evaluate("e => e.tagName + ':' + (e.type || '')")
    if kind.startswith("SELECT"):
        page.keyboard.press("ArrowDown")
    elif kind in ("INPUT:checkbox", "INPUT:radio"):
        page.keyboard.press("Space")
    else:
        page.keyboard.type("3000000")
    if calc == "trade-in":  # item → grade → price: arrows within radio buttons, Tab between
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")  # the third item: a home appliance
        page.keyboard.press("Tab")
        page.keyboard.press("Space")  # grade one
        page.keyboard.press("Tab")
        page.keyboard.type("8000")
    page.keyboard.press("Enter") if kind.startswith("INPUT:text") or calc == "trade-in" else None
    if not (kind.startswith("INPUT:text") or calc == "trade-in"):
        form.locator("button[type=submit]").focus()
        page.keyboard.press("Enter")
    box = page.locator("#ph-result")
    page.wait_for_function(
        "() => document.querySelector('#ph-result').getAttribute('data-eligible') !== ''")
    assert box.get_attribute("data-eligible") == "true", box.inner_text()
