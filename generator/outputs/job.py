"""What every output gets: the library, the parts of the site and what was rendered for the
parts that changed, the settings, the cache and the worker processes."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from generator.cache import Cache, chinese_inputs, chinese_key
from generator.data.library import Library
from generator.data.schema import without_english
from generator.fingerprint import digest
from generator.outputs.search import Pagefinds, processes
from generator.process import collect_less
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
    version: str  # of the generator (fingerprint.generator_version)
    workers: Any = field(default=None)  # spawned worker processes, started by the driver
    typesetters: Any = field(default=None)  # the PDFs' processes, when the driver started them


def write_files(folder: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in sorted(files.items()):
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def plan(library: Library, settings: Settings, version: str, cache: Cache
         ) -> tuple[list[Part], dict[str, DocContext]]:
    """Every part of the site with the key of its inputs (or of the pages they led to
    before: see `settle`), and each document's context. A Chinese part is keyed by its
    documents' data without English (`chinese_inputs`): an English fix renders the English
    parts only."""
    memo = cache.memo()
    contexts = {d.id: context(library, d, memo) for d in library.documents}

    def chinese(doc: str) -> str:
        return str(memo(chinese_key(library.sources[doc]),  # kept as the document was read
                        lambda: chinese_inputs(library.by_id[doc])))

    parts = []
    for lang in LANGS:
        inputs = (library.today, sorted(library.sources.items()),
                  library.file.model_dump(mode="json"))
        if lang == "zh":  # the Chinese pages: what they are made of, without English
            inputs = (library.today, sorted((d, chinese(d)) for d in library.sources),
                      without_english(library.file.model_dump(mode="json")))
        given = part_key(settings, version, lang, "library", *inputs)
        parts.append(Part(lang, None, cache.alias(given) or given))
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
    return parts, contexts


def settle(parts: list[Part], rendered: dict[str, Rendered], settings: Settings, version: str,
           cache: Cache) -> tuple[list[Part], dict[str, Rendered]]:
    """A part rendered afresh is keyed by what its pages say, and its inputs' key is
    remembered as leading there: an edit that leaves a part's pages as they were (an English
    fix, for the Chinese pages; a clause's wording, for the library's own pages) does not
    build that part again."""
    settled, out = [], dict(rendered)
    for part in parts:
        r = rendered.get(part.key)
        if r is None:
            settled.append(part)
            continue
        if part.document is None:
            key = part_key(settings, version, part.lang, "library pages", r.pages, r.nav,
                           r.site_name)
        else:
            key = part_key(settings, version, part.lang, "document pages", part.document,
                           r.pages, r.nav, r.site_name, r.feed, r.document_name, r.banner)
        cache.set_alias(part.key, key)
        out[key] = out.pop(part.key)
        settled.append(Part(part.lang, part.document, key))
    return settled, out


class Pool:
    """Worker processes, started when first given work: a build that finds everything in the
    cache starts none (`make serve` keeps one pool between builds). Forked when this process
    runs no other thread (a build from the command line: a forked worker starts in 0.05 s,
    with the generator already imported), else spawned (0.5 s for two workers that import
    it; forking a process that runs threads can copy a lock another thread holds). It also
    holds the Pagefind processes that index the pages (`searchers`), which the build starts
    as it begins."""

    def __init__(self, count: int, fork: bool = True) -> None:
        self.count = count
        self.fork = fork
        self.pool: Any = None
        self.search = Pagefinds(processes())

    def searchers(self) -> Pagefinds:
        """The Pagefind processes the site output indexes with, kept as long as the pool."""
        return self.search

    def start(self) -> Pool:
        if self.pool is None:
            method = "fork" if self.fork and threading.active_count() == 1 else "spawn"
            self.pool = multiprocessing.get_context(method).Pool(self.count,
                                                                 initializer=collect_less)
        return self

    def map(self, func: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
        return list(self.start().pool.map(func, items))

    def later(self, func: Callable[[Any], Any], items: Iterable[Any]
              ) -> Callable[[], list[Any]]:
        """`map`, begun now: the workers work while this process does something else, and
        the function returned waits for their results. The items are pickled here, before
        this process goes on (the pool's own thread would pickle them while it changes them:
        a model's cached properties)."""
        frozen = [pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL) for item in items]
        result = self.start().pool.map_async(partial(_thawed, func), frozen)
        return lambda: list(result.get())

    def worth(self, tasks: int) -> bool:
        """Whether `tasks` go to the workers: a started pool, or one that would be forked,
        takes any two; a pool yet to be spawned only enough work to pay for spawning it (a
        document's task takes 0.4 s in both languages: measured)."""
        ready = self.pool is not None or (self.fork and threading.active_count() == 1)
        return tasks > 1 and (ready or tasks >= SPAWN_WORTH)

    def close(self) -> None:
        self.search.close()
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


SPAWN_WORTH = 6  # tasks

def mapper(workers: Pool | None, tasks: int) -> Callable[..., Iterable[Any]]:
    """`map` over `tasks` items: the workers' when they are worth it, else in this process."""
    return workers.map if workers is not None and workers.worth(tasks) else map


def _thawed(func: Callable[[Any], Any], frozen: bytes) -> Any:
    return func(pickle.loads(frozen))


def mapper_later(workers: Pool | None, tasks: int
                 ) -> Callable[..., Callable[[], list[Any]]]:
    """`Pool.later` over `tasks` items: begun on the workers when they are worth it, else run
    in this process when its results are asked for."""
    if workers is not None and workers.worth(tasks):
        return workers.later
    return lambda func, items: lambda: list(map(func, items))


@contextmanager
def workers(count: int, warm: Any = None, fork: bool = True) -> Iterator[Any]:
    """`count` worker processes (None on a single core: work in-process), or the pool `warm`
    that the caller keeps between builds (`make serve`, which spawns its own: `fork=False`,
    as its workers outlive the build that started them)."""
    if warm is not None:
        yield warm
    elif count > 1 and (os.cpu_count() or 1) > 1:
        pool = Pool(count, fork)
        try:
            yield pool
        finally:
            pool.close()
    else:
        yield None
