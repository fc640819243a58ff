"""What people come for, as taps on a phone: a resident's trade-in subsidy from the library's
home page, and an enterprise's total in the benefit finder. Shared by the browser tests
(tests/test_flows.py, which count the taps and typed fields) and bench/flows.py (which takes
screenshots of each step for a person to look at)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from playwright.sync_api import Browser, BrowserContext, Locator, Page

PHONE = {"width": 375, "height": 812}
DOC = "jiande-2025"

# The enterprise's three situations and the amount each asks for (as people write them).
ENTERPRISE = [("equipment", "investment", "300万"),
              ("digital-project", "project_investment", "100万"),
              ("export-insurance", "premium", "1.5万元")]
RESIDENT = {"item": "appliance", "grade": "1", "price": "8000"}


def phone(b: Browser) -> BrowserContext:
    """A touch phone 375 px wide."""
    return b.new_context(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)


@dataclass
class Hand:
    """Taps and typing on a page, counted; `shoot` (if given) is called after each step."""

    page: Page
    taps: int = 0
    typed: int = 0
    ticked: int = 0
    shoot: Callable[[str], None] | None = None
    steps: list[str] = field(default_factory=list)

    def _step(self, name: str) -> None:
        self.steps.append(name)
        if self.shoot is not None:
            self.shoot(name)

    def tap(self, target: Locator, name: str) -> None:
        target.scroll_into_view_if_needed()  # as a thumb scrolls, when it is out of view
        target.tap()
        self.taps += 1
        self._step(name)

    def tick(self, target: Locator, name: str) -> None:
        self.tap(target, name)
        self.ticked += 1

    def type(self, target: Locator, text: str, name: str) -> None:
        """Tap the field (one tap), then type on the keyboard."""
        target.scroll_into_view_if_needed()
        target.tap()
        self.taps += 1
        # A phone scrolls the focused field into view before it takes keys (as a person
        # waits for the keyboard to open); keys sent at once are dropped by Chromium.
        self.page.wait_for_timeout(600)
        self.page.keyboard.type(text)
        self.typed += 1
        self._step(name)


def option(page: Page, name: str, value: str) -> Locator:
    """The label of a radio button or check box: the whole line is the target."""
    return page.locator("label.ph-check").filter(
        has=page.locator(f'input[name="{name}"][value="{value}"]'))


def resident_trade_in(hand: Hand, base: str, lang: str) -> Locator:
    """Home page -> trade-in calculator -> appliance, grade one, price: the result box."""
    page = hand.page
    page.goto(f"{base}/{lang}/")
    hand._step("home")
    hand.tap(page.locator(f'a.ph-task[href$="{DOC}/calculators/trade-in/"]'), "calculator")
    page.wait_for_selector("form.ph-calc[data-ph-bound]")
    hand.tap(option(page, "item", RESIDENT["item"]), "item")
    hand.tap(option(page, "grade", RESIDENT["grade"]), "grade")
    hand.type(page.locator("#in-price"), RESIDENT["price"], "result")
    result = page.locator("#ph-result")
    page.wait_for_function(
        "() => document.querySelector('#ph-result').getAttribute('data-state') === 'done'")
    return result


def enterprise_total(hand: Hand, base: str, lang: str) -> Locator:
    """Home page -> benefit finder -> enterprise, three situations, three amounts: the total."""
    page = hand.page
    page.goto(f"{base}/{lang}/")
    hand._step("home")
    hand.tap(page.locator(f'a.ph-task[href$="{DOC}/finder/"]'), "finder")
    page.wait_for_selector("form.ph-finder[data-ph-bound]")
    hand.tap(option(page, "who", "enterprise"), "who")
    for situation, _, _ in ENTERPRISE:
        hand.tick(option(page, "s", situation), f"tick-{situation}")
    for situation, key, amount in ENTERPRISE:
        hand.type(page.locator(f"#f-{situation}-{key}"), amount, f"typed-{situation}")
    total = page.locator("#ph-finder-total")
    page.wait_for_function(
        "() => document.querySelector('#ph-finder-total').getAttribute('data-state') === 'done'")
    return total
