"""What people come for, counted in taps on a 375 px touch phone, in both languages: a
resident reaches a trade-in result from the library's home page in at most four taps; an
enterprise ticks three situations, types three amounts and reads one total with its units
and clauses on the screen. The amounts are the engine's (calculators/engine.py)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from calculators.engine import evaluate, find
from generator.data.model import Edition
from generator.data.rules import rules_data
from generator.render.filters import number
from tests.conftest import guarded_page
from tests.flows import ENTERPRISE, RESIDENT, Hand, enterprise_total, phone, resident_trade_in

pytestmark = pytest.mark.browser


@pytest.fixture
def touch(chromium: Any, site_server: str) -> Any:
    """A page on a 375 px touch phone, guarded like every page (conftest.guarded_page)."""
    yield from guarded_page(chromium, site_server, phone(chromium))


def in_view(page: Page, selector: str) -> bool:
    """Every element `selector` matches is wholly inside the viewport."""
    return bool(page.evaluate("""sel => [...document.querySelectorAll(sel)].every(e => {
        const r = e.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; })""", selector))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_resident_reaches_a_trade_in_result_in_four_taps(touch: Page, site_server: str,
                                                             edition: Edition, lang: str) -> None:
    hand = Hand(touch)
    result = resident_trade_in(hand, site_server, lang)
    assert hand.taps <= 4 and hand.typed == 1, hand.steps
    expected = evaluate(rules_data(edition), "trade-in", RESIDENT)
    assert result.get_attribute("data-amount-max") == str(expected["max"])
    amount = touch.locator("#ph-result .ph-amount")
    # written as the document writes it: 1600元 on Chinese pages, CNY 1,600 on English ones
    assert number(expected["max"], lang) in amount.inner_text()
    # the amount is on the screen as soon as the price is typed: in the bar under the form
    assert in_view(touch, ".ph-calc-bar"), "the amount is not on the screen"
    assert number(expected["max"], lang) in touch.locator(".ph-calc-bar").inner_text()
    assert float(amount.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 1.4 * float(
        touch.locator("#ph-result .ph-verdict").evaluate(
            "e => parseFloat(getComputedStyle(e).fontSize)")), "the amount does not stand out"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_enterprise_reads_one_total_with_units_and_clauses(
        touch: Page, site_server: str, edition: Edition, lang: str) -> None:
    hand = Hand(touch)
    total = enterprise_total(hand, site_server, lang)
    assert (hand.ticked, hand.typed) == (3, 3), hand.steps
    chosen = {s: {k: v} for s, k, v in ENTERPRISE}
    expected = find(rules_data(edition), "enterprise", chosen)
    assert (total.get_attribute("data-min"), total.get_attribute("data-max")) == (
        str(expected["min"]), str(expected["max"]))
    # While typing, the total is on the screen (the bar under the form) …
    assert in_view(touch, ".ph-finder-bar")
    assert number(expected["max"], lang) in touch.locator(".ph-finder-bar").inner_text()
    # … and one tap shows it with its units and clauses together.
    hand.tap(touch.locator(".ph-finder-bar button"), "details")
    touch.wait_for_timeout(300)
    lines = touch.locator(".ph-finder-line[data-incentive]")
    assert sorted({lines.nth(i).get_attribute("data-clause") for i in range(lines.count())}) == [
        "10", "28", "9"]
    for selector in ("#ph-finder-total .ph-amount", ".ph-finder-unit h3",
                     ".ph-finder-line[data-incentive] > p:first-child a"):
        assert in_view(touch, selector), selector
    units = touch.locator(".ph-finder-unit h3").all_inner_texts()
    names = {u: edition.unit_by_id[u].name.text(lang)
             for u in ("economy-information-bureau", "commerce-bureau")}
    assert all(any(n in text for text in units) for n in names.values()), units
