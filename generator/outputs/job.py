"""What every output gets: the library, the parts of the site and what was rendered for the
parts that changed, the settings, the cache and the worker processes."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import render
from generator.cache import Cache, chinese_inputs, chinese_key, digest
from generator.data.library import Library
from generator.data.schema import without_english
from generator.render import Rendered
from generator.render.context import DocContext, context
from generator.settings import LANGS, Settings


@dataclass(frozen=True)
class Part:
    """A part of the site: a document, or the library's own pages, in one language."""

    lang: str
    document: str | None  # the document's id; None for the library's own pages
    key: str

    @property
    def path(self) -> str:
        """Where the part goes in the site: `zh/<id>/` or `zh/`."""
        return f"{self.lang}/{self.document}/" if self.document else f"{self.lang}/"


def part_key(settings: Settings, version: str, lang: str, what: str, *inputs: Any) -> str:
    """Everything a part depends on: the generator, the settings that reach its pages, the
    language, and its inputs (a document's files and context, or the library's pages)."""
    return digest(version, settings.site_url, settings.edit_base, settings.dev, lang, what,
                  *inputs)



@dataclass(frozen=True)
class Job:
    library: Library
    parts: list[Part]  # every part of the site, with its cache key
    rendered: dict[str, Rendered]  # part key -> pages, for the parts not in the cache
    contexts: dict[str, DocContext]  # document id -> what its pages know of the library
    settings: Settings
    cache: Cache
    version: str  # of the generator (cache.generator_version)
    workers: Any = field(default=None)  # spawned worker processes, started by the driver


def write_files(folder: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in sorted(files.items()):
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def plan(library: Library, settings: Settings, site: render.Site, version: str, cache: Cache
         ) -> tuple[list[Part], dict[str, DocContext], dict[str, Rendered]]:
    """Every part of the site with its cache key, each document's context, and the library's
    own pages where its inputs changed, rendered already: they are few, and keyed by what
    they say, so an edit that does not show on them (a clause's wording) does not build them
    again; unchanged inputs lead to that key without rendering. A document's Chinese part is
    keyed by its documents' data without English (`chinese_inputs`): an English fix renders
    the English parts only."""
    memo = cache.memo()
    contexts = {d.id: context(library, d, memo) for d in library.documents}

    def chinese(doc: str) -> str:
        return str(memo(chinese_key(library.sources[doc]),  # kept as the document was read
                        lambda: chinese_inputs(library.by_id[doc])))

    parts, early = [], {}
    for lang in LANGS:
        inputs = (library.today, sorted(library.sources.items()),
                  library.file.model_dump(mode="json"))
        if lang == "zh":  # the Chinese pages: what they are made of, without English
            inputs = (library.today, sorted((d, chinese(d)) for d in library.sources),
                      without_english(library.file.model_dump(mode="json")))
        given = part_key(settings, version, lang, "library", *inputs)
        key = cache.alias(given)
        if key is None:
            r = render.library(library, lang, site=site)
            key = part_key(settings, version, lang, "library pages", r.pages, r.nav,
                           r.site_name)
            cache.set_alias(given, key)
            early[key] = r
        parts.append(Part(lang, None, key))
    for d in library.documents:
        for lang in LANGS:
            data = contexts[d.id].digest_data()
            source = library.sources[d.id]
            if lang == "zh":  # the Chinese pages: what they are made of, without English
                source = chinese(d.id)
                if "inputs" in data:
                    data["inputs"] = [(i, chinese(i)) for i, _ in data["inputs"]]
            given = part_key(settings, version, lang, "document", source, data)
            parts.append(Part(lang, d.id, cache.alias(given) or given))
    return parts, contexts, early


def settle(parts: list[Part], rendered: dict[str, Rendered], settings: Settings, version: str,
           cache: Cache) -> tuple[list[Part], dict[str, Rendered]]:
    """A document part rendered afresh is keyed by what its pages say, and its inputs' key
    is remembered as leading there: an edit that leaves a part's pages as they were (an
    English fix, for the Chinese pages) does not build that part again."""
    settled, out = [], dict(rendered)
    for part in parts:
        r = rendered.get(part.key)
        if part.document is None or r is None:
            settled.append(part)
            continue
        key = part_key(settings, version, part.lang, "document pages", part.document, r.pages,
                       r.nav, r.site_name, r.feed, r.document_name, r.banner)
        cache.set_alias(part.key, key)
        out[key] = out.pop(part.key)
        settled.append(Part(part.lang, part.document, key))
    return settled, out


class Pool:
    """Spawned worker processes, started when first given work: a build that finds
    everything in the cache starts none (`make serve` keeps one pool between builds)."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.pool: Any = None

    def start(self) -> Pool:
        if self.pool is None:
            self.pool = multiprocessing.get_context("spawn").Pool(self.count)
        return self

    def map(self, func: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
        return list(self.start().pool.map(func, items))

    def worth(self, tasks: int) -> bool:
        """Whether `tasks` go to the workers: a started pool takes any two, a pool yet to start
        only enough work to pay for starting it (spawning two workers that import the
        generator takes 0.5 s, a document's task 0.4 s in both languages: measured)."""
        return tasks > 1 and (self.pool is not None or tasks >= SPAWN_WORTH)


    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


SPAWN_WORTH = 6  # tasks


def mapper(workers: Pool | None, tasks: int) -> Callable[..., Iterable[Any]]:
    """`map` over `tasks` items: the workers' when they are worth it, else in this process."""
    return workers.map if workers is not None and workers.worth(tasks) else map


@contextmanager
def workers(count: int, warm: Any = None) -> Iterator[Any]:
    """`count` worker processes (None on a single core: work in-process), or the pool `warm`
    that the caller keeps between builds (`make serve`). Spawned, never forked: the parent
    may run threads, as `make serve` does."""
    if warm is not None:
        yield warm
    elif count > 1 and (os.cpu_count() or 1) > 1:
        pool = Pool(count)
        try:
            yield pool
        finally:
            pool.close()
    else:
        yield None
