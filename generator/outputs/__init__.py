"""Stage 5, outputs. Each module writes one kind of output into the staging folder, with the
same signature `write(job, stage)`:

    site      /zh/ and /en/: MkDocs per language (pages, navigation, search)
    feeds     /<lang>/feed.xml: the change log as Atom
    opendata  /data/: policy.json and the CSV tables
    root      /index.html: the way into the site
    pdf       /pdf/handbook-<lang>.pdf (only with --pdf)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.outputs import feeds, opendata, pdf, root, site
from generator.outputs.job import Job
from generator.settings import Settings

Output = Callable[[Job, Path], None]
OUTPUTS: tuple[Output, ...] = (site.write, feeds.write, opendata.write, root.write)


def chosen(settings: Settings) -> tuple[Output, ...]:
    return OUTPUTS + ((pdf.write,) if settings.pdf else ())
