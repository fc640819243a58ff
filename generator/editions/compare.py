"""Two editions of a series side by side: what a reader of the comparison page needs.

Built on `diff.diff` (clauses matched by text first, then by number): clauses added, removed
and renumbered; for changed clauses the Chinese text as an inline diff, the fact values old
-> new and the responsible units added or removed; the budget figures and the units list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher

from generator.data.model import Edition
from generator.data.schema import Clause, Pending, Text
from generator.editions.diff import diff


@dataclass(frozen=True)
class Ref:
    """Another document, as pages name and link it."""

    id: str
    title: Text
    subtitle: Text
    edition: str
    number: Text | None  # 文件编号

    @classmethod
    def of(cls, ed: Edition) -> Ref:
        return cls(ed.id, ed.document.title, ed.edition_name, ed.document.edition, ed.number)

    @property
    def name(self) -> Text:
        """Title and edition, as a link names the document."""
        en = (f"{self.title.current_en} {self.subtitle.current_en}"
              if self.title.current_en and self.subtitle.current_en else None)
        zh = self.title.zh + self.subtitle.zh
        return Text(zh=zh, en=en) if en else Text(zh=zh, pending=Pending.NEW)


@dataclass(frozen=True)
class ValueChange:
    """One figure of a fact, old -> new (None: the fact is new, or gone)."""

    what: Text  # the incentive's `what` or the target's indicator
    field: str  # amount | max_amount | pool | rate | rate_min | rate_max | threshold | value(_max)
    old: Decimal | None
    new: Decimal | None
    unit: Text  # 元 / CNY for money, % for rates, the target's unit otherwise


@dataclass(frozen=True)
class ClauseChange:
    old: int
    new: int
    title: Text
    zh: list[tuple[str, str]]  # inline diff of the Chinese: (equal|delete|insert, text)
    en_changed: bool
    values: list[ValueChange]
    units_added: list[Text]
    units_removed: list[Text]


@dataclass(frozen=True)
class Comparison:
    old: Ref
    new: Ref
    added: list[tuple[int, Text]] = field(default_factory=list)
    removed: list[tuple[int, Text]] = field(default_factory=list)
    renumbered: list[tuple[int, int, Text]] = field(default_factory=list)
    changed: list[ClauseChange] = field(default_factory=list)
    budgets: list[dict[str, object]] = field(default_factory=list)  # {"id", "label", "old", "new"}
    units_added: list[Text] = field(default_factory=list)
    units_removed: list[Text] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.renumbered or self.changed
                    or self.budgets or self.units_added or self.units_removed)


def inline(old: str, new: str) -> list[tuple[str, str]]:
    ops: list[tuple[str, str]] = []
    for tag, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("equal", old[a1:a2]))
            continue
        if tag in ("delete", "replace"):
            ops.append(("delete", old[a1:a2]))
        if tag in ("insert", "replace"):
            ops.append(("insert", new[b1:b2]))
    return ops


_MONEY = Text(zh="元", en="CNY")
_PERCENT = Text(zh="%", en="%")


def _figures(c: Clause) -> dict[tuple[str, str, str], tuple[Text, Decimal, Text]]:
    """(kind, id, field) -> (what, value, unit) for every figure of the clause's facts."""
    out: dict[tuple[str, str, str], tuple[Text, Decimal, Text]] = {}
    for i in c.incentives:
        for name in ("amount", "max_amount", "pool", "rate", "rate_min", "rate_max"):
            v = getattr(i, name)
            if v is not None:
                unit = _PERCENT if name.startswith("rate") else _MONEY
                out["incentive", i.id, name] = (i.what, Decimal(v), unit)
        if i.threshold is not None:
            out["incentive", i.id, "threshold"] = (i.what, i.threshold.value, i.threshold.unit)
    for t in c.targets:
        out["target", t.id, "value"] = (t.indicator, t.value, t.unit)
        if t.value_max is not None:
            out["target", t.id, "value_max"] = (t.indicator, t.value_max, t.unit)
    return out


def value_changes(old: Clause, new: Clause) -> list[ValueChange]:
    a, b = _figures(old), _figures(new)
    out = []
    for key in [*a, *(k for k in b if k not in a)]:
        va, vb = a.get(key), b.get(key)
        if va is None or vb is None or va[1] != vb[1]:
            what, _, unit = vb or va  # type: ignore[misc]
            out.append(ValueChange(what, key[2], va[1] if va else None,
                                   vb[1] if vb else None, unit))
    return out


def clause_map(old: Edition, new: Edition) -> dict[int, int]:
    """Old clause number -> new clause number, for every clause the new edition keeps."""
    result = diff(old, new).clauses
    gone = {d.old for d in result if d.kind == "removed"}
    moved = {d.old: d.new for d in result if d.kind == "renumbered"}
    added = {d.new for d in result if d.kind == "added"}
    numbers = {c.number for c in new.clauses}
    out = {}
    for c in old.clauses:
        if c.number in gone:
            continue
        target = moved.get(c.number, c.number)
        if target in numbers and (target not in added or c.number in moved):
            out[c.number] = target
    return out


def compare(old: Edition, new: Edition) -> Comparison:
    result = diff(old, new).clauses
    olds = {c.number: c for c in old.clauses}
    news = {c.number: c for c in new.clauses}
    cmp = Comparison(Ref.of(old), Ref.of(new))
    for d in result:
        if d.kind == "added" and d.new is not None:
            cmp.added.append((d.new, news[d.new].title))
        elif d.kind == "removed" and d.old is not None:
            cmp.removed.append((d.old, olds[d.old].title))
        elif d.kind == "renumbered" and d.old is not None and d.new is not None:
            cmp.renumbered.append((d.old, d.new, news[d.new].title))
    for a, b in clause_map(old, new).items():
        c, n = olds[a], news[b]
        units_old = [old.unit_by_id[u].name for u in c.responsible_units]
        units_new = [new.unit_by_id[u].name for u in n.responsible_units]
        change = ClauseChange(
            a, b, n.title, inline(c.full_zh, n.full_zh) if c.full_zh != n.full_zh else [],
            c.full_en != n.full_en, value_changes(c, n),
            [u for u in units_new if u.zh not in {x.zh for x in units_old}],
            [u for u in units_old if u.zh not in {x.zh for x in units_new}])
        if change.zh or change.en_changed or change.values or change.units_added \
                or change.units_removed:
            cmp.changed.append(change)
    old_b = {k: v[1] for k, v in old.budget_items.items()}
    new_b = {k: v[1] for k, v in new.budget_items.items()}
    for key in [*old_b, *(k for k in new_b if k not in old_b)]:
        a_item, b_item = old_b.get(key), new_b.get(key)
        if a_item is None or b_item is None or a_item.amount != b_item.amount:
            label = (b_item or a_item).label  # type: ignore[union-attr]
            cmp.budgets.append({"id": key, "label": label,
                                "old": a_item.amount if a_item else None,
                                "new": b_item.amount if b_item else None})
    old_units = {u.name.zh: u.name for u in old.units}
    new_units = {u.name.zh: u.name for u in new.units}
    cmp.units_added.extend(t for k, t in new_units.items() if k not in old_units)
    cmp.units_removed.extend(t for k, t in old_units.items() if k not in new_units)
    return cmp
