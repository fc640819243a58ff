"""What the checks share: locations inside a file, the fact types, short quotes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from generator.data.schema import (
    BudgetItem,
    Chapter,
    Clause,
    Figure,
    Incentive,
    Pending,
    Target,
    Text,
)

Fact = Incentive | Target | Figure | BudgetItem
Loc = tuple[int | str, ...]


def dupes(values: Iterable[Any]) -> set[Any]:
    return {v for v, n in Counter(values).items() if n > 1}


def short(s: str, n: int = 30) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def context(text: str, at: int) -> str:
    return text[max(0, at - 8) : at + 12].replace("\n", " ")


def clause_text(c: Clause) -> Text:
    """Title and text as one; pending when either part's English is."""
    if c.pending:
        return Text(zh=c.full_zh, pending=Pending.NEW)
    return Text(zh=c.full_zh, en=c.full_en)


def clause_facts(loc: Loc, c: Clause) -> list[tuple[Loc, Fact]]:
    facts: list[tuple[Loc, Fact]] = [((*loc, "budgets", i), x) for i, x in enumerate(c.budgets)]
    facts += [((*loc, "incentives", i), x) for i, x in enumerate(c.incentives)]
    facts += [((*loc, "targets", i), x) for i, x in enumerate(c.targets)]
    facts += [((*loc, "figures", i), x) for i, x in enumerate(c.figures)]
    return facts


def chapter_facts(ch: Chapter) -> list[tuple[Loc, Fact]]:
    facts: list[tuple[Loc, Fact]] = []
    facts += [(("budgets", i), x) for i, x in enumerate(ch.budgets)]
    facts += [(("targets", i), x) for i, x in enumerate(ch.targets)]
    facts += [(("figures", i), x) for i, x in enumerate(ch.figures)]
    return facts


