"""Cool URIs don't change: every address the one-document site published still works and
lands on the same content of jiande-2025 (tests/fixtures/published/ records them)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import DOC, ROOT
from tests.html_text import follow, soup

PUBLISHED = ROOT / "tests" / "fixtures" / "published"


def old_paths() -> list[str]:
    paths = []
    for lang in ("zh", "en"):
        xml = (PUBLISHED / f"{lang}-sitemap.xml").read_text(encoding="utf-8")
        paths += [urlparse(u).path.lstrip("/") for u in re.findall(r"<loc>([^<]+)</loc>", xml)]
    return paths


PAGES = old_paths()
FILES = (PUBLISHED / "files.txt").read_text(encoding="utf-8").split()
QUERIES = (PUBLISHED / "queries.txt").read_text(encoding="utf-8").split()


def test_the_record_covers_every_page_type() -> None:
    assert len(PAGES) == 212 and {"zh/", "en/clauses/14/", "zh/units/commerce-bureau/",
                                  "en/calculators/trade-in/", "zh/finder/"} <= set(PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_an_old_page_lands_on_the_same_page_of_the_same_document(built_site: Path,
                                                                  path: str) -> None:
    assert (built_site / path / "index.html").is_file(), path
    lang, rest = path.split("/", 1)
    landed = follow(built_site, path)
    if rest in ("", "units/", "data/"):  # the library's home, units and page for developers
        # now; each lists the document
        assert landed == path
        html = soup(built_site / path / "index.html")
        assert html.select_one(f'a[href*="{DOC}/"]') is not None
        if rest == "data/":  # the old page's files: each linked where it is now
            for name in (f for f in FILES if f.startswith("data/")):
                new = name.replace("data/", f"data/{DOC}/", 1)
                assert html.select_one(f'a[href$="{new}"]') is not None, new
        return
    assert landed == f"{lang}/{DOC}/{rest}"
    assert (built_site / landed / "index.html").is_file()


@pytest.mark.parametrize("name", [f for f in FILES if not f.endswith(".pdf")])
def test_an_old_file_serves_the_same_bytes(built_site: Path, name: str) -> None:
    old = built_site / name
    lang_or_data, file = name.split("/", 1)
    new = built_site / lang_or_data / DOC / file
    assert old.is_file() and new.is_file() and old.read_bytes() == new.read_bytes(), name


@pytest.mark.parametrize("query", QUERIES)
def test_an_old_address_with_a_query_keeps_it(built_site: Path, query: str) -> None:
    """The redirect page carries a script that keeps the query string and the fragment (the
    browser tests follow one); without JavaScript the refresh still lands on the page."""
    path = query.split("?", 1)[0]
    page = soup(built_site / path / "index.html")
    script = page.select_one("script")
    assert script is not None and "location.search" in script.get_text()
    assert "location.hash" in script.get_text()
    lang, rest = path.split("/", 1)
    assert follow(built_site, path) == f"{lang}/{DOC}/{rest}"
