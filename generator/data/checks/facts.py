"""Facts and numbers: every quote is verbatim in its text, every value is a number its quote
writes, every number of a text is claimed by a fact, and the English carries exactly the
numbers of the Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from generator.data.checks.common import (
    Fact,
    Loc,
    chapter_facts,
    clause_facts,
    clause_text,
    context,
    short,
)
from generator.data.load import YamlFile
from generator.data.model import Edition
from generator.data.numbers import en_numbers, normalize, show, value_set, zh_numbers
from generator.data.schema import FIGURE_FIELDS, Figure, Pending, Text
from generator.problems import Problem


def _texts(ed: Edition) -> Iterable[tuple[YamlFile, Loc, Text, list[tuple[Loc, Fact]]]]:
    """Every text that carries numbers, with the facts allowed to claim them."""
    for ch in ed.chapters:
        f = ed.chapter_files[ch.number]
        if ch.intro is not None:
            yield f, ("intro",), ch.intro, chapter_facts(ch)
        for ci, c in enumerate(ch.clauses):
            loc: Loc = ("clauses", ci)
            yield f, (*loc, "text"), clause_text(c), clause_facts(loc, c)
        for pi, para in enumerate(ch.unnumbered):
            ploc: Loc = ("unnumbered", pi)
            facts: list[tuple[Loc, Fact]] = [((*ploc, "targets", i), x)
                                             for i, x in enumerate(para.targets)]
            facts += [((*ploc, "figures", i), x) for i, x in enumerate(para.figures)]
            yield f, (*ploc, "text"), para.text, facts
    doc = ed.document
    f = ed.files["document.yaml"]
    if doc.closing:
        zh = "\n\n".join(t.zh for t in doc.closing)
        closing = (Text(zh=zh, pending=Pending.NEW) if any(t.pending for t in doc.closing)
                   else Text(zh=zh, en="\n\n".join(t.text("en") for t in doc.closing)))
        closing_facts: list[tuple[Loc, Fact]] = [(("budgets", i), b)
                                                 for i, b in enumerate(doc.budgets)]
        closing_facts += [(("figures", i), fg) for i, fg in enumerate(doc.figures)]
        yield f, ("closing",), closing, closing_facts
    if doc.preamble is not None:
        pre: list[tuple[Loc, Fact]] = [(("preamble_figures", i), fg)
                                       for i, fg in enumerate(doc.preamble_figures)]
        yield f, ("preamble",), doc.preamble, pre


def facts_and_numbers(ed: Edition) -> Iterable[Problem]:
    """Quotes are verbatim, values are written in their quotes, every number has a fact."""
    for f, loc, text, facts in _texts(ed):
        zh_loc = (*loc, "zh") if loc[-1] in ("text", "intro") else loc
        yield from _check_facts(f, zh_loc, text, facts)


def english_numbers(ed: Edition) -> Iterable[Problem]:
    """The English of every text carries exactly the numbers of the Chinese."""
    for f, loc, text, _ in _texts(ed):
        if loc == ("preamble",):
            continue  # the preamble's numbers are years, written the same way in both
        en_loc = (*loc, "en") if loc[-1] in ("text", "intro") else loc
        yield from _check_english(f, en_loc, text)


def _check_facts(f: YamlFile, text_loc: Loc, text: Text,
                 facts: list[tuple[Loc, Fact]]) -> list[Problem]:
    out: list[Problem] = []
    spans: list[tuple[int, int, set[Decimal]]] = []
    for loc, fact in facts:
        if fact.quote not in text.zh:
            now = now_reads(fact.quote, text.zh)
            if now is None:
                out.append(f.problem((*loc, "quote"), f"quote `{short(fact.quote)}` is not in the "
                                     "zh text; copy it verbatim from the text (same punctuation)"))
                continue
            # The text's numbers changed under the quote: one message here, and the new
            # numbers count as this fact's (not "has no incentive", which invites a duplicate).
            start, end = now
            new = text.zh[start:end]
            values = "; ".join(f"{t.text} → {show(t.value)}" for t in zh_numbers(new))
            out.append(f.problem((*loc, "quote"), f"quote `{short(fact.quote, 40)}` is not in the "
                                 f"zh text, which now reads `{short(new, 40)}`: copy that into "
                                 f"`quote` and change the value to match ({values})"))
            spans.append((start, end, {t.value for t in zh_numbers(new)}))
            continue
        written = value_set(zh_numbers(fact.quote))
        for n in fact.numbers():
            if n not in written:
                out.append(f.problem((*loc, *_field_of(fact, n)), f"{show(n)} is not a number "
                                     "written in its quote "
                                     f"`{short(fact.quote)}` (it writes "
                                     f"{', '.join(sorted(map(show, written))) or 'none'}); "
                                     "convert 万/亿 and copy the value"))
        boundary = getattr(fact, "boundary", None)
        th = getattr(fact, "threshold", None)
        for word in [b.value for b in (boundary, th.boundary if th else None) if b is not None]:
            if word not in fact.quote:
                out.append(f.problem((*loc, "quote"), f"boundary word {word} is not in the quote "
                                     f"`{short(fact.quote)}`; quote the words that state it"))
        start = text.zh.find(fact.quote)
        claimed = set(fact.numbers())
        while start >= 0:
            spans.append((start, start + len(fact.quote), claimed))
            start = text.zh.find(fact.quote, start + 1)
    for tok in zh_numbers(text.zh):
        if not any(s <= tok.start and tok.end <= e and tok.value in v for s, e, v in spans):
            out.append(f.problem(text_loc, f"`{tok.text}` in `{context(text.zh, tok.start)}` "
                                 "has no incentive, target, budget or figure; add one whose "
                                 "quote contains it"))
    return out


def now_reads(quote: str, zh: str) -> tuple[int, int] | None:
    """Where the text says what the quote says with other numbers (the quote 最高补贴1.5万元,
    the text 最高补贴1.8万元), if it says it exactly once."""
    tokens = [t for t in zh_numbers(quote) if t.text[0].isdigit()]
    if not tokens:
        return None
    pattern, at = "", 0
    for t in tokens:
        pattern += re.escape(quote[at:t.start]) + r"\d+(?:\.\d+)?[万亿]?"
        at = t.end
    pattern += re.escape(quote[at:])
    found = [(m.start(), m.end()) for m in re.finditer(pattern, zh)]
    return found[0] if len(found) == 1 else None


def _check_english(f: YamlFile, loc: Loc, text: Text) -> list[Problem]:
    if text.current_en is None:
        return []  # translation pending: listed as a to-do by `review.todo`
    zh = value_set(zh_numbers(text.zh))
    en = value_set(en_numbers(text.current_en))
    out: list[Problem] = []
    if zh - en and en - zh:  # one number changed: one message
        return [f.problem(loc, f"the English has {', '.join(sorted(map(show, en - zh)))} where the "
                          f"Chinese has {', '.join(sorted(map(show, zh - en)))}; write every "
                          "amount in full figures (20万元 -> CNY 200,000)")]
    if zh - en:
        out.append(f.problem(loc, "the English lacks "
                             f"{', '.join(sorted(map(show, zh - en)))} from the Chinese; write "
                             "every amount in full figures (20万元 -> CNY 200,000)"))
    if en - zh:
        out.append(f.problem(loc, "the English has "
                             f"{', '.join(sorted(map(show, en - zh)))}, not in the Chinese; "
                             "spell such numbers in words or fix them"))
    return out


def _field_of(fact: Fact, n: Decimal) -> tuple[str, ...]:
    """The key holding number `n`, so a problem points at the line to change."""
    for key in FIGURE_FIELDS:
        v = getattr(fact, key, None)
        if v is not None and normalize(Decimal(v)) == n:
            return (key,)
    threshold = getattr(fact, "threshold", None)
    if threshold is not None and normalize(threshold.value) == n:
        return ("threshold", "value")
    return ("values",) if isinstance(fact, Figure) else ()
