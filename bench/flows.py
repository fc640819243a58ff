"""Screenshots of what people come for, step by step, on a 375 px touch phone in both
languages: a resident's trade-in subsidy from the library's home page and an enterprise's
total in the benefit finder (tests/flows.py, which tests/test_flows.py counts), plus the
finder's results, the library's finder, the unsettled furniture answer and an error.

    .venv/bin/python bench/flows.py [--site site] [--out bench/out/screenshots]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import browser, served  # noqa: E402
from tests.flows import DOC, Hand, enterprise_total, phone, resident_trade_in  # noqa: E402

STATES = {  # more page states worth looking at, by name
    "finder-results": f"{DOC}/finder/?who=enterprise&s=equipment,export-insurance,"
    "digital-project,srdi&equipment.investment=300万&export-insurance.premium=1.5万元"
    "&digital-project.project_investment=100万&srdi.awards=srdi,little_giant#results",
    "library-benefits": "benefits/?who=resident&s=appliance,furniture,e-bike,baby"
    "&appliance.grade=1&appliance.price=8000&furniture.item=furniture_plain"
    "&furniture.price=6000#results",
    "furniture-unsettled": f"{DOC}/calculators/trade-in/?item=furniture_plain&price=8000",
    "phone-over-ceiling": f"{DOC}/calculators/trade-in/?item=digital&price=6001",
    "exclusive-error": f"{DOC}/calculators/enterprise-awards/?awards=high_tech_first,"
    "high_tech_renewed",
}


def shooter(page: Page, out: Path, prefix: str, shots: list[str]) -> Callable[[str], None]:
    """Take a screenshot of the screen (what the person sees) after each step."""
    def shoot(step: str) -> None:
        page.wait_for_timeout(250)
        name = f"{prefix}-{len(shots):02d}-{step}.png"
        page.screenshot(path=str(out / name))
        shots.append(name)
    return shoot


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--site", type=Path, default=ROOT / "site")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "screenshots")
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    written = []
    with served(args.site) as base, browser() as b:
        for lang in ("zh", "en"):
            for flow, run in (("resident", resident_trade_in), ("enterprise", enterprise_total)):
                context = phone(b)
                page = context.new_page()
                shots: list[str] = []
                shoot = shooter(page, args.out, f"flow-{lang}-{flow}", shots)
                hand = Hand(page, shoot=shoot)
                run(hand, base, lang)
                shoot("done")
                if flow == "enterprise":
                    hand.tap(page.locator(".ph-finder-bar button"), "details")
                print(f"{lang} {flow}: {hand.taps} taps ({hand.ticked} ticks), "
                      f"{hand.typed} typed fields: {' > '.join(hand.steps)}")
                written += shots
                context.close()
            context = phone(b)
            page = context.new_page()
            for name, path in STATES.items():
                page.goto(f"{base}/{lang}/{path}")
                page.wait_for_timeout(400)
                shot = f"state-{lang}-{name}.png"
                page.screenshot(path=str(args.out / shot), full_page=name.endswith("error")
                                or name.startswith("furniture"))
                written.append(shot)
            context.close()
    print(f"wrote {len(written)} screenshots to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
