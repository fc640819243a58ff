"""The build, in one place: load -> validate -> model -> render -> outputs -> swap.

    load      data/load.py       each document folder -> raw YAML with file:line positions
    validate  data/validate.py   each file against the schema, then the registry of checks
    model     data/model.py,     the cross-referenced edition of each document, and the
              data/library.py    library of them all (series, editions, status)
    render    render/            pure: a document (or the library) + language -> pages
    outputs   outputs/           site (MkDocs per part), open data, PDFs, old URLs, root
    swap      staging.py         the new site replaces the old one only when complete

Each document and each part of the site is cached by its inputs (cache.py): a build renders
and builds again only what a change reaches. Problems are collected, not raised one by one:
a build that cannot finish raises DataError with every problem as `path:line:col: message`,
and the previous site stays in place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from generator import outputs, render, staging
from generator.cache import Cache, generator_version
from generator.data import library as library_model
from generator.data import load, model, validate
from generator.data.checks.library import library as library_checks
from generator.data.library import Library
from generator.data.model import Edition
from generator.data.schema import LibraryFile
from generator.outputs import site
from generator.outputs.job import Job, Part, part_key
from generator.problems import DataError, Problem
from generator.render.jinja import template_problem
from generator.settings import LANGS, Settings, documents


def read_edition(folder: Path) -> tuple[Edition | None, list[Problem]]:
    """load -> validate -> model for one document folder. The edition is None when a file
    failed to load or failed its schema; problems include known notes (`Problem.note`)."""
    sources = load.read_document(folder)  # load (raises load.Unreadable)
    parts, problems = validate.shape(sources)  # validate: each file's schema
    if parts is None:
        return None, sorted(set(problems))
    edition = model.assemble(sources, parts)  # model
    problems += validate.consistency(edition, parts.complete)  # validate: the whole document
    return (edition if parts.complete else None), sorted(set(problems))


def valid_edition(folder: Path) -> Edition:
    edition, problems = read_edition(folder)
    errors = [p for p in problems if p.fails]
    if errors or edition is None:
        raise DataError(errors)
    return edition


def read_library(data: Path, source_date: int, cache: Cache | None = None
                 ) -> tuple[Library | None, list[Problem]]:
    """Every document of the data folder (from the cache when its files did not change) and
    library.yaml, checked together."""
    path = data / "library.yaml"
    if not path.is_file():
        return None, [Problem(str(path), 1, 1, "missing library.yaml; it names the site and "
                              "its issuers and series (see CONTRIBUTING.md)")]
    try:
        file = load.load_yaml(path)
    except load.LoadError as exc:
        return None, [exc.problem]
    problems: list[Problem] = []
    lib = validate.parse(file, LibraryFile, problems)
    docs, digests = [], {}
    folders = documents(data)
    for folder in folders:
        edition, found, key = cache.edition(folder, read_edition) if cache else \
            (*read_edition(folder), "")
        problems += found
        if edition is not None:
            docs.append(edition)
            digests[edition.id] = key
    if lib is None:
        return None, sorted(set(problems))
    if len(docs) == len(folders):  # else a missing document would be reported again here
        problems += library_checks(file, lib, docs)
    library = Library(lib, library_model.ordered(docs, lib),
                      library_model.build_date(source_date), digests)
    return library, sorted(set(problems))


def valid_library(settings: Settings, cache: Cache) -> Library:
    library, problems = read_library(settings.data, settings.source_date, cache)
    errors = [p for p in problems if p.fails]
    if errors or library is None:
        raise DataError(errors)
    return library


def plan(library: Library, settings: Settings, version: str, cache: Cache
         ) -> tuple[list[Part], dict[str, render.DocContext]]:
    """Every part of the site with its cache key, and each document's context."""
    memo = cache.memo()
    contexts = {d.id: render.context(library, d, memo) for d in library.documents}
    parts = [Part(lang, None, part_key(settings, version, lang, "library", library.file,
                                        [(d.id, library.sources[d.id], contexts[d.id].status)
                                         for d in library.documents]))
             for lang in LANGS]
    parts += [Part(lang, d.id, part_key(settings, version, lang, "document",
                                        library.sources[d.id], contexts[d.id].digest_data()))
              for d in library.documents for lang in LANGS]
    return parts, contexts


def render_parts(library: Library, parts: list[Part], contexts: dict[str, render.DocContext],
                 settings: Settings, cache: Cache) -> dict[str, render.Rendered]:
    """Render the parts the cache does not have (pure, given the guides read here)."""
    out = {}
    try:
        for part in parts:
            if cache.has(part.key):
                continue
            if part.document is None:
                out[part.key] = render.library(library, part.lang)
            else:
                out[part.key] = render.document(
                    library.by_id[part.document], contexts[part.document], part.lang,
                    edit_base=settings.edit_base, site_url=settings.site_url,
                    guide=settings.guide(part.lang).read_text(encoding="utf-8"))
    except jinja2.TemplateError as exc:
        raise DataError([template_problem(exc)]) from exc
    return out


def build(settings: Settings, warm: Any = None) -> Path:
    """Build the whole site into settings.out. Raises DataError with file:line problems.
    `warm`: worker processes kept between builds (`make serve`); otherwise started here."""
    version = generator_version(settings.root)
    # a model made by other code (another schema, other checks) is not reused
    cache = Cache(settings.work / "cache", version)
    with site.workers(len(LANGS), warm) as workers:  # importing MkDocs while the data loads
        library = valid_library(settings, cache)  # load, validate, model
        parts, contexts = plan(library, settings, version, cache)
        rendered = render_parts(library, parts, contexts, settings, cache)  # render
        with staging.staged(settings.out) as stage:  # swap when the block completes
            job = Job(library, parts, rendered, contexts, settings, cache, version, workers)
            for write in outputs.chosen(settings):  # outputs
                write(job, stage)
    return settings.out
