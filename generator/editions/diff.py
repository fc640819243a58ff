"""`python -m generator diff OLD NEW`: clause-level differences between two editions.

Clauses are matched by their Chinese text first (so a moved clause is "renumbered", not
removed and added), then by number. For matched clauses the facts are compared by id:
amounts, caps, rates, thresholds and target values, old -> new.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from generator.data.model import Edition
from generator.data.numbers import show
from generator.data.schema import Clause

_FIELDS = ("amount", "max_amount", "rate", "rate_min", "rate_max")


@dataclass
class ClauseDiff:
    kind: str  # added | removed | renumbered | changed
    old: int | None
    new: int | None
    title: str
    text_changed: bool = False
    values: list[dict[str, str]] = field(default_factory=list)


def _values(c: Clause) -> dict[str, str]:
    out: dict[str, str] = {}
    for i in c.incentives:
        for name in _FIELDS:
            v = getattr(i, name)
            if v is not None:
                out[f"incentive {i.id} {name}"] = show(Decimal(v))
        if i.threshold is not None:
            out[f"incentive {i.id} threshold"] = show(i.threshold.value)
    for t in c.targets:
        out[f"target {t.id} value"] = show(t.value)
        if t.value_max is not None:
            out[f"target {t.id} value_max"] = show(t.value_max)
    return out


def _value_changes(old: Clause, new: Clause) -> list[dict[str, str]]:
    a, b = _values(old), _values(new)
    return [{"fact": k, "old": a.get(k, "—"), "new": b.get(k, "—")}
            for k in sorted(a.keys() | b.keys()) if a.get(k) != b.get(k)]


def diff(old: Edition, new: Edition) -> list[ClauseDiff]:
    olds = {c.number: c for c in old.clauses}
    news = {c.number: c for c in new.clauses}
    out: list[ClauseDiff] = []
    by_text = {c.full_zh: c for c in new.clauses}
    matched_old: set[int] = set()
    matched_new: set[int] = set()
    for c in old.clauses:  # same text under another number
        other = by_text.get(c.full_zh)
        if other is not None and other.number != c.number and other.number not in matched_new:
            out.append(ClauseDiff("renumbered", c.number, other.number, c.title.zh,
                                  values=_value_changes(c, other)))
            matched_old.add(c.number)
            matched_new.add(other.number)
    for n, c in olds.items():
        if n in matched_old:
            continue
        other = news.get(n)
        if other is None or n in matched_new:
            out.append(ClauseDiff("removed", n, None, c.title.zh))
            continue
        matched_new.add(n)
        values = _value_changes(c, other)
        text_changed = c.full_zh != other.full_zh or c.full_en != other.full_en
        if text_changed or values:
            out.append(ClauseDiff("changed", n, n, other.title.zh, text_changed, values))
    for n, c in news.items():
        if n not in matched_new:
            out.append(ClauseDiff("added", None, n, c.title.zh))
    order = {"removed": 0, "added": 1, "renumbered": 2, "changed": 3}
    return sorted(out, key=lambda d: (d.old or d.new or 0, order[d.kind]))


def as_text(diffs: list[ClauseDiff]) -> str:
    if not diffs:
        return "no clause-level differences\n"
    lines = []
    for d in diffs:
        if d.kind == "added":
            lines.append(f"added      clause {d.new}: {d.title}")
        elif d.kind == "removed":
            lines.append(f"removed    clause {d.old}: {d.title}")
        elif d.kind == "renumbered":
            lines.append(f"renumbered clause {d.old} -> {d.new}: {d.title}")
        else:
            what = "text changed" if d.text_changed else "values changed"
            lines.append(f"changed    clause {d.new}: {what}: {d.title}")
        lines += [f"    {v['fact']}: {v['old']} -> {v['new']}" for v in d.values]
    return "\n".join(lines) + "\n"


def as_json(diffs: list[ClauseDiff]) -> str:
    return json.dumps([asdict(d) for d in diffs], ensure_ascii=False, indent=1) + "\n"
