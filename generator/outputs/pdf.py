"""The PDF output: the print handbook of each language (`render.handbook`, our own template)
typeset by WeasyPrint into pdf/handbook-<lang>.pdf.

A Simplified Chinese font is required and named explicitly (a generic or JP family picks
Japanese glyph shapes). Without it the build stops with the command that installs it, and
never writes a PDF with missing glyphs.
"""

from __future__ import annotations

import datetime
import multiprocessing
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

import jinja2

from generator import render
from generator.data.model import Edition
from generator.fingerprint import digest
from generator.outputs.job import Job
from generator.problems import DataError, Problem
from generator.render.context import DocContext
from generator.render.jinja import template_problem
from generator.settings import LANGS

ZH_FONTS = ("Noto Serif CJK SC", "Noto Sans CJK SC")
EN_FONT = "Noto Serif CJK SC"  # its Latin glyphs are complete; one embedded family per PDF
INSTALL = "sudo apt-get install fonts-noto-cjk   (or: make system-packages)"


def find_font() -> str:
    """The first installed SC family, asked of fontconfig."""
    if shutil.which("fc-list") is None:
        raise DataError([Problem("fontconfig", 1, 1, "fc-list not found, so the Chinese font "
                                 f"cannot be checked; install fontconfig and: {INSTALL}")])
    out = subprocess.run(["fc-list", ":lang=zh-cn", "family"], capture_output=True, text=True,
                         check=False).stdout
    families = {name.strip() for line in out.splitlines() for name in line.split(",")}
    for family in ZH_FONTS:
        if family in families:
            return family
    raise DataError([Problem("fonts", 1, 1, "no Simplified Chinese font (Noto Serif CJK SC or "
                             f"Noto Sans CJK SC) is installed; install it with: {INSTALL}")])


def data_date(source_date: int) -> str:
    return datetime.datetime.fromtimestamp(source_date, tz=datetime.UTC).date().isoformat()


def _finish_tags(document: Any, pdf: Any) -> None:
    """What WeasyPrint 70's PDF/UA tags leave out, filled in before the file is written.

    - A link annotation's /Contents (its description for a screen reader) is the link's
      `title`, else its text, where WeasyPrint puts the bare target ("clause-3").
    - A header cell's /Scope (Column, or Row for `<th scope="row">`), which WeasyPrint
      does not write although it reads `scope` to fill the data cells' /Headers.
    """
    import pydyf  # type: ignore[import-untyped]

    def boxes(box: Any) -> Iterator[Any]:
        yield box
        for child in getattr(box, "children", ()):
            yield from boxes(child)

    for page in document.pages:
        for _, _, _, box in page.links:
            a = box.element
            text = a.get("title") or " ".join("".join(a.itertext()).split())
            if box.link_annotation is not None and text:
                box.link_annotation["Contents"] = pydyf.String(text)
        for box in boxes(page._page_box):
            tag = getattr(box, "mark", None)  # the cell's /TH or /TD element, set by WeasyPrint
            if tag is not None and box.element_tag == "th":
                tag["A"]["Scope"] = "/Row" if box.element.get("scope") == "row" else "/Column"


def _typeset(job: tuple[str, str, str, str]) -> str:
    """Worker: one language's HTML to PDF (one process per language: WeasyPrint is CPU-bound).

    Tagged PDF/UA-1: structure tree, /Lang from `<html lang>`, title from `<title>` shown
    in the window title, XMP claiming PDF/UA (public bodies must publish accessible PDFs).
    """
    from weasyprint import HTML  # imported late: slow to import and only needed here

    html, base, target, identifier = job
    tmp = Path(target).with_suffix(".pdf.tmp")
    HTML(string=html, base_url=base).write_pdf(tmp, pdf_identifier=identifier.encode(),
                                               pdf_variant="pdf/ua-1", finisher=_finish_tags)
    tmp.replace(target)
    return target


class Stopped(Exception):
    """The typesetting was stopped before it ended: what it typesets changed (`make serve`)."""


def typeset(jobs: list[tuple[str, str, str, str]], niceness: int = 0,
            stop: threading.Event | None = None) -> list[Path]:
    """(html, base, target, identifier) jobs, one spawned process per core, each `niceness`
    steps below normal priority (`make serve` typesets in the background: the next build
    of the pages must not wait for the CPU it takes). Raises Stopped, its processes ended,
    as soon as `stop` is set (`make serve` sets it when a source changes: the handbooks it
    was typesetting are out of date, and the build that follows gets the whole CPU, which a
    low priority does not give it on a machine of two cores)."""
    if not jobs:
        return []
    with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1),
                             mp_context=multiprocessing.get_context("spawn"),
                             initializer=os.nice, initargs=(niceness,)) as pool:
        futures = [pool.submit(_typeset, job) for job in jobs]
        while wait(futures, timeout=STOP_POLL).not_done:
            if stop is not None and stop.is_set():
                # the executor ends its processes only once their jobs are done: ended here
                for process in list(getattr(pool, "_processes", {}).values()):
                    process.terminate()
                pool.shutdown(wait=True, cancel_futures=True)
                raise Stopped
        return [Path(f.result()) for f in futures]


STOP_POLL = 0.1  # seconds between two looks at `stop`


def write_pdfs(ed: Edition, ctx: DocContext, out: Path, source_date: int) -> list[Path]:
    """Both handbooks of one document into `out`, as <id>-<lang>.pdf."""
    font = find_font()
    out.mkdir(parents=True, exist_ok=True)
    return typeset([(render.handbook(ed, ctx, lang, font=font,
                                     data_date=data_date(source_date)),
                     str(out), str(out / f"{ed.id}-{lang}.pdf"), f"{ed.id}-{lang}")
                    for lang in LANGS])


def write(job: Job, stage: Path, niceness: int = 0, stop: threading.Event | None = None
          ) -> None:
    """Every document's handbooks into pdf/, typeset again only when the document, what it
    says of other editions, the generator or the data date changed (at `niceness`, until
    `stop` is set: see `typeset`)."""
    try:
        font = find_font()
        date = data_date(job.settings.source_date)
        todo, entries = [], []
        for ed in job.library.documents:
            ctx = job.contexts[ed.id]
            key = digest(job.version, job.library.sources[ed.id], ctx.digest_data(), date, font)
            entry = job.cache.root / "pdf" / key
            entries.append((ed.id, entry))
            if not (entry / ".complete").is_file():
                entry.mkdir(parents=True, exist_ok=True)
                todo += [(render.handbook(ed, ctx, lang, font=font, data_date=date), str(entry),
                          str(entry / f"{lang}.pdf"), f"{ed.id}-{lang}") for lang in LANGS]
        typeset(todo, niceness, stop)
    except jinja2.TemplateError as exc:
        raise DataError([template_problem(exc)]) from exc
    (stage / "pdf").mkdir(parents=True, exist_ok=True)
    for doc_id, entry in entries:
        (entry / ".complete").write_text("", encoding="utf-8")
        for lang in LANGS:
            target = stage / "pdf" / f"{doc_id}-{lang}.pdf"
            target.unlink(missing_ok=True)  # `make serve` links them into the live site
            os.link(entry / f"{lang}.pdf", target)
