"""Numbers as written: find every number in Chinese or English text, with 万/亿 converted.

The same extraction serves the fidelity gate (every number in the text has a fact), the
quote check (a fact's numbers are the ones its quote writes) and the English check (the
translation carries the same numbers as the Chinese).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_ZH_MULTIPLIER = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
_ZH_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(万|亿)?")
# A bare 亿元 ("亿元以上企业": revenue of CNY 100 million or more) or 百亿 ("百亿产业": a
# CNY 10 billion industry) is a number without a digit; 千项万亿 is a name, not a number.
_ZH_BARE = re.compile(r"(?<![\d.万千百])亿元|(?<![\d.])百亿")
_EN_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(thousand|million|billion))?"
)
_EN_MULTIPLIER = {
    None: Decimal(1),
    "thousand": Decimal(1_000),
    "million": Decimal(1_000_000),
    "billion": Decimal(1_000_000_000),
}


@dataclass(frozen=True)
class NumberToken:
    start: int
    end: int
    text: str
    value: Decimal


def normalize(value: Decimal | int) -> Decimal:
    """1.50 and 1.5 and 15E-1 compare and hash alike; integers print without exponent."""
    d = Decimal(value).normalize()
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d


def zh_numbers(text: str) -> list[NumberToken]:
    tokens = [
        NumberToken(m.start(), m.end(), m.group(0), normalize(
            Decimal(m.group(1)) * _ZH_MULTIPLIER.get(m.group(2) or "", Decimal(1))
        ))
        for m in _ZH_NUMBER.finditer(text)
    ]
    for m in _ZH_BARE.finditer(text):
        value = Decimal(100_000_000) if m.group(0) == "亿元" else Decimal(10_000_000_000)
        tokens.append(NumberToken(m.start(), m.end(), m.group(0), normalize(value)))
    return sorted(tokens, key=lambda t: t.start)


def en_numbers(text: str) -> list[NumberToken]:
    return [
        NumberToken(m.start(), m.end(), m.group(0), normalize(
            Decimal(m.group(1).replace(",", "") + (m.group(2) or "")) * _EN_MULTIPLIER[m.group(3)]
        ))
        for m in _EN_NUMBER.finditer(text)
    ]


def value_set(tokens: list[NumberToken]) -> set[Decimal]:
    return {t.value for t in tokens}


def show(value: Decimal) -> str:
    """A number for messages: 200000, 96.3."""
    return format(normalize(value), "f")


_NUMERALS = "零一二三四五六七八九"
_YEAR_DIGITS = {"〇": 0, "○": 0, "零": 0} | {c: i for i, c in enumerate("一二三四五六七八九", 1)}
_ZH_DATE = re.compile(r"(\d{4}|[〇○零一二三四五六七八九]{4})年"
                      r"(\d{1,2}|[一二三四五六七八九十]{1,3})月"
                      r"(\d{1,2}|[一二三四五六七八九十]{1,3})日")


def zh_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一 (chapter headings)."""
    if not 0 < n < 100:
        raise ValueError(f"chapter number {n} is outside 1..99")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens] + "十")
    return head + (_NUMERALS[ones] if ones else "")


def cjk_number(numeral: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十一 -> 21 (as zh_numeral writes them)."""
    for n in range(1, 100):
        if zh_numeral(n) == numeral:
            return n
    return None


def zh_date(text: str) -> tuple[int, int, int] | None:
    """2025年3月18日 or 二〇二五年三月十八日 -> (2025, 3, 18)."""
    m = _ZH_DATE.fullmatch(text)
    if not m:
        return None
    year = m.group(1)
    if not year.isdigit():
        year = "".join(str(_YEAR_DIGITS[c]) for c in year)
    month, day = (int(x) if x.isdigit() else cjk_number(x) for x in (m.group(2), m.group(3)))
    if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return int(year), month, day


