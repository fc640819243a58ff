"""Carry-over from the previous edition: which clause is which (by text first, then by title,
then by the most similar text, so a renumbered clause is found), and which facts still stand.

A fact whose quote is still in the text is kept as it is (its id, kind, who/what, calculator
`rules`). A fact whose quote changed only in its numbers (20万元 -> 25万元) is kept with the new
quote and values and marked for review. Any other fact is dropped: its numbers get stubs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any, TypeVar

from pydantic import BaseModel

from generator.data.checks.common import Fact
from generator.data.numbers import normalize, show, zh_numbers
from generator.data.schema import Clause, Pending, Text
from generator.importer.grammar import ParsedClause

M = TypeVar("M", bound=BaseModel)
SIMILAR = 0.6  # below this, two clause texts are different clauses
_NUMBER = r"(\d+(?:\.\d+)?(?:万|亿)?)"


def match_clauses(old: Sequence[Clause], new: Sequence[ParsedClause]
                  ) -> dict[int, tuple[Clause, str]]:
    """New clause number -> (old clause, how it was matched: text | title | similar)."""
    out: dict[int, tuple[Clause, str]] = {}
    used: set[int] = set()

    def pair(n: int, o: Clause, how: str) -> None:
        out[n] = (o, how)
        used.add(o.number)

    by_text: dict[str, Clause] = {}
    for o in old:
        by_text.setdefault(o.full_zh, o)
    for c in new:
        same_text = by_text.get(c.full)
        if same_text is not None and same_text.number not in used:
            pair(c.number, same_text, "text")
    for c in new:
        if c.number in out:
            continue
        same = [o for o in old if o.title.zh == c.title and o.number not in used]
        if len(same) == 1:
            pair(c.number, same[0], "title")
    pairs: list[tuple[float, bool, int, Clause]] = []
    for c in new:
        if c.number in out:
            continue
        for o in old:
            if o.number in used:
                continue
            m = SequenceMatcher(None, o.full_zh, c.full, autojunk=False)
            if m.real_quick_ratio() >= SIMILAR and m.quick_ratio() >= SIMILAR:
                ratio = m.ratio()
                if ratio >= SIMILAR:
                    pairs.append((ratio, c.number == o.number, c.number, o))
    for _, _, n, o in sorted(pairs, key=lambda p: (p[0], p[1]), reverse=True):
        if n not in out and o.number not in used:
            pair(n, o, "similar")
    return out


def carry_text(old: Text | None, zh: str) -> Text:
    """The old text when its Chinese is unchanged; else the new Chinese with the old English
    kept as `pending: outdated` (never shown as current), or `pending: new`."""
    if old is not None and old.zh == zh:
        return old
    if old is not None and old.en is not None:
        return Text(zh=zh, en=old.en, pending=Pending.OUTDATED)
    return Text(zh=zh, pending=Pending.NEW)


@dataclass
class Carried:
    """The facts of one text after carry-over."""

    kept: list[Fact] = field(default_factory=list)  # unchanged or changed, in the old order
    changed: list[tuple[Fact, list[tuple[Decimal, Decimal]]]] = field(default_factory=list)
    dropped: list[Fact] = field(default_factory=list)


def carry_facts(facts: Sequence[Fact], text: str) -> Carried:
    out = Carried()
    for fact in facts:
        if fact.quote in text:
            out.kept.append(fact)
            continue
        moved = _renumbered(fact, text)
        if moved is None:
            out.dropped.append(fact)
        else:
            out.kept.append(moved[0])
            out.changed.append(moved)
    return out


def _renumbered(fact: Fact, text: str) -> tuple[Fact, list[tuple[Decimal, Decimal]]] | None:
    """The fact with the numbers of `text` where only the numbers of its quote changed."""
    tokens = zh_numbers(fact.quote)
    plain = [t for t in tokens if t.text[0].isdigit()]
    if not plain:
        return None
    pattern, at = "", 0
    for t in plain:
        pattern += re.escape(fact.quote[at:t.start]) + _NUMBER
        at = t.end
    pattern += re.escape(fact.quote[at:])
    found = {m.group(0) for m in re.finditer(pattern, text)}
    if len(found) != 1:
        return None
    quote = found.pop()
    new_tokens = [t for t in zh_numbers(quote) if t.text[0].isdigit()]
    if len(new_tokens) != len(plain):
        return None
    pairs = [(a.value, b.value) for a, b in zip(plain, new_tokens, strict=True)
             if a.value != b.value]
    texts = [(a.text, b.text) for a, b in zip(plain, new_tokens, strict=True) if a.text != b.text]
    data = fact.model_dump(mode="python", exclude_defaults=True)
    data = _replace(data, dict(pairs), dict(texts))
    data["quote"] = quote
    changes = ", ".join(f"{show(a)} -> {show(b)}" for a, b in pairs)
    data["review"] = f"changed in the new edition: {changes} (was `{fact.quote}`)"
    try:
        return type(fact).model_validate(data), pairs
    except ValueError:
        return None


def _replace(data: Any, values: dict[Decimal, Decimal], texts: dict[str, str]) -> Any:
    """Numbers in `values` replaced; a text that wrote an old number gets the new one and,
    if it had a translation, is marked outdated."""
    if isinstance(data, dict):
        if "zh" in data and isinstance(data.get("zh"), str):
            zh = data["zh"]
            for old, new in texts.items():
                zh = re.sub(rf"(?<![\d.]){re.escape(old)}(?![\d.])", new, zh)
            if zh != data["zh"]:
                data = {**data, "zh": zh}
                if data.get("en") is not None:
                    data["pending"] = Pending.OUTDATED
            return data
        return {k: v if k in ("id", "quote", "review") else _replace(v, values, texts)
                for k, v in data.items()}
    if isinstance(data, list):
        return [_replace(v, values, texts) for v in data]
    if isinstance(data, (int, Decimal)) and not isinstance(data, bool):
        replaced = values.get(normalize(Decimal(data)))
        if replaced is not None:
            return int(replaced) if isinstance(data, int) else replaced
    return data


def renumber_references(text: Text, numbers: dict[int, int]) -> Text:
    """`第14条` / `clause 14` in a calculator's texts follow the clause to its new number."""
    def zh(m: re.Match[str]) -> str:
        return f"第{numbers.get(int(m.group(1)), int(m.group(1)))}条"

    def en(m: re.Match[str]) -> str:
        return f"{m.group(1)}{numbers.get(int(m.group(2)), int(m.group(2)))}"

    new_zh = re.sub(r"第(\d+)条", zh, text.zh)
    new_en = re.sub(r"(\b[Cc]lauses? )(\d+)", en, text.en) if text.en else None
    if new_zh == text.zh and new_en == text.en:
        return text
    return text.model_copy(update={"zh": new_zh, "en": new_en})
