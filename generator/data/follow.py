"""`python -m generator amend`: the clauses made to follow the amendments recorded in
amendments.yaml, which is what an editor otherwise does by hand after recording one (the
editors' guide, "an official correction", step 2). The web editor cannot do it, because the
Chinese is read-only there.

For each change an amendment makes to a clause:
- the clause's Chinese: `old` becomes `new` (in its title or its text, where `old` is, once);
- each quote the change reaches: the quote with `old` in it, or the words that now say what
  the quote said with other numbers (最高补贴1.5万元 -> 最高补贴1.8万元);
- the value a changed quote writes (max_amount 15000 -> 18000), in the key that held the old
  value;
- the same number in the clause's English, where it is written once as digits
  (CNY 15,000 -> CNY 18,000).

What cannot be done exactly (a change whose `old` is not in the clause, a number the English
writes in words or more than once) is left as it is: `check` then says what remains. A clause
that already follows its amendments is not touched, so running it twice changes nothing.
The files keep their layout (ruamel round trip, then `fmt`)."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from generator.data.checks.facts import now_reads
from generator.data.fmt import _yaml, format_text
from generator.data.model import Edition
from generator.data.numbers import en_numbers, normalize, zh_numbers
from generator.data.restore import styled
from generator.data.schema import FIGURE_FIELDS

FACT_LISTS = ("incentives", "targets", "figures")


def _digits(tok_text: str, value: Decimal) -> str | None:
    """`value` written as the English token `tok_text` writes numbers: 15,000 (full figures,
    with commas from five digits on, or when the old one had them); None for a number
    written with words (1.2 billion), which is left to the editor."""
    if not all(ch.isdigit() or ch in ",." for ch in tok_text):
        return None
    v = normalize(value)
    if v != v.to_integral_value():
        return str(v)
    return f"{int(v):,}" if "," in tok_text or int(v) >= 10_000 else str(int(v))


def _texts_en(node: Any) -> list[tuple[CommentedMap, str]]:
    """Every English text in a clause's node: (the mapping that holds it, its key)."""
    out: list[tuple[CommentedMap, str]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "en" and isinstance(v, str):
                out.append((node, k))  # type: ignore[arg-type]
            else:
                out += _texts_en(v)
    elif isinstance(node, list):
        for v in node:
            out += _texts_en(v)
    return out


def follow_clause(clause: CommentedMap, changes: list[tuple[str, str]]) -> list[str]:
    """Apply `changes` ((old, new) words) to one clause's node; what was done, in words."""
    done: list[str] = []
    numbers: list[tuple[Decimal, Decimal]] = []
    for old, new in changes:
        where = next((k for k in ("title", "text") if isinstance(clause.get(k), dict)
                      and clause[k].get("zh", "").count(old) == 1), None)
        if where is None:
            continue  # already followed, or not there: check says which
        clause[where]["zh"] = styled(clause[where]["zh"],
                                      clause[where]["zh"].replace(old, new, 1))
        done.append(f"{where}.zh: {old} -> {new}")
    full = clause.get("title", {}).get("zh", "") + (clause.get("text") or {}).get("zh", "")
    for key in FACT_LISTS:
        for fact in clause.get(key) or []:
            quote = fact.get("quote")
            if not isinstance(quote, str) or quote in full:
                continue
            new_quote = next((quote.replace(o, n, 1) for o, n in changes
                              if o in quote and quote.replace(o, n, 1) in full), None)
            if new_quote is None:
                span = now_reads(quote, full)
                new_quote = full[span[0]:span[1]] if span else None
            if new_quote is None:
                continue
            fact["quote"] = styled(quote, new_quote)
            done.append(f"{key} {fact.get('id')}: quote {quote} -> {new_quote}")
            was = [t for t in zh_numbers(quote) if t.text[0].isdigit()]
            now = [t for t in zh_numbers(new_quote) if t.text[0].isdigit()]
            if len(was) != len(now):
                continue
            for a, b in zip(was, now, strict=True):
                if a.value == b.value:
                    continue
                field = next((f for f in FIGURE_FIELDS if fact.get(f) is not None
                              and normalize(Decimal(str(fact[f]))) == a.value), None)
                if field is None:
                    continue
                fact[field] = int(b.value) if isinstance(fact[field], int) else b.value
                numbers.append((a.value, b.value))
                done.append(f"{key} {fact.get('id')}: {field} {a.value} -> {b.value}")
    for was_value, now_value in numbers:
        for holder, k in _texts_en(clause):
            text = holder[k]
            toks = [t for t in en_numbers(text) if t.value == was_value]
            written = _digits(toks[0].text, now_value) if len(toks) == 1 else None
            if written is None:
                continue
            t = toks[0]
            holder[k] = styled(text, text[:t.start] + written + text[t.end:])
            done.append(f"en: {t.text} -> {written}")
    return done


def follow_file(text: str, ed: Edition) -> tuple[str, list[str]]:
    """A chapter file's text with its clauses following their amendments, and what changed."""
    yaml = _yaml()
    tree = yaml.load(text)
    done: list[str] = []
    for clause in tree.get("clauses") or []:
        number = clause.get("number")
        changes = [(ch.old, ch.new) for _, chs in ed.amendments_of_clause(number) for ch in chs]
        if changes:
            done += [f"clause {number}: {d}" for d in follow_clause(clause, changes)]
    if not done:
        return text, []
    out = io.StringIO()
    yaml.dump(tree, out)
    return format_text(out.getvalue()), done


def run(ed: Edition) -> list[tuple[Path, list[str]]]:
    """Every chapter file of the edition made to follow its amendments (I/O): (file, what
    changed) for the files that changed."""
    changed: list[tuple[Path, list[str]]] = []
    for chapter in ed.chapters:
        path = ed.chapter_files[chapter.number].path
        text = path.read_text(encoding="utf-8")
        new, done = follow_file(text, ed)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append((path, done))
    return changed
