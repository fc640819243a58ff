"""Search, language switch and redirects in real headless Chromium against the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.render import shards
from tests.browser import served
from tests.conftest import LIBRARY_DATE, guarded_page, settings_for

pytestmark = pytest.mark.browser


def search(page: Page, base: str, lang: str, query: str) -> list[str]:
    """Search as a reader would (the library's search page, the query typed in its box) and
    return the result pages, in order, each as its path below /<lang>/."""
    page.goto(f"{base}/{lang}/search/")
    box = page.locator(".pagefind-ui__search-input")
    box.fill(query)
    page.wait_for_selector(".pagefind-ui__result", timeout=15000)
    page.wait_for_function("() => !document.querySelector('.pagefind-ui__loading')")
    hrefs = page.eval_on_selector_all(
        "li.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title a",
        "els => els.map(e => e.pathname)")
    return [h.split(f"/{lang}/", 1)[1] for h in hrefs]


def clauses_of(results: list[str]) -> list[int]:
    return [int(m.group(1)) for r in results if (m := re.search(r"/clauses/(\d+)/$", r))]


@pytest.mark.parametrize(
    ("lang", "query", "clause"),
    [
        ("zh", "以旧换新", 14),
        ("zh", "博士后", 4),
        ("zh", "专精特新", 11),
        ("zh", "高新技术企业", 1),
        ("zh", "50万元", 4),
        ("zh", "1.5万元", 14),
        ("zh", "第14条", 14),
        ("zh", "14条", 14),
        ("zh", "冰箱", 14),
        ("zh", "电车", 14),
        ("zh", "高企", 1),
        ("zh", "信保", 28),
        ("zh", "REITs", 35),
        ("zh", "出口信用保险", 28),
        ("zh", "市税务局", 6),
        ("en", "trade-in", 14),
        ("en", "postdoctoral", 4),
        ("en", "export credit insurance", 28),
        ("en", "REITs", 35),
        ("en", "clause 14", 14),
        ("en", "fridge", 14),
        ("en", "software enterprise", 18),
        ("en", "CNY 500,000", 4),
    ],
)
def test_search_finds_the_clause_in_the_top_three(page: Page, site_server: str, lang: str,
                                                  query: str, clause: int) -> None:
    results = search(page, site_server, lang, query)
    assert f"jiande-2025/clauses/{clause}/" in results[:3], f"{query!r}: {results[:5]}"


def test_an_amount_finds_only_that_amount(page: Page, site_server: str) -> None:
    """50万元 is one amount: not 500元, not 5000万元, not clause 50."""
    found = clauses_of(search(page, site_server, "zh", "50万元"))
    assert found and set(found) <= {2, 3, 4, 11}, found


def test_search_names_the_document_and_can_be_limited_to_it(library_page: Page,
                                                             library_server: str) -> None:
    """In a library of several documents each result names its document, and the filter
    limits the results to one (with one document there is neither: test_public.py)."""
    search(library_page, library_server, "zh", "以旧换新")
    first = library_page.locator(".pagefind-ui__result").first.inner_text()
    assert "建德市关于推动经济高质量发展的若干政策(" in first, first
    options = library_page.locator(".pagefind-ui__filter-checkbox")  # the document filter
    assert options.count() >= 2
    options.first.check()
    library_page.wait_for_function("() => !document.querySelector('.pagefind-ui__loading')")
    assert library_page.locator(".pagefind-ui__result").count() > 0


def test_search_loads_one_index_merged_from_the_shards_of_a_larger_library(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chromium: Browser) -> None:
    """A library larger than one search shard (here: one series to a shard) is searched as
    one: the search page loads the one index merged from the shards as it opens (no shard)
    and finds both editions."""
    from generator.pipeline import build
    from tests.library_fixture import make_library

    monkeypatch.setattr(shards, "SEARCH_SHARD", 1)
    site = build(settings_for(tmp_path / "site", tmp_path / "work",
                              data=make_library(tmp_path), site_url=None,
                              source_date=LIBRARY_DATE))
    documents = sorted(p.parent.name for p in (site / "zh").glob("*/clauses"))
    assert len(documents) == 3
    index = site / "zh" / "pagefind"
    assert sorted(p.name for p in index.iterdir() if p.name.isdigit()) == ["0", "1"]
    loaded: list[str] = []
    with served(site) as origin:
        pages = guarded_page(chromium, origin)
        page = next(pages)
        page.on("request", lambda r: loaded.append(r.url))
        page.goto(f"{origin}/zh/search/")
        for _ in range(100):  # the merged index loads before a key is pressed
            if any("/zh/pagefind/pagefind.zh-hans_" in u for u in loaded):
                break
            page.wait_for_timeout(100)
        else:
            raise AssertionError(f"the index did not load as the page opened: {loaded}")
        results = search(page, origin, "zh", "以旧换新")
        next(pages, None)  # closes the page: no request left the site, no script error
    assert not [u for u in loaded if "/pagefind/0/" in u or "/pagefind/1/" in u]  # one index
    found = {r.split("/")[0] for r in results if "/clauses/" in r}
    assert {"jiande-2025", "jiande-2026"} <= found, results


def test_no_search_index_loads_before_searching(page: Page, site_server: str) -> None:
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url))
    page.goto(f"{site_server}/zh/jiande-2025/clauses/14/")
    page.wait_for_load_state("networkidle")
    assert [u for u in loaded if "pagefind" in u or "search" in u] == []


def test_language_switch_lands_on_the_same_page_after_instant_navigation(
        page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/jiande-2025/")
    # instant navigation: follow an in-site link without a full reload
    # Material's instant navigation makes hrefs absolute
    page.locator('article a[href$="/zh/jiande-2025/chapters/3/"]').first.click()
    page.wait_for_url(re.compile(r"/zh/jiande-2025/chapters/3/$"))
    page.locator('article a[href$="/zh/jiande-2025/clauses/14/"]').first.click()
    page.wait_for_url(re.compile(r"/zh/jiande-2025/clauses/14/$"))
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    page.locator(".md-header__option .md-select").first.hover()
    link = page.locator('.md-select__link[hreflang="en"]').first
    link.wait_for(state="visible")
    link.click()
    page.wait_for_url(re.compile(r"/en/jiande-2025/clauses/14/$"))
    assert "Clause 14" in page.locator("h1").inner_text()


def test_language_switch_keeps_the_query(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/jiande-2025/calculators/trade-in/?item=digital&price=2000")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('.md-select__link[hreflang="en"]').first.click()
    page.wait_for_url(re.compile(r"/en/jiande-2025/calculators/trade-in/\?item=digital"))


def test_language_switch_works_without_a_site_url(library_page: Page,
                                                  library_server: str) -> None:
    """The test library is built with no site URL and served on a port of its own."""
    library_page.goto(f"{library_server}/zh/jiande-2026/budget/")
    library_page.locator(".md-header__option .md-select").first.hover()
    library_page.locator('.md-select__link[hreflang="en"]').first.click()
    library_page.wait_for_url(re.compile(r"/en/jiande-2026/budget/$"))


@pytest.mark.parametrize("old", ["zh/clauses/14/", "en/chapters/3/", "zh/units/commerce-bureau/",
                                 "en/finder/", "zh/budget/"])
def test_an_old_address_lands_on_the_same_page(page: Page, site_server: str, old: str) -> None:
    lang, rest = old.split("/", 1)
    page.goto(f"{site_server}/{old}#top")
    page.wait_for_url(re.compile(rf"/{lang}/jiande-2025/{re.escape(rest)}#top$"))


def test_a_superseded_edition_says_so_on_every_page(library_page: Page,
                                                    library_server: str) -> None:
    for path in ("zh/jiande-2025/", "zh/jiande-2025/clauses/7/", "en/jiande-2025/budget/"):
        library_page.goto(f"{library_server}/{path}")
        banner = library_page.locator(".ph-status-banner")
        assert banner.count() == 1
        assert banner.get_attribute("class").endswith("ph-status-superseded")  # type: ignore
        link = banner.locator("a")
        assert (link.get_attribute("href") or "").rstrip("/").endswith("jiande-2026")
    library_page.goto(f"{library_server}/zh/jiande-2025/clauses/1/")
    library_page.locator(".ph-other-editions a").first.click()
    library_page.wait_for_url(re.compile(r"/zh/jiande-2026/clauses/1/$"))


def test_root_redirects_to_chinese(chromium: Browser, site_server: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(f"{site_server}/")
    pg.wait_for_url(re.compile(r"/zh/$"))
    assert pg.locator("html").get_attribute("lang") is not None
    context.close()


def test_an_old_address_works_without_javascript(chromium: Browser, site_server: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(f"{site_server}/en/clauses/14/")
    pg.wait_for_url(re.compile(r"/en/jiande-2025/clauses/14/$"))
    context.close()


def test_incentives_table_filters_and_sorts(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/jiande-2025/incentives/")
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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_library_in_both_languages(library_page: Page, library_server: str,
                                       lang: str) -> None:
    """Three documents, two series, two issuers: the home groups them, current edition
    first; the units page has both issuers; search covers every document and can be limited
    to one."""
    page = library_page
    page.goto(f"{library_server}/{lang}/")
    links = page.eval_on_selector_all("table.ph-library tbody tr td:first-child > a:first-child",
                                      "els => els.map(e => e.pathname)")
    assert links[:2] == [f"/{lang}/jiande-2026/", f"/{lang}/jiande-2025/"], links
    assert f"/{lang}/qingxi-2025/" in links
    assert page.locator("table.ph-library").count() == 2
    page.goto(f"{library_server}/{lang}/units/")
    assert page.locator("article h2").count() == 2
    results = search(page, library_server, lang, "以旧换新" if lang == "zh" else "trade-in")
    documents = {r.split("/", 1)[0] for r in results}
    assert {"jiande-2025", "jiande-2026"} <= documents, results
    page.locator(".pagefind-ui__filter-checkbox[value*='2026']").check()
    page.wait_for_function("""() => {
        const a = [...document.querySelectorAll(
            'li.pagefind-ui__result .pagefind-ui__result-title a')];
        return a.length > 0 && a.every(e => e.pathname.includes('/jiande-2026/')); }""",
                           timeout=10000)


def test_the_status_banner_never_breaks_a_date_on_a_phone(page: Page, site_server: str) -> None:
    """In force from 2025-01-01 to 2025-12-31: at 375 px the line wraps between words, not
    inside a date (Chromium breaks after a hyphen)."""
    page.set_viewport_size({"width": 375, "height": 800})
    for lang in ("en", "zh"):
        page.goto(f"{site_server}/{lang}/jiande-2025/calculators/trade-in/")
        dates = page.locator(".ph-status-banner .ph-date")
        assert dates.count() == 2
        lines = page.evaluate("() => [...document.querySelectorAll('.ph-status-banner .ph-date')]"
                              ".map(e => new Set([...e.getClientRects()].map(r => r.top)).size)")
        assert lines == [1, 1], lang
