"""Page weight: bytes a first visit and a repeat visit transfer, by kind, for a clause page and
a calculator page (real Chromium, DevTools network events). Prints figures; not a test.

    .venv/bin/python bench/bench_weight.py [--site site]
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import browser, served  # noqa: E402

PAGES = ["zh/jiande-2025/clauses/14/", "en/jiande-2025/clauses/14/",
         "zh/jiande-2025/calculators/trade-in/?item=appliance&grade=1&price=8000"]
OWN = ("handbook.css", "handbook.js", "switch.js", "calc-engine.js", "calc-ui.js")


def visit(page, cdp, url: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    sizes: dict[str, int] = defaultdict(int)
    kinds: dict[str, str] = {}
    urls: dict[str, str] = {}

    def on_response(e):  # type: ignore[no-untyped-def]
        kinds[e["requestId"]] = e["type"]
        urls[e["requestId"]] = e["response"]["url"]

    def on_finished(e):  # type: ignore[no-untyped-def]
        rid = e["requestId"]
        name = urls.get(rid, "")
        kind = "own css/js" if name.split("?")[0].endswith(OWN) else kinds.get(rid, "other")
        if "search_index.json" in name or "/pagefind/" in name:
            kind = "search index"
        sizes[kind] += int(e["encodedDataLength"])

    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.loadingFinished", on_finished)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    cdp.remove_listener("Network.responseReceived", on_response)
    cdp.remove_listener("Network.loadingFinished", on_finished)
    return dict(sizes)


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--site", type=Path, default=ROOT / "site")
    p.add_argument("--pages", nargs="*", default=PAGES)
    args = p.parse_args()
    with served(args.site) as origin:
        with browser() as b:
            for path in args.pages:
                context = b.new_context()
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                url = f"{origin}/{path}"
                first = visit(page, cdp, url)
                repeat = visit(page, cdp, url)
                html = args.site / path.split("?")[0] / "index.html"
                print(f"{path}")
                print(f"  own HTML: {kb(html.stat().st_size)} "
                      f"(gzip {kb(len(gzip.compress(html.read_bytes())))})")
                for label, sizes in (("first visit", first), ("repeat visit", repeat)):
                    detail = ", ".join(f"{k} {kb(v)}" for k, v in sorted(sizes.items()))
                    print(f"  {label}: {kb(sum(sizes.values()))} ({detail})")
                context.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
