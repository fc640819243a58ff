"""Valid HTML: the Nu Html Checker (npm vnu-jar, run with the machine's Java) over one page of
every type in both languages, the library's pages and an old address's redirect page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.accessibility_pages import PAGE_TYPES
from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Findings in Material 9.8.1's own markup that we keep, each with the reason.
UPSTREAM = {
    # base.html: the drawer and search toggles are checkboxes with autocomplete="off", so
    # Firefox does not restore them open after going back; removing it brings that back.
    'Attribute “autocomplete” is only allowed when the input type is',
}


def pages(site: Path) -> list[Path]:
    paths = {p.split("?", 1)[0] for p in PAGE_TYPES}
    out = [site / lang / p / "index.html" for lang in ("zh", "en") for p in sorted(paths)]
    out += [site / "zh" / "clauses" / "14" / "index.html", site / "index.html",
            site / "en" / "404.html", site / "admin" / "index.html"]
    return out


def vnu(files: list[Path]) -> list[dict[str, str]]:
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker"
    assert VNU.is_file(), "vnu-jar is not installed: run `make install` (npm ci)"
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json",
                          *map(str, files)], capture_output=True, text=True, check=False)
    return json.loads(run.stderr or run.stdout)["messages"]  # type: ignore[no-any-return]


def test_every_page_type_is_valid_html(built_site: Path) -> None:
    files = pages(built_site)
    assert all(f.is_file() for f in files), [f for f in files if not f.is_file()]
    found = [f"{m['url'].split(str(built_site))[-1]}:{m.get('lastLine')}: {m['message']}"
             for m in vnu(files) if not any(m["message"].startswith(u) for u in UPSTREAM)]
    assert found == []


def test_the_checker_finds_invalid_html(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text("<!doctype html><html lang=en><head><title>x</title></head><body>"
                   "<p><div>block in a paragraph</p></body></html>", encoding="utf-8")
    assert vnu([bad]), "the checker reported nothing on broken HTML"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_upstream_findings_are_only_materials_toggles(built_site: Path, lang: str) -> None:
    """What we accept from Material is exactly its two toggles, nothing of ours."""
    page = built_site / lang / "jiande-2025" / "clauses" / "14" / "index.html"
    kept = [m for m in vnu([page]) if any(m["message"].startswith(u) for u in UPSTREAM)]
    assert len(kept) == 2 and all("__" in (m.get("extract") or "") for m in kept), kept
