"""The registry of consistency checks, run on the assembled model (stage 2b of `validate`).

Each check is a function `(Edition) -> Iterable[Problem]` whose docstring says what it holds
true; `python -m generator check --list` prints them. Adding a check is one line here.

`LOCAL` checks look at each clause or chapter on its own, so they still run on the chapters
that loaded when another chapter file is broken. `WHOLE` checks need every file (numbering,
the whole published text, budget totals, what is used anywhere): on an incomplete document
they would only repeat the broken file's problem as knock-on errors ("chapter numbers are not
1..N"), so they wait until every file loads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.data.checks import budgets, facts, published, review, rules, structure, units
from generator.data.model import Edition
from generator.problems import Problem

Check = Callable[[Edition], Iterable[Problem]]

LOCAL: tuple[Check, ...] = (
    structure.fact_ids,
    structure.glossary,
    structure.amendments,
    structure.period,
    units.chapter_leads,
    units.responsible_units,
    units.contacts,
    published.clause_texts,
    facts.facts_and_numbers,
    facts.english_numbers,
    rules.calculator_rules,
    review.todo,
)

WHOLE: tuple[Check, ...] = (
    structure.numbering,
    structure.change_log,
    units.units,
    units.issuers,
    published.whole_document,
    budgets.budgets,
    rules.calculators_used,
    rules.calculator_inputs,
    rules.finder,
)

CHECKS: tuple[Check, ...] = LOCAL + WHOLE
