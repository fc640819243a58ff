"""Official corrections (勘误) and revisions (修订) applied to the published text.

source.zh.txt is the document as first published and is never edited. An amending notice
is recorded in amendments.yaml: its 文号, date, link and, for each change, the old and the new
words. The text in force is the published text with every change applied, in date order
(file order within a day); `check` holds the data to that text, and the pages show what was
changed, by which notice, with the old wording. The same function serves a new edition that
carries amendments over from the previous one. Pure: no file is read here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.data.schema import Amendment, Change, ChangeKind, Pending, Text, TextChange

Loc = tuple[int | str, ...]


@dataclass(frozen=True)
class Applied:
    """One change that was made: which amendment, where in amendments.yaml, and the words."""

    amendment: Amendment
    loc: Loc  # ("amendments", i, "changes", j) in amendments.yaml
    change: TextChange


@dataclass(frozen=True)
class Amended:
    text: str  # source.zh.txt with every amendment applied: the text in force
    applied: tuple[Applied, ...]
    problems: tuple[tuple[Loc, str], ...]  # (location in amendments.yaml, message)
    published: dict[int, str]  # each amended clause's paragraph as first published


def paragraph_spans(text: str, prefix: str) -> list[tuple[int, int]]:
    """Where the paragraphs that start with a clause's label (`14.`, `(一)`) are in a text."""
    after = r"(?!\d)" if prefix[:-1].isdigit() else ""
    return [(m.start(), m.end())
            for m in re.finditer(rf"(?m)^{re.escape(prefix)}{after}[^\n]*", text)]


def _short(s: str, n: int = 40) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def in_date_order(amendments: Sequence[Amendment]) -> list[int]:
    return sorted(range(len(amendments)), key=lambda i: (amendments[i].date, i))


def apply(source: str, amendments: Sequence[Amendment],
          prefixes: Mapping[int, str] | None = None) -> Amended:
    """The published text with its amendments applied; a change that cannot be applied (its
    old words are not there, or not once) is reported and skipped. `prefixes` gives each
    clause's published label (default `N.`); a label such as `(一)` that recurs in every
    chapter is told apart by the old words."""
    text = source
    applied: list[Applied] = []
    problems: list[tuple[Loc, str]] = []
    published: dict[int, str] = {}
    for i in in_date_order(amendments):
        a = amendments[i]
        for j, ch in enumerate(a.changes):
            loc: Loc = ("amendments", i, "changes", j)
            if ch.clause is None:
                where, spans = "the document", [(0, len(text))]
            else:
                where = f"clause {ch.clause}"
                spans = paragraph_spans(text, (prefixes or {}).get(ch.clause, f"{ch.clause}."))
                if not spans:
                    problems.append(((*loc, "clause"), f"clause {ch.clause} is not in "
                                     "source.zh.txt; give the number of the clause the notice "
                                     "changes"))
                    continue
            holding = [sp for sp in spans if ch.old in text[sp[0]:sp[1]]]
            count = sum(text[s0:s1].count(ch.old) for s0, s1 in holding)
            as_what = ("as published and amended before" if ch.clause in published
                       else "as published")
            if ch.old == ch.new:
                problems.append(((*loc, "new"), "`new` is the same as `old`; write the words "
                                 "the notice puts in their place"))
            elif count == 0:
                problems.append(((*loc, "old"), f"`{_short(ch.old)}` is not in {where} "
                                 f"{as_what}; copy `old` verbatim from source.zh.txt"))
            elif count > 1:
                problems.append(((*loc, "old"), f"`{_short(ch.old)}` is {count} times in {where}; "
                                 "quote more of the words around it so `old` is found once"))
            else:
                start, end = holding[0]
                if ch.clause is not None:
                    published.setdefault(ch.clause, text[start:end].rstrip("\r"))
                at = start + text[start:end].index(ch.old)
                text = text[:at] + ch.new + text[at + len(ch.old):]
                applied.append(Applied(a, loc, ch))
    return Amended(text, tuple(applied), tuple(problems), published)


def change_log_entry(a: Amendment) -> Change:
    """The change-log entry an amendment makes: its date, its clauses, its summary and the
    notice that made it. Never written by hand, so it cannot drift from the amendment."""
    clauses = sorted({c.clause for c in a.changes if c.clause is not None})
    zh_kind = "勘误" if a.kind.value == "erratum" else "修订"
    en_kind = "Corrected" if a.kind.value == "erratum" else "Amended"
    zh = f"{a.summary.zh}({a.document_number.zh},{a.date}{zh_kind})"
    if a.summary.en is None or a.document_number.en is None:  # its translation is pending
        return Change(date=a.date, clauses=clauses, kind=ChangeKind.AMENDMENT,
                      summary=Text(zh=zh, pending=Pending.NEW))
    return Change(date=a.date, clauses=clauses, kind=ChangeKind.AMENDMENT, summary=Text(
        zh=zh, en=f"{a.summary.en} ({en_kind} by {a.document_number.en} on {a.date}.)",
        pending=a.summary.pending or a.document_number.pending))
