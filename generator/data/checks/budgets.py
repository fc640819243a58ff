"""Budgets: ids unique, references resolve, parts add up (within a recorded rounding), and the
stated total either reconciles or its discrepancy is recorded in `budget_notes`."""

from __future__ import annotations

from collections.abc import Iterable

from generator.data.checks.common import Loc
from generator.data.load import YamlFile
from generator.data.model import Edition
from generator.data.schema import BudgetItem
from generator.problems import Problem


def budgets(ed: Edition) -> Iterable[Problem]:
    """Budget ids, references, sums and the reconciliation with the stated total."""
    out: list[Problem] = []
    located: dict[str, tuple[YamlFile, Loc]] = {}
    all_items: list[tuple[YamlFile, Loc, BudgetItem]] = []
    for ch in ed.chapters:
        f = ed.chapter_files[ch.number]
        all_items += [(f, ("budgets", i), b) for i, b in enumerate(ch.budgets)]
        all_items += [(f, ("clauses", ci, "budgets", i), b) for ci, c in enumerate(ch.clauses)
                      for i, b in enumerate(c.budgets)]
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
