"""Lighthouse (npm lighthouse 12.2.3, with Debian's Chromium): accessibility and SEO at 100 for
the library's home, a clause page and a calculator page, in both languages. The scores are
printed (`pytest -s`) as well as asserted."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.browser import CHROMIUM_ARGS, chromium_path
from tests.conftest import ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ["", "jiande-2025/clauses/14/", "jiande-2025/calculators/trade-in/"]


def scores(url: str, out: Path) -> tuple[dict[str, float], list[str]]:
    assert LIGHTHOUSE.is_file(), "lighthouse is not installed: run `make install` (npm ci)"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    run = subprocess.run([str(LIGHTHOUSE), url, "--only-categories=accessibility,seo",
                          "--output=json", f"--output-path={out}", "--quiet",
                          f"--chrome-flags={flags}"],
                         env={**os.environ, "CHROME_PATH": chromium_path()},
                         capture_output=True, text=True, check=False, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    failing = [a["id"] for a in report["audits"].values()
               if a.get("scoreDisplayMode") in ("binary", "numeric")
               and a.get("score") is not None and a["score"] < 1]
    return {k: c["score"] for k, c in report["categories"].items()}, failing


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_accessibility_and_seo_score_100(site_server: str, tmp_path: Path, lang: str,
                                         path: str) -> None:
    got, failing = scores(f"{site_server}/{lang}/{path}", tmp_path / "report.json")
    print(f"lighthouse /{lang}/{path}: accessibility {got['accessibility'] * 100:.0f}, "
          f"seo {got['seo'] * 100:.0f}")
    assert got == {"accessibility": 1, "seo": 1}, failing
