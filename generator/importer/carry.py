"""Carry-over from the previous edition, once the alignment (`generator.editions.align`) has
said which clause and chapter is which: which texts keep their English, which facts still
stand.

A fact whose quote is still in the text is kept as it is (its id, kind, who/what, calculator
`rules`). A fact whose quote changed only in its numbers (20万元 -> 25万元) is kept with the new
quote and values and marked for review. Any other fact is dropped: its numbers get stubs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel

from generator.data.checks.common import Fact
from generator.data.numbers import normalize, show, zh_numbers
from generator.data.schema import Pending, Text

M = TypeVar("M", bound=BaseModel)
_NUMBER = r"(\d+(?:\.\d+)?(?:万|亿)?)"


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
