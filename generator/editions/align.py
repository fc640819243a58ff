"""One alignment of two editions: which clause (and chapter) of the old edition is which of
the new, by content, whatever moved. Import carry-over, the import report, `generator diff`,
the comparison pages, the clause timelines and the change log all ask this module; none has
rules of its own.

Clauses are compared by their text with every number masked (an amount that changed does not
make a clause another clause), and by their titles. Pairs are chosen best first; a pair below
the strong threshold but above the weak one, when neither clause has a better partner, is a
*possible* pair: shown as "possibly the same clause", never silently as a match, and never as
one clause removed and another added. The pairs in the longest run that keeps its order are in
place; the others were *moved* (a chapter put first, a clause put in another chapter).

Each pair has its kinds: `same`, or any of `amended` (the text changed), `renumbered` (another
number), `moved`; and `added` / `removed` for a clause without a partner; `possible` for a weak
pair. Pure: it reads two lists of `Side`s.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.data.model import Edition

STRONG = 0.55  # at or above: the same clause
WEAK = 0.38  # at or above, and the best for both: possibly the same clause
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_RESPONSIBLE = re.compile(r"[(（](?:责任单位|责任部门|牵头单位)[:：][^()（）]*[)）]$")


@dataclass(frozen=True)
class Side:
    """A clause as the alignment sees it."""

    number: int
    chapter: int  # its chapter's number in its own edition
    title: str
    text: str  # title and text, Chinese, as in force

    @cached_property
    def shape(self) -> Counter[str]:
        """Character bigrams of the text with numbers masked and the units bracket left out
        (a changed unit is a change, not another clause)."""
        body = _NUMBER.sub("#", _RESPONSIBLE.sub("", self.text))
        return Counter(body[i:i + 2] for i in range(len(body) - 1))


@dataclass(frozen=True)
class ChapterSide:
    number: int
    title: str


@dataclass(frozen=True)
class Pair:
    old: int | None
    new: int | None
    kinds: tuple[str, ...]
    score: float = 0.0
    evidence: str = ""

    @property
    def kind(self) -> str:
        """The one word for lists: added, removed, possible, moved, renumbered, amended, same."""
        for k in ("added", "removed", "possible", "moved", "renumbered", "amended"):
            if k in self.kinds:
                return k
        return "same"

    @property
    def matched(self) -> bool:
        return self.old is not None and self.new is not None


@dataclass(frozen=True)
class ChapterPair:
    old: int | None
    new: int | None
    kinds: tuple[str, ...]
    evidence: str = ""


@dataclass(frozen=True)
class Alignment:
    clauses: tuple[Pair, ...]  # in the new edition's order, removed clauses where they were
    chapters: tuple[ChapterPair, ...]

    @cached_property
    def by_new(self) -> dict[int, Pair]:
        return {p.new: p for p in self.clauses if p.new is not None}

    @cached_property
    def by_old(self) -> dict[int, Pair]:
        return {p.old: p for p in self.clauses if p.old is not None}

    def old_of(self, new: int) -> int | None:
        p = self.by_new.get(new)
        return p.old if p is not None else None

    def new_of(self, old: int) -> int | None:
        p = self.by_old.get(old)
        return p.new if p is not None else None

    def chapter_old_of(self, new: int) -> int | None:
        return next((c.old for c in self.chapters if c.new == new), None)

    def of_kind(self, kind: str) -> list[Pair]:
        return [p for p in self.clauses if kind in p.kinds]

    @property
    def changed(self) -> list[Pair]:
        return [p for p in self.clauses if p.kinds != ("same",)]


def similarity(a: Side, b: Side) -> float:
    """Dice coefficient of the two clauses' masked bigrams, 0..1."""
    sa, sb = a.shape, b.shape
    total = sum(sa.values()) + sum(sb.values())
    if total == 0:
        return 1.0 if a.text == b.text else 0.0
    return 2 * sum((sa & sb).values()) / total


def _score(a: Side, b: Side) -> tuple[float, str]:
    if a.text == b.text:
        return 1.0, "same text"
    s = similarity(a, b)
    if a.title == b.title and s >= WEAK - 0.1:
        return max(s, STRONG) + 0.05, f"same title, {s:.0%} of the text alike"
    return s, f"{s:.0%} of the text alike (numbers aside)"


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of (old position, new position) pairs that keeps its order."""
    pairs = sorted(pairs)
    tails: list[int] = []
    tail_at: list[int] = []
    parent = [-1] * len(pairs)
    for k, (_, new) in enumerate(pairs):
        i = bisect_left(tails, new)
        if i == len(tails):
            tails.append(new)
            tail_at.append(k)
        else:
            tails[i], tail_at[i] = new, k
        parent[k] = tail_at[i - 1] if i else -1
    keep: set[tuple[int, int]] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(pairs[k])
        k = parent[k]
    return keep


def align(old: Sequence[Side], new: Sequence[Side], old_chapters: Sequence[ChapterSide] = (),
          new_chapters: Sequence[ChapterSide] = (),
          fixed: Sequence[tuple[int, int]] = ()) -> Alignment:
    """The correspondence of two editions' clauses (and chapters). `fixed` pairs (old index,
    new index) are known to be the same clause (the same clause id in both editions)."""
    taken_old: dict[int, tuple[int, float, str]] = {}
    taken_new: set[int] = set()
    for i, j in fixed:
        score, why = _score(old[i], new[j])
        taken_old[i] = (j, max(score, STRONG), "same clause id; " + why)
        taken_new.add(j)
    by_text: dict[str, list[int]] = {}
    for j, b in enumerate(new):
        if j not in taken_new:
            by_text.setdefault(b.text, []).append(j)
    for i, a in enumerate(old):  # the same text: the same clause (the nearest, if repeated)
        js = [j for j in by_text.get(a.text, []) if j not in taken_new]
        if i not in taken_old and js:
            j = min(js, key=lambda j: abs(i - j))
            taken_old[i] = (j, 1.0, "same text")
            taken_new.add(j)
    candidates: list[tuple[float, int, int, int, str]] = []
    for i, a in enumerate(old):
        if i in taken_old:
            continue
        for j, b in enumerate(new):
            if j in taken_new:
                continue
            score, why = _score(a, b)
            if score >= WEAK:
                candidates.append((score, -abs(i - j), i, j, why))
    candidates.sort(reverse=True)
    weak: list[tuple[float, int, int, str]] = []
    for score, _, i, j, why in candidates:
        if i in taken_old or j in taken_new:
            continue
        if score >= STRONG:
            taken_old[i] = (j, score, why)
            taken_new.add(j)
        else:
            weak.append((score, i, j, why))
    possible: dict[int, tuple[int, float, str]] = {}
    possible_new: set[int] = set()
    for score, i, j, why in weak:  # the best left for both
        if i in taken_old or j in taken_new or i in possible or j in possible_new:
            continue
        possible[i] = (j, score, why)
        possible_new.add(j)
    order = _in_order([(i, v[0]) for i, v in taken_old.items()])
    chapters = _chapters(old, new, {i: v[0] for i, v in taken_old.items()}, old_chapters,
                         new_chapters)
    chapter_map = {c.old: c.new for c in chapters if c.old is not None and c.new is not None}
    pairs: dict[int, Pair] = {}
    for i, (j, score, why) in taken_old.items():
        a, b = old[i], new[j]
        kinds = [k for k, yes in (("amended", a.text != b.text),
                                  ("renumbered", a.number != b.number),
                                  ("moved", (i, j) not in order
                                   or chapter_map.get(a.chapter) != b.chapter)) if yes]
        pairs[j] = Pair(a.number, b.number, tuple(kinds) or ("same",), round(score, 3), why)
    for i, (j, score, why) in possible.items():
        a, b = old[i], new[j]
        pairs[j] = Pair(a.number, b.number, ("possible", "amended"), round(score, 3),
                        f"possibly the same clause: {why}")
    matched_old = set(taken_old) | set(possible)
    index_of = {a.number: i for i, a in enumerate(old)}
    out: list[Pair] = []
    pending_removed = [i for i in range(len(old)) if i not in matched_old]
    for j, b in enumerate(new):
        if j not in pairs:
            out.append(Pair(None, b.number, ("added",), 0.0, "no clause of the old edition "
                            "is like it"))
            continue
        p = pairs[j]
        here = index_of[p.old] if p.old is not None else len(old)
        while pending_removed and pending_removed[0] < here:
            r = old[pending_removed.pop(0)]
            out.append(Pair(r.number, None, ("removed",), 0.0, "no clause of the new edition "
                            "is like it"))
        out.append(p)
    for i in pending_removed:
        out.append(Pair(old[i].number, None, ("removed",), 0.0, "no clause of the new edition "
                        "is like it"))
    return Alignment(tuple(out), tuple(chapters))


def _chapters(old: Sequence[Side], new: Sequence[Side], pairs: dict[int, int],
              old_chapters: Sequence[ChapterSide], new_chapters: Sequence[ChapterSide]
              ) -> list[ChapterPair]:
    """Chapters paired by the clauses they share (most of a chapter's clauses went to one
    chapter), else by the same title."""
    votes: Counter[tuple[int, int]] = Counter(
        (old[i].chapter, new[j].chapter) for i, j in pairs.items())
    taken_old: dict[int, int] = {}
    taken_new: set[int] = set()
    why: dict[int, str] = {}
    for (a, b), n in votes.most_common():
        if a not in taken_old and b not in taken_new:
            taken_old[a], why[a] = b, f"{n} clause(s) in common"
            taken_new.add(b)
    titles_new = {c.title: c.number for c in new_chapters}
    for c in old_chapters:
        same = titles_new.get(c.title)
        if c.number not in taken_old and same is not None and same not in taken_new:
            taken_old[c.number], why[c.number] = same, "same title"
            taken_new.add(same)
    old_titles = {c.number: c.title for c in old_chapters}
    new_titles = {c.number: c.title for c in new_chapters}
    order = _in_order(list(taken_old.items()))
    out: list[ChapterPair] = []
    for b in sorted(new_titles or {new[j].chapter for j in pairs.values()} or []):
        found = next((x for x, y in taken_old.items() if y == b), None)
        if found is None:
            out.append(ChapterPair(None, b, ("added",)))
            continue
        a = found
        kinds = [k for k, yes in (("amended", old_titles.get(a) != new_titles.get(b)),
                                  ("renumbered", a != b),
                                  ("moved", (a, b) not in order)) if yes]
        out.append(ChapterPair(a, b, tuple(kinds) or ("same",), why[a]))
    out += [ChapterPair(a, None, ("removed",)) for a in sorted(old_titles)
            if a not in taken_old]
    return out


def sides(clauses: Iterable[tuple[int, int, str, str]]) -> list[Side]:
    """(number, chapter, title, full text) -> sides."""
    return [Side(n, ch, title, text) for n, ch, title, text in clauses]


def edition_sides(ed: Edition) -> tuple[list[Side], list[ChapterSide]]:
    """An edition's clauses (their text as in force) and chapters, as the alignment sees
    them."""
    return ([Side(c.number, ed.chapter_of[c.number].number, c.title.zh, c.full_zh)
             for c in ed.clauses],
            [ChapterSide(ch.number, ch.title.zh) for ch in ed.chapters])


def align_editions(old: Edition, new: Edition) -> Alignment:
    """Two editions' alignment: clauses with the same id are the same clause; the others
    are paired by content."""
    a, ach = edition_sides(old)
    b, bch = edition_sides(new)
    new_by_id = {c.id: j for j, c in enumerate(new.clauses) if c.id}
    fixed = [(i, new_by_id[c.id]) for i, c in enumerate(old.clauses)
             if c.id and c.id in new_by_id]
    return align(a, b, ach, bch, fixed)
