"""Cool URIs don't change: every address the site published before it held several documents
keeps working and lands on the same content of the document it showed then
(`root_document` in library.yaml).

Its pages were at /<lang>/<path>/; they are now at /<lang>/<id>/<path>/. Each old page
address gets a small page that sends readers on, keeping the query string (calculator inputs)
and the fragment. /<lang>/ (now the library's home), /<lang>/units/ (now every issuer's
units) and /<lang>/data/ (now the page for developers, which lists every document's files)
show the library's own page, which includes that document. Files cannot redirect on a
static host, so the PDFs, the open data and the feeds are also kept at their old names,
as links to the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path

from generator import render, staging
from generator.fingerprint import digest
from generator.outputs.job import Job
from generator.render.pages import pages
from generator.render.view import View
from generator.settings import LANGS

KEPT_BY_THE_LIBRARY = {"", "units/", "data/"}  # addresses the library's own pages answer now
OLD_FILES = {  # old name -> name in the document's folder
    "data/policy.json": "data/{id}/policy.json", "data/clauses.csv": "data/{id}/clauses.csv",
    "data/incentives.csv": "data/{id}/incentives.csv", "data/targets.csv": "data/{id}/targets.csv",
    "data/budget.csv": "data/{id}/budget.csv", "pdf/handbook-zh.pdf": "pdf/{id}-zh.pdf",
    "pdf/handbook-en.pdf": "pdf/{id}-en.pdf", "zh/feed.xml": "zh/{id}/feed.xml",
    "en/feed.xml": "en/{id}/feed.xml",
}


def old_pages(job: Job, lang: str) -> list[tuple[str, str]]:
    """(old URL path under /<lang>/, title) of every page the root document had."""
    root = job.library.root
    if root is None:
        return []
    view = View(root, job.contexts[root.id], lang, None)
    return [(p.url, p.title) for p in pages(view)
            if p.type.name != "compare" and p.url not in KEPT_BY_THE_LIBRARY]


def write(job: Job, stage: Path) -> Generator[None, None, None]:
    """The old pages, then (`yield`: after the outputs that finish later, the PDFs) the old
    names of the files."""
    root = job.library.root
    if root is None:
        return
    base = job.settings.site_url.rstrip("/") if job.settings.site_url else None
    pages: dict[str, str] = {}
    for lang in LANGS:
        for url, title in old_pages(job, lang):
            depth = url.count("/")
            target = "../" * depth + f"{root.id}/{url}"
            canonical = f"{base}/{lang}/{root.id}/{url}" if base else None
            pages[f"{lang}/{url}index.html"] = render.redirect(target, title, lang, canonical)
    # each folder of old pages that no other output writes into is taken, where it is
    # unchanged, from the site before last (staging.reuse): hundreds of small folders
    folders: dict[str, dict[str, str]] = {}
    for rel, html in pages.items():
        folders.setdefault(own_folder(stage, rel), {})[rel] = html
    moved = staging.reuse(stage, job.settings.work, {
        folder: digest("old pages", sorted(files.items())) for folder, files in folders.items()})
    for folder, files in folders.items():
        if folder not in moved:
            for rel, html in files.items():
                path = stage / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(html, encoding="utf-8")
    yield
    for old, new in OLD_FILES.items():
        source = stage / new.format(id=root.id)
        if source.is_file():  # the PDFs exist only in builds with --pdf
            os.link(source, stage / old)


def own_folder(stage: Path, rel: str) -> str:
    """The outermost folder of the file `rel` that is not in the stage yet (the library's
    pages, written before, have /<lang>/units/ itself; an old unit page's folder is its
    own)."""
    parts = rel.split("/")
    for n in range(1, len(parts)):
        folder = "/".join(parts[:n])
        if not (stage / folder).exists():
            return folder + "/"
    raise ValueError(f"an old page would replace a page of the site: {rel}")
