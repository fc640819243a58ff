"""The one Jinja environment (StrictUndefined, autoescaped) with the filters of `filters`, and
the small helpers every page uses: relative links and front matter."""

from __future__ import annotations

import json
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from jinja2.bccache import Bucket

from generator.problems import DataError, Problem, display_path
from generator.render import filters
from generator.render.i18n import t

TEMPLATES = Path(__file__).resolve().parent / "templates"


class CompiledTemplates(FileSystemBytecodeCache):
    """The templates compiled to Python bytecode, kept in `templates/__pycache__` as Python
    keeps the generator's own modules: each process (a build and each of its workers) would
    otherwise compile all 28 templates again, 0.9 s. Jinja checks each template's source
    against its compiled form, and its own and Python's version. Written even under
    PYTHONDONTWRITEBYTECODE (set on these machines), which is about Python's modules; where
    the folder cannot be written (a read-only install), templates are compiled as before."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder), "%s.jinja.cache")
        self.folder = folder

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            self.folder.mkdir(exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        bytecode_cache=CompiledTemplates(TEMPLATES / "__pycache__"),
        undefined=StrictUndefined,
        autoescape=select_autoescape(["html.jinja", "xml.jinja"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(filters.FILTERS)
    env.filters["target_row"] = lambda tg, c, ch: (c, ch, tg)
    env.filters["target_pair_row"] = lambda pair, ed: (pair[0], ed.chapter_of[pair[0].number],
                                                       pair[1])
    env.globals["t"] = t
    env.globals["filters_tr"] = filters.tr
    return env


def page_url(page: str) -> str:
    """`clauses/14.md` -> `clauses/14/`, `units/index.md` -> `units/`, `index.md` -> ``."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/"


def relative(here: str, to: str) -> str:
    """A link from the page at URL `here` to `to`, both relative to the language root."""
    depth = here.count("/")
    return "../" * depth + to if (depth or to) else "./"


def front_matter(**fields: Any) -> str:
    """YAML front matter written as JSON values, so data text cannot break out of it; the
    title is made plain (see filters.plain_title)."""
    if "title" in fields:
        fields["title"] = filters.plain_title(fields["title"])
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def template_problem(exc: jinja2.TemplateError) -> Problem:
    """`template:line: message` for a Jinja error, from its traceback."""
    name, line = display_path(TEMPLATES), 1
    if isinstance(exc, jinja2.TemplateSyntaxError):
        name, line = display_path(TEMPLATES / str(exc.name)), exc.lineno
    else:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith(".jinja"):
                name, line = display_path(Path(frame.filename)), frame.lineno or 1
                break
    return Problem(name, line, 1, f"template error: {exc}; fix the template")


@contextmanager
def template_errors() -> Iterator[None]:
    """A Jinja error becomes a DataError naming the template's file and line."""
    try:
        yield
    except jinja2.TemplateError as exc:
        raise DataError([template_problem(exc)]) from exc


@contextmanager
def page_errors(data_file: Path, what: str) -> Iterator[None]:
    """Whatever stops a page from being written becomes a problem naming the document (its
    document.yaml), the page and the template line, never a bare traceback: a document's
    data can make a build fail, but the editor always learns which document and page."""
    try:
        yield
    except DataError:
        raise
    except Exception as exc:
        where = "the generator"
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith(".jinja"):
                where = f"{display_path(Path(frame.filename))}:{frame.lineno} `"
                where += (frame.line or "").strip()[:80] + "`"
                break
        raise DataError([Problem(display_path(data_file), 1, 1, f"{what} cannot be written: "
                                 f"{type(exc).__name__}: {exc} (at {where}); check this "
                                 "document's data for what that line reads, or report it")]) \
            from exc
