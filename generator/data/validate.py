"""Stage 2, validate: first the shape of every file (the schema: keys, types, required texts),
then, on the assembled model, the registry of consistency checks (`generator.data.checks`).

Every problem is collected and reported at once, sorted, as `path:line:col: what, how to fix`.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.data.checks import CHECKS
from generator.data.load import Sources, YamlFile
from generator.data.model import Edition, Parts
from generator.data.schema import (
    CalculatorsFile,
    ChangesFile,
    Chapter,
    Document,
    GlossaryFile,
    UnitsFile,
)
from generator.problems import Problem

M = TypeVar("M", bound=BaseModel)


def _message(err: Any) -> str:
    kind, msg = err["type"], err["msg"]
    field = str(err["loc"][-1]) if err["loc"] else "value"
    if kind == "extra_forbidden":
        return f"unknown key `{field}`; remove it or check its spelling and indentation"
    if kind == "missing":
        if field in ("zh", "en"):
            return f"missing `{field}` text; every text needs both zh and en"
        return f"missing required key `{field}`; add it"
    if kind.startswith("string_too_short"):
        return f"`{field}` is empty; write the text"
    return f"`{field}`: {msg.removeprefix('Value error, ')}; fix the value"


def parse(file: YamlFile, model: type[M], problems: list[Problem]) -> M | None:
    """One file against its schema model; every schema error becomes a located problem."""
    try:
        return model.model_validate(file.data)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(file.problem(err["loc"], _message(err)))
        return None


def shape(sources: Sources) -> tuple[Parts | None, list[Problem]]:
    """Each file against its schema. None when the document itself cannot be assembled (its
    document, units or glossary file, or an optional file, failed); a chapter that fails is
    left out so the other chapters are still checked, and the parts are marked incomplete."""
    problems = list(sources.problems)
    files = sources.files

    def one(name: str, model: type[M]) -> M | None:
        return parse(files[name], model, problems) if name in files else None

    doc, units, gloss = (one("document.yaml", Document), one("units.yaml", UnitsFile),
                         one("glossary.yaml", GlossaryFile))
    calcs, changes = one("calculators.yaml", CalculatorsFile), one("changes.yaml", ChangesFile)
    chapters = [(f, parse(f, Chapter, problems)) for f in sources.chapters]
    optional_failed = any(name in files and model is None for name, model in
                          (("calculators.yaml", calcs), ("changes.yaml", changes)))
    if doc is None or units is None or gloss is None or optional_failed:
        return None, problems
    parsed = tuple((f, ch) for f, ch in chapters if ch is not None)
    return Parts(
        document=doc, units=tuple(units.units), glossary=tuple(gloss.terms), chapters=parsed,
        calculators=tuple(calcs.calculators) if calcs else (),
        changes=tuple(changes.changes) if changes else (),
        complete=sources.complete and len(parsed) == len(chapters),
    ), problems


def consistency(edition: Edition) -> list[Problem]:
    """Every registered check over the whole document."""
    return [p for check in CHECKS for p in check(edition)]
