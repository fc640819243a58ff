"""From a parse (and the previous edition, if any) to the models of a new edition. Pure: the
caller reads the input and writes the files.

Texts whose Chinese is unchanged keep their English; changed texts keep the earlier English
only as `pending: outdated`; new texts are `pending: new`. Facts, units, glossary terms and
calculators carry over where they still apply (see `carry`); every other number gets a stub
(see `facts`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from pypinyin import lazy_pinyin

from generator.data.checks.common import Fact
from generator.data.model import Edition
from generator.data.schema import (
    BudgetItem,
    BudgetNote,
    Calculator,
    Change,
    Chapter,
    Clause,
    Document,
    Figure,
    GlossaryEntry,
    Incentive,
    MetadataField,
    Notice,
    Period,
    PublishedStyle,
    SituationGroup,
    Target,
    Text,
    Unit,
)
from generator.importer.carry import (
    Carried,
    carry_facts,
    carry_text,
    match_clauses,
    renumber_references,
)
from generator.importer.facts import pending, stubs
from generator.importer.grammar import MetaField, ParsedChapter, ParsedDocument
from generator.importer.report import Report
from generator.importer.units import UnitList, unit_id
from generator.render.filters import money

# The portal's metadata labels, their keys and English (as the hand-made data writes them).
METADATA = {
    "索引号": ("index-number", "Index number"), "公开方式": ("disclosure", "Disclosure"),
    "发布单位": ("issuer", "Issued by"), "发文机关": ("issuer", "Issued by"),
    "成文日期": ("date-written", "Date of writing"), "有效性": ("validity", "Validity"),
    "规范性文件登记": ("registration-number", "Normative document registration"),
    "登记号": ("registration-number", "Normative document registration"),
    "文件编号": ("document-number", "Document number"),
    "发文字号": ("document-number", "Document number"), "时间": ("published", "Published"),
    "发布时间": ("published", "Published"), "来源": ("source", "Source"),
    "浏览次数": ("views", "Page views"), "主题分类": ("topic", "Topic"),
}
KNOWN_VALUES = {"主动公开": "Proactive disclosure", "有效": "In force", "失效": "Not in force",
                "(此件公开发布)": "(This document is released to the public.)",
                "（此件公开发布）": "(This document is released to the public.)"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Imported:
    document: Document
    chapters: list[tuple[str, Chapter]]  # file name, chapter
    units: list[Unit]
    glossary: list[GlossaryEntry]
    calculators: list[Calculator]
    source_text: str
    report: Report = field(repr=False, default_factory=lambda: Report("", ""))
    changes: list[Change] = field(default_factory=list)
    finder: list[SituationGroup] = field(default_factory=list)


def _generated(zh: str, old: Text | None) -> Text:
    """A text whose English follows from its Chinese: a date, a known phrase, an edition."""
    if old is not None and old.zh == zh:
        return old
    if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", zh):
        return Text(zh=zh, en=f"{int(m.group(3))} {MONTHS[int(m.group(2)) - 1]} {m.group(1)}")
    if m := re.fullmatch(r"[(（](\d{4})年版[)）]", zh):
        return Text(zh=zh, en=f"({m.group(1)} Edition)")
    if zh in KNOWN_VALUES:
        return Text(zh=zh, en=KNOWN_VALUES[zh])
    return carry_text(old, zh)


def _metadata(fields: Sequence[MetaField], old: Sequence[MetadataField]) -> list[MetadataField]:
    out: list[MetadataField] = []
    keys: set[str] = set()
    for f in fields:
        prev = next((o for o in old if o.label.zh == f.label), None)
        key = prev.key if prev else METADATA.get(f.label, ("", ""))[0]
        if not key or key in keys:
            key = unit_id(f.label, keys)
        keys.add(key)
        label = prev.label if prev else (Text(zh=f.label, en=METADATA[f.label][1])
                                         if f.label in METADATA else pending(f.label))
        value: str | Text = f.value
        if _CJK.search(f.value):
            old_value = prev.value if prev and isinstance(prev.value, Text) else None
            value = _generated(f.value, old_value)
        out.append(MetadataField(key=key, label=label, value=value, after_title=f.after_title))
    return out


def _file_name(ch: ParsedChapter, old: dict[int, str], matched: Chapter | None) -> str:
    if matched is not None and matched.number in old:
        stem = old[matched.number].split("-", 1)[1] if "-" in old[matched.number] else "chapter"
    else:
        words = [re.sub(r"[^a-z0-9]", "", w.lower()) for w in lazy_pinyin(ch.title[:6])]
        stem = "-".join(w for w in words if w) or "chapter"
    return f"{ch.number:02d}-{stem}"


_PERIOD = re.compile(r"(?:均为)?(\d{4})年全年实施有效")


def in_force(closing: Sequence[str]) -> Period | None:
    """The period the document states for itself (均为2025年全年实施有效), if it does."""
    for para in closing:
        m = _PERIOD.search(para)
        if m:
            return Period(start=f"{m.group(1)}-01-01", end=f"{m.group(1)}-12-31",
                          quote=m.group(0))
    return None


def series_of(slug: str, previous: Edition | None) -> str:
    """The previous edition's series; for a first edition, the document id without its year
    (qingxi-2025 -> qingxi-policy)."""
    if previous is not None:
        return previous.document.series
    return re.sub(r"-?\d{4}$", "", slug) + "-policy"


def build(doc: ParsedDocument, source_text: str, slug: str, url: str | None,
          previous: Edition | None) -> Imported:
    report = Report(source="", into="", numbering=doc.numbering)
    old_doc = previous.document if previous else None
    old_chapters = previous.chapters if previous else ()
    old_clauses = previous.clauses if previous else ()
    old_files = ({n: f.path.stem for n, f in previous.chapter_files.items()} if previous else {})
    units = UnitList(previous.units if previous else ())
    matches = match_clauses(old_clauses, doc.clauses)
    budget_ids: set[str] = set()

    chapters: list[tuple[str, Chapter]] = []
    for ch in doc.chapters:
        old_ch = next((o for o in old_chapters if o.title.zh == ch.title), None) or next(
            (o for o in old_chapters if o.number == ch.number), None)
        intro_zh = "\n\n".join(ch.intro)
        old_facts: list[Fact] = ([*old_ch.budgets, *old_ch.targets, *old_ch.figures]
                                 if old_ch else [])
        carried = carry_facts(old_facts, intro_zh)
        budget_ids |= {f.id for f in carried.kept if isinstance(f, BudgetItem)}
        facts = carried.kept + stubs(intro_zh, "intro", carried.kept, budget_ids,
                                     f"ch{ch.number}-")
        report.count(carried, facts, f"chapter {ch.number} intro")
        clauses = [_clause(c, matches.get(c.number), units, report)
                   for c in ch.clauses]
        chapter = Chapter(
            number=ch.number,
            title=carry_text(old_ch.title if old_ch else None, ch.title),
            lead=carry_text(old_ch.lead if old_ch else None, ch.lead),
            lead_units=units.resolve_all(ch.leads),
            intro=carry_text(old_ch.intro if old_ch else None, intro_zh),
            budgets=[f for f in facts if isinstance(f, BudgetItem)],
            targets=[f for f in facts if isinstance(f, Target)],
            figures=[f for f in facts if isinstance(f, Figure)],
            clauses=clauses)
        chapters.append((_file_name(ch, old_files, old_ch), chapter))
        report.chapters.append((ch.number, ch.title, len(clauses)))

    for f in doc.metadata:
        if f.label in ("发布单位", "发文机关", "来源") and f.value:
            units.resolve(f.value)
    units.resolve(doc.signature)

    closing_zh = "\n\n".join(doc.closing)
    carried = carry_facts([*old_doc.budgets, *old_doc.figures] if old_doc else [], closing_zh)
    budget_ids |= {f.id for f in carried.kept if isinstance(f, BudgetItem)}
    closing_facts = carried.kept + stubs(closing_zh, "closing", carried.kept, budget_ids, "")
    report.count(carried, closing_facts, "closing")
    preamble_zh = "\n\n".join(doc.preamble)
    carried = carry_facts(old_doc.preamble_figures if old_doc else [], preamble_zh)
    preamble_facts = carried.kept + stubs(preamble_zh, "preamble", carried.kept, set())
    report.count(carried, preamble_facts, "preamble")

    old_closing = list(old_doc.closing) if old_doc else []
    closing = []
    for i, para in enumerate(doc.closing):
        same = next((t for t in old_closing if t.zh == para), None)
        closing.append(same or carry_text(old_closing[i] if i < len(old_closing) else None,
                                          para))
    n = old_doc.notice if old_doc else None
    notice = Notice(
        title=carry_text(n.title if n else None, doc.notice_title),
        addressees=carry_text(n.addressees if n else None, doc.addressees),
        body=carry_text(n.body if n else None, "\n\n".join(doc.body)),
        attachment=doc.attachment,
        signature=carry_text(n.signature if n else None, doc.signature),
        date=_generated(doc.date, n.date if n else None),
        disclosure=(_generated(doc.disclosure, n.disclosure if n else None)
                    if doc.disclosure else None))
    replaces = None
    if previous is not None:  # a new edition replaces the previous; a re-import keeps its place
        replaces = (previous.id if previous.document.edition != doc.edition
                    else previous.document.supersedes)
    document = Document(
        id=slug, series=series_of(slug, previous), supersedes=replaces,
        in_force=in_force(doc.closing), edition=doc.edition,
        title=carry_text(old_doc.title if old_doc else None, doc.title),
        subtitle=_generated(doc.subtitle, old_doc.subtitle if old_doc else None),
        source_url=url or (old_doc.source_url if old_doc else None),
        metadata=_metadata(doc.metadata, old_doc.metadata if old_doc else ()),
        notice=notice,
        preamble=carry_text(old_doc.preamble if old_doc else None, preamble_zh),
        preamble_figures=[f for f in preamble_facts if isinstance(f, Figure)],
        closing=closing,
        budgets=[f for f in closing_facts if isinstance(f, BudgetItem)],
        figures=[f for f in closing_facts if isinstance(f, Figure)],
        style=PublishedStyle.model_validate({"brackets": doc.brackets, "colon": doc.colon}))
    chapters = _tidy_budgets(chapters, document, report)
    renumbered = {old.number: new for new, (old, _) in matches.items()}
    calculators = _calculators(previous, [c for _, ch in chapters for c in ch.clauses],
                               renumbered, report)
    # The glossary is the translation's conventions: every term stays; unused ones are listed.
    glossary = list(previous.glossary) if previous else []
    report.glossary_unused = [g.zh for g in glossary if g.zh not in source_text]
    changes = _changes(previous, doc.edition, renumbered)
    unit_list = units.units()
    report.units_resolved = [u.name.zh for u in unit_list if u.id not in units.new]
    report.units_new = [units.used[u].name.zh for u in units.new]
    report.units_dropped = [u.name.zh for u in units.dropped()]
    report.against(old_clauses, matches, doc)
    edition = Edition(folder=Path(slug), document=document,
                      chapters=tuple(ch for _, ch in chapters), units=tuple(unit_list),
                      glossary=tuple(glossary), source_text=source_text)
    document = _budget_notes(edition, previous, report)
    finder = _finder(previous, replace(edition, calculators=tuple(calculators)), report)
    return Imported(document, chapters, unit_list, glossary, calculators, source_text, report,
                    changes, finder)


def _clause(c: object, match: tuple[Clause, str] | None, units: UnitList,
            report: Report) -> Clause:
    from generator.importer.grammar import ParsedClause

    assert isinstance(c, ParsedClause)
    old = match[0] if match else None
    old_facts: list[Fact] = [*old.incentives, *old.targets, *old.figures] if old else []
    carried: Carried = carry_facts(old_facts, c.full)
    ids = {f.id for f in carried.kept if isinstance(f, (Incentive, Target))}
    facts = carried.kept + stubs(c.full, "clause", carried.kept, ids)
    report.count(carried, facts, f"clause {c.number}")
    return Clause(
        number=c.number, label=c.label,
        title=carry_text(old.title if old else None, c.title),
        text=carry_text(old.text if old else None, c.text),
        responsible_units=units.resolve_all(c.responsible),
        incentives=[f for f in facts if isinstance(f, Incentive)],
        targets=[f for f in facts if isinstance(f, Target)],
        figures=[f for f in facts if isinstance(f, Figure)])


def _tidy_budgets(chapters: list[tuple[str, Chapter]], document: Document,
                  report: Report) -> list[tuple[str, Chapter]]:
    """References to budget items that are gone are removed; `parts` that no longer add up
    are removed and the item marked for review."""
    items = {b.id: b for _, ch in chapters for b in ch.budgets} | {
        b.id: b for b in document.budgets}

    def tidy(b: BudgetItem) -> BudgetItem:
        update: dict[str, object] = {}
        parts = [p for p in b.parts if p in items]
        if parts != b.parts:
            update["parts"] = parts
        if parts and abs(sum(items[p].amount for p in parts) - b.amount) > b.rounding:
            update |= {"parts": [], "rounding": 0, "review": f"its parts {parts} no longer add "
                       f"up to {b.amount}; say which items make it up"}
            report.review_notes.append(f"budget `{b.id}`: parts no longer add up")
        if b.within is not None and b.within not in items:
            update["within"] = None
        if b.overlaps is not None and b.overlaps not in items:
            update["overlaps"] = None
        return b.model_copy(update=update) if update else b

    return [(name, ch.model_copy(update={"budgets": [tidy(b) for b in ch.budgets]}))
            for name, ch in chapters]


def _calculators(previous: Edition | None, clauses: list[Clause], renumbered: dict[int, int],
                 report: Report) -> list[Calculator]:
    if previous is None:
        return []
    used = {r.calculator for c in clauses for i in c.incentives for r in i.rules}
    out = []
    for calc in previous.calculators:
        if calc.id not in used:
            report.calculators_dropped.append(calc.id)
            continue
        update = {
            "title": renumber_references(calc.title, renumbered),
            "intro": renumber_references(calc.intro, renumbered),
            "unchecked": [renumber_references(t, renumbered) for t in calc.unchecked]}
        out.append(calc.model_copy(update=update))
        report.calculators_kept.append(calc.id)
    return out


def _finder(previous: Edition | None, edition: Edition, report: Report) -> list[SituationGroup]:
    """The previous edition's finder situations that still lead somewhere: one whose
    calculator is gone keeps only the incentives that name it; one that reaches nothing
    is left out (and reported)."""
    if previous is None:
        return []
    kept = {k.id for k in edition.calculators}
    named = {sid for _, i in edition.incentives() for sid in i.situations}
    groups = []
    for g in previous.finder:
        situations = []
        for s in g.situations:
            if s.calculator is not None and s.calculator not in kept:
                s = s.model_copy(update={"calculator": None, "set": {}, "ask": [],
                                         "options": {}})
            situations.append(s)
        groups.append(g.model_copy(update={"situations": situations}))
    trial = replace(edition, finder=tuple(groups))
    out = []
    for g in groups:
        leads = [s for s in g.situations if s.id in named or trial.reached_by(s)]
        report.situations_dropped += [s.id for s in g.situations if s not in leads]
        if leads:
            out.append(g.model_copy(update={"situations": leads}))
    return out


def _changes(previous: Edition | None, edition: str, renumbered: dict[int, int]
             ) -> list[Change]:
    """The change log is the history of one edition's data: it carries over when the same
    edition is imported again (clause numbers followed), not into a new edition."""
    if previous is None or previous.document.edition != edition:
        return []
    return [c.model_copy(update={"clauses": [renumbered[n] for n in c.clauses
                                             if n in renumbered]})
            for c in previous.changes]


def _budget_notes(ed: Edition, previous: Edition | None, report: Report) -> Document:
    """The previous notes while the discrepancy they record is the same; a note written from
    the figures (and marked for review) when it changed; none when the figures reconcile."""
    doc, rec = ed.document, ed.reconciliation
    old_notes = previous.document.budget_notes if previous else ()
    if rec is None or rec.difference == 0:
        return doc
    old_rec = previous.reconciliation if previous else None
    ids = set(ed.budget_items)
    if old_notes and old_rec is not None and old_rec.difference == rec.difference \
            and old_rec.total.amount == rec.total.amount:
        notes = [n.model_copy(update={"items": [i for i in n.items if i in ids]})
                 for n in old_notes if any(i in ids for i in n.items)]
        return doc.model_copy(update={"budget_notes": notes})
    zh = (f"文件所列支持总额为{money(rec.total.amount, 'zh')},各章列出的市级财政数字扣除重叠后合计"
          f"{money(rec.city_net, 'zh')},相差{money(rec.difference, 'zh')};计入上级资金后为"
          f"{money(rec.all_net, 'zh')}。")
    en = (f"The document states a total of {money(rec.total.amount, 'en')}; the municipal "
          f"figures listed in the chapters add up to {money(rec.city_net, 'en')} after "
          f"overlaps, a difference of {money(rec.difference, 'en')}; with higher-level funds, "
          f"{money(rec.all_net, 'en')}.")
    note_id = old_notes[0].id if old_notes else "total-discrepancy"
    note = BudgetNote(id=note_id, items=[rec.total.id], text=Text(zh=zh, en=en),
                      review="written by import from the figures: the stated total and the "
                      "listed figures differ; explain the difference")
    report.review_notes.append(f"budget note `{note_id}` written from the figures")
    return doc.model_copy(update={"budget_notes": [note]})
