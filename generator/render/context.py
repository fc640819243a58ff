"""What a document's pages know about the rest of the library: the site's name, the
document's series and issuer, its status, its neighbouring editions, the same clause in the
previous and next edition, each clause's timeline through every edition of its series, and
the comparisons with its other editions. Which clause is which comes from one place: the
alignment of neighbouring editions (`generator.editions.diff`, read once per pair).

A document's pages read other documents only through this object, so its digest is all a
cached part of the site needs to know about them (generator/cache.py).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from generator.data.identifiers import Identifiers
from generator.data.library import Library, Status
from generator.data.model import Edition
from generator.data.schema import Issuer, Period, Series, Text
from generator.editions.compare import Comparison, Ref, compare
from generator.editions.diff import EditionDiff, ValueChange, diff


@dataclass(frozen=True)
class ClauseLink:
    document: Ref
    number: int


@dataclass(frozen=True)
class TimelineEntry:
    """One edition in a clause's timeline: the clause there (or not), and what changed since
    the edition before it."""

    document: Ref
    number: int | None  # None: the clause is not in this edition
    title: Text | None
    kinds: tuple[str, ...]  # first | same | added | removed | amended | renumbered | moved |
    #                         possible | changed (as the alignment and the diff say)
    values: tuple[ValueChange, ...] = ()
    units: bool = False  # its responsible units changed
    wording: bool = False  # its Chinese text changed
    current: bool = False  # the edition the page belongs to


@dataclass(frozen=True)
class DocContext:
    site_name: Text
    issuer: Issuer
    series: Series
    status: Status
    period: Period | None
    root: bool  # the document the one-document site showed at /<lang>/
    guide: bool  # the document whose editors' guide page search indexes (the guide is one)
    successor: Ref | None
    successor_from: str | None  # the day a successor not yet in effect takes effect
    predecessor: Ref | None
    editions: tuple[Ref, ...]  # the series, newest first, this one included
    previous_clause: dict[int, ClauseLink]  # this clause in the previous edition
    next_clause: dict[int, ClauseLink]  # this clause in the next edition
    comparisons: tuple[Comparison, ...]  # with each other edition, older one first
    timelines: dict[int, tuple[TimelineEntry, ...]] = field(default_factory=dict)  # oldest
    #                                                          edition first, by clause
    inputs: tuple[tuple[str, str], ...] = ()  # (id, digest of its files) of every edition read
    ids: Identifiers | None = None  # its permanent identifiers (data/identifiers.py)
    predecessor_ids: Identifiers | None = None  # those of the edition it replaces

    def digest_data(self) -> dict[str, Any]:
        """What the context is made of, cheaply: everything in it derives from the editions'
        files (named by their digests) and the library's own data."""
        if not self.inputs:
            return asdict(self)
        return {"inputs": self.inputs, "status": self.status.value, "root": self.root,
                "guide": self.guide,
                "site": self.site_name.model_dump(), "issuer": self.issuer.model_dump(),
                "series": self.series.model_dump()}


Memo = Callable[[tuple[Any, ...], Callable[[], Any]], Any]


def _no_memo(key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    return compute()


def context(library: Library, doc: Edition, memo: Memo = _no_memo) -> DocContext:
    """`memo` may keep the differences between two editions between builds (cache.Cache.memo):
    they depend only on the two editions' files, named by their digests in the key."""
    def pair(what: str, old: Edition, new: Edition, compute: Callable[[], Any]) -> Any:
        return memo((what, old.id, new.id, library.sources.get(old.id, ""),
                     library.sources.get(new.id, "")), compute)

    def differences(old: Edition, new: Edition) -> EditionDiff:
        return pair("diff", old, new, functools.partial(diff, old, new))  # type: ignore[no-any-return]

    prev, nxt = library.predecessor(doc), library.successor(doc)
    editions = library.editions(doc.document.series)  # newest first
    order = {d.id: i for i, d in enumerate(editions)}
    oldest_first = list(reversed(editions))
    steps = {(a.id, b.id): differences(a, b) for a, b in itertools.pairwise(oldest_first)}
    previous_clause: dict[int, ClauseLink] = {}
    next_clause: dict[int, ClauseLink] = {}
    if prev is not None:
        for p in differences(prev, doc).alignment.clauses:  # type: ignore[union-attr]
            if p.old is not None and p.new is not None:
                previous_clause[p.new] = ClauseLink(Ref.of(prev), p.old)
    if nxt is not None:
        for p in differences(doc, nxt).alignment.clauses:  # type: ignore[union-attr]
            if p.old is not None and p.new is not None:
                next_clause[p.old] = ClauseLink(Ref.of(nxt), p.new)
    comparisons = []
    for other in editions:
        if other.id == doc.id:
            continue
        older, newer = (other, doc) if order[other.id] > order[doc.id] else (doc, other)
        comparisons.append(pair("compare", older, newer, functools.partial(
            lambda a, b: compare(a, b, differences(a, b)), older, newer)))
    return DocContext(
        site_name=library.file.title, issuer=library.issuer_of(doc),
        series=library.series_of(doc), status=library.status(doc),
        period=doc.document.in_force,
        root=library.root is not None and library.root.id == doc.id,
        guide=(library.root or library.documents[0]).id == doc.id,
        successor=Ref.of(nxt) if nxt else None,
        successor_from=(nxt.document.in_force.start if nxt and nxt.document.in_force
                        and not library.started(nxt) else None),
        predecessor=Ref.of(prev) if prev else None,
        editions=tuple(Ref.of(d) for d in editions),
        previous_clause=previous_clause, next_clause=next_clause,
        comparisons=tuple(comparisons),
        timelines=timelines(doc, oldest_first, steps) if len(editions) > 1 else {},
        inputs=tuple((d.id, library.sources[d.id]) for d in editions)
        if all(d.id in library.sources for d in editions) else (),
        ids=library.identifiers(doc),
        predecessor_ids=library.identifiers(prev) if prev else None)


def timelines(doc: Edition, oldest_first: list[Edition],
              steps: dict[tuple[str, str], EditionDiff]) -> dict[int, tuple[TimelineEntry, ...]]:
    """Each clause of `doc` through every edition of its series, oldest first: its number
    and title there (or that it is not there), and what changed since the edition before, by
    chaining the alignments of neighbouring editions."""
    at = next(i for i, e in enumerate(oldest_first) if e.id == doc.id)
    refs = [Ref.of(e) for e in oldest_first]
    out: dict[int, tuple[TimelineEntry, ...]] = {}
    for c in doc.clauses:
        numbers: list[int | None] = [None] * len(oldest_first)
        numbers[at] = c.number
        for k in range(at, 0, -1):  # back through the older editions
            n = numbers[k]
            step = steps[(oldest_first[k - 1].id, oldest_first[k].id)]
            numbers[k - 1] = step.alignment.old_of(n) if n is not None and step.alignment \
                else None
        for k in range(at, len(oldest_first) - 1):  # on through the newer ones
            n = numbers[k]
            step = steps[(oldest_first[k].id, oldest_first[k + 1].id)]
            numbers[k + 1] = step.alignment.new_of(n) if n is not None and step.alignment \
                else None
        entries = []
        for k, (e, n) in enumerate(zip(oldest_first, numbers, strict=True)):
            title = e.clause(n).title if n is not None else None
            if k == 0:
                kinds: tuple[str, ...] = ("first",) if n is not None else ("removed",)
                entries.append(TimelineEntry(refs[k], n, title, kinds, current=k == at))
                continue
            before = numbers[k - 1]
            step = steps[(oldest_first[k - 1].id, e.id)]
            if n is None:
                kinds = ("removed",) if before is not None else ("absent",)
                entries.append(TimelineEntry(refs[k], None, None, kinds, current=k == at))
                continue
            if before is None:
                entries.append(TimelineEntry(refs[k], n, title, ("added",), current=k == at))
                continue
            d = next((x for x in step.clauses if x.old == before and x.new == n), None)
            entries.append(TimelineEntry(
                refs[k], n, title, d.kinds if d else ("same",),
                tuple(d.values) if d else (), bool(d and d.units),
                bool(d and "zh" in d.languages), current=k == at))
        out[c.number] = tuple(entries)
    return out
