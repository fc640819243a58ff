"""Validate an edition folder: schema per file, then cross-checks over the whole document.

`read_edition(folder)` returns the model and every problem found (all at once, sorted). The
model is None when a schema error makes cross-checks meaningless.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.load import LoadError, YamlFile, load_yaml
from generator.model import Edition, lead_names, responsible_names
from generator.numbers import en_numbers, normalize, show, value_set, zh_numbers
from generator.problems import Problem, display_path
from generator.schema import (
    BudgetItem,
    CalculatorsFile,
    ChangesFile,
    Chapter,
    Clause,
    Document,
    Figure,
    GlossaryFile,
    Incentive,
    Target,
    Text,
    UnitsFile,
)

M = TypeVar("M", bound=BaseModel)
Fact = Incentive | Target | Figure | BudgetItem
Loc = tuple[int | str, ...]


class Unreadable(Exception):
    """The edition cannot be read at all (missing folder or file): exit code 2."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def _message(err: Any) -> str:
    kind, msg = err["type"], err["msg"]
    field = str(err["loc"][-1]) if err["loc"] else "value"
    if kind == "extra_forbidden":
        return f"unknown key `{field}`; remove it or check its spelling and indentation"
    if kind == "missing":
        if field in ("zh", "en"):
            return f"missing `{field}` text; every text needs both zh and en"
        return f"missing required key `{field}`; add it"
    if kind.startswith("string_too_short"):
        return f"`{field}` is empty; write the text"
    return f"`{field}`: {msg.removeprefix('Value error, ')}; fix the value"


def _parse(file: YamlFile, model: type[M], problems: list[Problem]) -> M | None:
    try:
        return model.model_validate(file.data)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(file.problem(err["loc"], _message(err)))
        return None


def _load(path: Path, problems: list[Problem]) -> YamlFile | None:
    try:
        return load_yaml(path)
    except LoadError as exc:
        problems.append(exc.problem)
        return None


def read_edition(folder: Path) -> tuple[Edition | None, list[Problem]]:
    name = display_path(folder)
    required = ["document.yaml", "units.yaml", "glossary.yaml", "source.zh.txt"]
    missing = [f for f in required if not (folder / f).is_file()]
    chapter_paths = sorted((folder / "chapters").glob("*.yaml"))
    if not folder.is_dir() or missing or not chapter_paths:
        what = (["folder does not exist"] if not folder.is_dir() else
                [f"missing {f}" for f in missing] +
                ([] if chapter_paths else ["no chapters/*.yaml"]))
        raise Unreadable([Problem(name, 1, 1, f"{w}; an edition folder needs "
                                  "document.yaml, units.yaml, glossary.yaml, source.zh.txt and "
                                  "chapters/*.yaml") for w in what])
    problems: list[Problem] = []
    files = {p.name: _load(folder / p, problems)
             for p in map(Path, ["document.yaml", "units.yaml", "glossary.yaml"])}
    chapter_files = [_load(p, problems) for p in chapter_paths]
    calc_file = (_load(folder / "calculators.yaml", problems)
                 if (folder / "calculators.yaml").is_file() else None)
    changes_file = (_load(folder / "changes.yaml", problems)
                    if (folder / "changes.yaml").is_file() else None)
    try:
        source = (folder / "source.zh.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Unreadable([Problem(name, 1, 1, f"cannot read source.zh.txt: {exc}")]) from exc

    doc = _parse(files["document.yaml"], Document, problems) if files["document.yaml"] else None
    units = _parse(files["units.yaml"], UnitsFile, problems) if files["units.yaml"] else None
    gloss = (_parse(files["glossary.yaml"], GlossaryFile, problems)
             if files["glossary.yaml"] else None)
    chapters = [(f, _parse(f, Chapter, problems)) for f in chapter_files if f is not None]
    calcs = _parse(calc_file, CalculatorsFile, problems) if calc_file else None
    changes = _parse(changes_file, ChangesFile, problems) if changes_file else None
    if (calc_file is not None and calcs is None) or (changes_file is not None and changes is None):
        return None, sorted(set(problems))
    if doc is None or units is None or gloss is None:
        return None, sorted(set(problems))
    # A chapter that fails its schema is left out of the cross-checks, so the other chapters
    # are still checked; the edition is then incomplete and no model is returned.
    complete = None not in chapter_files and all(ch is not None for _, ch in chapters)

    ordered = sorted(((f, ch) for f, ch in chapters if ch is not None), key=lambda x: x[1].number)
    edition = Edition(
        folder=folder,
        document=doc,
        chapters=tuple(ch for _, ch in ordered),
        units=tuple(units.units),
        glossary=tuple(gloss.terms),
        source_text=source,
        calculators=tuple(calcs.calculators) if calcs else (),
        changes=tuple(changes.changes) if changes else (),
        files={k: v for k, v in files.items() if v is not None}
        | ({"calculators.yaml": calc_file} if calc_file else {})
        | ({"changes.yaml": changes_file} if changes_file else {}),
        chapter_files={ch.number: f for f, ch in ordered},
    )
    problems += cross_check(edition)
    return (edition if complete else None), sorted(set(problems))


# --- cross-checks ---------------------------------------------------------------------------


def cross_check(ed: Edition) -> list[Problem]:
    out: list[Problem] = []
    out += _check_numbering(ed)
    out += _check_units(ed)
    out += _check_glossary(ed)
    for ch in ed.chapters:
        f = ed.chapter_files[ch.number]
        out += _check_lead(ed, f, ch)
        out += _check_facts(f, ("intro", "zh"), ch.intro, _chapter_facts(ch))
        out += _check_english(f, ("intro", "en"), ch.intro)
        for ci, c in enumerate(ch.clauses):
            loc: Loc = ("clauses", ci)
            out += _check_responsible(ed, f, loc, c)
            out += _check_published(ed, f, loc, c)
            out += _check_facts(f, (*loc, "text", "zh"), _clause_text(c), _clause_facts(loc, c))
            out += _check_english(f, (*loc, "text", "en"), _clause_text(c))
    doc_file = ed.files["document.yaml"]
    closing = Text(zh="\n\n".join(t.zh for t in ed.document.closing),
                   en="\n\n".join(t.en for t in ed.document.closing))
    doc_facts: list[tuple[Loc, Fact]] = [
        (("budgets", i), b) for i, b in enumerate(ed.document.budgets)]
    doc_facts += [(("figures", i), fg) for i, fg in enumerate(ed.document.figures)]
    out += _check_facts(doc_file, ("closing",), closing, doc_facts)
    out += _check_english(doc_file, ("closing",), closing)
    pre_facts: list[tuple[Loc, Fact]] = [
        (("preamble_figures", i), fg) for i, fg in enumerate(ed.document.preamble_figures)]
    out += _check_facts(doc_file, ("preamble",), ed.document.preamble, pre_facts)
    out += _check_budgets(ed)
    out += _check_rules(ed)
    out += _check_changes(ed)
    return out


def _check_changes(ed: Edition) -> list[Problem]:
    if "changes.yaml" not in ed.files:
        return []
    f = ed.files["changes.yaml"]
    numbers = {c.number for c in ed.clauses}
    return [f.problem(("changes", i, "clauses"), f"clause {n} does not exist; list clause "
                      "numbers of this edition") for i, ch in enumerate(ed.changes)
            for n in ch.clauses if n not in numbers]


def _check_rules(ed: Edition) -> list[Problem]:
    """Every rule names a calculator and inputs that exist, of the right kind."""
    from generator.schema import InputKind

    out: list[Problem] = []
    calcs = {k.id: k for k in ed.calculators}
    for ch in ed.chapters:
        f = ed.chapter_files[ch.number]
        for ci, c in enumerate(ch.clauses):
            for ii, inc in enumerate(c.incentives):
                for ri, rule in enumerate(inc.rules):
                    loc: Loc = ("clauses", ci, "incentives", ii, "rules", ri)
                    calc = calcs.get(rule.calculator)
                    if calc is None:
                        out.append(f.problem((*loc, "calculator"), f"calculator `{rule.calculator}`"
                                             " does not exist; add it to calculators.yaml"))
                        continue
                    inputs = {i.key: i for i in calc.inputs}
                    for key in [k for k in (rule.base, rule.threshold_input) if k]:
                        if key not in inputs or inputs[key].kind is not InputKind.NUMBER:
                            numbers = [i.key for i in calc.inputs if i.kind is InputKind.NUMBER]
                            out.append(f.problem(loc, f"`{key}` is not a number input of "
                                                 f"calculator `{calc.id}`; use one of {numbers}"))
                    if inc.threshold is not None and not (rule.threshold_input or rule.base):
                        out.append(f.problem(loc, "the incentive has a threshold: name the input "
                                             "it applies to in `threshold_input` or `base`"))
                    for key, values in rule.when.items():
                        inp = inputs.get(key)
                        if inp is None or inp.kind is InputKind.NUMBER:
                            out.append(f.problem((*loc, "when"), f"`{key}` is not a choice input "
                                                 f"of calculator `{calc.id}`"))
                            continue
                        keys = {o.key for o in inp.options}
                        for v in values:
                            if v not in keys:
                                out.append(f.problem((*loc, "when"), f"`{v}` is not an option of "
                                                     f"`{key}`; use one of {sorted(keys)}"))
    used = {r.calculator for _, i in ed.incentives() for r in i.rules}
    if "calculators.yaml" in ed.files:
        cf = ed.files["calculators.yaml"]
        for ki, k in enumerate(ed.calculators):
            if k.id not in used:
                out.append(cf.problem(("calculators", ki, "id"), f"calculator `{k.id}` has no "
                                      "incentive rule; add `rules` to the incentives it computes"))
    return out


def _clause_text(c: Clause) -> Text:
    return Text(zh=c.full_zh, en=c.full_en)


def _clause_facts(loc: Loc, c: Clause) -> list[tuple[Loc, Fact]]:
    facts: list[tuple[Loc, Fact]] = []
    facts += [((*loc, "incentives", i), x) for i, x in enumerate(c.incentives)]
    facts += [((*loc, "targets", i), x) for i, x in enumerate(c.targets)]
    facts += [((*loc, "figures", i), x) for i, x in enumerate(c.figures)]
    return facts


def _chapter_facts(ch: Chapter) -> list[tuple[Loc, Fact]]:
    facts: list[tuple[Loc, Fact]] = []
    facts += [(("budgets", i), x) for i, x in enumerate(ch.budgets)]
    facts += [(("targets", i), x) for i, x in enumerate(ch.targets)]
    facts += [(("figures", i), x) for i, x in enumerate(ch.figures)]
    return facts


def _dupes(values: Iterable[Any]) -> set[Any]:
    return {v for v, n in Counter(values).items() if n > 1}


def _check_numbering(ed: Edition) -> list[Problem]:
    out: list[Problem] = []
    numbers = [ch.number for ch in ed.chapters]
    for n in sorted(_dupes(numbers)):
        for ch in ed.chapters:
            if ch.number == n:
                out.append(ed.chapter_files[n].problem(("number",), f"chapter number {n} is used "
                           "by more than one file; give each chapter its own number"))
    if sorted(set(numbers)) != list(range(1, len(set(numbers)) + 1)):
        f = ed.chapter_files[max(numbers)]
        out.append(f.problem(("number",), f"chapter numbers {sorted(numbers)} are not 1..N "
                             "without gaps; renumber the chapters"))
    seen: dict[int, tuple[YamlFile, Loc]] = {}
    expected = 1
    for ch in ed.chapters:
        f = ed.chapter_files[ch.number]
        for ci, c in enumerate(ch.clauses):
            loc: Loc = ("clauses", ci, "number")
            if c.number in seen:
                pf, ploc = seen[c.number]
                pl = pf.position(ploc)[0]
                out.append(f.problem(loc, f"clause number {c.number} is duplicated (also at "
                                     f"{pf.name}:{pl}); clause numbers must be unique"))
            elif c.number != expected:
                out.append(f.problem(loc, f"clause number {c.number} is out of sequence: "
                                     f"expected {expected}; clauses run 1..N in chapter order "
                                     "without gaps"))
            seen.setdefault(c.number, (f, loc))
            expected = max(expected, c.number) + 1
        for ci, c in enumerate(ch.clauses):
            for dup in sorted(_dupes(x.id for x in c.incentives)):
                out.append(f.problem(("clauses", ci, "incentives"), f"incentive id `{dup}` is "
                                     "used twice in this clause; ids must be unique per clause"))
            for dup in sorted(_dupes(x.id for x in c.targets)):
                out.append(f.problem(("clauses", ci, "targets"), f"target id `{dup}` is used "
                                     "twice in this clause; ids must be unique per clause"))
    return out


def _check_units(ed: Edition) -> list[Problem]:
    f = ed.files["units.yaml"]
    out: list[Problem] = []
    for dup in sorted(_dupes(u.id for u in ed.units)):
        out.append(f.problem(("units",), f"unit id `{dup}` is defined twice; ids must be unique"))
    names = [n for u in ed.units for n in (u.name.zh, *u.aliases)]
    for dup in sorted(_dupes(names)):
        out.append(f.problem(("units",), f"unit name or alias `{dup}` belongs to two units; a "
                             "name must resolve to one unit"))
    used = {uid for c in ed.clauses for uid in c.responsible_units}
    used |= {uid for ch in ed.chapters for uid in ch.lead_units}
    for ui, u in enumerate(ed.units):
        if u.id not in used:
            out.append(f.problem(("units", ui, "id"), f"unit `{u.id}` is neither responsible for "
                                 "a clause nor leads a chapter; it is listed for the notice only",
                                 note=True))
    return out


def _check_glossary(ed: Edition) -> list[Problem]:
    f = ed.files["glossary.yaml"]
    dup = _dupes(t.zh for t in ed.glossary)
    return [f.problem(("terms", i, "zh"), f"glossary term `{t.zh}` is defined twice; keep one")
            for i, t in enumerate(ed.glossary) if t.zh in dup]


def _unit_ids(ed: Edition, f: YamlFile, loc: Loc, ids: Sequence[str]) -> list[Problem]:
    return [f.problem((*loc, i), f"unit id `{uid}` does not exist; use an id from units.yaml "
                      "or add the unit there")
            for i, uid in enumerate(ids) if uid not in ed.unit_by_id]


def _named(ed: Edition, f: YamlFile, loc: Loc, names: list[str], ids: Sequence[str],
           where: str) -> list[Problem]:
    out: list[Problem] = []
    resolved: list[str] = []
    for name in names:
        unit = ed.unit_by_name.get(name)
        if unit is None:
            out.append(f.problem(loc, f"{where} names `{name}`, which is no unit's name or alias; "
                                 "add it to units.yaml"))
        else:
            resolved.append(unit.id)
    if not out and resolved != list(ids):
        out.append(f.problem(loc, f"{where} names units {resolved} but the data lists {list(ids)};"
                             " list the same units in the same order"))
    return out


def _check_responsible(ed: Edition, f: YamlFile, loc: Loc, c: Clause) -> list[Problem]:
    out = _unit_ids(ed, f, (*loc, "responsible_units"), c.responsible_units)
    names = responsible_names(c.text.zh)
    if names is None:
        return [*out, f.problem((*loc, "text", "zh"), f"clause {c.number}: the zh text must end "
                                "with its (责任单位:…) parenthesis as published")]
    if not out:
        out += _named(ed, f, (*loc, "responsible_units"), names, c.responsible_units,
                      f"clause {c.number}'s 责任单位")
    if "(Responsible" not in c.text.en:
        out.append(f.problem((*loc, "text", "en"), f"clause {c.number}: the en text must end "
                             "with its (Responsible units: …) parenthesis"))
    return out


def _check_published(ed: Edition, f: YamlFile, loc: Loc, c: Clause) -> list[Problem]:
    """The zh clause must be a paragraph of source.zh.txt, character for character."""
    published = f"{c.number}.{c.full_zh}"
    if published in ed.source_lines:
        return []
    near = next((ln for ln in ed.source_text.splitlines() if ln.startswith(f"{c.number}.")), "")
    at = next((i for i, (a, b) in enumerate(zip(published, near, strict=False)) if a != b),
              min(len(published), len(near)))
    return [f.problem((*loc, "text", "zh"), f"clause {c.number}: the zh title and text differ from "
                      f"the published paragraph in source.zh.txt at character {at} "
                      f"(data `{published[max(0, at - 6):at + 6]}`, published "
                      f"`{near[max(0, at - 6):at + 6]}`); copy the published text exactly")]


def _check_lead(ed: Edition, f: YamlFile, ch: Chapter) -> list[Problem]:
    out = _unit_ids(ed, f, ("lead_units",), ch.lead_units)
    names = lead_names(ch.lead.zh)
    if names is None:
        return [*out, f.problem(("lead", "zh"), "the lead must read 由…牵头实施 as published")]
    if not out:
        out += _named(ed, f, ("lead_units",), names, ch.lead_units, f"chapter {ch.number}'s lead")
    return out


def _check_facts(f: YamlFile, text_loc: Loc, text: Text,
                 facts: list[tuple[Loc, Fact]]) -> list[Problem]:
    out: list[Problem] = []
    spans: list[tuple[int, int, set[Decimal]]] = []
    for loc, fact in facts:
        if fact.quote not in text.zh:
            out.append(f.problem((*loc, "quote"), f"quote `{_short(fact.quote)}` is not in the zh "
                                 "text; copy it verbatim from the text (same punctuation)"))
            continue
        written = value_set(zh_numbers(fact.quote))
        for n in fact.numbers():
            if n not in written:
                out.append(f.problem((*loc, *_field_of(fact, n)), f"{show(n)} is not a number "
                                     "written in its quote "
                                     f"`{_short(fact.quote)}` (it writes "
                                     f"{', '.join(sorted(map(show, written))) or 'none'}); "
                                     "convert 万/亿 and copy the value"))
        boundary = getattr(fact, "boundary", None)
        th = getattr(fact, "threshold", None)
        for word in [b.value for b in (boundary, th.boundary if th else None) if b is not None]:
            if word not in fact.quote:
                out.append(f.problem((*loc, "quote"), f"boundary word {word} is not in the quote "
                                     f"`{_short(fact.quote)}`; quote the words that state it"))
        start = text.zh.find(fact.quote)
        claimed = set(fact.numbers())
        while start >= 0:
            spans.append((start, start + len(fact.quote), claimed))
            start = text.zh.find(fact.quote, start + 1)
    for tok in zh_numbers(text.zh):
        if not any(s <= tok.start and tok.end <= e and tok.value in v for s, e, v in spans):
            out.append(f.problem(text_loc, f"`{tok.text}` in `{_context(text.zh, tok.start)}` "
                                 "has no incentive, target, budget or figure; add one whose "
                                 "quote contains it"))
    return out


def _check_english(f: YamlFile, loc: Loc, text: Text) -> list[Problem]:
    zh = value_set(zh_numbers(text.zh))
    en = value_set(en_numbers(text.en))
    out: list[Problem] = []
    if zh - en:
        out.append(f.problem(loc, "the English lacks "
                             f"{', '.join(sorted(map(show, zh - en)))} from the Chinese; write "
                             "every amount in full figures (20万元 -> CNY 200,000)"))
    if en - zh:
        out.append(f.problem(loc, "the English has "
                             f"{', '.join(sorted(map(show, en - zh)))}, not in the Chinese; "
                             "spell such numbers in words or fix them"))
    return out


def _check_budgets(ed: Edition) -> list[Problem]:
    out: list[Problem] = []
    located: dict[str, tuple[YamlFile, Loc]] = {}
    all_items: list[tuple[YamlFile, Loc, BudgetItem]] = []
    for ch in ed.chapters:
        f = ed.chapter_files[ch.number]
        all_items += [(f, ("budgets", i), b) for i, b in enumerate(ch.budgets)]
    doc = ed.files["document.yaml"]
    all_items += [(doc, ("budgets", i), b) for i, b in enumerate(ed.document.budgets)]
    for f, loc, b in all_items:
        if b.id in located:
            out.append(f.problem((*loc, "id"), f"budget id `{b.id}` is used twice; ids are "
                                 "unique in the document"))
        located.setdefault(b.id, (f, loc))
    items = {b.id: b for _, _, b in all_items}
    for f, loc, b in all_items:
        for ref in [*b.parts, *([b.within] if b.within else []),
                    *([b.overlaps] if b.overlaps else [])]:
            if ref not in items:
                out.append(f.problem(loc, f"budget item `{ref}` does not exist; use an id of a "
                                     "budget item"))
        if b.parts and all(p in items for p in b.parts):
            total = sum(items[p].amount for p in b.parts)
            if abs(total - b.amount) > b.rounding:
                out.append(f.problem((*loc, "amount"), f"parts {b.parts} add up to {total}, not "
                                     f"{b.amount} (tolerance {b.rounding}); fix an amount or "
                                     "`rounding`"))
            elif total != b.amount:
                out.append(f.problem((*loc, "amount"), f"parts add up to {total}, stated "
                                     f"{b.amount}: equal to the document's rounding", note=True))
    rec = ed.reconciliation
    if rec is None:
        return out
    noted = [n for n in ed.document.budget_notes if rec.total.id in n.items]
    for ni, n in enumerate(ed.document.budget_notes):
        for ref in n.items:
            if ref not in items:
                out.append(doc.problem(("budget_notes", ni, "items"), f"budget item `{ref}` does "
                                       "not exist; use an id of a budget item"))
    if rec.difference and not noted:
        out.append(doc.problem(("budgets",), f"the stated total {rec.total.amount} differs from "
                               f"the city-level figures listed ({rec.city_net} after overlaps); "
                               "record the discrepancy in `budget_notes`"))
    elif rec.difference:
        out.append(doc.problem(("budget_notes",), f"known discrepancy `{noted[0].id}`: stated "
                               f"total {rec.total.amount}; city-level figures listed "
                               f"{rec.city_sum} - overlap {rec.overlap_sum} = {rec.city_net} "
                               f"(difference {rec.difference}); with higher-level funds "
                               f"{rec.all_net}", note=True))
    elif noted:
        out.append(doc.problem(("budget_notes",), f"note `{noted[0].id}` records a discrepancy "
                               "but the figures now reconcile; remove the note"))
    return out


def _field_of(fact: Fact, n: Decimal) -> tuple[str, ...]:
    """The key holding number `n`, so a problem points at the line to change."""
    for key in ("amount", "max_amount", "rate", "rate_min", "rate_max", "value", "value_max"):
        v = getattr(fact, key, None)
        if v is not None and normalize(Decimal(v)) == n:
            return (key,)
    threshold = getattr(fact, "threshold", None)
    if threshold is not None and normalize(threshold.value) == n:
        return ("threshold", "value")
    return ("values",) if isinstance(fact, Figure) else ()


def _short(s: str, n: int = 30) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _context(text: str, at: int) -> str:
    return text[max(0, at - 8) : at + 12].replace("\n", " ")
