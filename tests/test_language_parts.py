"""A document's Chinese pages are made of its data without English: an English fix renders
the English parts only (generator/outputs/job.py: plan keys a Chinese part by
cache.chinese_inputs). That is safe only if no Chinese page shows an English text, which the
first test proves by changing every English text of a library and rendering it again."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from generator import pipeline, render
from generator.data.read import read_library
from generator.data.schema import Text
from tests.conftest import DATA, DOC, LIBRARY_DATE, settings_for

pytestmark = pytest.mark.site

CHAPTER = Path(DOC) / "chapters" / "03-services.yaml"
OLD, NEW = "Support car trade-ins (trading in", "Support car trade-ins, as revised (trading in"


def english_changed(value: Any, seen: set[int], count: list[int]) -> None:
    """Every Text's English in `value`, in place, with a mark added."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, Text):
        if value.en is not None:
            object.__setattr__(value, "en", value.en + " (changed)")
            count[0] += 1
        return
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            english_changed(getattr(value, name), seen, count)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            english_changed(item, seen, count)
    elif isinstance(value, dict):
        for item in value.values():
            english_changed(item, seen, count)
    elif hasattr(value, "__dict__"):
        for item in vars(value).values():
            english_changed(item, seen, count)


def test_chinese_pages_show_no_english(tmp_path: Path) -> None:
    """Every English text of a library of three documents changed: every Chinese page of
    every document and of the library reads as before (the English pages do not)."""
    from tests.library_fixture import make_library

    data = make_library(tmp_path)
    settings = settings_for(tmp_path / "site", tmp_path / "work", data=data,
                            source_date=LIBRARY_DATE)
    site = pipeline.site_options(settings)
    guide = {lang: settings.guide(lang).read_text(encoding="utf-8") for lang in ("zh", "en")}

    def pages(lang: str) -> dict[str, str]:
        library, _ = read_library(data, LIBRARY_DATE)
        assert library is not None and len(library.documents) == 3
        if changed:
            count = [0]
            english_changed(library, set(), count)
            assert count[0] > 1000
        out = {f"library/{p}": html for p, html in
               render.library(library, lang, site=site).pages.items()}
        for ed in library.documents:
            r = render.document(ed, render.context(library, ed), lang, site=site,
                                guide=guide[lang])
            out |= {f"{ed.id}/{p}": html for p, html in r.pages.items()}
        return out

    changed = False
    before = {lang: pages(lang) for lang in ("zh", "en")}
    changed = True
    after = {lang: pages(lang) for lang in ("zh", "en")}
    assert len(before["zh"]) > 200
    assert [p for p in before["zh"] if after["zh"][p] != before["zh"][p]] == []
    assert [p for p in before["en"] if after["en"][p] != before["en"][p]]  # it did change
    calculator = next(p for p in before["zh"] if "/calculators/" in p)
    assert "&#34;en&#34;" not in before["zh"][calculator]  # its script reads Chinese only


@pytest.fixture
def counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[Any]]:
    """The real data, built once; then every part rendered is counted."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    pipeline.build(settings_for(tmp_path / "site", tmp_path / "work", data=data))
    calls: list[Any] = []
    real_document, real_library = render.document, render.library

    def document(ed: Any, ctx: Any, lang: str, **kw: Any) -> Any:
        calls.append((ed.id, lang))
        return real_document(ed, ctx, lang, **kw)

    def library(lib: Any, lang: str, **kw: Any) -> Any:
        calls.append(("library", lang))
        return real_library(lib, lang, **kw)

    monkeypatch.setattr(render, "document", document)
    monkeypatch.setattr(render, "library", library)
    return data, calls


def test_an_english_fix_renders_the_english_parts_only(counted: tuple[Path, list[Any]],
                                                       tmp_path: Path) -> None:
    data, calls = counted
    chapter = data / CHAPTER
    text = chapter.read_text(encoding="utf-8")
    assert text.count(OLD) == 1
    chapter.write_text(text.replace(OLD, NEW), encoding="utf-8")
    pipeline.build(settings_for(tmp_path / "site", tmp_path / "work", data=data))
    assert sorted(calls) == [(DOC, "en"), ("library", "en")]
    page = tmp_path / "site" / "en" / DOC / "clauses" / "14" / "index.html"
    assert "as revised" in page.read_text(encoding="utf-8")


def test_lines_an_english_edit_moves_render_the_chinese_again(
        counted: tuple[Path, list[Any]], tmp_path: Path) -> None:
    """A Chinese page links to the line of the data file it comes from: an edit that moves
    the lines (here a comment), in any language, renders the Chinese pages again."""
    data, calls = counted
    settings = dataclasses.replace(
        settings_for(tmp_path / "site2", tmp_path / "work", data=data),
        edit_base="https://example.org/edit/main")
    pipeline.build(settings)
    page = tmp_path / "site2" / "zh" / DOC / "clauses" / "14" / "index.html"
    line = page.read_text(encoding="utf-8").split("03-services.yaml#L", 1)[1].split('"')[0]
    lines = (data / CHAPTER).read_text(encoding="utf-8").splitlines()
    assert lines[int(line) - 1] == "  - number: 14"  # the clause's own line (not line 1)
    calls.clear()
    chapter = data / CHAPTER
    chapter.write_text("# a note for editors\n" + chapter.read_text(encoding="utf-8"),
                       encoding="utf-8")
    pipeline.build(settings)
    assert (DOC, "zh") in calls and (DOC, "en") in calls
    moved = page.read_text(encoding="utf-8").split("03-services.yaml#L", 1)[1].split('"')[0]
    assert int(moved) == int(line) + 1
