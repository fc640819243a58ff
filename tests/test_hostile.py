"""A document whose texts carry markup, Markdown, Jinja, RTL marks, emoji and very long words
builds into a site where all of it is literal text: nothing is injected anywhere."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, settings_for

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.pipeline import build

    base = tmp_path_factory.mktemp("hostile")
    data = base / "data"
    shutil.copytree(HOSTILE, data / "hostile")
    # the library's own texts are hostile too: its title and its series
    (data / "library.yaml").write_text(
        "title: {zh: '<script>alert(1)</script>手册 **粗**',\n"
        "        en: '\"><img src=x onerror=alert(2)>'}\n"
        "issuers:\n  - {id: test-city, name: {zh: '<b>粗</b>市', en: '{{ 7*7 }} city'}}\n"
        "series:\n  - {id: test-policy, issuer: test-city,\n"
        "     title: {zh: '[链接](javascript:alert(3))', en: '# not a heading'}}\n",
        encoding="utf-8")
    return build(settings_for(base / "site", base / "work", data=data))


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
            if tag.name == "script" and tag.get("type") == "application/ld+json":
                # data as JSON, never markup: it parses, and no `<` can close the script
                json.loads(tag.string or "")
                if "<" in (tag.string or ""):
                    injected.append(f"{rel}: markup in JSON-LD")
            elif tag.name == "script" and "alert" in (tag.string or ""):
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
    path = hostile_site / lang / "hostile" / "clauses" / "1" / "index.html"
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
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


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_long_words_wrap_inside_the_page(hostile_site: Path, chromium, lang: str) -> None:  # type: ignore[no-untyped-def]
    """A 300-character word in a clause, a unit name and a title: on a 375 px phone the page
    does not scroll sideways and the clause text stays inside the viewport (measured)."""
    from tests.browser import served

    with served(hostile_site) as origin:
        context = chromium.new_context(viewport={"width": 375, "height": 800})
        try:
            page = context.new_page()
            page.goto(f"{origin}/{lang}/hostile/clauses/1/")
            widths = page.evaluate("""() => ({
                page: document.scrollingElement.scrollWidth,
                text: Math.max(...[...document.querySelectorAll('.ph-clause-text p')]
                               .map(p => p.getBoundingClientRect().right)),
            })""")
        finally:
            context.close()
    assert widths["page"] <= 375 and widths["text"] <= 375, widths
