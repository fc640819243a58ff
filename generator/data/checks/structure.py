"""Numbering and ids: chapters 1..N, clauses 1..N in chapter order, ids unique; glossary terms
unique; the change log names clauses that exist."""

from __future__ import annotations

from collections.abc import Iterable

from generator.data.checks.common import Loc, dupes
from generator.data.load import YamlFile
from generator.data.model import Edition
from generator.data.schema import ChangeKind
from generator.problems import Problem


def numbering(ed: Edition) -> Iterable[Problem]:
    """Chapters run 1..N; clauses run 1..N in chapter order; clause ids are unique."""
    out: list[Problem] = []
    numbers = [ch.number for ch in ed.chapters]
    for n in sorted(dupes(numbers)):
        for ch in ed.chapters:
            if ch.number == n:
                out.append(ed.chapter_files[n].problem(("number",), f"chapter number {n} is used "
                           "by more than one file; give each chapter its own number"))
    if sorted(set(numbers)) != list(range(1, len(set(numbers)) + 1)):
        f = ed.chapter_files[max(numbers)]
        out.append(f.problem(("number",), f"chapter numbers {sorted(numbers)} are not 1..N "
                             "without gaps; renumber the chapters"))
    seen: dict[int, tuple[YamlFile, Loc]] = {}
    expected = 1
    for ch in ed.chapters:
        f = ed.chapter_files[ch.number]
        for ci, c in enumerate(ch.clauses):
            loc: Loc = ("clauses", ci, "number")
            if c.number in seen:
                pf, ploc = seen[c.number]
                pl = pf.position(ploc)[0]
                out.append(f.problem(loc, f"clause number {c.number} is duplicated (also at "
                                     f"{pf.name}:{pl}); clause numbers must be unique"))
            elif c.number != expected:
                out.append(f.problem(loc, f"clause number {c.number} is out of sequence: "
                                     f"expected {expected}; clauses run 1..N in chapter order "
                                     "without gaps"))
            seen.setdefault(c.number, (f, loc))
            expected = max(expected, c.number) + 1
    ids: dict[str, int] = {}
    for ch in ed.chapters:
        for ci, c in enumerate(ch.clauses):
            if c.id is None:
                continue
            if c.id in ids:
                out.append(ed.chapter_files[ch.number].problem(
                    ("clauses", ci, "id"), f"clause id `{c.id}` is also clause {ids[c.id]}'s; "
                    "an id names one clause (the same id in another edition is the same "
                    "clause)"))
            ids.setdefault(c.id, c.number)
    return out


def fact_ids(ed: Edition) -> Iterable[Problem]:
    """Incentive and target ids are unique within their clause."""
    out: list[Problem] = []
    for ch in ed.chapters:
        f = ed.chapter_files[ch.number]
        for ci, c in enumerate(ch.clauses):
            for dup in sorted(dupes(x.id for x in c.incentives)):
                out.append(f.problem(("clauses", ci, "incentives"), f"incentive id `{dup}` is "
                                     "used twice in this clause; ids must be unique per clause"))
            for dup in sorted(dupes(x.id for x in c.targets)):
                out.append(f.problem(("clauses", ci, "targets"), f"target id `{dup}` is used "
                                     "twice in this clause; ids must be unique per clause"))
    return out


def glossary(ed: Edition) -> Iterable[Problem]:
    """Each glossary term is defined once."""
    f = ed.files["glossary.yaml"]
    dup = dupes(t.zh for t in ed.glossary)
    return [f.problem(("terms", i, "zh"), f"glossary term `{t.zh}` is defined twice; keep one")
            for i, t in enumerate(ed.glossary) if t.zh in dup]


def change_log(ed: Edition) -> Iterable[Problem]:
    """Change-log entries name existing clauses, have summaries, and are not `amendment`s.

    Entries of kind `amendment` are made from amendments.yaml; a stub's TODO is refused."""
    if "changes.yaml" not in ed.files:
        return []
    f = ed.files["changes.yaml"]
    numbers = {c.number for c in ed.clauses}
    out = [f.problem(("changes", i, "clauses"), f"clause {n} does not exist; list clause "
                     "numbers of this edition") for i, ch in enumerate(ed.changes)
           for n in ch.clauses if n not in numbers]
    out += [f.problem(("changes", i, "kind"), "entries of kind `amendment` are made from "
                      "amendments.yaml; record the amending notice there and remove this entry")
            for i, ch in enumerate(ed.changes) if ch.kind is ChangeKind.AMENDMENT]
    out += [f.problem(("changes", i, "summary", lang), "the summary is still the stub's TODO; "
                      "say what changed and why")
            for i, ch in enumerate(ed.changes) for lang in ("zh", "en")
            if getattr(ch.summary, lang).startswith("TODO")]
    return out


def amendments(ed: Edition) -> Iterable[Problem]:
    """Each amendment applies: its old words are in the published text, once; ids are unique."""
    if "amendments.yaml" not in ed.files:
        return []
    f = ed.files["amendments.yaml"]
    out = [f.problem(loc, message) for loc, message in ed.amended.problems]
    for dup in sorted(dupes(a.id for a in ed.amendments)):
        out.append(f.problem(("amendments",), f"amendment id `{dup}` is used twice; ids are "
                             "unique in the document"))
    return out


def period(ed: Edition) -> Iterable[Problem]:
    """The period in force is stated by the document (its quote is in the closing or in the
    notice) and ends after it starts."""
    p = ed.document.in_force
    if p is None:
        return
    f = ed.files["document.yaml"]
    doc = ed.document
    texts = [t.zh for t in doc.closing] + ([doc.notice.body.zh] if doc.notice else [])
    if not any(p.quote in t for t in texts):
        yield f.problem(("in_force", "quote"), f"`{p.quote}` is not in the closing "
                        "paragraphs or the notice; quote the words that state the period "
                        "verbatim")
    if p.end is not None and p.end < p.start:
        yield f.problem(("in_force", "end"), f"the period ends ({p.end}) before it starts "
                        f"({p.start}); fix a date")
