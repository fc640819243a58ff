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
    """The zh clause must be a paragraph of source.zh.txt, character for character."""
    for ch in ed.chapters:
        f = ed.chapter_files[ch.number]
        for ci, c in enumerate(ch.clauses):
            published = f"{c.prefix}{c.full_zh}"
            if published in ed.source_lines:
                continue
            near = next((ln for ln in ed.source_text.splitlines()
                         if ln.startswith(c.prefix)), "")
            at = next((i for i, (a, b) in enumerate(zip(published, near, strict=False))
                       if a != b), min(len(published), len(near)))
            yield f.problem(("clauses", ci, "text", "zh"), f"clause {c.number}: the zh title and "
                            "text differ from the published paragraph in source.zh.txt at "
                            f"character {at} (data `{published[max(0, at - 6):at + 6]}`, "
                            f"published `{near[max(0, at - 6):at + 6]}`); copy the published "
                            "text exactly")


def whole_document(ed: Edition) -> Iterable[Problem]:
    """The notice, preamble, headings, intros and closing are source.zh.txt, in order.

    Nothing missing, nothing left over. A piece that differs is reported once; the pieces
    after it are still checked."""
    source = normalize_ws(ed.source_text)
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
