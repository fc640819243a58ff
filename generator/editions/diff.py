"""What changed between two states of a document, as a reviewer needs to see it: the one set
of differences that `generator diff` (text, JSON, Markdown), the comparison pages, the clause
timelines, the import report and the change-log check all read.

Two editions (`diff OLD NEW`), or the data now against the data at a git revision
(`diff --against main`, read by the CLI). Which clause is which is the alignment's answer
(`generator.editions.align`: clause ids, then content, whatever moved); for each pair: its
kinds (amended, renumbered, moved, possibly the same clause; changed when only the data
changed), the changed words of the Chinese and of the English, every figure of its facts old
-> new (for whom, in what unit), the responsible units, and the amendments that changed it.
Beside the clauses: chapters moved, units, budget items, amendments and change-log entries
added or changed. Pure: both editions are given.
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
from generator.data.schema import Change, Clause, Text
from generator.editions.align import Alignment, Pair, align_editions

# A word: a number (1.5, 15,000), a Latin word, a run of spaces, or one other character
# (each Chinese character is a word: the diff shows 1.5 -> 1.8 inside 最高补贴1.5万元).
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+(?:['’-][A-Za-z]+)*|\s+|.", re.S)
CONTEXT = 12  # characters of unchanged text shown around a change
_MONEY = Text(zh="元", en="CNY")
_PERCENT = Text(zh="%", en="%")


@dataclass
class ValueChange:
    """One figure of a fact, old -> new (None: the fact is new, or gone)."""

    fact: str  # `incentive new-energy-vehicle max_amount`, as the JSON names it
    kind: str  # incentive | target
    id: str
    field: str  # one of schema.FIGURE_FIELDS, or threshold
    what: Text  # the incentive's `what` or the target's indicator
    who: Text | None  # the incentive's `who`
    old: Decimal | None
    new: Decimal | None
    unit: Text  # 元 / CNY for money, % for rates, the target's unit otherwise

    @property
    def delta(self) -> Decimal | None:
        return self.new - self.old if self.old is not None and self.new is not None else None

    @property
    def ratio(self) -> Decimal | None:
        """new / old - 1, when both are there and the old is not zero."""
        if self.old and self.new is not None:
            return self.new / self.old - 1
        return None

    def summary(self) -> dict[str, str]:
        return {"fact": self.fact, "old": show(self.old) if self.old is not None else "—",
                "new": show(self.new) if self.new is not None else "—"}


@dataclass
class ClauseDiff:
    kinds: tuple[str, ...]  # the alignment's (added, removed, possible, moved, renumbered,
    #                         amended, same), plus `changed` when only the data changed
    old: int | None
    new: int | None
    title: str
    evidence: str = ""
    languages: list[str] = field(default_factory=list)  # zh, en: whose text changed
    words: dict[str, list[list[str]]] = field(default_factory=dict)  # lang -> [op, text]
    values: list[ValueChange] = field(default_factory=list)
    units: dict[str, list[str]] | None = None  # {"old": […], "new": […]}
    amendments: list[str] = field(default_factory=list)  # ids of new amendments

    @property
    def kind(self) -> str:
        """One word for lists: added, removed, possible, moved, renumbered, amended, changed."""
        for k in ("added", "removed", "possible", "moved", "renumbered", "amended",
                  "changed"):
            if k in self.kinds:
                return k
        return "same"

    @property
    def text_changed(self) -> bool:
        return bool(self.languages)


@dataclass
class EditionDiff:
    document: str
    clauses: list[ClauseDiff] = field(default_factory=list)
    chapters: list[dict[str, Any]] = field(default_factory=list)  # moved, added, removed
    units: list[dict[str, str]] = field(default_factory=list)  # id, old, new
    budgets: list[dict[str, str]] = field(default_factory=list)  # id, old, new
    amendments: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)  # new change-log entries
    alignment: Alignment | None = field(default=None, repr=False)

    @property
    def empty(self) -> bool:
        return not (self.clauses or self.chapters or self.units or self.budgets
                    or self.amendments or self.changes)

    def of_kind(self, kind: str) -> list[ClauseDiff]:
        return [d for d in self.clauses if kind in d.kinds]

    @property
    def values(self) -> list[tuple[ClauseDiff, ValueChange]]:
        """Every figure that changed, with its clause: what a reader asks first."""
        return [(d, v) for d in self.clauses for v in d.values]


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


def figures(c: Clause) -> dict[tuple[str, str, str], tuple[Text, Text | None, Decimal, Text]]:
    """(kind, id, field) -> (what, who, value, unit) for every figure of the clause's facts."""
    out: dict[tuple[str, str, str], tuple[Text, Text | None, Decimal, Text]] = {}
    for i in c.incentives:
        for name, value in i.figures().items():
            unit = (i.threshold.unit if name == "threshold" and i.threshold else
                    _PERCENT if name.startswith("rate") else
                    Text(zh="美元", en="USD") if i.currency.value == "USD" else _MONEY)
            out["incentive", i.id, name] = (i.what, i.who, value, unit)
    for t in c.targets:
        for name, value in t.figures().items():
            unit = t.threshold.unit if name == "threshold" and t.threshold else t.unit
            out["target", t.id, name] = (t.indicator, None, value, unit)
    return out


def value_changes(old: Clause, new: Clause) -> list[ValueChange]:
    """The figures of two versions of a clause that differ, facts matched by id."""
    a, b = figures(old), figures(new)
    out = []
    for key in [*a, *(k for k in b if k not in a)]:
        va, vb = a.get(key), b.get(key)
        if va is None or vb is None or va[2] != vb[2]:
            what, who, _, unit = vb or va  # type: ignore[misc]
            out.append(ValueChange(f"{key[0]} {key[1]} {key[2]}", key[0], key[1], key[2], what,
                                   who, va[2] if va else None, vb[2] if vb else None, unit))
    return out


def _compare(p: Pair, c: Clause, other: Clause, new_amendments: dict[str, set[int]]
             ) -> ClauseDiff:
    d = ClauseDiff(p.kinds, c.number, other.number, other.title.zh, p.evidence,
                   values=value_changes(c, other))
    for lang, a, b in (("zh", c.full_zh, other.full_zh), ("en", c.full_en, other.full_en)):
        if a != b:
            d.languages.append(lang)
            d.words[lang] = words(a, b)
    if c.responsible_units != other.responsible_units:
        d.units = {"old": list(c.responsible_units), "new": list(other.responsible_units)}
    d.amendments = sorted(a for a, ns in new_amendments.items() if other.number in ns)
    if (d.values or d.units or "en" in d.languages or d.amendments) and \
            "amended" not in d.kinds:
        d.kinds = (*(k for k in d.kinds if k != "same"), "changed")
    return d


def _clauses(old: Edition, new: Edition, aligned: Alignment,
             new_amendments: dict[str, set[int]]) -> list[ClauseDiff]:
    olds = {c.number: c for c in old.clauses}
    news = {c.number: c for c in new.clauses}
    out: list[ClauseDiff] = []
    for p in aligned.clauses:
        if p.new is None:
            assert p.old is not None
            out.append(ClauseDiff(p.kinds, p.old, None, olds[p.old].title.zh, p.evidence))
        elif p.old is None:
            out.append(ClauseDiff(p.kinds, None, p.new, news[p.new].title.zh, p.evidence))
        else:
            d = _compare(p, olds[p.old], news[p.new], new_amendments)
            if d.kinds != ("same",):
                out.append(d)
    return out


def _entry(c: Change) -> dict[str, Any]:
    return {"date": c.date, "kind": c.kind.value, "clauses": list(c.clauses),
            "summary": {"zh": c.summary.zh, "en": c.summary.en}}


def new_entries(old: Edition, new: Edition) -> list[Change]:
    """Change-log entries (amendments' included) that the old state does not have."""
    before = {json.dumps(_entry(c), sort_keys=True) for _, c in old.change_log}
    return [c for _, c in new.change_log if json.dumps(_entry(c), sort_keys=True) not in before]


def diff(old: Edition, new: Edition, aligned: Alignment | None = None) -> EditionDiff:
    aligned = aligned or align_editions(old, new)
    old_ids = {a.id for a in old.amendments}
    added = [a for a in new.amendments if a.id not in old_ids]
    new_amendments = {a.id: {c.clause for c in a.changes if c.clause is not None}
                      for a in added}
    out = EditionDiff(new.id, _clauses(old, new, aligned, new_amendments), alignment=aligned)
    titles_old = {ch.number: ch.title.zh for ch in old.chapters}
    titles_new = {ch.number: ch.title.zh for ch in new.chapters}
    out.chapters = [{"kinds": list(c.kinds), "old": c.old, "new": c.new,
                     "title": titles_new.get(c.new or 0) or titles_old.get(c.old or 0, ""),
                     "evidence": c.evidence}
                    for c in aligned.chapters if c.kinds != ("same",)]
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


def _what(d: ClauseDiff) -> str:
    parts = [k for k in d.kinds if k in ("moved", "renumbered")]
    parts += ["text changed"] if d.text_changed else []
    parts += ["values changed"] if d.values else []
    parts += ["units changed"] if d.units else []
    return ", ".join(parts) or "changed"


def _clause_line(d: ClauseDiff) -> str:
    if d.kind == "added":
        return f"added      clause {d.new}: {d.title}"
    if d.kind == "removed":
        return f"removed    clause {d.old}: {d.title}"
    label = f"{d.old} -> {d.new}" if d.old != d.new else str(d.new)
    word = {"possible": "possibly  ", "moved": "moved     ", "renumbered": "renumbered",
            "amended": "amended   ", "changed": "changed   "}[d.kind]
    extra = f" (possibly the same clause: {d.evidence.split(': ', 1)[-1]})" \
        if d.kind == "possible" else ""
    return f"{word} clause {label}: {_what(d)}: {d.title}{extra}"


def as_text(result: EditionDiff) -> str:
    if result.empty:
        return "no differences\n"
    lines: list[str] = []
    for d in result.clauses:
        lines.append(_clause_line(d))
        lines += [f"    {'Chinese' if lang == 'zh' else 'English'}: "
                  f"{excerpt(d.words[lang], _TEXT_MARK)}" for lang in d.languages]
        lines += [f"    {v.fact}: {v.summary()['old']} -> {v.summary()['new']}"
                  for v in d.values]
        if d.units:
            lines.append(f"    responsible units: {', '.join(d.units['old'])} -> "
                         f"{', '.join(d.units['new'])}")
        lines += [f"    amended by {a}" for a in d.amendments]
    lines += [f"chapter {c['old']} -> {c['new']} ({', '.join(c['kinds'])}): {c['title']}"
              for c in result.chapters]
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


def clause_json(d: ClauseDiff) -> dict[str, Any]:
    return {"kind": d.kind, "kinds": list(d.kinds), "old": d.old, "new": d.new,
            "title": d.title, "evidence": d.evidence, "text_changed": d.text_changed,
            "languages": d.languages, "words": d.words,
            "values": [v.summary() for v in d.values], "units": d.units,
            "amendments": d.amendments}


def as_json(results: list[EditionDiff]) -> str:
    data = [{"document": r.document, "clauses": [clause_json(d) for d in r.clauses],
             **{k: v for k, v in asdict(r).items()
                if k not in ("document", "clauses", "alignment")}}
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
                what = d.kind if d.kind in ("added", "removed") else ", ".join(
                    w for w, on in (("possibly the same clause", d.kind == "possible"),
                                    ("moved", "moved" in d.kinds),
                                    ("renumbered", "renumbered" in d.kinds),
                                    ("text", d.text_changed), ("values", bool(d.values)),
                                    ("units", bool(d.units)),
                                    ("amended", bool(d.amendments))) if on)
                links = (" · ".join(f"[{lang}]({clause_url(preview, lang, r.document, n)})"
                                    for lang in ("zh", "en"))
                         if preview and d.new else "")
                label = f"{d.old} → {d.new}" if d.old and d.new and d.old != d.new else str(n)
                out.append(f"| {label} {_cell(d.title)} | {what} | "
                           f"{', '.join(d.languages) or '—'} | {links} |")
            for d in r.clauses:
                details = [f"- {'Chinese' if lang == 'zh' else 'English'}: "
                           f"{_cell(excerpt(d.words[lang], _MD_MARK))}" for lang in d.languages]
                details += [f"- `{v.fact}`: {v.summary()['old']} → {v.summary()['new']}"
                            for v in d.values]
                if d.units:
                    details.append(f"- responsible units: {', '.join(d.units['old'])} → "
                                   f"{', '.join(d.units['new'])}")
                details += [f"- amended by `{a}`" for a in d.amendments]
                if details:
                    out += ["", f"**Clause {d.new or d.old}**", "", *details]
        if r.chapters:
            out += ["", "**Chapters**", "", *[f"- {c['old']} → {c['new']} "
                                              f"({', '.join(c['kinds'])}): {_cell(c['title'])}"
                                              for c in r.chapters]]
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
