"""`python -m generator diff`: what changed between two states of a document, as a reviewer
needs to see it.

Two editions (`diff OLD NEW`), or the data now against the data at a git revision
(`diff --against main`, read by the CLI). Clauses are matched by their Chinese text first (so
a moved clause is "renumbered", not removed and added), then by number. For a changed
clause: which language changed and the changed words (a word diff of the Chinese and of the
English), fact values old -> new, responsible units, and the amendments that changed it.
Beside the clauses: units, budget items, amendments and change-log entries added or changed.
Output as text, JSON, or Markdown for a pull request's job summary (with links to the
changed pages of the preview). Pure: both editions are given.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from generator.data.model import Edition
from generator.data.numbers import show
from generator.data.schema import Change, Clause

_FIELDS = ("amount", "max_amount", "pool", "rate", "rate_min", "rate_max")
# A word: a number (1.5, 15,000), a Latin word, a run of spaces, or one other character
# (each Chinese character is a word: the diff shows 1.5 -> 1.8 inside 最高补贴1.5万元).
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+(?:['’-][A-Za-z]+)*|\s+|.", re.S)
CONTEXT = 12  # characters of unchanged text shown around a change


@dataclass
class ClauseDiff:
    kind: str  # added | removed | renumbered | changed
    old: int | None
    new: int | None
    title: str
    text_changed: bool = False
    languages: list[str] = field(default_factory=list)  # zh, en: whose text changed
    words: dict[str, list[list[str]]] = field(default_factory=dict)  # lang -> [op, text]
    values: list[dict[str, str]] = field(default_factory=list)
    units: dict[str, list[str]] | None = None  # {"old": […], "new": […]}
    amendments: list[str] = field(default_factory=list)  # ids of new amendments


@dataclass
class EditionDiff:
    document: str
    clauses: list[ClauseDiff] = field(default_factory=list)
    units: list[dict[str, str]] = field(default_factory=list)  # id, old, new
    budgets: list[dict[str, str]] = field(default_factory=list)  # id, old, new
    amendments: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)  # new change-log entries

    @property
    def empty(self) -> bool:
        return not (self.clauses or self.units or self.budgets or self.amendments
                    or self.changes)


def words(old: str, new: str) -> list[list[str]]:
    """A word diff: [op, text] with op `=` (kept), `-` (removed) or `+` (added)."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    out: list[list[str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(["=", "".join(a[i1:i2])])
        else:
            if i2 > i1:
                out.append(["-", "".join(a[i1:i2])])
            if j2 > j1:
                out.append(["+", "".join(b[j1:j2])])
    return out


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


def _compare(kind: str, c: Clause, other: Clause, new_amendments: dict[str, set[int]]
             ) -> ClauseDiff:
    d = ClauseDiff(kind, c.number, other.number, other.title.zh,
                   values=_value_changes(c, other))
    for lang, a, b in (("zh", c.full_zh, other.full_zh), ("en", c.full_en, other.full_en)):
        if a != b:
            d.languages.append(lang)
            d.words[lang] = words(a, b)
    d.text_changed = bool(d.languages)
    if c.responsible_units != other.responsible_units:
        d.units = {"old": list(c.responsible_units), "new": list(other.responsible_units)}
    d.amendments = sorted(a for a, ns in new_amendments.items() if other.number in ns)
    return d


def _clauses(old: Edition, new: Edition, new_amendments: dict[str, set[int]]
             ) -> list[ClauseDiff]:
    olds = {c.number: c for c in old.clauses}
    news = {c.number: c for c in new.clauses}
    out: list[ClauseDiff] = []
    by_text = {c.full_zh: c for c in new.clauses}
    matched_old: set[int] = set()
    matched_new: set[int] = set()
    for c in old.clauses:  # same text under another number
        other = by_text.get(c.full_zh)
        if other is not None and other.number != c.number and other.number not in matched_new:
            out.append(_compare("renumbered", c, other, new_amendments))
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
        d = _compare("changed", c, other, new_amendments)
        if d.text_changed or d.values or d.units or d.amendments:
            out.append(d)
    for n, c in news.items():
        if n not in matched_new:
            out.append(ClauseDiff("added", None, n, c.title.zh))
    order = {"removed": 0, "added": 1, "renumbered": 2, "changed": 3}
    return sorted(out, key=lambda d: (d.old or d.new or 0, order[d.kind]))


def _entry(c: Change) -> dict[str, Any]:
    return {"date": c.date, "kind": c.kind.value, "clauses": list(c.clauses),
            "summary": {"zh": c.summary.zh, "en": c.summary.en}}


def new_entries(old: Edition, new: Edition) -> list[Change]:
    """Change-log entries (amendments' included) that the old state does not have."""
    before = {json.dumps(_entry(c), sort_keys=True) for _, c in old.change_log}
    return [c for _, c in new.change_log if json.dumps(_entry(c), sort_keys=True) not in before]


def diff(old: Edition, new: Edition) -> EditionDiff:
    old_ids = {a.id for a in old.amendments}
    added = [a for a in new.amendments if a.id not in old_ids]
    new_amendments = {a.id: {c.clause for c in a.changes if c.clause is not None}
                      for a in added}
    out = EditionDiff(new.id, _clauses(old, new, new_amendments))
    ou, nu = old.unit_by_id, new.unit_by_id
    for uid in sorted(ou.keys() | nu.keys()):
        a = ou.get(uid)
        b = nu.get(uid)
        was = f"{a.name.zh} / {a.name.en}" if a else "—"
        now = f"{b.name.zh} / {b.name.en}" if b else "—"
        if a != b:
            out.units.append({"id": uid, "old": was, "new": now})
    ob = {k: v[1].amount for k, v in old.budget_items.items()}
    nb = {k: v[1].amount for k, v in new.budget_items.items()}
    out.budgets = [{"id": k, "old": str(ob[k]) if k in ob else "—",
                    "new": str(nb[k]) if k in nb else "—"}
                   for k in sorted(ob.keys() | nb.keys()) if ob.get(k) != nb.get(k)]
    out.amendments = [{"id": a.id, "kind": a.kind.value, "document_number": a.document_number.zh,
                       "date": a.date, "clauses": sorted(new_amendments[a.id]),
                       "changes": [{"old": c.old, "new": c.new} for c in a.changes]}
                      for a in added]
    out.changes = [_entry(c) for c in new_entries(old, new)]
    return out


# --- output ------------------------------------------------------------------------------

def _head(text: str) -> str:
    """The first words of an unchanged run: CONTEXT characters, or whole English words."""
    if len(text) <= CONTEXT:
        return text
    if text.isascii():
        cut = text[: 3 * CONTEXT]
        return (cut.rsplit(" ", 1)[0] if " " in cut[1:] else cut) + "…"
    return text[:CONTEXT] + "…"


def _tail(text: str) -> str:
    if len(text) <= CONTEXT:
        return text
    if text.isascii():
        cut = text[-3 * CONTEXT:]
        return "…" + (cut.split(" ", 1)[1] if " " in cut[:-1] else cut)
    return "…" + text[-CONTEXT:]


def excerpt(ops: list[list[str]], mark: tuple[str, str, str, str]) -> str:
    """The changed words with a little context, e.g. `…最高补贴[-1.5-]{+1.8+}万元、每辆燃…`."""
    del_open, del_close, ins_open, ins_close = mark
    parts: list[str] = []
    last = len(ops) - 1
    for i, (op, text) in enumerate(ops):
        text = " ".join(text.split("\n"))
        if op == "-":
            parts.append(f"{del_open}{text}{del_close}")
        elif op == "+":
            parts.append(f"{ins_open}{text}{ins_close}")
        elif i == 0:
            parts.append(_tail(text))
        elif i == last:
            parts.append(_head(text))
        elif len(text) > 2 * CONTEXT + 2 and len(_head(text)) + len(_tail(text)) < len(text):
            parts.append(_head(text)[:-1] + " … " + _tail(text)[1:])
        else:
            parts.append(text)
    return "".join(parts)


_TEXT_MARK = ("[-", "-]", "{+", "+}")
_MD_MARK = ("<del>", "</del>", "<ins>", "</ins>")


def _clause_line(d: ClauseDiff) -> str:
    if d.kind == "added":
        return f"added      clause {d.new}: {d.title}"
    if d.kind == "removed":
        return f"removed    clause {d.old}: {d.title}"
    if d.kind == "renumbered":
        return f"renumbered clause {d.old} -> {d.new}: {d.title}"
    what = "text changed" if d.text_changed else "values changed" if d.values else "changed"
    return f"changed    clause {d.new}: {what}: {d.title}"


def as_text(result: EditionDiff) -> str:
    if result.empty:
        return "no differences\n"
    lines: list[str] = []
    for d in result.clauses:
        lines.append(_clause_line(d))
        lines += [f"    {'Chinese' if lang == 'zh' else 'English'}: "
                  f"{excerpt(d.words[lang], _TEXT_MARK)}" for lang in d.languages]
        lines += [f"    {v['fact']}: {v['old']} -> {v['new']}" for v in d.values]
        if d.units:
            lines.append(f"    responsible units: {', '.join(d.units['old'])} -> "
                         f"{', '.join(d.units['new'])}")
        lines += [f"    amended by {a}" for a in d.amendments]
    lines += [f"unit {u['id']}: {u['old']} -> {u['new']}" for u in result.units]
    lines += [f"budget {b['id']}: {b['old']} -> {b['new']}" for b in result.budgets]
    for a in result.amendments:
        lines.append(f"amendment {a['id']}: {a['document_number']} of {a['date']}, clauses "
                     f"{', '.join(map(str, a['clauses'])) or '(none)'}")
        lines += [f"    {c['old']} -> {c['new']}" for c in a["changes"]]
    for c in result.changes:
        lines.append(f"change log: {c['date']} {c['kind']} "
                     f"{c['clauses'] or 'whole document'}: {c['summary']['en']}")
    return "\n".join(lines) + "\n"


def as_json(results: list[EditionDiff]) -> str:
    data = [{"document": r.document, **{k: v for k, v in asdict(r).items() if k != "document"}}
            for r in results]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def clause_url(base: str, lang: str, document: str, number: int) -> str:
    """Where a clause's page is in the site: the page table's path, under the document."""
    from generator.render.jinja import page_url  # here: render imports this module
    from generator.render.pages import TABLE

    row = next(r for r in TABLE if r.name == "clause")
    path = page_url(row.path(SimpleNamespace(number=number)))
    return f"{base.rstrip('/')}/{lang}/{document}/{path}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def as_markdown(results: list[EditionDiff], against: str, preview: str | None) -> str:
    """The pull request's job summary: what changed, readable without opening the YAML."""
    out = ["## What this pull request changes in the handbook", "",
           f"Compared with `{against}`."]
    if preview:
        out += ["", f"Page links open in the preview: download it, run `python3 serve.py` in "
                f"the unzipped folder, then follow a link ({preview})."]
    if all(r.empty for r in results):
        return "\n".join([*out, "", "No change to the data.", ""])
    for r in results:
        if r.empty:
            continue
        out += ["", f"### {r.document}"]
        if r.clauses:
            out += ["", "| clause | what changed | languages | pages |", "|---|---|---|---|"]
            for d in r.clauses:
                n = d.new or d.old or 0
                what = d.kind if d.kind != "changed" else ", ".join(
                    w for w, on in (("text", d.text_changed), ("values", bool(d.values)),
                                    ("units", bool(d.units)),
                                    ("amended", bool(d.amendments))) if on)
                links = (" · ".join(f"[{lang}]({clause_url(preview, lang, r.document, n)})"
                                    for lang in ("zh", "en"))
                         if preview and d.new else "")
                label = f"{d.old} → {d.new}" if d.kind == "renumbered" else str(n)
                out.append(f"| {label} {_cell(d.title)} | {what} | "
                           f"{', '.join(d.languages) or '—'} | {links} |")
            for d in r.clauses:
                details = [f"- {'Chinese' if lang == 'zh' else 'English'}: "
                           f"{_cell(excerpt(d.words[lang], _MD_MARK))}" for lang in d.languages]
                details += [f"- `{v['fact']}`: {v['old']} → {v['new']}" for v in d.values]
                if d.units:
                    details.append(f"- responsible units: {', '.join(d.units['old'])} → "
                                   f"{', '.join(d.units['new'])}")
                details += [f"- amended by `{a}`" for a in d.amendments]
                if details:
                    out += ["", f"**Clause {d.new or d.old}**", "", *details]
        if r.units:
            out += ["", "**Units**", "", *[f"- `{u['id']}`: {u['old']} → {u['new']}"
                                           for u in r.units]]
        if r.budgets:
            out += ["", "**Budget items** (yuan)", "",
                    *[f"- `{b['id']}`: {b['old']} → {b['new']}" for b in r.budgets]]
        if r.amendments:
            out += ["", "**Amendments**", ""]
            for a in r.amendments:
                out.append(f"- `{a['id']}`: {a['document_number']} of {a['date']} "
                           f"({a['kind']}), clauses {', '.join(map(str, a['clauses'])) or '—'}")
                out += [f"  - <del>{_cell(c['old'])}</del> → <ins>{_cell(c['new'])}</ins>"
                        for c in a["changes"]]
        if r.changes:
            out += ["", "**Change log** (new entries)", ""]
            out += [f"- {c['date']} · {c['kind']} · "
                    f"{', '.join(map(str, c['clauses'])) or 'whole document'}: "
                    f"{_cell(c['summary']['en'])}" for c in r.changes]
    return "\n".join(out) + "\n"
