"""Two editions of a series side by side: what a reader of the comparison page needs, in the
order a reader asks it: which amounts changed, for whom, by how much; then clauses added,
removed, possibly the same, moved and renumbered; each changed clause with its Chinese as an
inline diff and its units; chapters moved; budgets and units.

A view of `diff.diff`, the pair's one set of differences (its alignment is the one the import
report, `generator diff` and the timelines read): nothing here pairs clauses on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.data.model import Edition
from generator.data.schema import Pending, Text
from generator.editions.diff import EditionDiff, ValueChange, diff


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
class AmountChange:
    """A figure that changed between the editions, with its clause: what a reader of the
    comparison asks first (which amounts changed, for whom, by how much)."""

    old_clause: int
    new_clause: int
    clause_title: Text
    value: ValueChange

    @property
    def direction(self) -> str:
        """up, down, new (no old value) or gone (no new value)."""
        v = self.value
        if v.old is None:
            return "new"
        if v.new is None:
            return "gone"
        return "up" if v.new > v.old else "down"


@dataclass(frozen=True)
class ClauseChange:
    old: int
    new: int
    title: Text
    kinds: tuple[str, ...]
    zh: list[tuple[str, str]]  # inline diff of the Chinese: (equal|delete|insert, text)
    en_changed: bool
    values: list[ValueChange]
    units_added: list[Text]
    units_removed: list[Text]
    evidence: str = ""


@dataclass(frozen=True)
class Comparison:
    old: Ref
    new: Ref
    amounts: list[AmountChange] = field(default_factory=list)
    added: list[tuple[int, Text]] = field(default_factory=list)
    removed: list[tuple[int, Text]] = field(default_factory=list)
    possible: list[tuple[int, int, Text, str]] = field(default_factory=list)
    moved: list[tuple[int, int, Text]] = field(default_factory=list)
    renumbered: list[tuple[int, int, Text]] = field(default_factory=list)
    changed: list[ClauseChange] = field(default_factory=list)
    chapters: list[tuple[int | None, int | None, Text, tuple[str, ...]]] = field(
        default_factory=list)
    budgets: list[dict[str, object]] = field(default_factory=list)  # {"id", "label", "old", "new"}
    units_added: list[Text] = field(default_factory=list)
    units_removed: list[Text] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.amounts or self.added or self.removed or self.possible or self.moved
                    or self.renumbered or self.changed or self.budgets or self.units_added
                    or self.units_removed or self.chapters)


_OPS = {"=": "equal", "-": "delete", "+": "insert"}


def compare(old: Edition, new: Edition, result: EditionDiff | None = None) -> Comparison:
    """The comparison page's view of the pair's one set of differences (`diff.diff`)."""
    result = result or diff(old, new)
    olds = {c.number: c for c in old.clauses}
    news = {c.number: c for c in new.clauses}
    cmp = Comparison(Ref.of(old), Ref.of(new))
    for d in result.clauses:
        if d.kind == "added" and d.new is not None:
            cmp.added.append((d.new, news[d.new].title))
            continue
        if d.kind == "removed" and d.old is not None:
            cmp.removed.append((d.old, olds[d.old].title))
            continue
        assert d.old is not None and d.new is not None
        c, n = olds[d.old], news[d.new]
        if "possible" in d.kinds:
            cmp.possible.append((d.old, d.new, n.title, d.evidence))
        elif "moved" in d.kinds:
            cmp.moved.append((d.old, d.new, n.title))
        elif "renumbered" in d.kinds:
            cmp.renumbered.append((d.old, d.new, n.title))
        cmp.amounts.extend(AmountChange(d.old, d.new, n.title, v) for v in d.values)
        units_old = [old.unit_by_id[u].name for u in c.responsible_units if u in old.unit_by_id]
        units_new = [new.unit_by_id[u].name for u in n.responsible_units if u in new.unit_by_id]
        change = ClauseChange(
            d.old, d.new, n.title, d.kinds,
            [(_OPS[op], text) for op, text in d.words["zh"]] if "zh" in d.words else [],
            "en" in d.languages, d.values,
            [u for u in units_new if u.zh not in {x.zh for x in units_old}],
            [u for u in units_old if u.zh not in {x.zh for x in units_new}], d.evidence)
        if change.zh or change.en_changed or change.values or change.units_added \
                or change.units_removed:
            cmp.changed.append(change)
    cmp.amounts.sort(key=lambda a: (a.value.kind != "incentive", a.new_clause))
    titles = {**{ch.number: ch.title for ch in old.chapters}}
    new_titles = {ch.number: ch.title for ch in new.chapters}
    for ch in result.chapters:
        title = new_titles.get(ch["new"]) or titles.get(ch["old"])
        if title is not None:
            cmp.chapters.append((ch["old"], ch["new"], title, tuple(ch["kinds"])))
    old_b = {k: v[1] for k, v in old.budget_items.items()}
    new_b = {k: v[1] for k, v in new.budget_items.items()}
    for key in [*old_b, *(k for k in new_b if k not in old_b)]:
        a_item, b_item = old_b.get(key), new_b.get(key)
        if a_item is None or b_item is None or a_item.amount != b_item.amount:
            label = (b_item or a_item).label  # type: ignore[union-attr]
            cmp.budgets.append({"id": key, "label": label,
                                "old": a_item.amount if a_item else None,
                                "new": b_item.amount if b_item else None})
    old_names = {u.name.zh: u.name for u in old.units}
    new_names = {u.name.zh: u.name for u in new.units}
    cmp.units_added.extend(t for zh, t in new_names.items() if zh not in old_names)
    cmp.units_removed.extend(t for zh, t in old_names.items() if zh not in new_names)
    return cmp
