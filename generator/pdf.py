"""The offline PDF handbook: our print template (Jinja2 -> HTML) typeset by WeasyPrint.

A Simplified Chinese font is required and named explicitly (a generic or JP family picks
Japanese glyph shapes). Without it the build stops with the command that installs it, and
never writes a PDF with missing glyphs.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path

from generator.i18n import HTML_LANG, LANGS
from generator.model import Edition
from generator.problems import DataError, Problem
from generator.render import environment

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


def data_date() -> str:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    return datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC).date().isoformat()


def render_html(ed: Edition, lang: str, font: str) -> str:
    return environment().get_template("handbook.html.jinja").render(
        lang=lang, html_lang=HTML_LANG, ed=ed, doc=ed.document, year=ed.document.edition,
        rec=ed.reconciliation, font=font, zh_font=font, data_date=data_date())


def _typeset(job: tuple[str, str, str, str]) -> str:
    """Worker: one language's HTML to PDF (one process per language: WeasyPrint is CPU-bound)."""
    from weasyprint import HTML  # imported late: slow to import and only needed here

    html, base, target, identifier = job
    tmp = Path(target).with_suffix(".pdf.tmp")
    HTML(string=html, base_url=base).write_pdf(tmp, pdf_identifier=identifier.encode())
    tmp.replace(target)
    return target


def write_pdfs(ed: Edition, out: Path) -> list[Path]:
    from concurrent.futures import ProcessPoolExecutor

    font = find_font()
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(render_html(ed, lang, font), str(out), str(out / f"handbook-{lang}.pdf"),
             f"{ed.id}-{lang}") for lang in LANGS]
    with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1)) as pool:
        return [Path(p) for p in pool.map(_typeset, jobs)]
