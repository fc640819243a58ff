"""From a parse (and the previous edition, if any) to the models of a new edition. Pure: the
caller reads the input and writes the files.

Which clause and chapter of the previous edition is which of the new one is the alignment's
answer (`generator.editions.align`), the same that `diff` and the comparison pages give.
Texts whose Chinese is unchanged keep their English; changed texts keep the earlier English
only as `pending: outdated`; new texts are `pending: new`. Facts, units, glossary terms and
calculators carry over where they still apply (see `carry`); every other number gets a stub
(see `facts`). What the text does not say (an issuer, a 文号, a date, an edition) comes from
the editor's `Options`, recorded as `supplied`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from pypinyin import lazy_pinyin

from generator.data.checks.common import Fact
from generator.data.model import Edition
from generator.data.named import signature_names
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
    PublishedStyle,
    SituationGroup,
    Supplied,
    Target,
    Text,
    Unit,
    UnnumberedParagraph,
)
from generator.editions.align import Alignment, ChapterSide, Side, align
from generator.importer import frame
from generator.importer.carry import Carried, carry_facts, carry_text, renumber_references
from generator.importer.facts import stubs
from generator.importer.frame import Options
from generator.importer.grammar import ParsedChapter, ParsedClause, ParsedDocument
from generator.importer.period import in_force
from generator.importer.report import Report
from generator.importer.units import UnitList
from generator.render.filters import money


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


def _file_name(ch: ParsedChapter, old_files: dict[int, str], matched: Chapter | None) -> str:
    if matched is not None and matched.number in old_files:
        old = old_files[matched.number]
        stem = old.split("-", 1)[1] if "-" in old else "chapter"
    else:
        words = [re.sub(r"[^a-z0-9]", "", w.lower()) for w in lazy_pinyin(ch.title[:6])]
        stem = "-".join(w for w in words if w) or "chapter"
    return f"{ch.number:02d}-{stem}"


def clause_id(title: str, taken: set[str]) -> str:
    """A clause's identity from its title's first words (鼓励创新主体发展。 ->
    gu-li-chuang-xin-zhu-ti-fa-zhan), unique among `taken` (which it joins); it stays with the
    clause in every later edition, whatever its number or title becomes."""
    words = [re.sub(r"[^a-z0-9]", "", w.lower()) for w in lazy_pinyin(title)]
    base = "-".join(w for w in words if w)
    base = "-".join(base.split("-")[:8])[:60].strip("-") or "clause"
    cid, k = base, 2
    while cid in taken:
        cid, k = f"{base}-{k}", k + 1
    taken.add(cid)
    return cid


def series_of(slug: str, previous: Edition | None, options: Options) -> str:
    """The series given, else the previous edition's; for a first edition, the document id
    without its year (qingxi-2025 -> qingxi-policy)."""
    if options.series:
        return options.series
    if previous is not None:
        return previous.document.series
    return re.sub(r"-?\d{4}$", "", slug) + "-policy"


def alignment(doc: ParsedDocument, previous: Edition | None) -> Alignment:
    """The parse against the previous edition, clause by clause and chapter by chapter."""
    if previous is None:
        return align([], [])
    old = [Side(c.number, previous.chapter_of[c.number].number, c.title.zh, c.full_zh)
           for c in previous.clauses]
    new = [Side(c.number, ch.number, c.title, c.full) for ch in doc.chapters
           for c in ch.clauses]
    return align(old, new, [ChapterSide(ch.number, ch.title.zh) for ch in previous.chapters],
                 [ChapterSide(ch.number, ch.title) for ch in doc.chapters])


def _written_names(doc: ParsedDocument) -> list[str]:
    names = [n for c in doc.clauses for n in c.responsible]
    names += [n for ch in doc.chapters for n in (*ch.leads, *ch.cooperating)]
    if doc.notice is not None:
        names += signature_names("\n".join(doc.notice.signature))
    return names


def build(doc: ParsedDocument, source_text: str, slug: str, url: str | None,
          previous: Edition | None, options: Options | None = None) -> Imported:
    options = options or Options()
    report = Report(source="", into="", numbering=doc.numbering, restarting=doc.restarting,
                    style=doc.style)
    old_doc = previous.document if previous else None
    old_files = ({n: f.path.stem for n, f in previous.chapter_files.items()} if previous else {})
    units = UnitList(previous.units if previous else ())
    units.learn(_written_names(doc))
    aligned = alignment(doc, previous)
    old_clause = {c.number: c for c in previous.clauses} if previous else {}
    old_chapter = {ch.number: ch for ch in previous.chapters} if previous else {}
    budget_ids: set[str] = set()
    clause_ids = _clause_ids(doc, aligned, old_clause)

    chapters: list[tuple[str, Chapter]] = []
    for ch in doc.chapters:
        matched = aligned.chapter_old_of(ch.number)
        old_ch = old_chapter.get(matched) if matched is not None else None
        old_ch = old_ch or next((o for o in old_chapter.values() if o.title.zh == ch.title),
                                None)
        chapter = _chapter(ch, old_ch, doc.brackets, aligned, old_clause, units, report,
                           budget_ids, clause_ids)
        chapters.append((_file_name(ch, old_files, old_ch), chapter))
        report.chapters.append((ch.number, ch.title, len(chapter.clauses)))

    for f in doc.metadata:
        if f.label in ("发布单位", "发布机构", "发文机关", "来源") and f.value:
            for name in signature_names(f.value):
                units.resolve(name)
    notice = frame.notice(doc.notice, old_doc.notice if old_doc else None) \
        if doc.notice is not None else None
    if doc.notice is not None:
        for name in signature_names("\n".join(doc.notice.signature)):
            units.resolve(name)
    supplied = _supplied(doc, options, units)

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
    date = frame.stated_date(doc.metadata, doc.notice) or options.date
    edition, review = _edition(doc, options, date, report)
    period = in_force([*doc.closing, *(doc.notice.body if doc.notice else ())], date)
    if period is None:
        review.append("the text states no period in force that import recognises; add "
                      "`in_force` (start, end and the words that state it) or leave it out if "
                      "the text sets none")
        report.review_notes.append("no period in force found")
    replaces = options.supersedes
    if replaces is None and previous is not None and not options.series:
        # a new edition replaces the previous; a re-import keeps its place
        replaces = (previous.id if previous.document.edition != edition
                    else previous.document.supersedes)
    document = Document(
        id=slug, series=series_of(slug, previous, options), supersedes=replaces,
        in_force=period, edition=edition,
        title=carry_text(old_doc.title if old_doc else None, doc.title),
        subtitle=(frame.generated(doc.subtitle, old_doc.subtitle if old_doc else None)
                  if doc.subtitle else None),
        source_url=url or (old_doc.source_url if old_doc else None),
        metadata=frame.metadata(doc.metadata, old_doc.metadata if old_doc else ()),
        notice=notice, supplied=supplied,
        preamble=(carry_text(old_doc.preamble if old_doc else None, preamble_zh)
                  if doc.preamble else None),
        preamble_figures=[f for f in preamble_facts if isinstance(f, Figure)],
        closing=closing,
        budgets=[f for f in closing_facts if isinstance(f, BudgetItem)],
        figures=[f for f in closing_facts if isinstance(f, Figure)],
        style=PublishedStyle.model_validate({"brackets": doc.brackets, "colon": doc.colon}),
        review="; ".join(review) or None)
    chapters = _tidy_budgets(chapters, document, report)
    renumbered = {p.old: p.new for p in aligned.clauses
                  if p.old is not None and p.new is not None}
    calculators = _calculators(previous, [c for _, ch in chapters for c in ch.clauses],
                               renumbered, report)
    # The glossary is the translation's conventions: every term stays; unused ones are listed.
    glossary = list(previous.glossary) if previous else []
    report.glossary_unused = [g.zh for g in glossary if g.zh not in source_text]
    changes = _changes(previous, edition, renumbered)
    unit_list = units.units()
    report.units_resolved = [u.name.zh for u in unit_list if u.id not in units.new]
    report.units_new = [units.used[u].name.zh for u in units.new]
    report.units_dropped = [u.name.zh for u in units.dropped()]
    report.against(aligned, old_clause, doc, previous is not None)
    edition_model = Edition(folder=Path(slug), document=document,
                            chapters=tuple(ch for _, ch in chapters), units=tuple(unit_list),
                            glossary=tuple(glossary), source_text=source_text)
    document = _budget_notes(edition_model, previous, report)
    finder = _finder(previous, replace(edition_model, calculators=tuple(calculators)), report)
    return Imported(document, chapters, unit_list, glossary, calculators, source_text, report,
                    changes, finder)


def _clause_ids(doc: ParsedDocument, aligned: Alignment, old: dict[int, Clause]
                ) -> dict[int, str]:
    """Each clause's identity: the previous edition's clause's, where the alignment pairs
    them (possibly-same pairs included: the editor checks those in the report), else a new
    one from its title."""
    taken: set[str] = set()
    out: dict[int, str] = {}
    for c in doc.clauses:
        before = aligned.old_of(c.number)
        carried = old[before].id if before is not None and before in old else None
        if carried and carried not in taken:
            out[c.number] = carried
            taken.add(carried)
    for c in doc.clauses:
        if c.number not in out:
            out[c.number] = clause_id(c.title, taken)
    return out


def _supplied(doc: ParsedDocument, options: Options, units: UnitList) -> Supplied | None:
    """What the editor supplied for what the text does not say (the CLI refuses an option
    for what the text does say)."""
    issuers = [units.resolve(n) for n in options.issuers]
    number = frame.generated(options.number, None) if options.number else None
    date = options.date
    if not (issuers or number or date):
        return None
    return Supplied(issuers=issuers, number=number, date=date, source=options.source)


def _edition(doc: ParsedDocument, options: Options, date: str | None,
             report: Report) -> tuple[str, list[str]]:
    """The edition as the text states it, else as given, else the year of its date (to
    review)."""
    if doc.edition:
        return doc.edition, []
    if options.edition:
        report.supplied.append(f"edition {options.edition} (the text states none)")
        return options.edition, []
    year = (date or "")[:4]
    if year:
        report.review_notes.append(f"edition {year}: from the document's date (the text states "
                                   "none)")
        return year, [f"the text states no edition: `edition` {year} is the year of its date; "
                      "give `import --edition` or correct it"]
    report.review_notes.append("no edition and no date in the text")
    return "unknown", ["the text states no edition and no date: set `edition` (import "
                       "--edition YEAR)"]


def _chapter(ch: ParsedChapter, old_ch: Chapter | None, brackets: str, aligned: Alignment,
             old_clause: dict[int, Clause], units: UnitList, report: Report,
             budget_ids: set[str], clause_ids: dict[int, str]) -> Chapter:
    intro_zh = "\n\n".join(ch.intro)
    old_facts: list[Fact] = ([*old_ch.budgets, *old_ch.targets, *old_ch.figures]
                             if old_ch else [])
    carried = carry_facts(old_facts, intro_zh) if intro_zh else Carried()
    budget_ids |= {f.id for f in carried.kept if isinstance(f, BudgetItem)}
    facts = carried.kept + stubs(intro_zh, "intro", carried.kept, budget_ids,
                                 f"ch{ch.number}-") if intro_zh else []
    report.count(carried, facts, f"chapter {ch.number} intro")
    clauses = []
    for c in ch.clauses:
        old_number = aligned.old_of(c.number)
        old = old_clause.get(old_number) if old_number is not None else None
        clauses.append(_clause(c, old, units, report, budget_ids, f"c{c.number}-",
                               clause_ids))
    paragraphs = []
    for para in ch.paragraphs:
        old_para = next((p for p in old_ch.unnumbered if p.text.zh == para.text), None) \
            if old_ch else None
        old_pf: list[Fact] = [*old_para.targets, *old_para.figures] if old_para else []
        kept = carry_facts(old_pf, para.text)
        pf = kept.kept + stubs(para.text, "paragraph", kept.kept, set())
        paragraphs.append(UnnumberedParagraph(
            after=para.after, text=carry_text(old_para.text if old_para else None, para.text),
            targets=[f for f in pf if isinstance(f, Target)],
            figures=[f for f in pf if isinstance(f, Figure)]))
    return Chapter(
        number=ch.number,
        title=carry_text(old_ch.title if old_ch else None, ch.title),
        lead=(carry_text(old_ch.lead if old_ch else None, ch.lead)
              if ch.lead is not None else None),
        lead_units=units.resolve_all(ch.leads),
        cooperating_units=units.resolve_all(ch.cooperating),
        brackets=ch.brackets if ch.lead is not None and ch.brackets != brackets else None,
        intro=carry_text(old_ch.intro if old_ch else None, intro_zh) if intro_zh else None,
        budgets=[f for f in facts if isinstance(f, BudgetItem)],
        targets=[f for f in facts if isinstance(f, Target)],
        figures=[f for f in facts if isinstance(f, Figure)],
        clauses=clauses, unnumbered=paragraphs)


def _clause(c: ParsedClause, old: Clause | None, units: UnitList, report: Report,
            budget_ids: set[str], prefix: str, clause_ids: dict[int, str]) -> Clause:
    old_facts: list[Fact] = ([*old.budgets, *old.incentives, *old.targets, *old.figures]
                             if old else [])
    carried: Carried = carry_facts(old_facts, c.full)
    ids = {f.id for f in carried.kept if isinstance(f, (Incentive, Target))}
    budget_ids |= {f.id for f in carried.kept if isinstance(f, BudgetItem)}
    facts = carried.kept + stubs(c.full, "clause", carried.kept, ids | budget_ids, prefix)
    budget_ids |= {f.id for f in facts if isinstance(f, BudgetItem)}
    report.count(carried, facts, f"clause {c.number}")
    old_text = old.text if old else None
    return Clause(
        number=c.number, id=clause_ids[c.number], label=c.label,
        title=carry_text(old.title if old else None, c.title),
        text=carry_text(old_text, c.text) if c.text else None,
        responsible_units=units.resolve_all(c.responsible),
        budgets=[f for f in facts if isinstance(f, BudgetItem)],
        incentives=[f for f in facts if isinstance(f, Incentive)],
        targets=[f for f in facts if isinstance(f, Target)],
        figures=[f for f in facts if isinstance(f, Figure)])


def _tidy_budgets(chapters: list[tuple[str, Chapter]], document: Document,
                  report: Report) -> list[tuple[str, Chapter]]:
    """References to budget items that are gone are removed; `parts` that no longer add up
    are removed and the item marked for review."""
    items = {b.id: b for _, ch in chapters for b in ch.budgets} | {
        b.id: b for _, ch in chapters for c in ch.clauses for b in c.budgets} | {
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
    level = ed.level
    zh = (f"文件所列支持总额为{money(rec.total.amount, 'zh')}，各章列出的{level.zh}级财政数字"
          f"扣除重叠后合计{money(rec.city_net, 'zh')}，相差{money(rec.difference, 'zh')}；"
          f"计入上级资金后为{money(rec.all_net, 'zh')}。")
    en = (f"The document states a total of {money(rec.total.amount, 'en')}; the {level.en}-level "
          f"figures listed in the chapters add up to {money(rec.city_net, 'en')} after "
          f"overlaps, a difference of {money(rec.difference, 'en')}; with higher-level funds, "
          f"{money(rec.all_net, 'en')}.")
    note_id = old_notes[0].id if old_notes else "total-discrepancy"
    note = BudgetNote(id=note_id, items=[rec.total.id], text=Text(zh=zh, en=en),
                      review="written by import from the figures: the stated total and the "
                      "listed figures differ; explain the difference")
    report.review_notes.append(f"budget note `{note_id}` written from the figures")
    return doc.model_copy(update={"budget_notes": [note]})
