"""The build, in one place: load -> validate -> model -> render -> outputs -> swap.

    load      data/load.py       a document folder -> raw YAML with file:line positions
    validate  data/validate.py   each file against the schema, then the registry of checks
    model     data/model.py      the cross-referenced Edition
    render    render/            pure: Edition + language -> pages, navigation, feed
    outputs   outputs/           site (MkDocs per language), feeds, open data, root, PDFs
    swap      staging.py         the new site replaces the old one only when complete

Problems are collected, not raised one by one: a build that cannot finish raises DataError
with every problem as `path:line:col: message`, and the previous site stays in place.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator import outputs, render, staging
from generator.data import load, model, validate
from generator.data.model import Edition
from generator.data.schema import Library
from generator.outputs import site
from generator.outputs.job import Job
from generator.problems import DataError, Problem
from generator.render.jinja import template_problem
from generator.settings import LANGS, Settings


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
    errors = [p for p in problems if not p.note]
    if errors or edition is None:
        raise DataError(errors)
    return edition


def read_library(data: Path) -> Library:
    path = data / "library.yaml"
    if not path.is_file():
        raise DataError([Problem(str(path), 1, 1, "missing library.yaml; it names the site: "
                                 "`title: {zh: …, en: …}`")])
    try:
        file = load.load_yaml(path)
    except load.LoadError as exc:
        raise DataError([exc.problem]) from exc
    problems: list[Problem] = []
    library = validate.parse(file, Library, problems)
    if library is None:
        raise DataError(problems)
    return library


def render_all(edition: Edition, library: Library, settings: Settings
               ) -> dict[str, render.Rendered]:
    """Every language, rendered (pure, given the guides read here)."""
    try:
        return {lang: render.language(
            edition, library, lang, edit_base=settings.edit_base, site_url=settings.site_url,
            guide=settings.guide(lang).read_text(encoding="utf-8")) for lang in LANGS}
    except jinja2.TemplateError as exc:
        raise DataError([template_problem(exc)]) from exc


def build(settings: Settings) -> Path:
    """Build the whole site into settings.out. Raises DataError with file:line problems."""
    with site.workers(len(LANGS)) as workers:  # start warming MkDocs while the data loads
        edition = valid_edition(settings.document)
        library = read_library(settings.data)
        rendered = render_all(edition, library, settings)
        with staging.staged(settings.out) as stage:
            job = Job(edition, library, rendered, settings, workers)
            for write in outputs.chosen(settings):
                write(job, stage)
    return settings.out
