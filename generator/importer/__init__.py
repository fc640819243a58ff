"""`python -m generator import SOURCE --into policy_data/<slug> [--previous OLDER]`: a
published document (.txt, .docx, saved .html) into a document folder, in minutes.

    readers.py   one reader per format -> the same list of paragraphs
    grammar.py   the genre's grammar: paragraphs -> a parse (and back: `unparse`)
    facts.py     a fact stub for every number (kind guessed, marked for review)
    units.py     unit names resolved against the unit list; stubs for new ones
    carry.py     clauses matched with the previous edition; facts carried or updated
    build.py     the parse (and the previous edition) -> the models of the new edition
    yamlout.py   models -> YAML in the layout of `generator fmt`
    report.py    the import report

Nothing is written unless the whole edition passes `check` (pending translations and review
marks are to-dos, not failures): the files are written to a folder beside the target, checked
there, and moved into place.
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from generator.data.load import Unreadable
from generator.data.schema import (
    CalculatorsFile,
    ChangesFile,
    Document,
    GlossaryFile,
    Slug,
    UnitsFile,
)
from generator.importer.build import Imported, build
from generator.importer.errors import InputError
from generator.importer.grammar import parse
from generator.importer.readers import read
from generator.importer.report import REPORT_FILE, Report
from generator.importer.yamlout import data_of, dump
from generator.problems import DataError, Problem, display_path

__all__ = ["InputError", "import_document"]


@dataclass(frozen=True)
class Result:
    report: Report
    folder: Path


def files_of(imported: Imported) -> dict[str, str]:
    """Relative path -> text of every file of the new document folder."""
    doc = imported.document
    number = next((m.value for m in doc.metadata if m.key == "document-number"), None)
    title = number.zh if number is not None and not isinstance(number, str) else doc.title.zh
    out = {"document.yaml": dump(data_of(doc), f"{title}: the notice, its metadata, the "
                                 "title, preamble and closing.\nImported by `python -m "
                                 "generator import`; see import-report.md.")}
    for name, ch in imported.chapters:
        first, last = ch.clauses[0].number, ch.clauses[-1].number
        out[f"chapters/{name}.yaml"] = dump(data_of(ch), f"Chapter {ch.number}: {ch.title.zh} "
                                            f"(clauses {first}-{last}). {ch.lead.zh}.")
    out["units.yaml"] = dump(data_of(UnitsFile(units=imported.units)),
                             "Every unit the document names; `aliases` are other spellings.")
    out["glossary.yaml"] = dump(data_of(GlossaryFile(terms=imported.glossary)) or {"terms": []},
                                "The zh -> en terms the translation uses.")
    if imported.calculators:
        out["calculators.yaml"] = dump(
            data_of(CalculatorsFile(calculators=imported.calculators, finder=imported.finder)),
            "Calculators: their inputs and what they do not check; the benefit finder's "
            "situations.")
    if imported.changes:
        out["changes.yaml"] = dump(data_of(ChangesFile(changes=imported.changes)),
                                   "Change log of this edition's data; newest last.")
    out["source.zh.txt"] = imported.source_text
    return out


def import_document(source: Path, into: Path, previous: Path | None = None,
                    force: bool = False) -> Result:
    """Read, parse, carry over, write and check. Raises InputError (bad input, nothing
    written) or DataError (the result does not pass `check`; nothing written)."""
    from pydantic import TypeAdapter, ValidationError

    from generator import pipeline

    slug = into.resolve().name
    try:
        TypeAdapter(Slug).validate_python(slug)
    except ValidationError as exc:
        raise InputError(into, 1, f"`{slug}` cannot be a document id; name the folder in "
                         "lower-case letters, digits and hyphens (city-2026)") from exc
    if into.exists() and any(into.iterdir()) and not force:
        raise InputError(into, 1, "the folder exists and is not empty; choose another or give "
                         "--force to replace it")
    src = read(source)
    parsed = parse(source, src.paragraphs)
    old = None
    if previous is not None:
        try:
            old = pipeline.valid_edition(previous)
        except Unreadable as exc:
            raise DataError(exc.problems) from exc
    imported = build(parsed, src.text, slug, src.url, old)
    report = imported.report
    report.source, report.into = display_path(source), display_path(into)
    report.previous = display_path(previous) if previous else None
    stage = into.parent / f".{into.name}.importing"
    shutil.rmtree(stage, ignore_errors=True)
    try:
        for name, text in files_of(imported).items():
            path = stage / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        _, problems = pipeline.read_edition(stage)
        shown = display_path(stage)
        final = display_path(into)

        def moved(p: Problem) -> Problem:
            return Problem(p.path.replace(shown, final, 1), p.line, p.col, p.message, p.note,
                           p.todo)

        failing = [moved(p) for p in problems if p.fails]
        if failing:
            raise DataError(failing)
        report.todo = [str(moved(p)).replace(": to do: ", ": ", 1)
                       for p in problems if p.todo]
        report.series, report.supersedes = imported.document.series, imported.document.supersedes
        library = into.parent / "library.yaml"
        if library.is_file() and not knows(library, imported.document.series):
            report.library = f"added the series `{imported.document.series}` and its issuer"
        (stage / REPORT_FILE).write_text(report.text(), encoding="utf-8")
        if into.exists():
            shutil.rmtree(into)
        into.parent.mkdir(parents=True, exist_ok=True)
        stage.rename(into)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    if report.library:
        register(into.parent / "library.yaml", imported.document)
    return Result(report, into)


def _library_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def knows(library: Path, series: str) -> bool:
    data = _library_yaml().load(library.read_text(encoding="utf-8"))
    return any(s.get("id") == series for s in data.get("series") or [])


def register(library: Path, document: Document) -> None:
    """A first edition of a new series: add the series (and its issuer, who signs the
    document) to library.yaml, comments kept; their English awaits translation."""
    yaml = _library_yaml()
    data = yaml.load(library.read_text(encoding="utf-8"))
    series = data.setdefault("series", [])
    issuer_id = document.series.removesuffix("-policy")
    issuers = data.setdefault("issuers", [])
    if not any(i.get("id") == issuer_id for i in issuers):
        issuers.append({"id": issuer_id, "name": data_of(document.notice.signature)})
    series.append({"id": document.series, "issuer": issuer_id,
                   "title": data_of(document.title)})
    out = io.StringIO()
    yaml.dump(data, out)
    library.write_text(out.getvalue(), encoding="utf-8")
