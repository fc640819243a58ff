"""The feeds output: each language's Atom feed of the change log, at /<lang>/feed.xml."""

from __future__ import annotations

from pathlib import Path

from generator.outputs.job import Job


def write(job: Job, stage: Path) -> None:
    for lang, rendered in job.rendered.items():
        (stage / lang).mkdir(parents=True, exist_ok=True)
        (stage / lang / "feed.xml").write_text(rendered.feed, encoding="utf-8")
