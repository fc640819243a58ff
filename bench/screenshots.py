"""Screenshots of each page type, both languages, at 375 px and 1280 px, for a person to look at.

    .venv/bin/python bench/screenshots.py [--site site] [--out bench/out/screenshots]
        [--pages page-types|series]

`--pages series` takes the comparison and timeline pages of a three-edition series (build one
with `tests/library_fixture.py:make_series`, e.g. `--site` of a build of its data folder).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.accessibility_pages import PAGE_TYPES, SERIES_PAGES  # noqa: E402
from tests.browser import browser, served  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--site", type=Path, default=ROOT / "site")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "screenshots")
    p.add_argument("--pages", choices=("page-types", "series"), default="page-types")
    args = p.parse_args()
    pages = SERIES_PAGES if args.pages == "series" else PAGE_TYPES
    args.out.mkdir(parents=True, exist_ok=True)
    with served(args.site) as origin:
        count = 0
        with browser() as b:
            for width in (375, 1280):
                page = b.new_page(viewport={"width": width, "height": 900})
                for lang in ("zh", "en"):
                    for index, path in enumerate(pages):
                        page.goto(f"{origin}/{lang}/{path}")
                        page.wait_for_timeout(200)
                        name = (path.split("?")[0].strip("/").replace("/", "-") or "home")
                        shot = args.out / f"{lang}-{index:02d}-{name}-{width}.png"
                        page.screenshot(path=str(shot),
                                        full_page=True)
                        count += 1
                page.close()
    print(f"wrote {count} screenshots to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
