"""`python -m generator import SOURCE --into policy_data/<slug> [--previous OLDER]
[--issuer NAME] [--number 文号] [--date YYYY-MM-DD] [--edition YEAR] [--series ID]
[--supersedes ID]`: a published document (.txt, .docx, saved .html) into a document folder,
in minutes, in whatever house style its issuer publishes.

    readers.py   one reader per format -> the same list of paragraphs (page chrome removed)
    genre.py     what each kind of line of the genre looks like
    grammar.py   the genre's grammar, house styles as its variants: paragraphs -> a parse
                 (and back: `unparse`), every problem collected
    facts.py     a fact stub for every number (kind guessed, marked for review)
    units.py     unit names resolved against the unit list; stubs for new ones
    period.py    the period in force, from every common sentence form
    frame.py     metadata, notice, title, edition; what the editor supplies (`Options`)
    carry.py     texts and facts carried over once the alignment has paired the clauses
    build.py     the parse (and the previous edition) -> the models of the new edition
    series.py    where the edition goes in its series (an older one is attached behind)
    yamlout.py   models -> YAML in the layout of `generator fmt`
    report.py    the import report

Nothing is written unless the whole edition passes `check` (pending translations and review
marks are to-dos, not failures): the files are written to a folder beside the target, checked
there, and moved into place.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from generator.data.load import Unreadable
from generator.data.named import signature_names
from generator.data.schema import (
    CalculatorsFile,
    ChangesFile,
    Document,
    GlossaryFile,
    Pending,
    Slug,
    Text,
    Unit,
    UnitsFile,
)
from generator.importer import series
from generator.importer.build import Imported, build
from generator.importer.errors import InputError, problem
from generator.importer.frame import Options, stated_date
from generator.importer.genre import NUMBER
from generator.importer.grammar import ParsedDocument, parse_all
from generator.importer.readers import read
from generator.importer.report import REPORT_FILE, Report
from generator.importer.yamlout import data_of, dump
from generator.problems import DataError, Problem, display_path

__all__ = ["InputError", "Options", "import_document"]


@dataclass(frozen=True)
class Result:
    report: Report
    folder: Path


def files_of(imported: Imported) -> dict[str, str]:
    """Relative path -> text of every file of the new document folder."""
    doc = imported.document
    number = next((m.value for m in doc.metadata if m.key == "document-number"), None)
    if doc.notice is not None and doc.notice.number is not None:
        number = doc.notice.number
    title = number.zh if number is not None and not isinstance(number, str) else doc.title.zh
    out = {"document.yaml": dump(data_of(doc), f"{title}: the notice, its metadata, the "
                                 "title, preamble and closing.\nImported by `python -m "
                                 "generator import`; see import-report.md.")}
    for name, ch in imported.chapters:
        span = (f"clauses {ch.clauses[0].number}-{ch.clauses[-1].number}" if ch.clauses
                else "no clauses")
        lead = f" {ch.lead.zh}." if ch.lead is not None else ""
        out[f"chapters/{name}.yaml"] = dump(data_of(ch), f"Chapter {ch.number}: {ch.title.zh} "
                                            f"({span}).{lead}")
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


def option_problems(source: Path, doc: ParsedDocument, options: Options) -> list[Problem]:
    """An option for what the text itself says is refused (the published text wins); one for
    what it does not say is taken as supplied by the editor."""
    out: list[Problem] = []
    signed = doc.notice is not None and bool(doc.notice.signature)
    issuer_meta = [f.value for f in doc.metadata if f.label in ("发布单位", "发布机构", "发文机关")]
    if options.issuers and (signed or issuer_meta):
        named = "、".join(doc.notice.signature if signed and doc.notice else issuer_meta)
        out.append(problem(source, 1, f"--issuer: the text names its issuer ({named}); leave "
                           "--issuer out (the published text says who issued it)"))
    if not (options.issuers or signed or issuer_meta):
        out.append(problem(source, 1, "the text names no issuer (no notice signed by it, no "
                           "发布单位): give it, e.g. `--issuer 某县人民政府` (joint issuers: "
                           "`--issuer 甲、乙`); it is recorded as supplied by the editor"))
    number = doc.notice.number if doc.notice else None
    number = number or next((f.value for f in doc.metadata if f.label in ("文件编号", "文号",
                                                                          "发文字号")), None)
    if options.number and number:
        out.append(problem(source, 1, f"--number: the text states its 文号 ({number}); leave "
                           "--number out"))
    if options.number and not NUMBER.match(options.number):
        out.append(problem(source, 1, f"--number `{options.number}` is not a 文号 like "
                           "某政发〔2025〕6号"))
    if options.date:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", options.date):
            out.append(problem(source, 1, f"--date `{options.date}` is not a date; write "
                               "YYYY-MM-DD"))
        elif stated_date(doc.metadata, doc.notice):
            out.append(problem(source, 1, "--date: the text states its date ("
                               f"{stated_date(doc.metadata, doc.notice)}); leave --date out"))
    if options.edition and doc.edition and options.edition != doc.edition:
        out.append(problem(source, 1, f"--edition {options.edition}: the text states the "
                           f"{doc.edition} edition ({doc.edition}年版); leave --edition out"))
    if options.edition and not re.fullmatch(r"\d{4}", options.edition):
        out.append(problem(source, 1, f"--edition `{options.edition}` is not a year like 2024"))
    return out


def import_document(source: Path, into: Path, previous: Path | None = None,
                    force: bool = False, options: Options | None = None) -> Result:
    """Read, parse, carry over, write and check. Raises InputError (bad input, nothing
    written; every problem found) or DataError (the result does not pass `check`; nothing
    written)."""
    from pydantic import TypeAdapter, ValidationError

    from generator import pipeline

    options = options or Options()
    slug = into.resolve().name
    problems: list[Problem] = []
    try:
        TypeAdapter(Slug).validate_python(slug)
    except ValidationError:
        problems.append(problem(into, 1, f"`{slug}` cannot be a document id; name the folder "
                                "in lower-case letters, digits and hyphens (city-2026)"))
    if into.exists() and (not into.is_dir() or any(into.iterdir())) and not force:
        problems.append(problem(into, 1, "the folder exists and is not empty; choose another "
                                "or give --force to replace it"))
    for name, value in (("--series", options.series), ("--supersedes", options.supersedes)):
        if value is not None:
            try:
                TypeAdapter(Slug).validate_python(value)
            except ValidationError:
                problems.append(problem(into, 1, f"{name} `{value}` is not an id (lower-case "
                                        "letters, digits and hyphens)"))
    if options.supersedes and not (into.parent / options.supersedes / "document.yaml").is_file():
        problems.append(problem(into, 1, f"--supersedes `{options.supersedes}`: no such "
                                f"document in {display_path(into.parent)}"))
    try:
        src = read(source)
    except InputError as exc:
        raise InputError.of(problems + exc.problems) from exc
    parsed, found = parse_all(source, src.paragraphs)
    problems += found
    if parsed is not None:
        problems += option_problems(source, parsed, options)
    if problems or parsed is None:
        raise InputError.of(problems)
    old = None
    if previous is not None:
        try:
            old = pipeline.valid_edition(previous)
        except Unreadable as exc:
            raise DataError(exc.problems) from exc
    imported = build(parsed, src.text, slug, src.url, old, options)
    placed = series.place(into.parent, imported.document.series, slug,
                          imported.document.edition) if into.parent.is_dir() else None
    if placed is not None and options.supersedes is None and placed.supersedes is not None:
        imported.document = imported.document.model_copy(
            update={"supersedes": placed.supersedes})
    report = imported.report
    report.source, report.into = display_path(source), display_path(into)
    report.previous = display_path(previous) if previous else None
    report.chrome = [p.text for p in src.chrome]
    successor = placed.successor if placed is not None else None
    if successor is not None and successor.supersedes in (None, imported.document.supersedes):
        report.library = (f"{successor.id} now supersedes {slug}"
                          + (f" (it superseded {successor.supersedes})"
                             if successor.supersedes else ""))
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
            report.library = "; ".join(x for x in (
                report.library, f"added the series `{imported.document.series}` and its "
                "issuer") if x)
            register_now = True
        else:
            register_now = False
        (stage / REPORT_FILE).write_text(report.text(), encoding="utf-8")
        if into.exists():
            shutil.rmtree(into) if into.is_dir() else into.unlink()
        into.parent.mkdir(parents=True, exist_ok=True)
        stage.rename(into)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    if register_now:
        register(into.parent / "library.yaml", imported.document, imported.units)
    if successor is not None and successor.supersedes in (None, imported.document.supersedes):
        series.set_supersedes(successor, slug)
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


def register(library: Path, document: Document, units: list[Unit]) -> None:
    """A first edition of a new series: add the series (and its issuer, who signs the
    document) to library.yaml; their English awaits translation. The entries are written into
    the file's text at the end of their lists, so every comment and line stays where it was
    (a comment above the next key stays above it)."""
    text = library.read_text(encoding="utf-8")
    data = _library_yaml().load(text)
    issuer_id = re.sub(r"-(policy|economic-policy)$", "", document.series)
    if not any(i.get("id") == issuer_id for i in data.get("issuers") or []):
        text = _append(text, "issuers", {"id": issuer_id,
                                         "name": data_of(_issuer_name(document, units))})
    text = _append(text, "series", {"id": document.series, "issuer": issuer_id,
                                    "title": data_of(document.title)})
    library.write_text(text, encoding="utf-8")


def _append(text: str, key: str, entry: dict[str, object]) -> str:
    """`entry` added at the end of the top-level list `key` of a YAML text, as `fmt` writes
    it; the list is made when the file has none."""
    block = dump({key: [entry]}).split("\n", 1)[1].rstrip("\n")  # the item, indented
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if re.match(rf"^{key}:\s*(#.*)?$", ln)), None)
    if start is None:
        return text.rstrip("\n") + f"\n{key}:\n{block}\n"
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"^[^\s#]", lines[i])),
               len(lines))
    while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # comments and blank lines above the next key belong to it
    return "\n".join([*lines[:end], block, *lines[end:]]) + "\n"


def _issuer_name(document: Document, units: list[Unit]) -> Text:
    """The issuer as the library names it: who signs, else who the editor supplied."""
    if document.notice is not None:
        first = signature_names(document.notice.signature.zh.replace("\n\n", "\n"))[0]
        unit = next((u for u in units if u.name.zh == first or first in u.aliases), None)
        return unit.name if unit is not None else Text(zh=first, pending=Pending.NEW)
    ids = document.supplied.issuers if document.supplied else []
    unit = next((u for u in units if ids and u.id == ids[0]), None)
    if unit is not None:
        return unit.name
    meta = next((f.value for f in document.metadata if f.key == "issuer"), None)
    if isinstance(meta, Text):
        return meta
    return Text(zh=str(meta or document.title.zh), pending=Pending.NEW)
