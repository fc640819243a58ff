"""For the public, round two: what residents and enterprise owners met on a phone and a
desktop, each fixed and held here. Status first in every tool; how to apply; tables that fit a
phone; search that finds what people type; the keyboard; change history that speaks to the
reader; editor material out of the way; typography; finished states; the English; set-up.

The real site is dated 2025-11-29 (jiande-2025 in force); the test library (tests/
library_fixture.py) is dated 2026-06-01: jiande-2025 replaced by jiande-2026, which is in force,
and qingxi-2025 expired."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from generator.data.library import Status
from generator.data.model import Edition
from generator.pipeline import read_library
from generator.render.finder import status_data
from generator.render.i18n import CALC_MESSAGES, STRINGS
from generator.render.view import search_words
from tests.conftest import DATA, DOC, doc_page
from tests.html_text import page_text, soup

PHONE = {"viewport": {"width": 375, "height": 800}, "has_touch": True, "is_mobile": True,
         "device_scale_factor": 2}
TRADE_IN = "calculators/trade-in/?item=appliance&grade=1&price=8000"
# half-width punctuation written next to Chinese
HALF_WIDTH = re.compile(r"[\u4e00-\u9fff][,:;()!?]|[,:;()!?][\u4e00-\u9fff]")


def phone_page(chromium: Browser, origin: str) -> Page:
    from tests.conftest import guarded_page

    return next(guarded_page(chromium, origin, chromium.new_context(**PHONE)))


# --- status first, everywhere -------------------------------------------------------------

def test_a_result_under_a_document_not_in_force_says_so_first() -> None:
    """The words every result under an expired, replaced or not-yet policy starts with, and
    its verdict: never a plain "eligible"."""
    from generator.data.schema import Period

    period = Period(start="2025-01-01", end="2025-12-31", quote="均为2025年全年实施有效")
    expired = status_data(Status.EXPIRED, period, None, "zh", "../../")
    assert expired is not None and "本政策已于2025-12-31到期" in expired["message"]
    assert expired["verdict"] == "按本政策（已于2025-12-31到期）本可获得"
    en = status_data(Status.EXPIRED, period, None, "en", "../../")
    assert en is not None and en["verdict"] == ("Under this policy, which ended on 2025-12-31, "
                                                "you would have received")
    assert status_data(Status.IN_FORCE, period, None, "zh", "") is None


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_calculator_of_a_replaced_edition_says_so_in_its_result(
        chromium: Browser, library_server: str, lang: str) -> None:
    page = phone_page(chromium, library_server)
    page.goto(f"{library_server}/{lang}/jiande-2025/{TRADE_IN}")
    box = page.locator("#ph-result")
    box.locator(".ph-amount").wait_for()
    assert box.get_attribute("data-status") == "superseded"
    note = box.locator(".ph-status-note")
    assert note.is_visible() and note.locator("a").get_attribute("href", timeout=1000)
    verdict = box.locator(".ph-verdict strong").inner_text()
    assert verdict != CALC_MESSAGES["eligible"][lang]
    assert verdict == CALC_MESSAGES["verdict_superseded"][lang]
    assert (note.locator("a").get_attribute("href") or "").endswith("../jiande-2026/")
    color = page.evaluate("getComputedStyle(document.querySelector('#ph-result')).borderLeftColor")
    assert color == "rgb(138, 90, 0)", color  # the warning colour, not the success colour


@pytest.mark.browser
def test_a_calculator_of_a_document_in_force_answers_plainly(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/{DOC}/{TRADE_IN}")
    page.locator("#ph-result .ph-amount").wait_for()
    assert page.locator("#ph-result .ph-status-note").count() == 0
    assert page.locator("#ph-result .ph-verdict strong").inner_text() == "符合条件"


def test_the_library_finder_uses_documents_in_force(library_site: Path) -> None:
    """On the library's date jiande-2025 is replaced and qingxi-2025 has ended: the finder
    over every document uses jiande-2026 alone, and says which documents it uses."""
    import html
    import json

    page = soup(library_site / "zh" / "benefits" / "index.html")
    blob = json.loads(html.unescape(str(page.select_one("form.ph-finder")["data-spec"])))
    assert [d["id"] for d in blob["documents"]] == ["jiande-2026"]
    listed = [" ".join(li.get_text(" ").split()) for li in page.select(".ph-benefit-docs li")]
    assert len(listed) == 1 and "有效" in listed[0]


def test_an_edition_stays_in_force_until_its_successor_takes_effect(tmp_path: Path) -> None:
    """A next edition published before it takes effect (jiande-2026, from 2026-01-01, seen on
    2025-11-29) leaves the current one in force, its banner naming the day it is replaced."""
    from generator import render
    from generator.render import context
    from tests.conftest import SOURCE_DATE
    from tests.library_fixture import make_library

    library, _ = read_library(make_library(tmp_path), SOURCE_DATE)
    assert library is not None
    old, new = library.by_id[DOC], library.by_id["jiande-2026"]
    assert (library.status(old), library.status(new)) == (Status.IN_FORCE, Status.NOT_YET)
    banner = render.banner(context(library, old), "zh")
    assert banner["status"] == "in_force"
    assert "自2026-01-01起施行" in banner["text"] and "替代" not in banner["text"]
    assert banner["link"]["href"] == "../jiande-2026/"


def test_when_no_document_is_in_force_the_finder_says_so(tmp_path: Path) -> None:
    """On 2026-12-03 the real document has ended: the finder offers it, saying so."""
    import datetime

    from generator.render.view import LibraryView

    day = int(datetime.datetime(2026, 12, 3, tzinfo=datetime.UTC).timestamp())
    library, _ = read_library(DATA, day)
    assert library is not None and library.status(library.by_id[DOC]) is Status.EXPIRED
    context = LibraryView(library, "zh").benefits()
    assert context["none_in_force"] is True
    assert [d.id for d, _ in context["statuses"]] == [DOC]
    from generator import render

    text = render.library(library, "zh", site=render.Site()).pages["benefits.md"]
    assert "目前没有在有效期内的政策文件" in text and "全部现行政策文件" not in text


def test_the_library_home_shows_each_status_before_its_tasks(library_site: Path) -> None:
    page = soup(library_site / "zh" / "index.html")
    tasks = page.select_one("nav.ph-tasks")
    assert tasks is not None
    heads = tasks.select("h3.ph-task-doc")
    assert [h.select_one(".ph-status").get_text() for h in heads] == ["有效", "已到期"]
    for h in heads:
        assert h.find_next_sibling(["ul", "p"]) is not None  # the status, then the tasks
    assert "本政策已于2025-12-31到期" in tasks.get_text()


@pytest.mark.browser
def test_a_replaced_edition_s_banner_is_a_warning(chromium: Browser, library_server: str) -> None:
    page = phone_page(chromium, library_server)
    page.goto(f"{library_server}/zh/jiande-2025/")
    style = page.evaluate("""() => { const b = document.querySelector('.ph-status-banner');
        const w = b.querySelector('.ph-status-word'); const s = getComputedStyle(b);
        return [s.backgroundColor, s.borderLeftColor, getComputedStyle(w).fontWeight,
                b.getBoundingClientRect().top]; }""")
    assert style[0] == "rgb(253, 236, 234)" and style[1] == "rgb(179, 38, 30)", style
    assert int(style[2]) >= 700 and style[3] < 200  # strong, and at the top of the page


def test_the_portal_s_validity_is_the_portal_s_record(built_site: Path) -> None:
    page = soup(doc_page(built_site, "zh", ""))
    facts = page.select_one("table.ph-facts-table")
    assert facts is not None and "有效性" not in facts.get_text()
    portal = [t for t in page.select("table.ph-meta-table") if t is not facts]
    assert portal and "门户网站发布时的记录" in portal[0].get_text()
    assert "有效性" in portal[0].get_text()
    assert "不代表文件现在的效力状态" in page.get_text()


# --- how to apply --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_unit_without_a_contact_gives_the_general_channels(built_site: Path,
                                                              lang: str) -> None:
    page = soup(doc_page(built_site, lang, "units/commerce-bureau"))
    channels = page.select_one(".ph-channels")
    assert channels is not None
    assert channels.select_one('a[href="tel:12345"]') is not None
    assert channels.select_one('a[href="https://www.jiande.gov.cn/"]') is not None
    title = {"zh": "一般办理渠道（不是该单位的专门联系方式）",
             "en": "General channels (not this unit's own contact)"}[lang]
    assert title in channels.get_text()


def test_the_original_is_linked_or_said_to_be_missing(built_site: Path) -> None:
    home = page_text(doc_page(built_site, "zh", ""))
    assert "原文网址未收录" in home and "可在建德市人民政府门户网站查找" in home
    # a document whose notice's address is recorded links that notice, not the portal
    import dataclasses

    from generator import render

    library, _ = read_library(DATA, 0)
    assert library is not None
    ed = library.by_id[DOC]
    url = "https://www.jiande.gov.cn/art/2025/2/1/art_1229_demo.html"
    recorded = dataclasses.replace(ed, document=ed.document.model_copy(
        update={"source_url": url}))
    text = render.document(recorded, render.context(library, ed), "zh", site=render.Site(),
                           guide="").pages["index.md"]
    page = BeautifulSoup(text, "html.parser")
    link = page.select_one(f'a[rel="external"][href="{url}"]')
    assert link is not None and "查看原文" in link.get_text()
    assert "原文网址未收录" not in page.get_text()


@pytest.mark.browser
def test_a_result_links_the_units_to_apply_to(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/{DOC}/{TRADE_IN}")
    link = page.locator("#ph-result .ph-apply a").first
    link.wait_for()
    assert (link.get_attribute("href") or "").endswith("units/commerce-bureau/")


# --- tables that fit a phone ----------------------------------------------------------------

CARD_PAGES = [f"{DOC}/incentives/", f"{DOC}/budget/", f"{DOC}/targets/", f"{DOC}/",
              f"{DOC}/clauses/14/", f"{DOC}/chapters/7/", "", f"{DOC}/units/",
              f"{DOC}/units/commerce-bureau/", f"{DOC}/data/", "units/"]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", CARD_PAGES)
def test_every_table_cell_is_on_a_phone_screen(chromium: Browser, site_server: str, lang: str,
                                               path: str) -> None:
    page = phone_page(chromium, site_server)
    page.goto(f"{site_server}/{lang}/{path}")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    out = page.evaluate("""() => {
        const bad = [];
        document.querySelectorAll('article table').forEach(t => {
          t.querySelectorAll('td').forEach(td => {
            const r = td.getBoundingClientRect();
            if (r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1))
              bad.push(t.className + ': ' + td.textContent.trim().slice(0, 20) + ' ' + r.right);
          });
        });
        return {bad: bad.slice(0, 5), scroll: document.documentElement.scrollWidth,
                tables: document.querySelectorAll('article table').length};
    }""")
    assert out["tables"] > 0 and out["bad"] == [] and out["scroll"] <= 375, out


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_budget_chart_reads_on_a_phone(chromium: Browser, site_server: str, edition: Edition,
                                           lang: str) -> None:
    """Each policy area's bar has its name and amount in text at the page's size (a scaled
    SVG's labels were 6 px at 375 px), each amount the data's."""
    from generator.render.chart import chart_rows
    from generator.render.filters import money

    page = phone_page(chromium, site_server)
    page.goto(f"{site_server}/{lang}/{DOC}/budget/")
    rows = page.eval_on_selector_all("ol.ph-bars > li", """lis => lis.map(li => ({
        label: li.querySelector('.ph-bar-label').innerText,
        value: li.querySelector('.ph-bar-value').firstChild.textContent,
        size: parseFloat(getComputedStyle(li).fontSize),
        right: Math.max(...[...li.querySelectorAll('*')].map(e => e.getBoundingClientRect().right))
    }))""")
    expected = chart_rows(edition, lang)
    assert [r["label"] for r in rows] == [label for label, _, _ in expected]
    assert [r["value"] for r in rows] == [
        money(city + higher, lang) for _, city, higher in expected]
    assert all(r["size"] >= 14 and r["right"] <= 375 for r in rows), rows


@pytest.mark.browser
def test_a_long_page_of_groups_starts_with_a_list_of_them(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/{DOC}/targets/")
    links = page.eval_on_selector_all("nav.ph-jump a", "as => as.map(a => a.hash)")
    groups = page.eval_on_selector_all("article h2[id^='unit-']", "hs => hs.map(h => '#' + h.id)")
    assert links and links == groups


@pytest.mark.browser
def test_no_invisible_permalink_under_a_heading_on_a_touch_screen(chromium: Browser,
                                                                  site_server: str) -> None:
    page = phone_page(chromium, site_server)
    page.goto(f"{site_server}/en/{DOC}/units/commerce-bureau/")
    shown = page.eval_on_selector_all(".md-typeset .headerlink",
                                      "ls => ls.filter(l => l.getClientRects().length).length")
    assert shown == 0


def test_no_table_row_carries_a_pilcrow(built_site: Path) -> None:
    for path in ("clauses/14", "incentives", "budget", "targets"):
        for lang in ("zh", "en"):
            page = soup(doc_page(built_site, lang, path))
            assert not any("¶" in td.get_text() for td in page.select("article td")), path


# --- search ---------------------------------------------------------------------------------

@pytest.mark.browser
def test_the_document_filter_is_there_only_with_documents_to_choose(
        page: Page, site_server: str, library_page: Page, library_server: str) -> None:
    for pg, base, shown in ((page, site_server, False), (library_page, library_server, True)):
        pg.goto(f"{base}/zh/search/?q=以旧换新")
        pg.wait_for_selector(".pagefind-ui__result")
        assert pg.locator(".pagefind-ui__filter-panel").is_visible() is shown, base


@pytest.mark.browser
@pytest.mark.parametrize("query", ["以旧换新", "冰箱", "50万元", "高新技术企业", "第14条"])
def test_each_result_has_one_title_and_a_clean_excerpt(page: Page, site_server: str,
                                                       query: str) -> None:
    page.goto(f"{site_server}/zh/search/?q={query}")
    page.wait_for_selector(".pagefind-ui__result")
    page.wait_for_function("() => !document.querySelector('.pagefind-ui__loading')")
    results = page.eval_on_selector_all("li.pagefind-ui__result", """els => els.map(e => ({
        titles: [...e.querySelectorAll('.pagefind-ui__result-title')].map(t => t.innerText.trim()),
        text: e.innerText}))""")
    assert results
    for r in results:
        assert len(r["titles"]) == len(set(r["titles"])), r["titles"]
        assert " . " not in r["text"] and ". ." not in r["text"], r["text"]
        assert not re.search(r"(clause|amt|term)[\da-f.]+x", r["text"]), r["text"]


@pytest.mark.browser
def test_every_word_of_the_glossary_and_the_incentive_names_finds_its_clauses(
        page: Page, site_server: str, edition: Edition) -> None:
    """Every multi-character word of the glossary and of the incentives' names, typed whole,
    finds every clause that writes it (Pagefind alone found none for 39 of them)."""
    page.goto(f"{site_server}/zh/search/")
    page.wait_for_function("() => typeof window.phSearchRewrite === 'function'")
    page.wait_for_timeout(500)
    misses = []
    for word in sorted(search_words(edition, "zh")):
        want = {c.number for c in edition.clauses if word in c.full_zh}
        if not want:
            continue
        urls = page.evaluate("""async (q) => {
            const pf = await import(new URL('../pagefind/0/pagefind.js',
                                             location.href).href);
            const found = await pf.search(window.phSearchRewrite(q));
            return Promise.all(found.results.map(r => r.data().then(d => d.url)));
        }""", word)
        got = {int(m.group(1)) for u in urls if (m := re.search(r"/clauses/(\d+)/", u))}
        if not want <= got:
            misses.append((word, sorted(want - got)))
    assert misses == []


@pytest.mark.browser
def test_the_incentives_filter_knows_the_glossary_and_says_what_to_try(
        page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/{DOC}/incentives/")
    box = page.locator("#ph-filter")
    box.fill("冰箱")
    page.wait_for_function("() => [...document.querySelectorAll('#ph-incentives tbody tr')]"
                           ".some(r => !r.hidden)")
    shown = page.eval_on_selector_all("#ph-incentives tbody tr:not([hidden])",
                                      "rows => rows.map(r => r.innerText)")
    assert shown and all("家电" in r for r in shown), shown
    box.fill("不存在的说法")
    hint = page.locator("#ph-filter-empty")
    hint.wait_for()
    assert page.locator("#ph-incentives").is_hidden()
    assert "没有与“不存在的说法”相符的条目" in hint.inner_text()


# --- the keyboard ---------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("start", [f"zh/{DOC}/clauses/14/", "zh/", f"zh/{DOC}/{TRADE_IN}"])
def test_the_language_switch_works_with_tab_and_enter(page: Page, site_server: str,
                                                      start: str) -> None:
    """Keyboard only: Tab to the English link of the header, Enter: the same page in English
    (after an instant navigation too)."""
    page.goto(f"{site_server}/{start}")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('data-ph-switch')") == "en":
            break
    else:
        pytest.fail("the English link cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/"), timeout=10000)
    assert page.url.replace("/en/", "/zh/") == f"{site_server}/{start}"


def tab_to(page: Page, test: str, tries: int = 40) -> bool:
    """Press Tab until the focused element passes the JS expression `test` (on `el`)."""
    for _ in range(tries):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!({test}); }})()"):
            return True
    return False


@pytest.mark.browser
def test_every_header_control_works_from_the_keyboard(chromium: Browser, site_server: str) -> None:
    """On a narrow window (the navigation in the drawer): Tab to the menu button, Enter opens
    the drawer with the focus on its first link, Escape closes it; Tab to search, Enter goes
    to the search page."""
    context = chromium.new_context(viewport={"width": 900, "height": 800})
    page = context.new_page()
    page.goto(f"{site_server}/zh/{DOC}/clauses/14/")
    assert tab_to(page, "el.matches('[data-ph-drawer]')"), "the menu button is not in the Tab order"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    assert page.evaluate("document.activeElement.getBoundingClientRect().width > 0")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('[data-ph-drawer]')")
    assert tab_to(page, "el.matches('.ph-search-button')"), "search is not in the Tab order"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zh/search/$"), timeout=10000)
    context.close()


# --- change history that speaks to the reader ------------------------------------------------

def test_the_policy_s_changes_apart_from_the_handbook_s_corrections(built_site: Path) -> None:
    page = soup(doc_page(built_site, "zh", "changes"))
    ids = [h.get("id") for h in page.select("article h2")]
    assert ids[:2] == ["policy", "corrections"]
    corrections = page.select_one("#corrections").find_all_next("div", class_="ph-change")
    assert corrections and "译文" not in " ".join(d.select_one("h3").get_text()
                                                 for d in corrections)  # zh: no English fixes
    en = soup(doc_page(built_site, "en", "changes"))
    assert any("Translation" in h.get_text() for h in en.select(".ph-change h3"))


@pytest.mark.parametrize(("lang", "shown"), [("zh", False), ("en", True)])
def test_a_clause_s_history_is_in_the_reader_s_language(built_site: Path, lang: str,
                                                        shown: bool) -> None:
    page = soup(doc_page(built_site, lang, "clauses/14"))
    history = " ".join(li.get_text() for li in page.select(".ph-history li"))
    # the 2026-11-29 correction of clause 14's English: for English readers only
    words = "trade-in" if lang == "en" else "改译"
    assert (words in history) is shown, history


# --- editor material out of the public flow -------------------------------------------------

def test_the_editors_guide_is_at_the_foot_not_in_the_menu(built_site: Path) -> None:
    for path in ("", "clauses/14", "budget"):
        page = soup(doc_page(built_site, "zh", path))
        assert not page.select('nav.md-nav a[href$="editors/"]'), path
        foot = page.select_one("footer.ph-edit-footer .ph-edit-line a")
        assert foot is not None and foot["href"].endswith("editors/"), path


@pytest.mark.browser
def test_the_editors_panel_icon_does_not_cover_its_words(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/{DOC}/clauses/14/")
    box = page.evaluate("""() => { const s = document.querySelector('details.ph-edit > summary');
        const b = getComputedStyle(s, '::before'); const r = s.getBoundingClientRect();
        return [parseFloat(b.left) + parseFloat(b.width), parseFloat(getComputedStyle(s)
                .paddingLeft)]; }""")
    assert box[0] <= box[1], box


def test_the_budget_page_leads_with_the_plain_picture(built_site: Path) -> None:
    page = soup(doc_page(built_site, "zh", "budget"))
    first = page.select("article p")[1:4]  # after the print line and the status, the total
    assert any("ph-budget-plain" in (p.get("class") or []) for p in first)
    table = page.select_one("table.ph-reconciliation")
    assert table is not None and table.find_parent("details") is not None


# --- typography and hierarchy ---------------------------------------------------------------

def test_every_chinese_interface_string_uses_full_width_punctuation() -> None:
    bad = [(k, v["zh"]) for table in (STRINGS, CALC_MESSAGES) for k, v in table.items()
           if HALF_WIDTH.search(v["zh"])]
    assert bad == []


def _data_texts(ed: Edition) -> list[str]:
    """Every text the document's data holds (published text, names, quotes), longest first:
    what is not the interface on a page."""
    out: set[str] = {ed.source_text, ed.in_force_text}
    def walk(value: object) -> None:
        if isinstance(value, str):
            out.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
    for model in (ed.document, *ed.chapters, *ed.units, *ed.glossary, *ed.calculators,
                  *ed.finder, *ed.changes, *ed.amendments):
        walk(model.model_dump(mode="json"))
    out |= {p for s in list(out) for p in s.split("\n") if p}
    return sorted((s for s in out if len(s) > 1), key=len, reverse=True)


def test_the_chinese_chrome_of_every_page_type_uses_full_width_punctuation(
        built_site: Path, edition: Edition) -> None:
    from tests.accessibility_pages import PAGE_TYPES

    data = _data_texts(edition)
    bad = []
    # the editors' guide is hand-written (CONTRIBUTING.zh.md, with commands and paths), not
    # the interface
    for path in sorted({p.split("?")[0] for p in PAGE_TYPES if "editors" not in p}):
        html_file = built_site / "zh" / path / "index.html"
        page = soup(html_file)
        for node in page(["script", "style", "code", "q", "del", "ins"]):
            node.decompose()
        article = page.select_one("article") or page
        # cells and inline marks joined as the text reads, so a data text stays whole
        text = " ".join(article.get_text("").split())
        for d in data:
            if d in text:
                text = text.replace(d, " ")
        bad += [(path, text[max(0, m.start() - 10):m.end() + 10])
                for m in HALF_WIDTH.finditer(text)]
    assert bad == []


@pytest.mark.browser
def test_the_finder_writes_amounts_as_the_document_does(chromium: Browser,
                                                        site_server: str) -> None:
    page = phone_page(chromium, site_server)
    page.goto(f"{site_server}/zh/{DOC}/finder/?who=enterprise&s=equipment,high-tech"
              "&equipment.investment=300万&high-tech.awards=high_tech_first")
    amount = page.locator("#ph-finder-total .ph-amount")
    amount.wait_for()
    text = amount.inner_text()
    assert re.fullmatch(r"[\d.]+万元(至[\d.]+万元)?", text), text
    assert page.evaluate("""() => { const r = document.createRange();
        r.selectNodeContents(document.querySelector('#ph-finder-total .ph-amount'));
        return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }""") == 1


@pytest.mark.browser
def test_titles_read_as_titles(chromium: Browser, site_server: str) -> None:
    page = phone_page(chromium, site_server)
    page.goto(f"{site_server}/zh/{DOC}/clauses/14/")
    weight, color = page.evaluate("""() => { const s = getComputedStyle(
        document.querySelector('article h1')); return [s.fontWeight, s.color]; }""")
    assert int(weight) >= 700 and color in ("rgba(0, 0, 0, 0.87)", "rgb(0, 0, 0)"), (weight,
                                                                                     color)


def test_the_document_home_leads_with_tasks_and_contents(built_site: Path) -> None:
    page = soup(doc_page(built_site, "zh", ""))
    heads = [h.get("id") for h in page.select("article h2")]
    assert heads[:3] == ["tasks", "chapters", "contents"], heads
    assert heads.index("metadata") > heads.index("contents")
    table = page.select_one("#chapters").find_next("table")
    assert table.select_one("caption.ph-sr-only") is not None
    assert table.select_one("thead th").get_text() == "领域"


# --- finished states ------------------------------------------------------------------------

@pytest.mark.browser
def test_no_empty_result_before_any_input(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/zh/{DOC}/calculators/trade-in/")
    page.wait_for_timeout(300)
    assert page.locator(".ph-result-box").is_hidden()
    assert page.locator(".ph-calc-bar").is_hidden()


@pytest.mark.parametrize(("where", "lang", "words"), [
    ("zh", "zh", ["找不到这个页面", "搜索", "全部政策文件"]),
    ("en", "en", ["Page not found", "Search", "All policy documents"]),
    ("", "zh", ["找不到这个页面", "Page not found"]),
])
def test_a_not_found_page_in_each_language(built_site: Path, where: str, lang: str,
                                           words: list[str]) -> None:
    page = soup(built_site / where / "404.html")
    text = page.get_text(" ")
    assert all(w in text for w in words), text[:300]
    assert page.select_one('form[role="search"] input[name="q"]') is not None
    assert "404 - Not found" not in text


@pytest.mark.browser
def test_fields_are_at_least_16_px(chromium: Browser, site_server: str) -> None:
    page = phone_page(chromium, site_server)
    page.goto(f"{site_server}/zh/{DOC}/calculators/trade-in/?item=appliance")
    sizes = page.eval_on_selector_all("article input, article select, article button",
                                      "els => els.map(e => parseFloat(getComputedStyle(e)"
                                      ".fontSize))")
    assert sizes and min(sizes) >= 16, sizes
    page.goto(f"{site_server}/zh/{DOC}/incentives/")
    assert float(page.evaluate("parseFloat(getComputedStyle(document.querySelector("
                               "'#ph-filter')).fontSize)")) >= 16


# --- the English ---------------------------------------------------------------------------

def test_one_document_is_one_document(built_site: Path) -> None:
    text = page_text(built_site / "en" / "index.html")
    assert "This site holds one policy document." in text and "(s)" not in text


def test_one_unit_is_a_unit(built_site: Path, edition: Edition) -> None:
    one = next(c for c in edition.clauses if len(c.responsible_units) == 1)
    page = soup(doc_page(built_site, "en", f"clauses/{one.number}"))
    meta = page.select_one("article .ph-meta").get_text()
    assert "Responsible unit:" in meta and "Responsible units:" not in meta
    assert (one.text.en if one.text else "").rstrip().endswith(")")
    assert "(Responsible unit: " in (one.text.en or "")


def test_no_awkward_english_is_left(built_site: Path) -> None:
    for path in built_site.glob("en/**/*.html"):
        assert "and newly microwave" not in path.read_text(encoding="utf-8"), path


def test_a_series_is_called_what_its_documents_are_called() -> None:
    library, _ = read_library(DATA, 0)
    assert library is not None
    for series in library.file.series:
        newest = library.editions(series.id)[0]
        assert series.title.en == newest.document.title.en, series.id
