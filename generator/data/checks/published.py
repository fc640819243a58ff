"""The data is the published document: each clause is a paragraph of source.zh.txt character
for character, and the whole document rebuilt from the data (metadata, notice, title,
preamble, chapter headings and intros, clauses, closing) is source.zh.txt, whitespace aside."""

from __future__ import annotations

from collections.abc import Iterable

from generator.data.checks.common import short
from generator.data.model import Edition
from generator.data.reconstruct import Segment, normalize_ws, segments
from generator.problems import Problem


def clause_texts(ed: Edition) -> Iterable[Problem]:
    """The zh clause is its published paragraph plus its amendments, character for character."""
    for ch in ed.chapters:
        f = ed.chapter_files[ch.number]
        for ci, c in enumerate(ch.clauses):
            data = f"{c.prefix}{c.full_zh}"
            if data in ed.in_force_lines:
                continue
            near = next((ln for ln in ed.in_force_text.splitlines() if ln.startswith(c.prefix)),
                        "")
            at = next((i for i, (a, b) in enumerate(zip(data, near, strict=False))
                       if a != b), min(len(data), len(near)))
            amended = ed.amendments_of_clause(c.number)
            if amended:
                by = ", ".join(a.document_number.zh for a, _ in amended)
                what = f"the published paragraph in source.zh.txt as amended by {by}"
                fix = "write the text as amended (amendments.yaml says what changed)"
            else:
                what = "the published paragraph in source.zh.txt"
                fix = ("copy the published text exactly or, if an official notice (勘误/修订) "
                       "changed it, record the change in amendments.yaml")
            yield f.problem(("clauses", ci, "text", "zh"), f"clause {c.number}: the zh title and "
                            f"text differ from {what} at character {at} (data "
                            f"`{data[max(0, at - 6):at + 6]}`, in force "
                            f"`{near[max(0, at - 6):at + 6]}`); {fix}")


def whole_document(ed: Edition) -> Iterable[Problem]:
    """The notice, preamble, headings, intros and closing are source.zh.txt, in order.

    Nothing missing, nothing left over. A piece that differs is reported once; the pieces
    after it are still checked."""
    source = normalize_ws(ed.in_force_text)
    cursor, broken = 0, False
    for seg in segments(ed):
        text = normalize_ws(seg.text)
        at = source.find(text, cursor)
        if at < 0:
            broken = True  # a clause is reported by clause_texts, with the exact character
            if seg.clause is None:
                yield _problem(ed, seg, text, source[cursor:])
            continue
        if at > cursor and not broken:
            yield _problem(ed, seg, text, source[cursor:], "the published text has "
                           f"`{short(source[cursor:at], 40)}` before this, which the data lacks")
        cursor, broken = at + len(text), False
    if cursor < len(source) and not broken:
        yield ed.files["document.yaml"].problem((), "source.zh.txt goes on after the data "
                                                f"ends: `{short(source[cursor:], 40)}`; add "
                                                "the missing text to the data")


def _problem(ed: Edition, seg: Segment, text: str, rest: str, what: str = "") -> Problem:
    f = ed.chapter_files[seg.file] if isinstance(seg.file, int) else ed.files[str(seg.file)]
    if not what:
        at = next((i for i, (a, b) in enumerate(zip(text, rest, strict=False)) if a != b),
                  min(len(text), len(rest)))
        what = (f"this text differs from source.zh.txt at character {at}: data "
                f"`{short(text[max(0, at - 8):at + 8], 40)}`, published "
                f"`{short(rest[max(0, at - 8):at + 8], 40)}`")
    return f.problem(seg.loc, f"{what}; copy the published text exactly (whitespace aside)")
