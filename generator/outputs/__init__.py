"""Stage 5, outputs. Each module writes one kind of output into the staging folder, with the
same signature `write(job, stage)`; a write that is a generator yields once the others may
run, and is finished after them, in this order (site: its search indexes; pdf: the handbooks
being typeset; legacy: the PDFs' old names):

    site      /<lang>/ and /<lang>/<id>/: each part's pages, assets, feed, sitemap, search
    opendata  /data/<id>/: policy.json and the CSV tables; /data/library.json
    akn       /data/<id>/akn/<id>-zho.xml and -eng.xml: Akoma Ntoso 3.0
    eli       /eli/…: the permanent identifiers, each landing on its page or file
    api       /data/openapi.json: the OpenAPI 3.1 document of every published JSON file
    pdf       /pdf/<id>-<lang>.pdf (only with --pdf)
    legacy    the addresses the one-document site published, kept working
    admin     /admin/: the web editor (Decap CMS, its configuration from the schema)
    root      /index.html, /sitemap.xml
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from pathlib import Path

from generator.outputs import admin, akn, api, eli, legacy, opendata, pdf, root, site
from generator.outputs.job import Job
from generator.settings import Settings

Output = Callable[[Job, Path], Generator[None, None, None] | None]


def chosen(settings: Settings) -> tuple[Output, ...]:
    return (site.write, opendata.write, akn.write, eli.write, api.write,
            *((pdf.write,) if settings.pdf else ()), legacy.write, admin.write,
            root.write)
