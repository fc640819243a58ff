"""Numbers in Chinese and English text, found independently of generator/data/numbers.py.

The fidelity tests hold the data against the published text with this second extractor, so a
bug in the generator's own extraction (which the checks use) cannot pass both. It is written
differently on purpose: a scanner over characters, not regular expressions.
"""

from __future__ import annotations

from decimal import Decimal

_ZH_SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
_EN_SCALE = {"thousand": Decimal(1_000), "million": Decimal(1_000_000),
             "billion": Decimal(1_000_000_000)}


def _canon(d: Decimal) -> Decimal:
    d = d.normalize()
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d


def _scan(text: str, i: int, grouped: bool) -> tuple[str, int]:
    """The digits (with one decimal point, and 1,000 groups if `grouped`) starting at i."""
    j, out = i, ""
    while j < len(text):
        ch = text[j]
        nxt = text[j + 1] if j + 1 < len(text) else ""
        if ch.isdigit() and ch.isascii():
            out += ch
        elif ch == "." and nxt.isdigit() and "." not in out:
            out += ch
        elif ch == "," and grouped and text[j + 1:j + 4].isdigit() and \
                len(text[j + 1:j + 4]) == 3 and not text[j + 4:j + 5].isdigit():
            pass  # a thousands separator
        else:
            break
        j += 1
    return out, j


def zh_values(text: str) -> set[Decimal]:
    found: set[Decimal] = set()
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isdigit() and ch.isascii() and not (i and text[i - 1] == "."):
            digits, j = _scan(text, i, grouped=False)
            value = Decimal(digits)
            if j < len(text) and text[j] in _ZH_SCALE:
                value *= _ZH_SCALE[text[j]]
            found.add(_canon(value))
            i = j
            continue
        # 亿元 with no digit before it is "CNY 100 million"; 百亿 is ten billion
        if text.startswith("亿元", i) and (i == 0 or text[i - 1] not in "0123456789.万千百"):
            found.add(Decimal(100_000_000))
        if text.startswith("百亿", i) and (i == 0 or not text[i - 1].isdigit()):
            found.add(Decimal(10_000_000_000))
        i += 1
    return found


def en_values(text: str) -> set[Decimal]:
    found: set[Decimal] = set()
    i = 0
    while i < len(text):
        ch = text[i]
        before = text[i - 1] if i else " "
        if ch.isdigit() and ch.isascii() and not (before.isalnum() or before in ".,_"):
            digits, j = _scan(text, i, grouped=True)
            value = Decimal(digits)
            rest = text[j:]
            for word, scale in _EN_SCALE.items():
                if rest.startswith(" " + word) and not rest[len(word) + 1:len(word) + 2].isalpha():
                    value *= scale
            found.add(_canon(value))
            i = j
            continue
        i += 1
    return found
