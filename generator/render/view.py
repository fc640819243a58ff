"""What a page of one language sees: the edition (or the library), the language, links to the
data behind the page, and the context each page type needs. Pure: nothing is read or written
here."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from generator.data.identifiers import URI_TEMPLATE
from generator.data.library import Library, Status
from generator.data.model import Edition
from generator.data.rules import MAX_YUAN, rules_data
from generator.data.schema import Calculator, Change, ChangeKind, Chapter, Clause, Unit
from generator.editions.compare import Comparison, Ref
from generator.render import filters, jsonld
from generator.render.chart import budget_chart
from generator.render.context import DocContext
from generator.render.finder import finder_context, status_data
from generator.render.forms import calculator_fields
from generator.render.i18n import CALC_MESSAGES, HTML_LANG, STRINGS, punct, t
from generator.render.shards import SEARCH_INDEX


@dataclass(frozen=True)
class SourceLink:
    """Where a piece of data lives, for "edit this" links: file, line, and URL if known."""

    path: str
    line: int
    url: str | None


@dataclass(frozen=True)
class ComparePage:
    """This edition compared with another one, named after the other."""

    cmp: Comparison
    other: Ref


def search_words(ed: Edition, lang: str) -> dict[str, str]:
    """Words a reader types whole, each with the token its every occurrence in a clause
    carries (filters.searchable) and the search page turns the typed word into: in Chinese,
    every term of the glossary and every word of an incentive's name (Pagefind segments a
    compound such as 高质量发展 otherwise than a query, and found nothing); in English, the
    glossary terms readers call by other names."""
    if lang != "zh":
        return {g.en: filters.term_token(g.zh) for g in ed.glossary if g.also}
    words = {g.zh: filters.term_token(g.zh) for g in ed.glossary if len(g.zh) >= 2}
    for _, i in ed.incentives():
        for part in re.split(r"[，,、；;。（）()“”\"：:\s]+", i.what.zh):
            if len(part) >= 2 and not part.isascii():
                words.setdefault(part, filters.term_token(part))
    return words


def document_tasks(doc: Edition, lang: str) -> list[tuple[str, str]]:
    """What people come for, as (label, link from the document's home): the calculators
    (residents' first), the finder, the units, the clauses, the PDF."""
    def tr(text: Any) -> str:
        return filters.tr(text, lang)

    calcs = sorted(doc.calculators, key=lambda k: k.audience.value != "resident")
    out = [(tr(k.task) if k.task else t("task_calculator", lang, title=tr(k.title)),
            f"calculators/{k.id}/") for k in calcs]
    if doc.calculators:
        out.append((t("task_finder", lang), "finder/"))
    out += [(t("task_units", lang), "units/"), (t("task_read", lang), "#chapters"),
            (t("task_pdf", lang), f"../../pdf/{doc.id}-{lang}.pdf")]
    return out


# A document's files for programs, in the order the developers' page lists them.
DEVELOPER_FILES = ("policy.json", "datapackage.json", "clauses.csv", "incentives.csv",
                   "targets.csv", "budget.csv", "rules.json")


class View:
    """One language's view of one edition, which sits at /<lang>/<id>/ in the library."""

    def __init__(self, edition: Edition, ctx: DocContext, lang: str, edit_base: str | None,
                 guide: str = "", site_url: str | None = None) -> None:
        self.ed = edition
        self.ctx = ctx
        self.lang = lang
        self.edit_base = edit_base
        self.guide = guide
        self.site_url = site_url  # the site's address: absolute identifiers in the JSON-LD

    def root(self, relative: str) -> str:
        """From a page to the site's root: the site's address, else `relative`."""
        return self.site_url.rstrip("/") + "/" if self.site_url else relative

    @cached_property
    def ld(self) -> jsonld.Ld:
        return jsonld.Ld(self.ed, self.ctx, self.lang)

    @property
    def globals(self) -> dict[str, Any]:
        """What every template sees besides its page's own context."""
        return {
            "lang": self.lang,
            "other": "en" if self.lang == "zh" else "zh",
            "html_lang": HTML_LANG,
            "ed": self.ed,
            "doc": self.ed.document,
            "ctx": self.ctx,
            "year": self.ed.document.edition,
            "site_name": filters.tr(self.ctx.site_name, self.lang),
            "pdf_path": f"pdf/{self.ed.id}-{self.lang}.pdf",  # from the site's root
            "data_path": f"data/{self.ed.id}/",
            "search_terms": self.search_terms,
            "lv": filters.level_words(self.ed.level, self.lang),
            "p": punct(self.lang),
        }

    @cached_property
    def search_terms(self) -> dict[str, str]:
        """The words search finds whole, with their tokens (see `search_words`)."""
        return search_words(self.ed, self.lang)

    # --- links to the data ---------------------------------------------------------------
    def source_link(self, file_key: str | int, loc: tuple[int | str, ...] = ()) -> SourceLink:
        yf = (self.ed.chapter_files[file_key] if isinstance(file_key, int)
              else self.ed.files[file_key])
        rel = self._repository_paths.get(yf.path)
        if rel is None:  # resolved once a file (a syscall for each folder on the way)
            rel = yf.path.resolve().relative_to(self.ed.folder.resolve().parent.parent
                                                ).as_posix()
            self._repository_paths[yf.path] = rel
        line = yf.position(loc)[0]
        url = f"{self.edit_base}/{rel}#L{line}" if self.edit_base else None
        return SourceLink(rel, line, url)

    @cached_property
    def _repository_paths(self) -> dict[Path, str]:
        return {}

    def clause_source(self, clause: Clause) -> SourceLink:
        ch = self.ed.chapter_of[clause.number]
        return self.source_link(ch.number, ("clauses", ch.clauses.index(clause)))

    # --- titles --------------------------------------------------------------------------
    def tr(self, text: Any) -> str:
        return filters.tr(text, self.lang)

    def chapter_title(self, ch: Chapter) -> str:
        return f"{t('chapter', self.lang, n=ch.number)} {self.tr(ch.title)}"

    def clause_title(self, c: Clause) -> str:
        return f"{t('clause', self.lang, n=c.number)} {filters.heading(self.tr(c.title))}"

    # --- contexts of the page types ------------------------------------------------------
    def home(self) -> dict[str, Any]:
        return {"src": self.source_link("document.yaml"),
                "tasks": document_tasks(self.ed, self.lang),
                "jsonld": jsonld.script(self.ld.document(self.root("../../")))}

    def chapter(self, ch: Chapter) -> dict[str, Any]:
        return {"ch": ch, "src": self.source_link(ch.number),
                "top": self.ed.top_level_budgets(ch)}

    def clause(self, c: Clause) -> dict[str, Any]:
        clauses = self.ed.clauses
        i = clauses.index(c)
        calcs = [{"id": k.id, "title": self.tr(k.title)}
                 for k in self.ed.calculators_of_clause(c.number)]
        return {"c": c, "ch": self.ed.chapter_of[c.number], "view_history": self.clause_history(c),
                "prev": clauses[i - 1] if i > 0 else None,
                "nxt": clauses[i + 1] if i + 1 < len(clauses) else None,
                "src": self.clause_source(c), "calcs": calcs,
                "jsonld": jsonld.script(self.ld.clause(c, self.root("../../../../")))}

    def units(self) -> dict[str, Any]:
        return {"src": self.source_link("units.yaml")}

    def unit(self, u: Unit) -> dict[str, Any]:
        ed = self.ed
        clauses = ed.clauses_of_unit(u.id)
        return {"u": u, "clauses": clauses, "led": ed.chapters_led_by(u.id),
                "incentives": [(c, i) for c in clauses for i in c.incentives],
                "targets": [(c, tg) for c in clauses for tg in c.targets],
                "src": self.source_link("units.yaml", ("units", ed.units.index(u)))}

    def budget(self) -> dict[str, Any]:
        return {"rec": self.ed.reconciliation, "chart": budget_chart(self.ed, self.lang),
                "src": self.source_link("document.yaml", ("budgets",))}

    def incentives(self) -> dict[str, Any]:
        """The table, and for each row the everyday words the glossary gives for its terms
        (冰箱 for a 家电 subsidy), so its filter finds what readers type."""
        terms: dict[str, str] = {}
        glossary = [(g, g.en.lower()) for g in self.ed.glossary]
        for c, i in self.ed.incentives():
            text = " ".join([i.quote, i.what.zh, i.who.zh, i.what.text("en"),
                             i.who.text("en"), c.title.zh])
            lower = text.lower()
            words = [w for g, en in glossary if g.zh in text or en in lower
                     for w in (g.zh, g.en, *g.also)]
            terms[f"{c.number}/{i.id}"] = " ".join(dict.fromkeys(words))
        hints = [g.zh if self.lang == "zh" else g.en for g in self.ed.glossary if g.also][:4]
        return {"src": self.source_link(1, ("clauses",)), "row_terms": terms,
                "filter_hints": hints}

    def targets(self) -> dict[str, Any]:
        groups = []
        for u in self.ed.units:
            rows = [(c, ch, tg) for c, ch, tg in self.ed.targets()
                    if (c is not None and u.id in self.ed.responsible(c)[0])
                    or (c is None and u.id in ch.lead_units)]
            if rows:
                groups.append((u, rows))
        return {"groups": groups, "src": self.source_link(1, ("clauses",))}

    def data(self) -> dict[str, Any]:
        return {"src": self.source_link("document.yaml")}

    def changes(self) -> dict[str, Any]:
        """The policy's changes (its editions, its amendments) apart from the corrections of
        this handbook's data; each in the reader's language."""
        src = (self.source_link("changes.yaml") if "changes.yaml" in self.ed.files
               else self.source_link("document.yaml"))
        entries = self.changes_newest_first()
        return {"amendments": [kc for kc in entries if kc[1].kind is ChangeKind.AMENDMENT],
                "corrections": [kc for kc in entries if kc[1].kind is not ChangeKind.AMENDMENT],
                "src": src}

    def editors(self) -> dict[str, Any]:
        return {"guide": self.guide}

    def comparisons(self) -> list[ComparePage]:
        return [ComparePage(c, c.old if c.new.id == self.ed.id else c.new)
                for c in self.ctx.comparisons]

    def comparison(self, page: ComparePage) -> dict[str, Any]:
        return {"cmp": page.cmp, "other_edition": page.other,
                "src": self.source_link("document.yaml")}

    def compare_title(self, page: ComparePage) -> str:
        return t("compare_title", self.lang,
                 old=filters.unbracket(self.tr(page.cmp.old.subtitle)),
                 new=filters.unbracket(self.tr(page.cmp.new.subtitle)))

    def calculators(self) -> dict[str, Any]:
        return {"src": self.source_link("calculators.yaml")}

    @cached_property
    def rules(self) -> dict[str, Any]:
        """The exported calculator rules, once per view (every calculator page uses them)."""
        return rules_data(self.ed)

    def calculator(self, calc: Calculator) -> dict[str, Any]:
        spec = self.rules["calculators"][calc.id]
        blob = json.dumps({"calculator": filters.for_reader(spec, self.lang),
                           "lang": self.lang, "root": "../../",
                           "max_yuan": MAX_YUAN, "status": self.status_data("../../"),
                           "messages": {k: v[self.lang] for k, v in CALC_MESSAGES.items()}},
                          ensure_ascii=False, sort_keys=True)
        # An attribute, not a <script>: Material re-runs scripts in the content after
        # instant navigation. Autoescaping makes the JSON a safe attribute value.
        rules = list({(c.number, i.id): (c, i, r)
                      for c, i, r in self.ed.calculator_rules(calc.id)}.values())
        return {"calc": calc, "blob": blob, "rules": rules,  # an incentive once
                "fields": calculator_fields(calc, self.lang),
                "src": self.source_link("calculators.yaml",
                                        ("calculators", self.ed.calculators.index(calc)))}

    def status_data(self, root: str) -> dict[str, Any] | None:
        """What this document's calculator and finder results say first when it is not in
        force; `root` leads from the page to the document's root."""
        succ = self.ctx.successor
        return status_data(self.ctx.status, self.ctx.period,
                           (succ.id, succ.name) if succ else None, self.lang, root)

    def finder(self) -> dict[str, Any]:
        """The benefit finder of this document (see render/finder.py)."""
        return {**finder_context([(self.ed, "../")], self.lang,
                                 {self.ed.id: self.status_data("../")}),
                "src": self.source_link("calculators.yaml")}

    # --- the change log ------------------------------------------------------------------
    def changes_newest_first(self) -> list[tuple[str, Any]]:
        """(key, change): hand-written entries numbered in file order, amendments by id, so an
        entry's anchor never moves. Corrections of the English are for English readers."""
        order = {key: i for i, (key, _) in enumerate(self.ed.change_log)}
        return sorted((kc for kc in self.ed.change_log if self.concerns_reader(kc[1])),
                      key=lambda kc: (kc[1].date, order[kc[0]]), reverse=True)

    def concerns_reader(self, change: Change) -> bool:
        """A correction of the English translation says nothing to a reader of the Chinese."""
        return not (self.lang == "zh" and change.kind is ChangeKind.TRANSLATION)

    def clause_history(self, c: Clause) -> tuple[list[Change], list[Change], str | None]:
        """(changes to the policy: the amendments of the clause; corrections of this handbook
        that name it; the date its data last changed), in the reader's language."""
        entries = [ch for ch in self.ed.changes_of_clause(c.number) if self.concerns_reader(ch)]
        policy = [ch for ch in entries if ch.kind is ChangeKind.AMENDMENT]
        dates = [ch.date for _, ch in self.ed.change_log if self.concerns_reader(ch)
                 and (not ch.clauses or c.number in ch.clauses)]
        return policy, [ch for ch in entries if ch not in policy], max(dates, default=None)


class LibraryView:
    """One language's view of the whole library, at /<lang>/."""

    def __init__(self, library: Library, lang: str, site_url: str | None = None) -> None:
        self.library = library
        self.lang = lang
        self.site_url = site_url  # the site's address, for the developers' examples

    @property
    def globals(self) -> dict[str, Any]:
        return {"lang": self.lang, "other": "en" if self.lang == "zh" else "zh",
                "html_lang": HTML_LANG, "lib": self.library, "p": punct(self.lang),
                "site_name": filters.tr(self.library.file.title, self.lang)}

    def tr(self, text: Any) -> str:
        return filters.tr(text, self.lang)

    def home(self) -> dict[str, Any]:
        groups = []
        for series in self.library.file.series:
            editions = self.library.editions(series.id)
            if editions:
                groups.append((series, self.library.issuers[series.issuer], editions))
        notes = {}
        for d in self.library.current():
            data = status_data(self.library.status(d), d.document.in_force, None, self.lang, "")
            notes[d.id] = data["message"] if data else ""
        return {"groups": groups, "tasks": [(d, self.tasks(d)) for d in self.library.current()],
                "status_notes": notes}

    def tasks(self, doc: Edition) -> list[tuple[str, str]]:
        """What people come for (see `document_tasks`), linked from the library's home."""
        return [(label, f"../{href[6:]}" if href.startswith("../../") else f"{doc.id}/{href}")
                for label, href in document_tasks(doc, self.lang)]

    def benefits(self) -> dict[str, Any]:
        """The benefit finder over every document in force, results grouped by document;
        when none is in force, over the latest editions, each result saying so."""
        lib = self.library
        in_force = [d for d in lib.current() if lib.status(d) is Status.IN_FORCE]
        chosen = in_force or lib.current()
        statuses = {}
        for d in chosen:
            succ = lib.successor(d)
            statuses[d.id] = status_data(lib.status(d), d.document.in_force,
                                         (succ.id, succ.name) if succ else None, self.lang,
                                         f"../{d.id}/")
        return {**finder_context([(d, f"../{d.id}/") for d in chosen], self.lang, statuses,
                                 library=True),
                "none_in_force": not in_force,
                "statuses": [(d, lib.status(d)) for d in chosen]}

    def units(self) -> dict[str, Any]:
        """Each issuer's units, by name, with their clauses in every document of the issuer."""
        issuers = []
        for issuer in self.library.file.issuers:
            docs = [d for d in self.library.documents
                    if self.library.issuer_of(d).id == issuer.id]
            names: dict[str, dict[str, Any]] = {}
            for d in docs:
                for u in d.units:
                    entry = names.setdefault(u.name.zh, {"name": u.name, "kind": u.kind,
                                                         "documents": []})
                    clauses = d.clauses_of_unit(u.id)
                    led = d.chapters_led_by(u.id)
                    if clauses or led:
                        entry["documents"].append((d, u, clauses, led))
            if names:
                issuers.append((issuer, list(names.values())))  # in units.yaml order
        return {"issuers": issuers}

    def developers(self) -> dict[str, Any]:
        """What the site publishes for programs, each document's files and identifiers, and
        examples that use the first document's real paths and one of its stated amounts."""
        lib = self.library
        docs = [(d, lib.identifiers(d), lib.status(d))
                for d in lib.documents]
        example, ids, _ = next(((d, i, s) for d, i, s in docs if lib.root is not None
                                and d.id == lib.root.id), docs[0])
        found = next(((c, i) for c, i in example.incentives()
                      if i.amount is not None or i.max_amount is not None), None)
        clause = found[0] if found else example.clauses[0]
        amount = None
        if found is not None:
            inc = found[1]
            field = "amount" if inc.amount is not None else "max_amount"
            amount = {"id": inc.id, "field": field, "value": getattr(inc, field),
                      "quote": inc.quote}
        return {"docs": docs, "example": example, "ids": ids, "clause": clause,
                "amount": amount, "site_url": (self.site_url or "").rstrip("/"),
                "files": DEVELOPER_FILES, "template": URI_TEMPLATE,
                "issuers": [i.name for i in lib.file.issuers]}

    def search(self) -> dict[str, Any]:
        """Pagefind's UI over the library's search index (its shards merged)."""
        strings = {k.removeprefix("pf_"): v[self.lang] for k, v in STRINGS.items()
                   if k.startswith("pf_")}
        aliases: dict[str, str] = {}
        for d in self.library.documents:
            for g in d.glossary:
                for word in [*g.also, g.zh, g.en] if g.also else []:
                    aliases.setdefault(word.lower() if word.isascii() else word,
                                       filters.term_token(g.zh))
            for word, token in search_words(d, "zh").items():
                aliases.setdefault(word, token)
        return {"bundle": SEARCH_INDEX,
                "documents": len(self.library.documents),
                "strings": json.dumps(strings, ensure_ascii=False, sort_keys=True),
                "aliases": json.dumps(aliases, ensure_ascii=False, sort_keys=True)}
