"""Stage 2, validate: first the shape of every file (the schema: keys, types, required texts),
then, on the assembled model, the registry of consistency checks (`generator.data.checks`).

Every problem is collected and reported at once, sorted, as `path:line:col: what, how to fix`.
"""

from __future__ import annotations

import re
import types
from collections.abc import Sequence
from enum import Enum
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from generator.data.checks import LOCAL, WHOLE
from generator.data.load import Sources, YamlFile
from generator.data.model import Edition, Parts
from generator.data.schema import (
    AmendmentsFile,
    CalculatorsFile,
    ChangesFile,
    Chapter,
    Document,
    GlossaryFile,
    UnitsFile,
)
from generator.problems import Problem, did_you_mean

M = TypeVar("M", bound=BaseModel)


def _flat(tp: Any) -> list[Any]:
    """A field's type with Annotated and unions (Optional) taken apart."""
    origin = get_origin(tp)
    if origin is Annotated:
        return _flat(get_args(tp)[0])
    if origin in (Union, types.UnionType):
        return [t for a in get_args(tp) for t in _flat(a)]
    return [tp]


def _step(tp: Any, key: int | str) -> list[Any]:
    origin = get_origin(tp)
    if isinstance(key, int) and origin is list:
        return _flat(get_args(tp)[0])
    if isinstance(key, str) and origin is dict:
        return _flat(get_args(tp)[1])
    if isinstance(key, str) and isinstance(tp, type) and issubclass(tp, BaseModel) \
            and key in tp.model_fields:
        return _flat(tp.model_fields[key].annotation)
    return []


def model_at(model: type[BaseModel], loc: Sequence[int | str]) -> type[BaseModel] | None:
    """The schema model of the mapping at `loc` (pydantic's union branch names skipped)."""
    current: list[Any] = [model]
    for key in loc:
        following = [t for tp in current for t in _step(tp, key)]
        if following:
            current = following
    models = [t for t in current if isinstance(t, type) and issubclass(t, BaseModel)]
    return models[0] if models else None


def _enum_of(model: type[BaseModel] | None, field: str) -> type[Enum] | None:
    if model is None or field not in model.model_fields:
        return None
    found = [t for t in _flat(model.model_fields[field].annotation)
             if isinstance(t, type) and issubclass(t, Enum)]
    return found[0] if found else None


def _message(err: Any, model: type[BaseModel], missing: Sequence[str]) -> str:
    kind, msg = err["type"], err["msg"]
    loc = tuple(err["loc"])
    field = str(loc[-1]) if loc else "value"
    parent = model_at(model, loc[:-1])
    if kind == "extra_forbidden":
        allowed = list(parent.model_fields) if parent is not None else []
        meant = did_you_mean(field, [*missing, *allowed])
        if meant in missing:
            return (f"unknown key `{field}`; did you mean `{meant}`? It is required here: "
                    "rename the key")
        if meant:
            return f"unknown key `{field}`; did you mean `{meant}`? Rename the key"
        keys = ", ".join(f"`{k}`" for k in allowed)
        return (f"unknown key `{field}`; check its spelling and indentation"
                + (f" (here the keys are {keys})" if allowed else ""))
    if kind == "missing":
        if field in ("zh", "en"):
            return f"missing `{field}` text; every text needs both zh and en"
        return f"missing required key `{field}`; add it"
    if kind == "enum":
        enum = _enum_of(parent, field)
        values = [str(e.value) for e in enum] if enum else []
        if not values:
            return f"`{field}`: {msg}; fix the value"
        meant = did_you_mean(str(err.get("input")), values)
        listed = ", ".join(f"`{v}`" for v in values)
        if meant:
            return (f"`{field}` cannot be `{err.get('input')}`; did you mean `{meant}`? The "
                    f"values are {listed}")
        return f"`{field}` cannot be `{err.get('input')}`; use one of {listed}"
    if kind == "string_pattern_mismatch" and "a-z0-9" in str(err.get("ctx", {}).get("pattern")):
        return (f"`{field}` `{err.get('input')}` is not an id: use lower-case letters, digits and "
                "hyphens (`commerce-bureau`)")
    if kind.startswith("string_too_short"):
        return f"`{field}` is empty; write the text"
    return f"`{field}`: {msg.removeprefix('Value error, ')}; fix the value"


def parse(file: YamlFile, model: type[M], problems: list[Problem]) -> M | None:
    """One file against its schema; every schema error becomes a located problem. A key that
    is misspelt gives one message (with the key it should be), not also "missing"."""
    try:
        return model.model_validate(file.data)
    except ValidationError as exc:
        errors = exc.errors()
        missing: dict[tuple[Any, ...], list[str]] = {}
        for err in errors:
            if err["type"] == "missing" and err["loc"]:
                missing.setdefault(tuple(err["loc"][:-1]), []).append(str(err["loc"][-1]))
        renamed: set[tuple[Any, ...]] = set()
        for err in errors:
            loc = tuple(err["loc"])
            said = re.match(r"Value error, missing `(\w+)`", str(err.get("msg", "")))
            if said:  # a model's own check for a missing key (Text's `en`)
                missing.setdefault(loc, []).append(said.group(1))
        for err in errors:
            loc = tuple(err["loc"])
            if err["type"] == "extra_forbidden" and loc:
                meant = did_you_mean(str(loc[-1]), missing.get(loc[:-1], []))
                if meant:
                    renamed.add((*loc[:-1], meant))
        for err in errors:
            loc = tuple(err["loc"])
            if err["type"] == "missing" and loc in renamed:
                continue
            said = re.match(r"Value error, missing `(\w+)`", str(err.get("msg", "")))
            if said and (*loc, said.group(1)) in renamed:
                continue  # Text's own "missing `en`" for a misspelt `en_`
            problems.append(file.problem(err["loc"], _message(err, model,
                                                              missing.get(loc[:-1], []))))
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
    amendments = one("amendments.yaml", AmendmentsFile)
    chapters = [(f, parse(f, Chapter, problems)) for f in sources.chapters]
    # a chapter can be left out; the files every chapter is checked against cannot
    optional_failed = any((name in files and model is None) or name in sources.unparsed
                          for name, model in (("calculators.yaml", calcs),
                                              ("changes.yaml", changes),
                                              ("amendments.yaml", amendments)))
    if doc is None or units is None or gloss is None or optional_failed:
        return None, problems
    parsed = tuple((f, ch) for f, ch in chapters if ch is not None)
    return Parts(
        document=doc, units=tuple(units.units), glossary=tuple(gloss.terms), chapters=parsed,
        calculators=tuple(calcs.calculators) if calcs else (),
        finder=tuple(calcs.finder) if calcs else (),
        changes=tuple(changes.changes) if changes else (),
        amendments=tuple(amendments.amendments) if amendments else (),
        complete=sources.complete and len(parsed) == len(chapters),
    ), problems


def consistency(edition: Edition, complete: bool = True) -> list[Problem]:
    """The registered checks: all of them on a complete document; when a file failed to load
    or failed its schema, only those that look at one chapter or clause at a time."""
    checks = LOCAL + WHOLE if complete else LOCAL
    return [p for check in checks for p in check(edition)]
