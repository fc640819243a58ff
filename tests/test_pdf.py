"""The PDF handbooks: real text extraction (poppler), fonts, outline, typography."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.data.library import Library
from generator.data.model import Edition
from generator.data.numbers import en_numbers
from generator.data.reconstruct import normalize_ws
from generator.outputs.pdf import find_font, write_pdfs
from generator.problems import DataError
from tests.source_text import parse_source

SOURCE = parse_source()


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def body_text(path: Path) -> str:
    """Text inside the page margins: running header and page numbers left out (A4, points)."""
    return pdftotext(path, "-x", "0", "-y", "58", "-W", "595", "-H", "726")


def no_hyphens(text: str) -> str:
    """pdftotext joins a word hyphenated at a line end without its hyphen."""
    return normalize_ws(text).replace("-", "").replace("\u2010", "")


@pytest.fixture(scope="module")
def zh_pdf(built_pdfs: Path) -> Path:
    return built_pdfs / "jiande-2025-zh.pdf"


@pytest.fixture(scope="module")
def en_pdf(built_pdfs: Path) -> Path:
    return built_pdfs / "jiande-2025-en.pdf"


@pytest.fixture(scope="module")
def zh_text(zh_pdf: Path) -> str:
    return normalize_ws(body_text(zh_pdf))


@pytest.fixture(scope="module")
def en_text(en_pdf: Path) -> str:
    return no_hyphens(body_text(en_pdf))


@pytest.mark.parametrize("number", sorted(SOURCE.clauses))
def test_zh_pdf_has_every_clause_as_published(zh_text: str, number: int) -> None:
    assert normalize_ws(f"{number}.{SOURCE.clauses[number]}") in zh_text


@pytest.mark.parametrize("number", sorted(SOURCE.clauses))
def test_en_pdf_has_every_clause_with_its_numbers(en_text: str, edition: Edition,
                                                  number: int) -> None:
    clause = edition.clause(number)
    english = no_hyphens(clause.full_en)
    assert english in en_text
    for tok in en_numbers(clause.full_en):
        assert no_hyphens(tok.text) in en_text


def test_zh_pdf_has_every_budget_figure(zh_text: str, edition: Edition) -> None:
    from generator.render.filters import money

    for _, item in edition.budget_items.values():
        assert item.quote in zh_text, item.id
        assert money(item.amount, "zh") in zh_text, item.id
    rec = edition.reconciliation
    assert rec is not None
    assert money(rec.city_net, "zh") in zh_text
    assert money(rec.difference, "zh") in zh_text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_fonts_are_embedded_simplified_chinese(built_pdfs: Path, lang: str) -> None:
    out = subprocess.run(["pdffonts", str(built_pdfs / f"jiande-2025-{lang}.pdf")],
                         check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows, "no fonts listed"
    for row in rows:
        name = row[0]
        emb = row[-5]
        assert emb == "yes", f"{name} is not embedded"
        assert "CJK-SC" in name or "CJKsc" in name, f"{name}: not the SC family (fallback?)"
        assert "JP" not in name


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_outline_has_every_chapter_and_clause(built_pdfs: Path, edition: Edition,
                                              lang: str) -> None:
    reader = PdfReader(built_pdfs / f"jiande-2025-{lang}.pdf")

    def titles(items: list) -> list[str]:  # type: ignore[type-arg]
        out: list[str] = []
        for item in items:
            if isinstance(item, list):
                out += titles(item)
            else:
                out.append(item.title)
        return out

    all_titles = titles(reader.outline)
    for ch in edition.chapters:
        assert any(t.startswith((f"第{ch.number}章", f"Chapter {ch.number} "))
                   for t in all_titles), ch.number
    for c in edition.clauses:
        assert any(t.startswith((f"第{c.number}条", f"Clause {c.number} "))
                   for t in all_titles), c.number
    print(f"{lang}: {len(reader.pages)} pages")


def test_no_zh_line_starts_with_closing_punctuation(zh_pdf: Path) -> None:
    bad = [line for line in pdftotext(zh_pdf, "-layout").splitlines()
           if line.strip() and line.strip()[0] in "，。、；：）」』》,.;:)!?！？"]
    assert bad == []


def test_toc_has_page_numbers(zh_pdf: Path) -> None:
    toc = pdftotext(zh_pdf, "-f", "2", "-l", "2")
    assert re.search(r"第1条.*\.{3,}\s*\d+", toc), toc[:400]


def test_missing_font_stops_with_the_install_command(tmp_path: Path) -> None:
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?><fontconfig><cachedir>'
                     f"{tmp_path}</cachedir></fontconfig>", encoding="utf-8")
    old = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(empty)
    try:
        with pytest.raises(DataError) as info:
            find_font()
    finally:
        if old is None:
            del os.environ["FONTCONFIG_FILE"]
        else:
            os.environ["FONTCONFIG_FILE"] = old
    message = str(info.value)
    assert "apt-get install fonts-noto-cjk" in message


def test_make_pdf_without_font_writes_no_pdf(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?><fontconfig></fontconfig>', encoding="utf-8")
    out = tmp_path / "pdf"
    env = {**os.environ, "FONTCONFIG_FILE": str(empty)}
    run = subprocess.run([str(ROOT / ".venv/bin/python"), "-m", "generator", "pdf", "--out",
                          str(out)], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=False)
    assert run.returncode == 1
    assert "fonts-noto-cjk" in run.stderr
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdf_links_resolve(built_pdfs: Path, lang: str) -> None:
    """Every internal link lands on a page; external links are plain http(s) addresses."""
    reader = PdfReader(built_pdfs / f"jiande-2025-{lang}.pdf")
    pages = {p.indirect_reference.idnum for p in reader.pages}  # type: ignore[union-attr]
    named = reader.named_destinations
    internal = external = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Link":
                continue
            action = a.get("/A")
            dest = a.get("/Dest") or (action.get("/D") if action else None)
            uri = action.get("/URI") if action else None
            if uri is not None:
                external += 1
                assert str(uri).startswith(("http://", "https://")), uri
                continue
            internal += 1
            if isinstance(dest, str):
                assert dest in named, dest
            else:
                target = dest[0] if dest is not None else None
                assert target is not None and target.idnum in pages
    assert internal > 50  # the TOC and unit index link to every clause


def test_two_typesettings_are_byte_identical(built_pdfs: Path, library: Library,
                                             tmp_path: Path) -> None:
    from generator.render import context
    from tests.conftest import DOC, SOURCE_DATE

    edition = library.by_id[DOC]
    again = write_pdfs(edition, context(library, edition), tmp_path, SOURCE_DATE)
    differ = [p.name for p in again if p.read_bytes() != (built_pdfs / p.name).read_bytes()]
    assert differ == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_site_links_the_pdf_it_publishes(built_site: Path, built_pdfs: Path,
                                             lang: str) -> None:
    """The site's PDF links point at /pdf/<name>, and <name> is a file the PDF output writes."""
    from tests.html_text import soup

    html = soup(built_site / lang / "jiande-2025" / "index.html")
    targets = {str(a["href"]) for a in html.select('a[href$=".pdf"]')}
    assert targets
    for href in targets:
        assert "/pdf/" in "/" + href.lstrip("./"), href
        assert (built_pdfs / href.rsplit("/", 1)[-1]).is_file(), href


@pytest.mark.pdf
def test_a_full_build_publishes_the_pdfs_also_at_their_old_names(tmp_path: Path) -> None:
    """`make site`: /pdf/<id>-<lang>.pdf, and /pdf/handbook-<lang>.pdf (the one-document
    site's address) with the same bytes."""
    from generator.pipeline import build
    from tests.conftest import DOC, settings_for

    site = build(settings_for(tmp_path / "site", tmp_path / "work", pdf=True))
    for lang in ("zh", "en"):
        new, old = site / "pdf" / f"{DOC}-{lang}.pdf", site / "pdf" / f"handbook-{lang}.pdf"
        assert new.read_bytes()[:5] == b"%PDF-" and old.read_bytes() == new.read_bytes()


@pytest.mark.pdf
def test_make_site_starts_typesetting_before_the_pages_are_rendered(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make site` starts the PDFs' processes as soon as it knows a handbook must be typeset,
    so they import WeasyPrint while the pages are rendered; an output that fails after them
    ends them, and the site in place stays as it was. A build that finds the handbooks in
    the cache starts none."""
    import multiprocessing

    from generator import outputs, pipeline
    from generator.outputs import admin
    from generator.outputs import pdf as pdf_output
    from tests.conftest import settings_for

    seen: list[int] = []
    real_render, real_typesetters = pipeline.render_parts, pdf_output.typesetters

    def render(*args: object, **kwargs: object) -> object:
        seen.append(len(multiprocessing.active_children()))
        return real_render(*args, **kwargs)  # type: ignore[arg-type]

    started: list[int] = []

    def typesetters(tasks: int, niceness: int = 0) -> object:
        started.append(tasks)
        return real_typesetters(tasks, niceness)

    monkeypatch.setattr(pipeline, "render_parts", render)
    monkeypatch.setattr(pdf_output, "typesetters", typesetters)

    def broken(job: object, stage: Path) -> None:
        raise DataError([])

    monkeypatch.setattr(admin, "write", broken)
    monkeypatch.setattr(outputs, "admin", admin)
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the site in place", encoding="utf-8")
    settings = settings_for(out, tmp_path / "work", pdf=True)
    with pytest.raises(DataError):
        pipeline.build(settings)
    assert started == [2]  # both languages of the one document
    assert seen and seen[0] >= 2  # the typesetting processes were there as rendering began
    assert multiprocessing.active_children() == []
    assert [p.name for p in out.iterdir()] == ["index.html"]

    monkeypatch.undo()
    monkeypatch.setattr(pdf_output, "typesetters", typesetters)
    started.clear()
    site = pipeline.build(settings)
    assert started == [2] and (site / "pdf" / "jiande-2025-zh.pdf").read_bytes()[:5] == b"%PDF-"
    started.clear()
    pipeline.build(settings_for(tmp_path / "site2", tmp_path / "work", pdf=True))
    assert started == []  # both handbooks were in the cache


def test_a_handbook_that_cannot_be_typeset_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    """WeasyPrint failing on a handbook, or its process dying, ends the typesetting with a
    problem that names the handbook, and leaves no process behind."""
    import multiprocessing
    import signal

    from generator.outputs.pdf import typeset
    from generator.typesetter import Failed, Typesetters

    html = "<html lang='zh'><title>x</title><body><p>建德市</p></body></html>"
    with pytest.raises(DataError) as raised:
        typeset([(html, str(tmp_path), str(tmp_path / "missing" / "x.pdf"), "doc-zh")])
    [problem] = raised.value.problems
    assert "doc-zh" in problem.message and "could not be typeset" in problem.message
    assert multiprocessing.active_children() == []

    page = "<p>" + "建德市 " * 400 + "</p>"
    with Typesetters(1) as processes:
        processes.begin([(f"<html><body>{page * 400}</body></html>", str(tmp_path),
                          str(tmp_path / "y.pdf"), "doc-en")])
        [(process, _)] = processes.processes
        os.kill(process.pid, signal.SIGKILL)
        with pytest.raises(Failed, match="doc-en: its process stopped"):
            processes.finish()
    assert multiprocessing.active_children() == []
    assert not (tmp_path / "y.pdf").exists()
