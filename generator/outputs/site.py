"""The site output: one MkDocs run per language, with the top-level mkdocs.yml.

The rendered pages of a language are written to `.build/<lang>/pages/` with the navigation
and the site's name beside them (`site.json`); the hooks (`mkdocs_hooks.py`) add those pages
to MkDocs and apply the search fixes. MkDocs is the renderer, not the architecture: nothing
before this module knows about it.

Each language runs in its own *spawned* worker process (never forked: the parent may run
threads, as `make serve` does). The workers start, and import MkDocs, Material and jieba's
dictionary, while the parent is still loading and rendering the data.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.outputs.job import Job
from generator.outputs.search import WorkerPatchError, jieba_user_dict
from generator.problems import DataError, Problem
from generator.render import Rendered
from generator.settings import Settings


@dataclass(frozen=True)
class LanguageJob:
    """What a worker needs to run MkDocs for one language (picklable)."""

    lang: str
    mkdocs_yml: str
    site_dir: str
    site_url: str
    handbook: dict[str, Any]  # config.extra.handbook, read by the hooks
    source_date: int


def handbook_extra(settings: Settings, lang: str, pages: Path) -> dict[str, Any]:
    """`extra.handbook` of a language's config: where the rendered pages are, and what the
    hooks need to finish the site."""
    return {"lang": lang, "pages": str(pages), "dev": settings.dev,
            "docs": str(settings.docs), "calculators": str(settings.calculators),
            "jieba": str(settings.work / "jieba-user.txt"), "site_root": settings.site_url}


def write_rendered(rendered: Rendered, folder: Path) -> Path:
    """The language's pages as files, plus site.json (navigation and site name)."""
    pages = folder / "pages"
    if pages.exists():
        shutil.rmtree(pages)
    for rel, text in sorted(rendered.pages.items()):
        path = pages / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "site.json").write_text(json.dumps(
        {"site_name": rendered.site_name, "nav": rendered.nav}, ensure_ascii=False, indent=1),
        encoding="utf-8")
    return pages


def write(job: Job, stage: Path) -> None:
    settings = job.settings
    settings.work.mkdir(parents=True, exist_ok=True)
    (settings.work / "jieba-user.txt").write_text(jieba_user_dict(job.edition), encoding="utf-8")
    languages = []
    for lang, r in job.rendered.items():
        pages = write_rendered(r, settings.work / lang)
        languages.append(LanguageJob(lang, str(settings.mkdocs_yml), str(stage / lang),
                                settings.site_url.rstrip("/") + f"/{lang}/",
                                handbook_extra(settings, lang, pages), settings.source_date))
    results = job.workers.map(build_language, languages) if job.workers is not None else \
        [build_language(one) for one in languages]
    problems = [p for result in results for p in result]
    if problems:
        raise DataError(problems)


def build_language(job: LanguageJob) -> list[Problem]:
    """Worker: MkDocs for one language. Returns problems instead of raising, so it can run in
    a worker process."""
    # MkDocs and Material take these from the environment only; this is their process.
    os.environ["SOURCE_DATE_EPOCH"] = str(job.source_date)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    with collected_warnings() as warnings:
        try:
            config = load_config(config_file=job.mkdocs_yml, site_dir=job.site_dir,
                                 site_url=job.site_url)
            config.extra["handbook"] = job.handbook
            build(config)
        except DataError as exc:
            return exc.problems
        except WorkerPatchError as exc:
            return [Problem("generator/outputs/search.py", 1, 1, str(exc))]
        except (MkDocsException, SystemExit) as exc:
            detail = "; ".join(warnings) or str(exc)
            return [Problem(job.mkdocs_yml, 1, 1, f"MkDocs build failed ({job.lang}): "
                            f"{detail}")]
    return [Problem(job.mkdocs_yml, 1, 1, f"MkDocs warning ({job.lang}): {w}")
            for w in warnings]


@contextmanager
def collected_warnings() -> Iterator[list[str]]:
    """MkDocs' warnings (strict mode turns them into a failure), its INFO dropped."""
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                warnings.append(record.getMessage())

    log = logging.getLogger("mkdocs")
    handler = Collect()
    old_level, old_handlers, old_prop = log.level, log.handlers[:], log.propagate
    log.handlers = [handler]
    log.setLevel(logging.INFO)
    log.propagate = False
    try:
        yield warnings
    finally:
        log.handlers, log.propagate = old_handlers, old_prop
        log.setLevel(old_level)


def _warm() -> None:
    """Runs in each worker as soon as it starts: the slow imports and jieba's dictionary."""
    import jieba
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()


@contextmanager
def workers(count: int) -> Iterator[Any]:
    """`count` spawned, warmed worker processes (None on a single core: build in-process)."""
    if count > 1 and (os.cpu_count() or 1) > 1:
        with multiprocessing.get_context("spawn").Pool(count, initializer=_warm) as pool:
            yield pool
    else:
        yield None
