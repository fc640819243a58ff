"""Stages 1-3 for a data folder: load -> validate -> model, for one document folder
(`read_edition`) and for the whole library (`read_library`: every document, from the build
cache when its files did not change, and library.yaml, checked together)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from generator.cache import Cache
from generator.data import library as library_model
from generator.data import load, model, validate
from generator.data.checks.library import library as library_checks
from generator.data.identifiers import pinyin_texts, pinyin_words
from generator.data.library import Library
from generator.data.model import Edition
from generator.data.schema import LibraryFile
from generator.problems import DataError, Problem
from generator.settings import Settings, documents


def read_edition(folder: Path, parse: Callable[[Path], load.YamlFile] = load.load_yaml
                 ) -> tuple[Edition | None, list[Problem]]:
    """load -> validate -> model for one document folder. The edition is None when a file
    failed to load or failed its schema; problems include known notes (`Problem.note`).
    `parse` reads one YAML file (load.load_yaml, or the build cache's memory of it)."""
    sources = load.read_document(folder, parse)  # load (raises load.Unreadable)
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


def read_cached(job: tuple[Path, Cache]) -> tuple[Edition | None, list[Problem], str]:
    """A document folder through the cache (a function of its own, so a worker process can
    run it)."""
    folder, cache = job
    return cache.edition(folder, partial(read_edition, parse=cache.parsed(load.load_yaml)))


def read_library(data: Path, source_date: int, cache: Cache | None = None,
                 workers: Any = None) -> tuple[Library | None, list[Problem]]:
    """Every document of the data folder (from the cache when its files did not change, the
    others read by the `workers` pool if there is one) and library.yaml, checked together."""
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
    if cache is None:
        read = [(*read_edition(folder), "") for folder in folders]
    else:
        known = {f: cache.known_edition(f) for f in folders}
        todo = [(f, cache) for f in folders if known[f] is None]
        run = workers.map if workers is not None and workers.worth(len(todo)) else map
        fresh = {f: found for (f, _), found in zip(todo, run(read_cached, todo), strict=True)}
        read = [known[f] or fresh[f] for f in folders]
    for edition, found, key in read:
        problems += found
        if edition is not None:
            docs.append(edition)
            digests[edition.id] = key
    if lib is None:
        return None, sorted(set(problems))
    pinyin = pinyin_of(docs, cache)
    if len(docs) == len(folders):  # else a missing document would be reported again here
        problems += library_checks(file, lib, docs, pinyin)
    library = Library(lib, library_model.ordered(docs, lib),
                      library_model.build_date(source_date), digests, pinyin)
    return library, sorted(set(problems))


def pinyin_of(docs: list[Edition], cache: Cache | None) -> dict[str, tuple[str, ...]]:
    """The pinyin of the texts the documents' identifiers are made of (data/identifiers.py),
    remembered by the cache between builds: loading pypinyin takes 0.25 s."""
    texts = sorted({t for d in docs for t in pinyin_texts(d)})
    if cache is None:
        return {t: pinyin_words(t) for t in texts}
    memo = cache.memo()
    return {t: memo(("pinyin", t), partial(pinyin_words, t)) for t in texts}


def valid_library(settings: Settings, cache: Cache, workers: Any = None) -> Library:
    library, problems = read_library(settings.data, settings.source_date, cache, workers)
    errors = [p for p in problems if p.fails]
    if errors or library is None:
        raise DataError(errors)
    return library
