"""The build, in one place: load -> validate -> model -> render -> outputs -> swap.

    load      data/load.py       each document folder -> raw YAML with file:line positions
    validate  data/validate.py   each file against the schema, then the registry of checks
    model     data/model.py,     the cross-referenced edition of each document, and the
              data/library.py    library of them all (series, editions, status)
              (data/read.py runs load, validate and model for a folder, with the cache)
    render    render/            pure: a document (or the library) + language -> pages,
                                 for the parts of the site outputs/job.py:plan finds changed
    outputs   outputs/           site (the pages of each part, its assets and search index),
                                 open data, PDFs, old URLs, root
    swap      staging.py         the new site replaces the old one only when complete

Each document and each part of the site is cached by its inputs (cache.py): a build renders
and builds again only what a change reaches. Work that runs in processes of its own starts
early: Pagefind's as the build begins, the PDFs' (with --pdf) once the plan is known.
Problems are collected, not raised one by one: a build that cannot finish raises DataError
with every problem as `path:line:col: message`, and the previous site stays in place.
"""

from __future__ import annotations

import dataclasses
import threading
from contextlib import ExitStack, closing
from pathlib import Path
from typing import Any

from generator import outputs, render, staging
from generator.cache import Cache
from generator.data.library import Library
from generator.data.read import read_edition, read_library, valid_edition, valid_library
from generator.fingerprint import Inputs, build_inputs, generator_version
from generator.outputs import pdf
from generator.outputs.job import Job, Part, mapper_later, plan, settle, workers
from generator.outputs.site import search_texts
from generator.render import shell
from generator.render.jinja import template_errors
from generator.settings import LANGS, Settings

__all__ = ["build", "read_edition", "read_library", "valid_edition", "valid_library"]


def render_parts(library: Library, parts: list[Part], contexts: dict[str, render.DocContext],
                 settings: Settings, cache: Cache, workers: Any) -> dict[str, render.Rendered]:
    """Render the parts the cache does not have: the documents', a document (both languages)
    per task, across the workers when there are several, while this process renders the
    library's own pages (they read every document: sending the library to a worker would
    cost more than rendering them)."""
    todo: dict[str, list[Part]] = {}
    for part in parts:
        if part.document is not None and not cache.has(part.key):
            todo.setdefault(part.document, []).append(part)
    guides = {lang: settings.guide(lang).read_text(encoding="utf-8") for lang in LANGS}
    options = site_options(settings)
    tasks = [(library.by_id[d], contexts[d], [p.lang for p in ps], options, guides)
             for d, ps in todo.items()]
    results = mapper_later(workers, len(tasks))(render_document, tasks)
    out = {part.key: render.library(library, part.lang, site=options) for part in parts
           if part.document is None and not cache.has(part.key)}
    return out | {part.key: r for ps, rs in zip(todo.values(), results(), strict=True)
                  for part, r in zip(ps, rs, strict=True)}


def render_document(task: tuple[Any, ...]) -> list[render.Rendered]:
    """One document in the languages asked, with what search reads of its pages (pure; runs
    in a worker process, so that reading the pages for search is not left to the process
    that writes them)."""
    edition, ctx, langs, options, guides = task
    out = []
    for lang in langs:
        r = render.document(edition, ctx, lang, site=options, guide=guides[lang])
        out.append(dataclasses.replace(r, searchable=search_texts(r)))
    return out


def site_options(settings: Settings) -> render.Site:
    """What the pages need of the settings, with the theme `mkdocs.yml` configures."""
    return render.Site(theme=shell.theme(settings.mkdocs_yml.read_text(encoding="utf-8")),
                       site_url=settings.site_url, edit_base=settings.edit_base,
                       dev=settings.dev)


BACKGROUND = 19  # the niceness of `make serve`'s PDF typesetting: the lowest priority


def typeset(settings: Settings, folder: Path, stop: threading.Event | None = None) -> None:
    """Only the PDF handbooks, into `folder`/pdf/ (typeset again only where a document
    changed): what `make serve` runs after each build, in the background and at the lowest
    priority, so the preview's PDF links work without slowing the reload of its pages (a
    save soon after the last made the build share the CPU with WeasyPrint); stopped when
    `stop` is set (`make serve`: a source changed)."""
    version = generator_version(settings.root)
    cache = Cache(settings.work / "cache", version)
    library = valid_library(settings, cache)
    memo = cache.memo()
    contexts = {d.id: render.context(library, d, memo) for d in library.documents}
    for _ in pdf.write(Job(library, [], {}, contexts, settings, cache, version), folder,
                       niceness=BACKGROUND, stop=stop):
        pass  # the other outputs would be written here (`build`): there are none


def build(settings: Settings, warm: Any = None, given: Inputs | None = None) -> Path:
    """Build the whole site into settings.out. Raises DataError with file:line problems.
    `warm`: worker processes kept between builds (`make serve`); otherwise started here.
    A site built from the same inputs is left as it is (`given`: the inputs, when the caller
    took them already)."""
    given = given or build_inputs(settings)
    version = given.version
    if staging.unchanged(settings.out, settings.work, given.digest):
        return settings.out
    # a model made by other code (another schema, other checks) is not reused
    cache = Cache(settings.work / "cache", version)
    with workers(len(LANGS), warm) as pool, ExitStack() as typesetting:
        if pool is not None:  # Pagefind loads its dictionaries on a core this one leaves idle
            pool.searchers().start()
        library = valid_library(settings, cache, pool)  # load, validate, model
        with template_errors():
            parts, contexts = plan(library, settings, version, cache)
            # the handbooks the cache lacks, typeset from now on, while the pages render
            typesetters = pdf.begin(library, contexts, settings, version, cache) \
                if settings.pdf else None
            if typesetters is not None:
                typesetting.enter_context(typesetters)
            rendered = render_parts(library, parts, contexts, settings, cache, pool)  # render
            parts, rendered = settle(parts, rendered, settings, version, cache)
        with staging.staged(settings.out, settings.work) as stage, ExitStack() as later:
            job = Job(library, parts, rendered, contexts, settings, cache, version, pool,
                      typesetters)
            rest = []  # outputs that finish after the others (search, PDFs: outputs/)
            for write in outputs.chosen(settings):  # outputs
                if (unfinished := write(job, stage)) is not None:
                    rest.append(later.enter_context(closing(unfinished)))
                    next(unfinished, None)
            for unfinished in rest:
                next(unfinished, None)
        # swapped in when the block completes
    staging.record(settings.out, settings.work, given.digest)
    return settings.out
