"""The registry of consistency checks, run on the assembled model (stage 2b of `validate`).

Each check is a function `(Edition) -> Iterable[Problem]` whose docstring says what it holds
true; `python -m generator check --list` prints them. Adding a check is one line here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.data.checks import budgets, facts, published, review, rules, structure, units
from generator.data.model import Edition
from generator.problems import Problem

Check = Callable[[Edition], Iterable[Problem]]

CHECKS: tuple[Check, ...] = (
    structure.numbering,
    structure.glossary,
    structure.change_log,
    structure.period,
    units.units,
    units.chapter_leads,
    units.responsible_units,
    units.contacts,
    published.clause_texts,
    published.whole_document,
    facts.facts_and_numbers,
    facts.english_numbers,
    budgets.budgets,
    rules.calculator_rules,
    review.todo,
)
