"""To-dos: texts whose English is pending and items marked `review:` (as `import` writes
them). They are listed, not failures: a document with pending translations builds, and
`check --strict` fails on them for pipelines that publish only finished data."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.data.checks.common import Loc, short
from generator.data.load import YamlFile
from generator.data.model import Edition
from generator.problems import Problem


def todo(ed: Edition) -> Iterator[Problem]:
    """Pending translations and review marks are listed as to-dos (`--strict` fails on them)."""
    for name in sorted(ed.files):
        yield from _walk(ed.files[name], ed.files[name].data, ())
    for number in sorted(ed.chapter_files):
        f = ed.chapter_files[number]
        yield from _walk(f, f.data, ())


def _walk(f: YamlFile, data: Any, loc: Loc) -> Iterator[Problem]:
    if isinstance(data, dict):
        pending = data.get("pending")
        if isinstance(pending, str) and isinstance(data.get("zh"), str):
            what = "not translated yet" if pending == "new" else "the Chinese changed"
            yield Problem(*_at(f, (*loc, "pending")), f"English translation pending ({what}): "
                          f"`{short(data['zh'])}`; translate it and remove `pending`", todo=True)
        if isinstance(data.get("review"), str):
            yield Problem(*_at(f, (*loc, "review")), f"review: {data['review']}; check it and "
                          "remove `review`", todo=True)
        for key, value in data.items():
            yield from _walk(f, value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _walk(f, value, (*loc, i))


def _at(f: YamlFile, loc: Loc) -> tuple[str, int, int]:
    line, col = f.position(loc)
    return f.name, line, col
