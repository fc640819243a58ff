"""The site output: one MkDocs run per part of the site, with the top-level mkdocs.yml.

A part is a document in one language (/<lang>/<id>/) or the library's own pages in one
language (/<lang>/). Each part is built on its own, with its own Pagefind index, into the
build cache (generator/cache.py) under a key made of everything it depends on; a part whose
key did not change is taken from the cache. The staging folder is then assembled from the
parts by hard links, so an unchanged library of thousands of pages is put together in moments.

The rendered pages of a part are written to `.build/parts/<key>/pages/` with the navigation
and what the theme needs beside them (`site.json`); the hooks (`mkdocs_hooks.py`) add those
pages to MkDocs. MkDocs is the renderer, not the architecture: nothing before this module
knows about it. Each part builds in a *spawned* worker process (never forked: the parent may
run threads, as `make serve` does); the workers import MkDocs and Material while the parent
is still loading the data.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.outputs import search
from generator.outputs.job import Job, Part
from generator.problems import DataError, Problem
from generator.render import Rendered
from generator.render.context import DocContext
from generator.render.i18n import HTML_LANG, t
from generator.settings import LANGS, Settings

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


@dataclass(frozen=True)
class PartJob:
    """What a worker needs to build one part (picklable)."""

    lang: str
    mkdocs_yml: str
    pages: str
    site_url: str | None
    handbook: dict[str, Any]  # config.extra.handbook, read by the hooks
    source_date: int
    out: str  # the cache entry to fill


def theme_extra(settings: Settings, rendered: Rendered, part: Part,
                ctx: DocContext | None) -> dict[str, Any]:
    """`extra.handbook` of a part: where its pages are, what the theme shows on each page."""
    lang = part.lang
    extra: dict[str, Any] = {
        "lang": lang, "dev": settings.dev, "docs": str(settings.docs),
        "template_cache": str(settings.work / "cache" / "templates"),
        "calculators": str(settings.calculators),
        "to_site_root": "../../" if part.document else "../",
        "to_lang_root": "../" if part.document else "",
        "part_path": f"{part.document}/" if part.document else "",
        "languages": [{"lang": code, "name": LANGUAGE_NAMES[code], "html_lang": HTML_LANG[code]}
                      for code in LANGS],
        "search": True, "search_label": t("search", lang), "menu_label": t("menu", lang),
        "print_label": t("printed_from", lang),
        "filter_label": t("document", lang),
        "document": None, "banner": None, "pdf": None,
    }
    if part.document and ctx is not None:
        extra.update({
            "document": rendered.document_name,
            "banner": rendered.banner,
            "pdf": f"../../pdf/{part.document}-{lang}.pdf",
            "pdf_label": t("pdf", lang) + " (PDF)",
        })
    return extra


def write_rendered(rendered: Rendered, folder: Path) -> Path:
    """The part's pages (and its feed) as files, plus site.json (navigation and site name)."""
    pages = folder / "pages"
    if pages.exists():
        shutil.rmtree(pages)
    files = dict(rendered.pages)
    if rendered.feed is not None:
        files["feed.xml"] = rendered.feed
    for rel, text in sorted(files.items()):
        path = pages / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "site.json").write_text(json.dumps(
        {"site_name": rendered.site_name, "nav": rendered.nav}, ensure_ascii=False, indent=1),
        encoding="utf-8")
    return pages


def write(job: Job, stage: Path) -> None:
    settings, cache = job.settings, job.cache
    todo = []
    for part in job.parts:
        rendered = job.rendered.get(part.key)
        if rendered is None or cache.has(part.key):
            continue  # in the cache
        pages = write_rendered(rendered, settings.work / "parts" / part.key)
        ctx = job.contexts.get(part.document) if part.document else None
        url = (settings.site_url.rstrip("/") + "/" + part.path) if settings.site_url else None
        todo.append(PartJob(part.lang, str(settings.mkdocs_yml), str(pages), url,
                            theme_extra(settings, rendered, part, ctx), settings.source_date,
                            str(cache.part(part.key))))
    if todo:
        results = job.workers.map(build_part, todo) if job.workers is not None else \
            [build_part(one) for one in todo]
        problems = [p for result in results for p in result]
        if problems:
            raise DataError(problems)
    for part in job.parts:  # the library's own first: the documents' folders go inside
        if part.document is None:
            link_tree(cache.part(part.key), stage / part.path)
    with ThreadPoolExecutor(4) as links:  # each is a `cp` process: run a few at once
        list(links.map(lambda p: link_tree(cache.part(p.key), stage / p.path),
                       [p for p in job.parts if p.document is not None]))
    cache.keep({p.key for p in job.parts})


def link_tree(source: Path, target: Path) -> None:
    """Hard-link every file of `source` into `target` (copy where links are impossible)."""
    target.mkdir(parents=True, exist_ok=True)
    if shutil.which("cp") and subprocess.run(  # GNU cp: thousands of links at C speed
            ["cp", "-al", "--", f"{source}/.", str(target)], capture_output=True,
            check=False).returncode == 0:
        marker = target / ".complete"
        marker.unlink(missing_ok=True)
        return
    for folder, _, names in os.walk(source):
        rel = Path(folder).relative_to(source)
        if rel.parts and rel.parts[0] == ".complete":
            continue
        (target / rel).mkdir(parents=True, exist_ok=True)
        for name in names:
            if name == ".complete" and not rel.parts:
                continue
            src, dst = Path(folder) / name, target / rel / name
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)


def build_part(job: PartJob) -> list[Problem]:
    """Worker: MkDocs, then Pagefind, for one part, into its cache entry. Returns problems
    instead of raising, so it can run in a worker process."""
    # MkDocs and Material take these from the environment only; this is their process.
    os.environ["SOURCE_DATE_EPOCH"] = str(job.source_date)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    out = Path(job.out)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    with collected_warnings() as warnings:
        try:
            config = load_config(config_file=job.mkdocs_yml, site_dir=str(tmp),
                                 site_url=job.site_url)
            config.extra["handbook"] = {**job.handbook, "pages": job.pages}
            build(config)
            search.index(tmp)
        except DataError as exc:
            return exc.problems
        except (MkDocsException, SystemExit) as exc:
            detail = "; ".join(warnings) or str(exc)
            return [Problem(job.mkdocs_yml, 1, 1, f"MkDocs build failed ({job.pages}): "
                            f"{detail}")]
    if warnings:
        return [Problem(job.mkdocs_yml, 1, 1, f"MkDocs warning ({job.pages}): {w}")
                for w in warnings]
    (tmp / ".complete").write_text("", encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    return []


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
    """Runs in each worker as soon as it starts: the slow imports."""
    import material.plugins  # noqa: F401
    import mkdocs.commands.build  # noqa: F401


@contextmanager
def workers(count: int, warm: Any = None) -> Iterator[Any]:
    """`count` spawned, warmed worker processes (None on a single core: build in-process),
    or the pool `warm` that the caller keeps between builds."""
    if warm is not None:
        yield warm
    elif count > 1 and (os.cpu_count() or 1) > 1:
        with multiprocessing.get_context("spawn").Pool(count, initializer=_warm) as pool:
            yield pool
    else:
        yield None

