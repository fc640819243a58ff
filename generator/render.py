"""Render the model to Markdown pages for one language. Pure: model in, {path: text} out.

One Jinja environment (StrictUndefined, autoescape on), the filters of `generator.filters`.
Pages carry their data as HTML blocks inside Markdown, so data text is always HTML-escaped,
and headings go through the `md` filter so Markdown punctuation in data stays literal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from generator import filters
from generator.i18n import CALC_MESSAGES, HTML_LANG, STRINGS, t
from generator.model import Edition
from generator.schema import Calculator, Chapter, Clause, Unit
from generator.svg import budget_chart


@dataclass(frozen=True)
class SourceLink:
    """Where a piece of data lives, for "edit this" links: file, line, and URL if known."""

    path: str
    line: int
    url: str | None


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        autoescape=select_autoescape(["html.jinja", "md.jinja", "xml.jinja"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(filters.FILTERS)
    env.filters["target_row"] = lambda tg, c, ch: (c, ch, tg)
    env.filters["target_pair_row"] = lambda pair, ed: (pair[0], ed.chapter_of[pair[0].number],
                                                       pair[1])
    env.globals["t"] = t
    env.globals["filters_tr"] = filters.tr
    return env


def page_url(page: str) -> str:
    """`clauses/14.md` -> `clauses/14/`, `units/index.md` -> `units/`, `index.md` -> ``."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/"


def relative(here: str, to: str) -> str:
    """A link from the page at URL `here` to `to`, both relative to the language root."""
    depth = here.count("/")
    return "../" * depth + to if (depth or to) else "./"


def front_matter(**fields: Any) -> str:
    """YAML front matter written as JSON values, so data text cannot break out of it; the
    title is made plain (see filters.plain_title)."""
    if "title" in fields:
        fields["title"] = filters.plain_title(fields["title"])
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


class Renderer:
    def __init__(self, edition: Edition, lang: str, edit_base: str | None) -> None:
        self.ed = edition
        self.lang = lang
        self.edit_base = edit_base
        self.calculators = {
            c.number: [{"id": k.id, "title": filters.tr(k.title, lang)}
                       for k in edition.calculators_of_clause(c.number)]
            for c in edition.clauses
        }

    # --- links to the data ---------------------------------------------------------------
    def source_link(self, file_key: str | int, loc: tuple[int | str, ...]) -> SourceLink:
        yf = (self.ed.chapter_files[file_key] if isinstance(file_key, int)
              else self.ed.files[file_key])
        rel = yf.path.resolve().relative_to(self.ed.folder.resolve().parent.parent)
        line = yf.position(loc)[0]
        url = f"{self.edit_base}/{rel.as_posix()}#L{line}" if self.edit_base else None
        return SourceLink(rel.as_posix(), line, url)

    def clause_source(self, clause: Clause) -> SourceLink:
        ch = self.ed.chapter_of[clause.number]
        index = ch.clauses.index(clause)
        return self.source_link(ch.number, ("clauses", index))

    # --- pages -------------------------------------------------------------------------------
    def _render(self, template: str, page: str, **ctx: Any) -> str:
        env = environment()
        here = page_url(page)
        base = {
            "rel": lambda to: relative(here, to),
            "rel_root": lambda to: relative(here, "../" + to),
            "lang": self.lang,
            "other": "en" if self.lang == "zh" else "zh",
            "html_lang": HTML_LANG,
            "ed": self.ed,
            "doc": self.ed.document,
            "year": self.ed.document.edition,
        }
        return env.get_template(template).render(**base, **ctx)

    def pages(self) -> dict[str, str]:
        ed, lang = self.ed, self.lang
        out: dict[str, str] = {}
        doc_src = self.source_link("document.yaml", ())
        out["index.md"] = front_matter(title=t("home", lang)) + self._render(
            "home.md.jinja", "index.md", src=doc_src)
        for ch in ed.chapters:
            out[f"chapters/{ch.number}/index.md"] = self.chapter_page(ch)
        clauses = ed.clauses
        for i, c in enumerate(clauses):
            prev = clauses[i - 1] if i > 0 else None
            nxt = clauses[i + 1] if i + 1 < len(clauses) else None
            out[f"clauses/{c.number}.md"] = self.clause_page(c, prev, nxt)
        out["units/index.md"] = front_matter(title=t("units", lang)) + self._render(
            "units.md.jinja", "units/index.md", src=self.source_link("units.yaml", ()))
        for u in ed.units:
            out[f"units/{u.id}.md"] = self.unit_page(u)
        rec = ed.reconciliation
        out["budget.md"] = front_matter(title=t("budget", lang)) + self._render(
            "budget.md.jinja", "budget.md", rec=rec,
            src=self.source_link("document.yaml", ("budgets",)), chart=budget_chart(ed, lang))
        out["incentives.md"] = front_matter(title=t("incentives", lang)) + self._render(
            "incentives.md.jinja", "incentives.md", src=self.source_link(1, ("clauses",)))
        out["targets.md"] = front_matter(title=t("targets", lang)) + self._render(
            "targets.md.jinja", "targets.md", groups=self.targets_by_unit(),
            src=self.source_link(1, ("clauses",)))
        out["data.md"] = front_matter(title=t("data", lang)) + self._render(
            "data.md.jinja", "data.md", src=doc_src)
        changes = self.changes_newest_first()
        out["changes.md"] = front_matter(title=t("whats_new", lang)) + self._render(
            "changes.md.jinja", "changes.md", changes=changes,
            src=self.source_link("changes.yaml", ()) if "changes.yaml" in ed.files else doc_src)
        if ed.calculators:
            out["calculators/index.md"] = front_matter(title=t("calculators", lang)) + \
                self._render("calculators.md.jinja", "calculators/index.md",
                             src=self.source_link("calculators.yaml", ()))
            for calc in ed.calculators:
                out[f"calculators/{calc.id}.md"] = self.calculator_page(calc)
            out["finder.md"] = front_matter(title=t("finder", lang)) + self._render(
                "finder.md.jinja", "finder.md", **self.finder(),
                src=self.source_link("calculators.yaml", ()))
        return out

    def changes_newest_first(self) -> list[tuple[int, Any]]:
        """(number, change): numbered in file order, so an entry's anchor never moves."""
        numbered = list(enumerate(self.ed.changes, start=1))
        return sorted(numbered, key=lambda nc: (nc[1].date, nc[0]), reverse=True)

    def feed(self, site_url: str) -> str:
        """Atom feed of the change log, with absolute URLs as feed readers need."""
        changes = self.changes_newest_first()
        updated = changes[0][1].date if changes else self.ed.document.edition + "-01-01"
        base = site_url.rstrip("/") + f"/{self.lang}/"
        return self._render("feed.xml.jinja", "feed.xml", changes=changes, base=base,
                            updated=updated)

    @cached_property
    def rules(self) -> dict[str, Any]:
        """The exported calculator rules, once per renderer (every calculator page uses them)."""
        from calculators.export import rules_data

        return rules_data(self.ed)

    def calculator_page(self, calc: Calculator) -> str:
        from calculators.export import MAX_YUAN

        spec = self.rules["calculators"][calc.id]
        blob = json.dumps({"calculator": spec, "lang": self.lang, "root": "../../",
                           "max_yuan": MAX_YUAN,
                           "messages": {k: v[self.lang] for k, v in CALC_MESSAGES.items()}},
                          ensure_ascii=False, sort_keys=True)
        # An attribute, not a <script>: Material re-runs scripts in the content after
        # instant navigation. Autoescaping makes the JSON a safe attribute value.
        return front_matter(title=filters.tr(calc.title, self.lang)) + self._render(
            "calculator.md.jinja", f"calculators/{calc.id}.md", calc=calc,
            blob=blob, rules=self.ed.calculator_rules(calc.id),
            src=self.source_link("calculators.yaml",
                                 ("calculators", self.ed.calculators.index(calc))))

    def finder(self) -> dict[str, Any]:
        """Questions from the calculators' inputs; one result item per computable incentive."""
        lang = self.lang
        questions = []
        items: dict[tuple[int, str], dict[str, Any]] = {}
        for calc in self.ed.calculators:
            rules = self.ed.calculator_rules(calc.id)
            first_keys = {next(iter(r.when)) for _, _, r in rules if r.when}
            base_keys = {r.base for _, _, r in rules if r.base and not r.when}
            options: list[tuple[str, str]] = []
            for inp in calc.inputs:
                if inp.key in first_keys:
                    options += [(f"{calc.id}:{inp.key}:{o.key}", filters.tr(o.label, lang))
                                for o in inp.options]
                elif inp.key in base_keys:
                    options.append((f"{calc.id}:{inp.key}",
                                    t("finder_have", lang, x=filters.tr(inp.label, lang))))
            questions.append({"legend": filters.tr(calc.title, lang), "options": options})
            for c, inc, r in rules:
                if r.when:
                    key = next(iter(r.when))
                    match = [f"{calc.id}:{key}:{v}" for v in r.when[key]]
                else:
                    match = [f"{calc.id}:{r.base}"]
                item = items.setdefault((c.number, inc.id), {
                    "clause": c, "incentive": inc, "calc": calc.id, "match": [],
                    "audience": calc.audience.value})
                item["match"] += match
        return {"questions": questions, "items": list(items.values())}

    def chapter_page(self, ch: Chapter) -> str:
        title = f"{t('chapter', self.lang, n=ch.number)} {filters.tr(ch.title, self.lang)}"
        return front_matter(title=title) + self._render(
            "chapter.md.jinja", f"chapters/{ch.number}/index.md", ch=ch,
            src=self.source_link(ch.number, ()), top=self.ed.top_level_budgets(ch))

    def clause_page(self, c: Clause, prev: Clause | None, nxt: Clause | None) -> str:
        heading = filters.heading(filters.tr(c.title, self.lang))
        title = f"{t('clause', self.lang, n=c.number)} {heading}"
        return front_matter(title=title) + self._render(
            "clause.md.jinja", f"clauses/{c.number}.md", c=c, ch=self.ed.chapter_of[c.number],
            prev=prev, nxt=nxt, src=self.clause_source(c),
            calcs=self.calculators.get(c.number, []))

    def unit_page(self, u: Unit) -> str:
        ed = self.ed
        clauses = ed.clauses_of_unit(u.id)
        incentives = [(c, i) for c in clauses for i in c.incentives]
        targets = [(c, tg) for c in clauses for tg in c.targets]
        index = ed.units.index(u)
        return front_matter(title=filters.tr(u.name, self.lang)) + self._render(
            "unit.md.jinja", f"units/{u.id}.md", u=u, clauses=clauses, led=ed.chapters_led_by(u.id),
            incentives=incentives, targets=targets,
            src=self.source_link("units.yaml", ("units", index)))

    def targets_by_unit(self) -> list[tuple[Unit, list[tuple[Clause | None, Chapter, Any]]]]:
        groups = []
        for u in self.ed.units:
            rows = [(c, ch, tg) for c, ch, tg in self.ed.targets()
                    if (c is not None and u.id in c.responsible_units)
                    or (c is None and u.id in ch.lead_units)]
            if rows:
                groups.append((u, rows))
        return groups


def missing_strings() -> list[str]:
    """Interface strings that lack a language (tested)."""
    may_be_empty = {"cmp_exactly", "cmp_range"}  # no comparison word for an exact value
    return [k for k, v in STRINGS.items()
            if set(v) != {"zh", "en"} or (not all(v.values()) and k not in may_be_empty)]
