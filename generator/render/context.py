"""What a document's pages know about the rest of the library: the site's name, the
document's series and issuer, its status, its neighbouring editions, the same clause in the
previous and next edition, and the comparisons with its other editions.

A document's pages read other documents only through this object, so its digest is all a
cached part of the site needs to know about them (generator/cache.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from generator.data.library import Library, Status
from generator.data.model import Edition
from generator.data.schema import Issuer, Period, Series, Text
from generator.editions.compare import Comparison, Ref, clause_map, compare


@dataclass(frozen=True)
class ClauseLink:
    document: Ref
    number: int


@dataclass(frozen=True)
class DocContext:
    site_name: Text
    issuer: Issuer
    series: Series
    status: Status
    period: Period | None
    root: bool  # the document the one-document site showed at /<lang>/
    successor: Ref | None
    predecessor: Ref | None
    editions: tuple[Ref, ...]  # the series, newest first, this one included
    previous_clause: dict[int, ClauseLink]  # this clause in the previous edition
    next_clause: dict[int, ClauseLink]  # this clause in the next edition
    comparisons: tuple[Comparison, ...]  # with each other edition, older one first
    inputs: tuple[tuple[str, str], ...] = ()  # (id, digest of its files) of every edition read

    def digest_data(self) -> dict[str, Any]:
        """What the context is made of, cheaply: everything in it derives from the editions'
        files (named by their digests) and the library's own data."""
        if not self.inputs:
            return asdict(self)
        return {"inputs": self.inputs, "status": self.status.value, "root": self.root,
                "site": self.site_name.model_dump(), "issuer": self.issuer.model_dump(),
                "series": self.series.model_dump()}


Memo = Callable[[tuple[Any, ...], Callable[[], Any]], Any]


def _no_memo(key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    return compute()


def context(library: Library, doc: Edition, memo: Memo = _no_memo) -> DocContext:
    """`memo` may keep comparisons between builds (cache.Cache.memo): they depend only on
    the two editions' files, named by their digests in the key."""
    def pair(what: str, old: Edition, new: Edition, compute: Callable[[], Any]) -> Any:
        return memo((what, old.id, new.id, library.sources.get(old.id, ""),
                     library.sources.get(new.id, "")), compute)

    prev, nxt = library.predecessor(doc), library.successor(doc)
    previous_clause: dict[int, ClauseLink] = {}
    next_clause: dict[int, ClauseLink] = {}
    if prev is not None:
        for old, new in pair("map", prev, doc, lambda: clause_map(prev, doc)).items():
            previous_clause[new] = ClauseLink(Ref.of(prev), old)
    if nxt is not None:
        for old, new in pair("map", doc, nxt, lambda: clause_map(doc, nxt)).items():
            next_clause[old] = ClauseLink(Ref.of(nxt), new)
    editions = library.editions(doc.document.series)
    order = {d.id: i for i, d in enumerate(editions)}  # newest first
    comparisons = []
    for other in editions:
        if other.id == doc.id:
            continue
        older, newer = (other, doc) if order[other.id] > order[doc.id] else (doc, other)
        comparisons.append(pair("compare", older, newer,
                                functools.partial(compare, older, newer)))
    return DocContext(
        site_name=library.file.title, issuer=library.issuer_of(doc),
        series=library.series_of(doc), status=library.status(doc),
        period=doc.document.in_force,
        root=library.root is not None and library.root.id == doc.id,
        successor=Ref.of(nxt) if nxt else None, predecessor=Ref.of(prev) if prev else None,
        editions=tuple(Ref.of(d) for d in editions),
        previous_clause=previous_clause, next_clause=next_clause,
        comparisons=tuple(comparisons),
        inputs=tuple((d.id, library.sources[d.id]) for d in editions)
        if all(d.id in library.sources for d in editions) else ())
