"""Search, language switch and redirect in real headless Chromium against the built site."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser


def search(page: Page, base: str, lang: str, query: str) -> list[int]:
    """Type a query as a reader would and return the clause numbers of the results, in order."""
    page.goto(f"{base}/{lang}/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.wait_for_function("() => document.querySelector('.md-search__input') !== null")
    page.evaluate(
        """q => { const i = document.querySelector('.md-search__input');
                  i.focus(); i.value = q;
                  i.dispatchEvent(new Event('input', {bubbles: true}));
                  i.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true})); }""",
        query,
    )
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "els => els.map(e => e.href)")
    numbers = []
    for href in hrefs:
        m = re.search(r"/clauses/(\d+)/", href)
        if m:
            numbers.append(int(m.group(1)))
    return numbers


@pytest.mark.parametrize(
    ("lang", "query", "clause"),
    [
        ("zh", "以旧换新", 14),
        ("zh", "博士后", 4),
        ("zh", "专精特新", 11),
        ("zh", "高新技术企业", 1),
        ("zh", "50万元", 4),
        ("zh", "1.5万元", 14),
        ("zh", "REITs", 35),
        ("zh", "出口信用保险", 28),
        ("zh", "市税务局", 6),
        ("en", "trade-in", 14),
        ("en", "postdoctoral", 4),
        ("en", "export credit insurance", 28),
        ("en", "REITs", 35),
    ],
)
def test_search_finds_the_clause_in_the_top_three(page: Page, site_server: str, lang: str,
                                                  query: str, clause: int) -> None:
    results = search(page, site_server, lang, query)
    top = list(dict.fromkeys(results))[:3]
    assert clause in top, f"{query!r}: top clauses {top}"


def test_language_switch_lands_on_the_same_page_after_instant_navigation(
        page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/")
    # instant navigation: follow an in-site link without a full reload
    # Material's instant navigation makes hrefs absolute
    page.locator('article a[href$="/zh/chapters/3/"]').first.click()
    page.wait_for_url(re.compile(r"/zh/chapters/3/$"))
    page.locator('article a[href$="/zh/clauses/14/"]').first.click()
    page.wait_for_url(re.compile(r"/zh/clauses/14/$"))
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    # Material intercepts the click on the language link and maps the current page through
    # the other language's sitemap; the link's own href stays the other home page.
    page.locator(".md-header__option .md-select").first.hover()
    link = page.locator('.md-select__link[hreflang="en"]').first
    link.wait_for(state="visible")
    link.click()
    page.wait_for_url(re.compile(r"/en/clauses/14/$"))
    assert "Clause 14" in page.locator("h1").inner_text()


def test_root_redirects_to_chinese(chromium: Browser, site_server: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(f"{site_server}/")
    pg.wait_for_url(re.compile(r"/zh/$"))
    assert pg.locator("html").get_attribute("lang") is not None
    context.close()


def test_incentives_table_filters_and_sorts(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/incentives/")
    rows = page.locator("#ph-incentives tbody tr")
    total = rows.count()
    page.locator("#ph-filter").fill("高新技术")
    visible = page.locator("#ph-incentives tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    page.locator("#ph-filter").fill("")
    page.locator("#ph-incentives thead th").first.locator("button").click()  # to descending
    first = rows.first.locator("td").first.get_attribute("data-sort")
    last = rows.last.locator("td").first.get_attribute("data-sort")
    assert int(first or 0) > int(last or 0)
    assert page.locator("#ph-incentives thead th").first.get_attribute("aria-sort") == "descending"
