"""A document whose texts carry markup, Markdown, Jinja, RTL marks, emoji and very long words
builds into a site where all of it is literal text: nothing is injected anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.build import BuildOptions, build

    base = tmp_path_factory.mktemp("hostile")
    return build(BuildOptions(out=base / "site", work=base / "work", edition=HOSTILE))


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_nothing_is_injected(hostile_site: Path) -> None:
    injected = []
    for path in _pages(hostile_site):
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        rel = path.relative_to(hostile_site).as_posix()
        for tag in html.find_all(True):
            injected += [f"{rel}: {tag.name} {a}" for a in tag.attrs if a.lower().startswith("on")]
            if tag.name == "img" and tag.get("src") == "x":
                injected.append(f"{rel}: img")
            if tag.name == "script" and "alert" in (tag.string or ""):
                injected.append(f"{rel}: script")
            if tag.name == "a" and str(tag.get("href", "")).startswith("javascript:"):
                injected.append(f"{rel}: javascript link")
            if tag.name == "b" and "粗" in tag.get_text():
                injected.append(f"{rel}: b")
            if tag.name == "strong" and tag.get_text() == "bold":
                injected.append(f"{rel}: markdown rendered")
        title = html.title.get_text() if html.title else ""
        if "<" in title or ">" in title:
            injected.append(f"{rel}: markup in <title>")
    assert injected == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_text_is_shown_as_written(hostile_site: Path, lang: str) -> None:
    html = BeautifulSoup((hostile_site / lang / "clauses" / "1" / "index.html").read_text(
        encoding="utf-8"), "html.parser")
    body = html.select_one(".ph-clause-text")
    assert body is not None
    text = body.get_text()
    assert "{{ seven*seven }}{% if x %}" in text
    assert "**bold** [link](javascript:alert('m')) # not a heading" in text
    if lang == "zh":
        assert "鼓励创新<script>alert('x')</script>。" in text
    else:
        assert "\u202eRTL\u202c 😀 " + "W" * 300 in text
        assert "Encourage <script>alert('x')</script> innovation" in text


def test_long_words_wrap_inside_the_page(hostile_site: Path) -> None:
    css = (ROOT / "docs" / "assets" / "handbook.css").read_text(encoding="utf-8")
    assert "overflow-wrap: anywhere" in css
