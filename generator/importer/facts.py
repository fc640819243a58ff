"""Fact stubs: every number of a text becomes a fact with its verbatim quote, its value (万/亿
converted), unit and boundary word, so "every number has a fact" holds on import. The kind is
a guess (budget sentence, incentive amount / rate / cap, target, year, other figure) and each
stub says so in `review`. Numbers come from `generator.data.numbers`, as the check finds them.

Quotes are phrases: the stretch of text between two of ，,；;。：: around the number. What is
not a fact of this document is never stubbed as one: a number in quotes (“315”行动) is part of
a name, another document's 文号 (浙政发〔2025〕3号) an identifier, a date a date. 左右 is
approximately; 3万元-5万元 a range. A budget sentence (安排…资金…) gives budget items, and a
其中 breakdown in it gives the items its total is made of.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from pydantic import ValidationError

from generator.data.checks.common import Fact
from generator.data.numbers import NumberToken, zh_numbers
from generator.data.schema import (
    Boundary,
    BudgetItem,
    BudgetSource,
    Comparison,
    Currency,
    Figure,
    FigureKind,
    Incentive,
    IncentiveKind,
    Pending,
    Target,
    Text,
)

_PHRASE_END = "，,；;。：:！？!?\n"
_SENTENCE_END = "；;。！？!?\n"
_INCENTIVE = re.compile(r"奖励|补助|补贴|资助|奖|扶持|贴息|启动资金|经费|减按|税率|保费")
_CAP = re.compile(r"最高|不超过|最多|上限")
_TARGET = re.compile(r"新增|完成|达到|达|培育|力争|实现|建成|突破|提供|保障|不少于|不低于|以上|累计"
                     r"|新建|改建|覆盖|招引|引进|帮扶|救助|撤并|净增|争创|实施|举办|组织|参加"
                     r"|增速|增长|提高|提升|降低|下降|左右|占比|比重|率")
_BUDGET = re.compile(r"安排|预算|财政|争取|补助资金|资金|总额")
_HIGHER = re.compile(r"上级|向上|争取")
_UNITS = sorted(["公里", "平方米", "千瓦时", "吨标准煤", "吨", "户", "家", "个", "项", "场", "名",
                 "人", "台", "套", "辆", "张", "根", "处", "条", "所", "次", "亩", "方", "床",
                 "件", "类", "批", "座", "家次", "人次", "分钟", "年", "天", "月", "小时", "倍",
                 "公顷", "米", "幢", "层", "元", "美元"], key=len, reverse=True)
_UNIT_EN = {"元": "CNY", "美元": "USD", "%": "%", "公里": "km", "平方米": "square metres",
            "千瓦时": "kWh", "亩": "mu", "分钟": "minutes", "小时": "hours"}
_AFTER = re.compile(r"^(以上|以下|以内)")
_ABOUT = re.compile(r"^左右")
_BEFORE = re.compile(r"(不少于|不低于|不超过|不小于|达到|达|至少|超过|不满|低于)$")
_RANGE = re.compile(r"^(?:元|万元|亿元|美元|%|个|家|人|项|名|亩|台|套)?[-—－～~至到]$")
_BREAKDOWN = re.compile(r"其中")
_KINDS = [("保费|保险", IncentiveKind.PREMIUM_SUBSIDY), ("贴息", IncentiveKind.LOAN_INTEREST),
          ("启动资金", IncentiveKind.START_UP_FUND), ("税", IncentiveKind.TAX_PREFERENCE),
          ("资助", IncentiveKind.FUNDING), ("补贴|补助|经费", IncentiveKind.SUBSIDY),
          ("奖励|奖", IncentiveKind.REWARD)]
FIGURE_NOTES = {
    FigureKind.YEAR: ("年份", "Year"),
    FigureKind.DATE: ("日期", "Date"),
    FigureKind.IDENTIFIER: ("文件编号等编号", "Document number or other identifier"),
    FigureKind.NAME: ("名称中的数字", "A number that is part of a name"),
    FigureKind.COUNT: ("数量", "Count"),
    FigureKind.MEASURE: ("数值", "Figure"),
}


def pending(zh: str) -> Text:
    return Text(zh=zh, pending=Pending.NEW)


@dataclass(frozen=True)
class Number:
    """A number as the text writes it, with what follows it: its unit and its kind."""

    token: NumberToken
    kind: str  # year | identifier | name | percent | money | count | bare
    unit: str
    end: int  # after the unit (and after the range's second number)
    value_max: Decimal | None = None


def _classify(text: str, tokens: list[NumberToken]) -> list[Number]:
    out: list[Number] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        second = None
        if i + 1 < len(tokens) and _RANGE.match(text[tok.end:tokens[i + 1].start]):
            second = tokens[i + 1]
        last = second or tok
        after = text[last.end:last.end + 6]
        before = text[max(0, tok.start - 1):tok.start]
        unit = next((u for u in _UNITS if after.startswith(u)), "")
        quoted = before in "“‘「\"" and before and after[:1] in "”’」\""
        if tok.text in ("亿元", "百亿"):
            kind, unit = "bare", ""
        elif quoted or after.startswith(("国道", "省道", "号线", "高速")) \
                or "+" in (before + after[:1]):
            kind = "name"
        elif re.match(r"^年\d{1,2}月", after) or (re.search(r"\d{4}年$", text[:tok.start]) \
                and re.match(r"^月(\d{1,2}日)?", after)) or re.search(r"\d年\d{1,2}月$",
                                                                    text[:tok.start]):
            kind = "date"
        elif (before in "〔[［" and after[:1] in "〕]］") or after.startswith(("〕", "]", "］")) \
                or re.match(r"^号(?!线)", after) or "/" in text[tok.start - 1:tok.end + 1]:
            kind = "identifier"
        elif after.startswith("%"):
            kind, unit = "percent", "%"
        elif unit == "年" and 1900 <= tok.value <= 2100 and tok.text.isdigit():
            kind = "year"
        elif unit in ("元", "美元"):
            kind = "money"
        else:
            kind = "count"
        end = last.end + len(unit)
        out.append(Number(tok, kind, unit, end, second.value if second else None))
        i += 2 if second else 1
    return out


def _spans(text: str, ends: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ends:
            out.append((start, i))
            start = i + 1
    out.append((start, len(text)))
    return [(s, e) for s, e in out if e > s]


def _covered(text: str, tok: NumberToken, facts: Iterable[Fact]) -> bool:
    for f in facts:
        start = text.find(f.quote)
        while start >= 0:
            if start <= tok.start and tok.end <= start + len(f.quote) and tok.value in f.numbers():
                return True
            start = text.find(f.quote, start + 1)
    return False


def _new_id(prefix: str, taken: set[str]) -> str:
    k = 1
    while f"{prefix}-{k}" in taken:
        k += 1
    taken.add(f"{prefix}-{k}")
    return f"{prefix}-{k}"


def stubs(text: str, context: str, existing: list[Fact], ids: set[str],
          id_prefix: str = "") -> list[Fact]:
    """Facts for every number of `text` that `existing` facts do not claim. `context` is
    clause | intro | closing | preamble; `ids` are taken ids (updated); budget ids start with
    `id_prefix`."""
    tokens = [t for t in zh_numbers(text) if not _covered(text, t, existing)]
    if not tokens:
        return []
    out: list[Fact] = []
    sentences = _spans(text, _SENTENCE_END)
    for start, end in _spans(text, _PHRASE_END):
        mine = [t for t in tokens if start <= t.start and t.end <= end]
        if not mine:
            continue
        phrase = text[start:end]
        if len(phrase) < 2:  # a number alone between two stops: quote its neighbours too
            start = max(0, start - 1)
            phrase = text[start:max(end, start + 2)]
        s0, s1 = next((s, e) for s, e in sentences if s <= mine[0].start < e + 1)
        numbers = _classify(text, mine)
        try:
            facts = _phrase_facts(text, phrase, start, text[s0:s1], numbers, context, ids,
                                  id_prefix)
        except ValidationError:  # numbers no incentive or target can hold (a 120% rate)
            facts = []
        claimed = {n for f in facts for n in f.numbers()}
        rest = [n for n in numbers if n.token.value not in claimed]
        by_kind: dict[FigureKind, list[Decimal]] = {}
        for n in rest:
            values = by_kind.setdefault(_figure_kind([n]), [])
            values += [v for v in (n.token.value, n.value_max) if v is not None
                       and v not in values]
        for kind, values in by_kind.items():
            zh, en = FIGURE_NOTES[kind]
            review = (None if kind in (FigureKind.DATE, FigureKind.IDENTIFIER, FigureKind.NAME,
                                       FigureKind.YEAR)
                      else f"guessed: a {kind.value} figure; or is it an incentive, a target "
                      "or a budget?")
            facts.append(Figure(quote=phrase, kind=kind, values=values,
                                note=Text(zh=zh, en=en), review=review))
        out += facts
    return breakdowns(out, text)


def _figure_kind(numbers: list[Number]) -> FigureKind:
    kinds = {n.kind for n in numbers}
    for k, fk in (("date", FigureKind.DATE), ("identifier", FigureKind.IDENTIFIER),
                  ("name", FigureKind.NAME), ("year", FigureKind.YEAR),
                  ("count", FigureKind.COUNT)):
        if k in kinds:
            return fk
    return FigureKind.MEASURE


_BUDGET_SENTENCE = re.compile(r"安排|预算|统筹")


def _budget_sentence(sentence: str, phrase: str, context: str) -> bool:
    """A sentence that allocates money (市财政2025年统筹安排5000万元; in a budget clause:
    2024年县财政统筹安排政策资金1.2亿元,其中:…), not one that offers it."""
    if context in ("intro", "closing"):
        return bool(_BUDGET.search(phrase) or (_BUDGET_SENTENCE.search(sentence)
                                               and not _INCENTIVE.search(phrase)))
    return bool(_BUDGET_SENTENCE.search(sentence) and not _INCENTIVE.search(sentence)
                and re.search(r"财政|资金", sentence))


def _budget_items(text: str, phrase: str, start: int, sentence: str, numbers: list[Number],
                  ids: set[str], id_prefix: str) -> list[Fact]:
    """A budget item per sum; a phrase listing several (科技创新2000万元、先进制造业4000万元) gives
    one quote each. Items after 其中 are marked as parts of the sentence's first sum."""
    facts: list[Fact] = []
    pieces = [(s, e) for s, e in _spans(phrase, "、")] if "、" in phrase else [(0, len(phrase))]
    for n in numbers:
        if n.kind != "money" or n.token.value != n.token.value.to_integral_value():
            continue
        at = n.token.start - start
        s, e = next(((s, e) for s, e in pieces if s <= at < e), (0, len(phrase)))
        quote = phrase[s:e] if len(phrase[s:e]) >= 2 else phrase
        label = re.sub(r"\d+(?:\.\d+)?[万亿]?元", "", quote).strip("，,、:：") or quote
        if len(label) < 4:  # 合计1亿元: what it is the total of is in the sentence
            label = re.sub(r"\d+(?:\.\d+)?[万亿]?元", "", sentence).strip("，,、:：。")
        source = BudgetSource.HIGHER if _HIGHER.search(quote if s or e != len(phrase)
                                                       else phrase) else BudgetSource.CITY
        within = bool(_BREAKDOWN.search(sentence[:max(0, sentence.find(quote)) + 2]))
        facts.append(BudgetItem(
            id=_new_id(id_prefix + "budget", ids), quote=quote, label=pending(label),
            amount=int(n.token.value), source=source,
            review=("guessed: part of the sentence's total (其中); check `parts` / `within`"
                    if within else f"guessed: a budget of the issuer's own level ({source.value})"
                    "; add `parts`, `within` or `overlaps` if it is part of another figure")))
    return facts


def breakdowns(facts: list[Fact], text: str) -> list[Fact]:
    """Within each sentence, the sums after 其中 belong to the sentence's first sum: its
    `parts` when they add up to it, else each is `within` it."""
    out = list(facts)
    budgets = [(i, f) for i, f in enumerate(out) if isinstance(f, BudgetItem)]
    for s, e in _spans(text, _SENTENCE_END):
        sentence = text[s:e]
        mine = [(i, b) for i, b in budgets if isinstance(b, BudgetItem)
                and b.quote in sentence and b.parts == [] and b.within is None]
        cut = sentence.find("其中")
        if cut < 0 or len(mine) < 2:
            continue
        head = [(i, b) for i, b in mine if sentence.find(b.quote) < cut]
        tail = [(i, b) for i, b in mine if sentence.find(b.quote) >= cut]
        if not head or not tail:
            continue
        hi, total = head[-1]
        if sum(b.amount for _, b in tail) == total.amount:
            out[hi] = total.model_copy(update={"parts": [b.id for _, b in tail]})
        else:
            for i, b in tail:
                out[i] = b.model_copy(update={"within": total.id})
    return out


def _phrase_facts(text: str, phrase: str, start: int, sentence: str, numbers: list[Number],
                  context: str, ids: set[str], id_prefix: str) -> list[Fact]:
    facts: list[Fact] = []
    # A sum followed by 以上/以下 is a condition (设备投资额200万元以上), not what is given.
    money = [n for n in numbers if n.kind in ("money", "percent")
             and not _AFTER.match(text[n.end:n.end + 2])]
    offered = _INCENTIVE.search(phrase) or (_CAP.search(phrase) and _INCENTIVE.search(sentence))
    sums = [n for n in numbers if n.kind == "money"]
    if sums and context in ("clause", "intro", "closing") and \
            _budget_sentence(sentence, phrase, context):
        facts += _budget_items(text, phrase, start, sentence, numbers, ids, id_prefix)
    elif context == "clause" and money and offered:
        facts += _incentives(text, phrase, start, sentence, money, ids)
    elif context in ("clause", "intro", "paragraph") and _TARGET.search(phrase):
        facts += [_target(text, phrase, n, ids) for n in numbers
                  if n.kind in ("money", "percent", "count")]
    return facts


def _incentives(text: str, phrase: str, start: int, sentence: str, numbers: list[Number],
                ids: set[str]) -> list[Fact]:
    kind = next((k for pattern, k in _KINDS if re.search(pattern, sentence)),
                IncentiveKind.SUPPORT)
    who = re.search(r"对(.{2,30}?)[,，]?(?:给予|最高|可|按|分别|减按)", sentence)
    common = {"kind": kind, "quote": phrase, "what": pending(phrase),
              "who": pending(who.group(1) if who else phrase)}
    rates = [n for n in numbers if n.kind == "percent"]
    caps = [n for n in numbers if n.kind == "money" and _CAP.search(text[start:n.token.start])]
    if len(rates) == 1 and len(caps) == 1 and len(numbers) == 2:
        r = rates[0]
        return [Incentive(id=_new_id(kind.value.replace("_", "-"), ids), **common,
                          rate=r.token.value, max_amount=int(caps[0].token.value),
                          base=pending(phrase), review=f"guessed: a {kind.value} of a rate "
                          "with a cap; check `base`, who and what")]
    out: list[Fact] = []
    for n in numbers:
        iid = _new_id(kind.value.replace("_", "-"), ids)
        if n.kind == "percent":
            rate = ({"rate_min": n.token.value, "rate_max": n.value_max}
                    if n.value_max is not None and n.value_max > n.token.value
                    else {"rate": n.token.value})
            out.append(Incentive(id=iid, **common, **rate, base=pending(phrase),
                                 review=f"guessed: a {kind.value} at a rate; check `base`, who "
                                 "and what"))
        elif n.value_max is not None and n.value_max > n.token.value \
                and n.value_max == n.value_max.to_integral_value() \
                and n.token.value == n.token.value.to_integral_value():
            currency = Currency.USD if n.unit == "美元" else Currency.CNY
            out.append(Incentive(id=iid, **common, min_amount=int(n.token.value),
                                 max_amount=int(n.value_max), currency=currency,
                                 review=f"guessed: a {kind.value} of between the two amounts; "
                                 "check who, what and the kind"))
        elif n.token.value == n.token.value.to_integral_value():
            cap = n in caps
            amount = {"max_amount" if cap else "amount": int(n.token.value)}
            currency = Currency.USD if n.unit == "美元" else Currency.CNY
            out.append(Incentive(id=iid, **common, **amount, currency=currency,
                                 review=f"guessed: a {kind.value}, "
                                 f"{'a ceiling (最高/不超过)' if cap else 'a fixed amount'}; "
                                 "check who, what and the kind"))
    return out


def _target(text: str, phrase: str, n: Number, ids: set[str]) -> Target:
    after = _AFTER.match(text[n.end:n.end + 2])
    before = _BEFORE.search(text[max(0, n.token.start - 3):n.token.start])
    word = after.group(1) if after else before.group(1) if before else None
    boundary = Boundary(word) if word else None
    if _ABOUT.match(text[n.end:n.end + 2]) and n.value_max is None:
        comparison, boundary = Comparison.APPROXIMATELY, None
    elif n.value_max is not None:
        comparison, boundary = Comparison.RANGE, None
    elif boundary is None:
        comparison = Comparison.EXACTLY
    else:
        comparison = Comparison.AT_MOST if boundary.direction == "max" else Comparison.AT_LEAST
    unit = n.unit or "%"
    unit_text = (Text(zh=unit, en=_UNIT_EN[unit]) if unit in _UNIT_EN else pending(unit))
    if n.kind == "count" and not n.unit:
        unit_text = pending("个")
    return Target(id=_new_id("target", ids), quote=phrase, indicator=pending(phrase),
                  value=n.token.value, value_max=n.value_max, unit=unit_text,
                  comparison=comparison, boundary=boundary,
                  review="guessed: a target; check the indicator, its unit and comparison")
