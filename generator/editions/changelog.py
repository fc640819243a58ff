"""No published number changes without a trace: compared with the last published state (the
data at a git revision, given by the CLI), every clause whose text, fact values or
responsible units changed, and every changed unit or budget item, needs a new change-log
entry naming it (an amendment makes its own). Otherwise one problem says what changed and
gives the entry to paste into changes.yaml. Pure: both editions and the date are given.
"""

from __future__ import annotations

from generator.data.model import Edition
from generator.editions.diff import ClauseDiff, diff, new_entries
from generator.problems import Problem

TODO = "TODO"  # a summary still starting with this is refused by `check` (structure.change_log)


def _what(d: ClauseDiff) -> str:
    if d.kind in ("added", "removed"):
        return d.kind
    parts = []
    if d.languages:
        parts.append(("Chinese and English" if len(d.languages) == 2 else
                      "Chinese" if d.languages == ["zh"] else "English") + " text")
    parts += [f"{v.fact} {v.summary()['old']} -> {v.summary()['new']}" for v in d.values]
    if d.units:
        parts.append("responsible units")
    return ", ".join(parts) or d.kind


def stub(date: str, kind: str, clauses: list[int]) -> str:
    """A change-log entry to paste at the end of changes.yaml (its summaries to be written)."""
    return (f'  - date: "{date}"\n    kind: {kind}\n    clauses: [{", ".join(map(str, clauses))}]'
            f'\n    summary:\n      zh: "{TODO}: 写明改了什么、为什么"\n'
            f'      en: "{TODO}: say what changed and why"')


def unlogged(old: Edition, new: Edition, base: str, today: str) -> list[Problem]:
    """One problem naming everything that changed since `base` without a change-log entry,
    with the entry to add; none when every change is logged."""
    d = diff(old, new)
    logged = new_entries(old, new)
    whole = any(not c.clauses for c in logged)
    named = {n for c in logged for n in c.clauses}
    missing: list[tuple[int | None, str]] = []
    english_only = True
    for cd in d.clauses:
        number = cd.new if cd.new is not None else cd.old
        if whole or (cd.new is not None and cd.new in named):
            continue
        missing.append((cd.new, f"clause {number} ({_what(cd)})"))
        english_only &= cd.languages == ["en"] and not cd.values and not cd.units
    for u in d.units:
        clauses = {c.number for c in new.clauses_of_unit(u["id"])}
        if not whole and not clauses & named:
            missing.append((None, f"unit {u['id']} ({u['old']} -> {u['new']})"))
            english_only = False
    for b in d.budgets:
        chapter = new.budget_items.get(b["id"], (None, None))[0]
        clauses = {c.number for c in chapter.clauses} if chapter else set()
        if not whole and not clauses & named:
            missing.append((None, f"budget item {b['id']} ({b['old']} -> {b['new']})"))
            english_only = False
    if not missing:
        return []
    numbers = sorted({n for n, _ in missing if n is not None})
    kind = "translation" if english_only else "correction"
    where = ("changes.yaml", ("changes",)) if "changes.yaml" in new.files else None
    file = new.files[where[0]] if where else new.files["document.yaml"]
    add = ("add this entry at the end of changes.yaml" if where else
           "create changes.yaml with `changes:` and this entry")
    return [file.problem(where[1] if where else (), f"changed since {base} with no change-log "
                         f"entry: {'; '.join(w for _, w in missing)}. So that readers see it in "
                         f"\"What's new\" and the feeds, {add}, write both summaries (kind "
                         "`translation` or `typo` when nothing the document says changed; an "
                         "official notice goes into amendments.yaml instead), and run `make "
                         f"check` again:\n{stub(today, kind, numbers)}")]
