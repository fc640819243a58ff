"""The library model: every document of the data folder with its series, issuer, editions and
status, and the library's own file (library.yaml). Pure: built from loaded editions.

A document is an edition of a series. The newest edition of a series is current; an edition
another one `supersedes` is superseded (已被替代) and names its successor; an edition whose
stated period ended before the build date is expired (已到期); one whose text states no period
says so (实施期限未载明), never "in force" on a portal's say-so.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from generator.data.identifiers import Identifiers, Pinyin, identifiers
from generator.data.model import Edition
from generator.data.schema import Issuer, LibraryFile, Series


class Status(StrEnum):
    IN_FORCE = "in_force"
    NOT_YET = "not_yet"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"
    UNSTATED = "unstated"  # the text states no period: never shown as in force


@dataclass(frozen=True)
class Library:
    file: LibraryFile
    documents: tuple[Edition, ...]  # by series, newest edition first
    today: str  # the build date (YYYY-MM-DD), from the commit: statuses are reproducible
    sources: dict[str, str] = field(default_factory=dict)  # id -> digest of its files
    # the pinyin of the texts the documents' identifiers are made of (data/identifiers.py),
    # from the build cache: a build that finds them all there does not load pypinyin
    pinyin: Pinyin = field(default_factory=dict)

    @cached_property
    def by_id(self) -> dict[str, Edition]:
        return {d.id: d for d in self.documents}

    @cached_property
    def issuers(self) -> dict[str, Issuer]:
        return {i.id: i for i in self.file.issuers}

    @cached_property
    def series(self) -> dict[str, Series]:
        return {s.id: s for s in self.file.series}

    def identifiers(self, doc: Edition) -> Identifiers:
        """`doc`'s permanent identifiers (data/identifiers.py), issued by its issuer."""
        return identifiers(doc, self.issuer_of(doc).id, self.pinyin)

    def series_of(self, doc: Edition) -> Series:
        return self.series[doc.document.series]

    def issuer_of(self, doc: Edition) -> Issuer:
        return self.issuers[self.series_of(doc).issuer]

    def editions(self, series: str) -> list[Edition]:
        """The editions of a series, newest first (the one no other supersedes comes first)."""
        return [d for d in self.documents if d.document.series == series]

    @cached_property
    def successors(self) -> dict[str, Edition]:
        return {d.document.supersedes: d for d in self.documents if d.document.supersedes}

    def successor(self, doc: Edition) -> Edition | None:
        return self.successors.get(doc.id)

    def predecessor(self, doc: Edition) -> Edition | None:
        prev = doc.document.supersedes
        return self.by_id.get(prev) if prev else None

    def status(self, doc: Edition) -> Status:
        """Replaced once its successor has taken effect; until then, by its own period (a next
        edition published in December for January leaves this one in force to the end)."""
        succ = self.successor(doc)
        if succ is not None and self.started(succ):
            return Status.SUPERSEDED
        period = doc.document.in_force
        if period is None:
            return Status.UNSTATED
        if period.end is not None and self.today > period.end:
            return Status.EXPIRED
        if self.today < period.start:
            return Status.NOT_YET
        return Status.IN_FORCE

    def started(self, doc: Edition) -> bool:
        """Has `doc` taken effect (a document whose text states no period counts as taken
        effect once published: nothing says it waits)."""
        period = doc.document.in_force
        return period is None or self.today >= period.start

    def current(self) -> list[Edition]:
        """Documents no other edition replaces, in library order."""
        return [d for d in self.documents if self.successor(d) is None]

    @property
    def root(self) -> Edition | None:
        """The document the one-document site published at /<lang>/ (its URLs still work)."""
        root = self.file.root_document
        return self.by_id.get(root) if root else None


def ordered(documents: list[Edition], file: LibraryFile) -> tuple[Edition, ...]:
    """Series in library.yaml order; in a series, the newest edition first (follow
    `supersedes` back from the edition nothing supersedes); strays by edition, newest first."""
    out: list[Edition] = []
    for series in file.series:
        members = {d.id: d for d in documents if d.document.series == series.id}
        replaced = {d.document.supersedes for d in members.values()}
        heads = sorted((d for d in members.values() if d.id not in replaced),
                       key=lambda d: d.document.edition, reverse=True)
        for head in heads:
            node: Edition | None = head
            while node is not None and node.id in members:
                out.append(members.pop(node.id))
                prev = node.document.supersedes
                node = members.get(prev) if prev else None
        out += sorted(members.values(), key=lambda d: d.document.edition, reverse=True)
    seen = {d.id for d in out}
    out += [d for d in documents if d.id not in seen]
    return tuple(out)


def build_date(source_date: int) -> str:
    return datetime.datetime.fromtimestamp(source_date, tz=datetime.UTC).date().isoformat()
