"""The root output: /index.html sends readers to the Chinese site (without JavaScript), and
/.nojekyll keeps GitHub Pages from hiding folders."""

from __future__ import annotations

from pathlib import Path

from generator import render
from generator.outputs.job import Job


def write(job: Job, stage: Path) -> None:
    (stage / "index.html").write_text(render.root(job.library), encoding="utf-8")
    (stage / ".nojekyll").write_text("", encoding="utf-8")
