"""Stage 3, model: the parsed files of one document assembled into a cross-referenced
`Edition`, complete before anything renders. Pure: no file is read here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from generator.data import amend
from generator.data.load import Sources, YamlFile
from generator.data.named import lead_names, main_name, responsible_names, signature_names
from generator.data.numbers import zh_date
from generator.data.schema import (
    Amendment,
    BudgetItem,
    BudgetSource,
    Calculator,
    Change,
    Chapter,
    Clause,
    Document,
    GlossaryEntry,
    Incentive,
    Pending,
    Rule,
    Situation,
    SituationGroup,
    Target,
    Text,
    TextChange,
    Unit,
)

__all__ = ["Edition", "Parts", "assemble", "lead_names", "responsible_names"]

# The level of government an issuer's own budget is at (市本级, 县本级, 区本级), by its name.
_LEVEL = re.compile(r"([市县区旗])(?:人民政府|政府|管理委员会|管委会)?$")
LEVELS = {"市": "municipal", "县": "county", "区": "district", "旗": "banner"}


@dataclass(frozen=True)
class Reconciliation:
    """The stated total beside the sum of the figures the document lists."""

    total: BudgetItem
    city_items: tuple[BudgetItem, ...]
    higher_items: tuple[BudgetItem, ...]
    overlap_items: tuple[BudgetItem, ...]

    @property
    def city_sum(self) -> int:
        return sum(i.amount for i in self.city_items)

    @property
    def higher_sum(self) -> int:
        return sum(i.amount for i in self.higher_items)

    @property
    def overlap_sum(self) -> int:
        return sum(i.amount for i in self.overlap_items)

    @property
    def city_net(self) -> int:
        return self.city_sum - self.overlap_sum

    @property
    def all_net(self) -> int:
        return self.city_sum + self.higher_sum - self.overlap_sum

    @property
    def difference(self) -> int:
        """Stated total minus the city-level figures, overlaps removed."""
        return self.total.amount - self.city_net


@dataclass(frozen=True)
class Edition:
    folder: Path
    document: Document
    chapters: tuple[Chapter, ...]
    units: tuple[Unit, ...]
    glossary: tuple[GlossaryEntry, ...]
    source_text: str
    calculators: tuple[Calculator, ...] = ()
    finder: tuple[SituationGroup, ...] = ()  # the benefit finder's situations
    changes: tuple[Change, ...] = ()  # changes.yaml, as written
    amendments: tuple[Amendment, ...] = ()  # amendments.yaml, as written
    files: dict[str, YamlFile] = field(default_factory=dict, compare=False, repr=False)
    chapter_files: dict[int, YamlFile] = field(default_factory=dict, compare=False, repr=False)

    @property
    def id(self) -> str:
        return self.document.id

    # --- what the document says of itself, or what the editor supplied ------------------

    def find_unit(self, written: str) -> Unit | None:
        """The unit a name in the text means: its name or an alias, or the name before its
        other name in 〈〉 (开发区经济发展局〈区经信局〉), or that other name."""
        found = self.unit_by_name.get(written)
        if found is None:
            base, other = main_name(written)
            found = self.unit_by_name.get(base) or (self.unit_by_name.get(other)
                                                    if other else None)
        return found

    @cached_property
    def issuer_names_stated(self) -> tuple[str, ...]:
        """The issuers as the text names them: the notice's signature, else the portal's
        发布单位 / 发文机关."""
        doc = self.document
        if doc.notice is not None:
            return tuple(signature_names(doc.notice.signature.zh.replace("\n\n", "\n")))
        for f in doc.metadata:
            if f.key == "issuer" and f.value:
                value = f.value.zh if isinstance(f.value, Text) else f.value
                return tuple(signature_names(value))
        return ()

    @cached_property
    def issuers(self) -> tuple[Unit, ...]:
        """The units that issue the document: as the text names them, else as supplied."""
        stated = [self.find_unit(n) for n in self.issuer_names_stated]
        units = [u for u in stated if u is not None]
        if not units and self.document.supplied is not None:
            units = [self.unit_by_id[u] for u in self.document.supplied.issuers
                     if u in self.unit_by_id]
        return tuple({u.id: u for u in units}.values())

    @property
    def issuers_supplied(self) -> bool:
        return not self.issuer_names_stated and bool(self.issuers)

    @cached_property
    def issuer_name(self) -> Text:
        """The issuers' names together (某区人民政府、某经济开发区管理委员会)."""
        if not self.issuers:
            return Text(zh="发文机关未载明", en="Issuer not stated")
        zh = "、".join(u.name.zh for u in self.issuers)
        ens = [u.name.current_en for u in self.issuers]
        if any(e is None for e in ens):
            return Text(zh=zh, pending=Pending.NEW)
        return Text(zh=zh, en=" and ".join(e for e in ens if e))

    @cached_property
    def number(self) -> Text | None:
        """The document's 文号: its own line in the notice, the portal's 文件编号, or as
        supplied."""
        doc = self.document
        if doc.notice is not None and doc.notice.number is not None:
            return doc.notice.number
        for f in doc.metadata:
            if f.key == "document-number" and f.value:
                return f.value if isinstance(f.value, Text) else Text(zh=f.value, en=f.value)
        return doc.supplied.number if doc.supplied is not None else None

    @property
    def number_supplied(self) -> bool:
        doc = self.document
        return self.number is not None and doc.supplied is not None and \
            self.number is doc.supplied.number

    @cached_property
    def date(self) -> str | None:
        """The document's date (YYYY-MM-DD): the portal's 成文日期, the notice's date, or as
        supplied."""
        doc = self.document
        for f in doc.metadata:
            if f.key == "date-written" and isinstance(f.value, str) and \
                    re.fullmatch(r"\d{4}-\d{2}-\d{2}", f.value):
                return f.value
        if doc.notice is not None:
            found = iso_date(doc.notice.date.zh)
            if found:
                return found
        return doc.supplied.date if doc.supplied is not None else None

    @property
    def date_supplied(self) -> bool:
        doc = self.document
        return doc.supplied is not None and doc.supplied.date is not None and \
            self.date == doc.supplied.date and not any(
                f.key == "date-written" for f in doc.metadata) and doc.notice is None

    @property
    def edition_stated(self) -> bool:
        """The text states the edition (2025年版), under or on the title, or in the notice."""
        doc = self.document
        texts = [doc.subtitle.zh if doc.subtitle else "", doc.title.zh,
                 doc.notice.title.zh if doc.notice else ""]
        return any(f"{doc.edition}年版" in t for t in texts)

    @property
    def edition_label(self) -> Text:
        """The edition as navigation names it: 2025年版 / 2025 edition."""
        e = self.document.edition
        return Text(zh=f"{e}年版", en=f"{e} edition")

    @property
    def edition_name(self) -> Text:
        """The edition line as published, (2025年版); for a text without one, the same
        words made from its edition, to name it in links and comparisons."""
        e = self.document.edition
        return self.document.subtitle or Text(zh=f"({e}年版)", en=f"({e} Edition)")

    @property
    def name(self) -> Text:
        """The title with its edition line, as a heading shows it."""
        doc = self.document
        if doc.subtitle is None:
            return doc.title
        en = (f"{doc.title.current_en} {doc.subtitle.current_en}"
              if doc.title.current_en and doc.subtitle.current_en else None)
        zh = doc.title.zh + doc.subtitle.zh
        return Text(zh=zh, en=en) if en else Text(zh=zh, pending=Pending.NEW)

    @cached_property
    def level(self) -> Text:
        """The issuer's level of government (市, 县, 区), for its own budget (市本级)."""
        for u in self.issuers:
            m = _LEVEL.search(u.name.zh)
            if m:
                return Text(zh=m.group(1), en=LEVELS[m.group(1)])
        return Text(zh="市", en="municipal")

    def responsible(self, c: Clause) -> tuple[list[str], bool]:
        """The clause's responsible units and whether they are derived: the units its
        (责任单位:…) names, else its chapter's lead units (derived: the clause names none)."""
        if c.responsible_units:
            return list(c.responsible_units), False
        return list(self.chapter_of[c.number].lead_units), True

    @cached_property
    def amended(self) -> amend.Amended:
        """source.zh.txt (as published) with the amendments applied."""
        return amend.apply(self.source_text, self.amendments,
                           {c.number: c.prefix for c in self.clauses})

    @property
    def in_force_text(self) -> str:
        """The Chinese text in force: as published, plus its recorded amendments."""
        return self.amended.text

    @cached_property
    def in_force_lines(self) -> frozenset[str]:
        return frozenset(line.strip("\r") for line in self.in_force_text.splitlines())

    def published_clause(self, number: int) -> str | None:
        """An amended clause's paragraph as first published (None if never amended)."""
        return self.amended.published.get(number)

    def amendments_of_clause(self, number: int) -> list[tuple[Amendment, list[TextChange]]]:
        """The amendments that changed the clause, in date order, each with its changes."""
        out: list[tuple[Amendment, list[TextChange]]] = []
        for ap in self.amended.applied:
            if ap.change.clause != number:
                continue
            if out and out[-1][0] is ap.amendment:
                out[-1][1].append(ap.change)
            else:
                out.append((ap.amendment, [ap.change]))
        return out

    def amendments_of_fact(self, number: int, quote: str) -> list[Amendment]:
        """The amendments whose new words overlap a fact's quote in clause `number`."""
        full = self.clause(number).full_zh
        q = full.find(quote)
        out: list[Amendment] = []
        for a, changes in self.amendments_of_clause(number):
            for ch in changes:
                n = full.find(ch.new) if ch.new else -1
                if q >= 0 and n >= 0 and n < q + len(quote) and q < n + len(ch.new) \
                        and a not in out:
                    out.append(a)
        return out

    @cached_property
    def change_log(self) -> tuple[tuple[str, Change], ...]:
        """Every change-log entry with its permanent key: the hand-written ones of
        changes.yaml numbered in file order (1, 2, …), then one per amendment, keyed by the
        amendment's id. Keys never move when an entry is added."""
        written = [(str(i), c) for i, c in enumerate(self.changes, start=1)]
        made = [(a.id, amend.change_log_entry(a)) for a in self.amendments]
        return tuple(written + made)

    @cached_property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(c for ch in self.chapters for c in ch.clauses)

    @cached_property
    def chapter_of(self) -> dict[int, Chapter]:
        return {c.number: ch for ch in self.chapters for c in ch.clauses}

    def clause(self, number: int) -> Clause:
        return next(c for c in self.clauses if c.number == number)

    @cached_property
    def unit_by_id(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units}

    @cached_property
    def unit_by_name(self) -> dict[str, Unit]:
        out: dict[str, Unit] = {}
        for u in self.units:
            for name in (u.name.zh, *u.aliases):
                out[name] = u
        return out

    def clauses_of_unit(self, unit_id: str) -> list[Clause]:
        """Clauses the unit is responsible for, as named or as the chapter's lead."""
        return [c for c in self.clauses if unit_id in self.responsible(c)[0]]

    def chapters_led_by(self, unit_id: str) -> list[Chapter]:
        return [ch for ch in self.chapters if unit_id in ch.lead_units]

    def chapters_cooperated_by(self, unit_id: str) -> list[Chapter]:
        return [ch for ch in self.chapters if unit_id in ch.cooperating_units]

    def changes_of_clause(self, number: int) -> list[Change]:
        """Entries naming the clause (amendments included), newest first."""
        return sorted((c for _, c in self.change_log if number in c.clauses),
                      key=lambda c: c.date, reverse=True)

    def last_changed(self, number: int) -> str | None:
        """Date the clause's data last changed: its own entries or document-wide ones."""
        dates = [c.date for _, c in self.change_log if not c.clauses or number in c.clauses]
        return max(dates) if dates else None

    def calculator_rules(self, calc_id: str) -> list[tuple[Clause, Incentive, Rule]]:
        return [(c, i, r) for c, i in self.incentives() for r in i.rules if r.calculator == calc_id]

    def calculators_of_clause(self, number: int) -> list[Calculator]:
        ids = {r.calculator for i in self.clause(number).incentives for r in i.rules}
        return [k for k in self.calculators if k.id in ids]

    @property
    def situations(self) -> list[tuple[SituationGroup, Situation]]:
        """The benefit finder's situations with their group (and so their audience)."""
        return [(g, s) for g in self.finder for s in g.situations]

    def listed_in(self, situation_id: str) -> list[tuple[Clause, Incentive]]:
        """Incentives that name the situation in their `situations`."""
        return [(c, i) for c, i in self.incentives() if situation_id in i.situations]

    def computed_in(self, s: Situation) -> list[tuple[Clause, Incentive]]:
        """Incentives the situation's calculator can compute from what the situation sets and
        asks: every `when` of the rule can hold, and its base and threshold inputs are asked."""
        calc = next((k for k in self.calculators if k.id == s.calculator), None)
        if calc is None:
            return []
        inputs = {i.key: i for i in calc.inputs}
        out = []
        for c, inc, rule in self.calculator_rules(calc.id):
            def can(key: str, allowed: list[str]) -> bool:
                if key in s.set:
                    return bool(set(s.set[key]) & set(allowed))
                if key in s.ask and key in inputs:
                    offered = s.options.get(key) or [o.key for o in inputs[key].options]
                    return bool(set(offered) & set(allowed))
                return False

            def asked(key: str) -> bool:
                inp = inputs.get(key)
                return key in s.ask or (inp is not None and inp.default_from in s.ask)

            needs = [k for k in (rule.base, rule.threshold_input) if k]
            if all(can(k, v) for k, v in rule.when.items()) and all(asked(k) for k in needs):
                if (c, inc) not in out:
                    out.append((c, inc))
        return out

    def reached_by(self, s: Situation) -> list[tuple[Clause, Incentive]]:
        """What ticking the situation shows: the incentives it computes, then those it lists."""
        computed = self.computed_in(s)
        return computed + [ci for ci in self.listed_in(s.id) if ci not in computed]

    def unreached(self) -> list[tuple[Clause, Incentive]]:
        """Incentives no situation of the finder reaches (the finder lists them apart)."""
        reached = {(c.number, i.id) for _, s in self.situations for c, i in self.reached_by(s)}
        return [(c, i) for c, i in self.incentives() if (c.number, i.id) not in reached]

    def incentives(self) -> tuple[tuple[Clause, Incentive], ...]:
        """Every incentive with its clause, in clause order (asked for often: kept)."""
        return self._incentives

    @cached_property
    def _incentives(self) -> tuple[tuple[Clause, Incentive], ...]:
        return tuple((c, i) for c in self.clauses for i in c.incentives)

    def targets(self) -> Iterator[tuple[Clause | None, Chapter, Target]]:
        for ch in self.chapters:
            for t in ch.targets:
                yield None, ch, t
            for c in ch.clauses:
                for t in c.targets:
                    yield c, ch, t

    @cached_property
    def budget_items(self) -> dict[str, tuple[Chapter | None, BudgetItem]]:
        out: dict[str, tuple[Chapter | None, BudgetItem]] = {}
        for ch in self.chapters:
            for b in [*ch.budgets, *(b for c in ch.clauses for b in c.budgets)]:
                out.setdefault(b.id, (ch, b))
        for b in self.document.budgets:
            out.setdefault(b.id, (None, b))
        return out

    def clause_budgets(self, chapter: Chapter) -> list[tuple[Clause, BudgetItem]]:
        return [(c, b) for c in chapter.clauses for b in c.budgets]

    @cached_property
    def budget_total(self) -> BudgetItem | None:
        """The document's stated total: the closing's, else a budget clause's top item."""
        totals = [b for b in self.document.budgets if b.within is None]
        if totals:
            return totals[0]
        for ch in self.chapters:
            for c in ch.clauses:
                inner = {p for b in c.budgets for p in b.parts} | {
                    b.id for b in c.budgets if b.within is not None}
                tops = [b for b in c.budgets if b.id not in inner]
                if tops:
                    return tops[0]
        return None

    def top_level_budgets(self, chapter: Chapter) -> list[BudgetItem]:
        """A chapter's items that are not a part of another item (the chapter's allocation)."""
        inner = {p for b in chapter.budgets for p in b.parts} | {
            b.id for b in chapter.budgets if b.within is not None
        }
        return [b for b in chapter.budgets if b.id not in inner]

    @cached_property
    def reconciliation(self) -> Reconciliation | None:
        """The stated total beside the chapters' figures, when the document states both."""
        totals = [b for b in self.document.budgets if b.within is None]
        if not totals:
            return None
        city: list[BudgetItem] = []
        higher: list[BudgetItem] = []
        for ch in self.chapters:
            for b in self.top_level_budgets(ch):
                for leaf in self.by_source(b):
                    (city if leaf.source is BudgetSource.CITY else higher).append(leaf)
        overlaps = tuple(
            b for ch in self.chapters for b in ch.budgets if b.overlaps is not None
        )
        return Reconciliation(totals[0], tuple(city), tuple(higher), overlaps)

    def by_source(self, item: BudgetItem) -> list[BudgetItem]:
        """Split a `total` item into its city and higher parts; others are themselves."""
        if item.source is not BudgetSource.TOTAL:
            return [item]
        out: list[BudgetItem] = []
        for pid in item.parts:
            out += self.by_source(self.budget_items[pid][1])
        return out


def iso_date(zh: str) -> str | None:
    """2025年3月31日 or 二〇二五年三月三十一日 -> 2025-03-31."""
    found = zh_date(zh)
    return f"{found[0]:04d}-{found[1]:02d}-{found[2]:02d}" if found else None


@dataclass(frozen=True)
class Parts:
    """The files of a document folder, each validated against its schema (stage 2). A file
    that failed its schema is None (a chapter: left out), and `complete` is False."""

    document: Document
    units: tuple[Unit, ...]
    glossary: tuple[GlossaryEntry, ...]
    chapters: tuple[tuple[YamlFile, Chapter], ...]
    calculators: tuple[Calculator, ...]
    changes: tuple[Change, ...]
    complete: bool
    finder: tuple[SituationGroup, ...] = ()
    amendments: tuple[Amendment, ...] = ()


def assemble(sources: Sources, parts: Parts) -> Edition:
    """The edition, chapters in number order, each remembering its file for positions."""
    ordered = sorted(parts.chapters, key=lambda fc: fc[1].number)
    return Edition(
        folder=sources.folder,
        document=parts.document,
        chapters=tuple(ch for _, ch in ordered),
        units=parts.units,
        glossary=parts.glossary,
        source_text=sources.source_text,
        calculators=parts.calculators,
        finder=parts.finder,
        changes=parts.changes,
        amendments=parts.amendments,
        files=dict(sources.files),
        chapter_files={ch.number: f for f, ch in ordered},
    )

