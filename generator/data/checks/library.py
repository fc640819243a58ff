"""Checks across documents: each folder is the document it says, every series and issuer
exists, `supersedes` names an earlier edition of the same series, no edition is replaced
twice, and the root document exists."""

from __future__ import annotations

from collections.abc import Iterable

from generator.data.checks.common import dupes
from generator.data.identifiers import Pinyin, identifiers
from generator.data.load import YamlFile
from generator.data.model import Edition
from generator.data.schema import LibraryFile
from generator.problems import Problem


def library(file: YamlFile, lib: LibraryFile, documents: list[Edition],
            pinyin: Pinyin | None = None) -> Iterable[Problem]:
    for dup in sorted(dupes(i.id for i in lib.issuers)):
        yield file.problem(("issuers",), f"issuer id `{dup}` is defined twice; keep one")
    for dup in sorted(dupes(s.id for s in lib.series)):
        yield file.problem(("series",), f"series id `{dup}` is defined twice; keep one")
    issuers = {i.id for i in lib.issuers}
    for si, s in enumerate(lib.series):
        if s.issuer not in issuers:
            yield file.problem(("series", si, "issuer"), f"issuer `{s.issuer}` does not exist; "
                               f"use one of {sorted(issuers)} or add it under `issuers`")
    series = {s.id for s in lib.series}
    ids = {d.id: d for d in documents}
    replaced: dict[str, str] = {}
    for d in documents:
        f = d.files["document.yaml"]
        if d.folder.name != d.id:
            yield f.problem(("id",), f"id `{d.id}` differs from the folder name "
                            f"`{d.folder.name}`; the id is the document's URL, so name the "
                            "folder after it")
        if d.document.series not in series:
            yield f.problem(("series",), f"series `{d.document.series}` does not exist; use "
                            f"one of {sorted(series)} or add it to library.yaml")
        prev = d.document.supersedes
        if prev is None:
            continue
        if prev not in ids:
            yield f.problem(("supersedes",), f"`{prev}` is not a document of this library; "
                            "name the folder of the edition this one replaces, or write null")
        elif prev == d.id:
            yield f.problem(("supersedes",), "a document cannot supersede itself")
        elif ids[prev].document.series != d.document.series:
            yield f.problem(("supersedes",), f"`{prev}` is an edition of another series "
                            f"(`{ids[prev].document.series}`); an edition replaces one of its "
                            "own series")
        elif prev in replaced:
            yield f.problem(("supersedes",), f"`{prev}` is already superseded by "
                            f"`{replaced[prev]}`; an edition has one successor")
        replaced.setdefault(prev, d.id)
    for d in documents:  # a cycle: following `supersedes` comes back
        seen, node = {d.id}, ids[d.id].document.supersedes
        while node in ids and node not in seen:
            seen.add(node)
            node = ids[node].document.supersedes
        if node == d.id:
            yield d.files["document.yaml"].problem(("supersedes",), "editions supersede each "
                                                   "other in a circle; the oldest supersedes "
                                                   "nothing (null)")
    owner = {s.id: s.issuer for s in lib.series}
    named: dict[str, str] = {}
    for d in documents:  # each document's permanent address is its own (data/identifiers.py)
        if d.document.series not in owner:
            continue
        ids_of = identifiers(d, owner[d.document.series], pinyin)
        for address, what, key in ((ids_of.work, "文号", "document-number"),
                                   (ids_of.registration, "规范性文件登记号",
                                    "registration-number")):
            if address is None:
                continue
            if address in named:
                yield d.files["document.yaml"].problem(
                    _where(d, key), f"`{d.id}` and `{named[address]}` have the same permanent "
                    f"identifier `{address}` (made from the issuer, the year and the {what}); "
                    f"correct the {what} of the one that is wrong")
            named.setdefault(address, d.id)
    if lib.root_document is not None and lib.root_document not in ids:
        yield file.problem(("root_document",), f"`{lib.root_document}` is not a document of "
                           "this library; name the folder whose pages the site showed at "
                           "/zh/ and /en/")


def _where(d: Edition, key: str) -> tuple[int | str, ...]:
    """Where document.yaml gives its 文号 (`document-number`) or 规范性文件登记号."""
    notice = d.document.notice
    if key == "document-number" and notice is not None and notice.number is not None:
        return ("notice", "number")
    for i, f in enumerate(d.document.metadata):
        if f.key == key:
            return ("metadata", i, "value")
    return ("id",)
