"""The PDF output: the print handbook of each language (`render.handbook`, our own template)
typeset by WeasyPrint into pdf/handbook-<lang>.pdf.

A Simplified Chinese font is required and named explicitly (a generic or JP family picks
Japanese glyph shapes). Without it the build stops with the command that installs it, and
never writes a PDF with missing glyphs.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import threading
from collections.abc import Generator
from contextlib import ExitStack
from pathlib import Path

import jinja2

from generator import render
from generator.cache import Cache
from generator.data.library import Library
from generator.data.model import Edition
from generator.fingerprint import digest
from generator.outputs.job import Job
from generator.problems import DataError, Problem
from generator.render.context import DocContext
from generator.render.jinja import template_problem
from generator.settings import LANGS, Settings
from generator.typesetter import Failed, Task, Typesetters

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


def typesetters(tasks: int, niceness: int = 0) -> Typesetters:
    """Processes to typeset `tasks` handbooks: one per core, at most one per handbook."""
    return Typesetters(max(1, min(tasks, os.cpu_count() or 1)), niceness)


def typeset(jobs: list[Task], niceness: int = 0, stop: threading.Event | None = None
            ) -> list[Path]:
    """Typeset (html, base, target, identifier) jobs in processes of their own, at
    `niceness`, until `stop` is set (typesetter.py: raises Stopped)."""
    if not jobs:
        return []
    with typesetters(len(jobs), niceness) as processes:
        processes.begin(jobs)
        return finished(processes, stop)


def finished(processes: Typesetters, stop: threading.Event | None = None) -> list[Path]:
    try:
        return processes.finish(stop)
    except Failed as exc:
        raise DataError([Problem("generator/render/templates/handbook.html.jinja", 1, 1,
                                 f"a PDF handbook could not be typeset: {exc}")]) from exc


def write_pdfs(ed: Edition, ctx: DocContext, out: Path, source_date: int) -> list[Path]:
    """Both handbooks of one document into `out`, as <id>-<lang>.pdf."""
    font = find_font()
    out.mkdir(parents=True, exist_ok=True)
    return typeset([(render.handbook(ed, ctx, lang, font=font,
                                     data_date=data_date(source_date)),
                     str(out), str(out / f"{ed.id}-{lang}.pdf"), f"{ed.id}-{lang}")
                    for lang in LANGS])


def entries(library: Library, contexts: dict[str, DocContext], version: str, cache: Cache,
            font: str, date: str) -> list[tuple[Edition, Path]]:
    """Each document with the cache entry of its handbooks: typeset again only when the
    document, what it says of other editions, the generator, the font or the data date
    changed."""
    return [(ed, cache.root / "pdf" / digest(version, library.sources[ed.id],
                                             contexts[ed.id].digest_data(), date, font))
            for ed in library.documents]


def begin(library: Library, contexts: dict[str, DocContext], settings: Settings,
          version: str, cache: Cache, niceness: int = 0) -> Typesetters | None:
    """The handbooks the cache does not have, handed to typesetting processes started now
    (None when it has them all). `make site` calls it as soon as the documents' contexts are
    known, so the handbooks are typeset while the pages are rendered and written."""
    font, date = find_font(), data_date(settings.source_date)
    tasks = []
    for ed, entry in entries(library, contexts, version, cache, font, date):
        if not (entry / ".complete").is_file():
            entry.mkdir(parents=True, exist_ok=True)
            tasks += [(render.handbook(ed, contexts[ed.id], lang, font=font, data_date=date),
                       str(entry), str(entry / f"{lang}.pdf"), f"{ed.id}-{lang}")
                      for lang in LANGS]
    if not tasks:
        return None
    processes = typesetters(len(tasks), niceness)
    processes.begin(tasks)
    return processes


def write(job: Job, stage: Path, niceness: int = 0, stop: threading.Event | None = None
          ) -> Generator[None, None, None]:
    """Every document's handbooks into pdf/ (at `niceness`, until `stop` is set: see
    `typeset`): those the build began (`job.typesetters`, see `begin`), or begun here. A
    generator: the handbooks are typeset while the other outputs are written (`yield`), and
    closing it ends the typesetting."""
    with ExitStack() as stack:
        processes = job.typesetters
        if processes is None:
            try:
                processes = begin(job.library, job.contexts, job.settings, job.version,
                                  job.cache, niceness)
            except jinja2.TemplateError as exc:
                raise DataError([template_problem(exc)]) from exc
            if processes is not None:
                stack.enter_context(processes)
        yield
        if processes is not None:
            finished(processes, stop)
    every = entries(job.library, job.contexts, job.version, job.cache, find_font(),
                    data_date(job.settings.source_date))
    (stage / "pdf").mkdir(parents=True, exist_ok=True)
    for doc_id, entry in ((ed.id, entry) for ed, entry in every):
        (entry / ".complete").write_text("", encoding="utf-8")
        for lang in LANGS:
            target = stage / "pdf" / f"{doc_id}-{lang}.pdf"
            target.unlink(missing_ok=True)  # `make serve` links them into the live site
            os.link(entry / f"{lang}.pdf", target)
