"""Pure formatting functions, registered once in the Jinja environment (see render.py).

Money in Chinese is written as the document writes it (20万元, 1.9727亿元); in English in full
figures (CNY 200,000) or millions/billions (CNY 120 million).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from markupsafe import Markup, escape

from generator.data.numbers import normalize
from generator.data.schema import (
    Comparison,
    Currency,
    Incentive,
    Target,
    Text,
    Threshold,
    without_english,
)
from generator.render.i18n import t

_WAN = Decimal(10_000)
_YI = Decimal(100_000_000)


def num_zh(value: Decimal | int) -> str:
    """A quantity the way the document writes it: 3140万, 1.9727亿, 150."""
    v = normalize(Decimal(value))
    if abs(v) >= _YI:
        return f"{format(normalize(v / _YI), 'f')}亿"
    if abs(v) >= _WAN and v % 100 == 0:
        return f"{format(normalize(v / _WAN), 'f')}万"
    return format(v, "f")


def num_en(value: Decimal | int) -> str:
    """200,000; 120 million; 1.2 billion; 96.3."""
    v = normalize(Decimal(value))
    for size, word in ((Decimal(1_000_000_000), "billion"), (Decimal(1_000_000), "million")):
        if abs(v) >= size:
            return f"{format(normalize(v / size), ',f')} {word}"
    return format(v, ",f")


def money(value: Decimal | int, lang: str, currency: Currency | str = Currency.CNY) -> str:
    cur = Currency(currency)
    if lang == "zh":
        return num_zh(value) + ("美元" if cur is Currency.USD else "元")
    return f"{cur.value} {num_en(value)}"


def number(value: Decimal | int, lang: str) -> str:
    return num_zh(value) if lang == "zh" else num_en(value)


def percent(value: Decimal | int) -> str:
    return f"{format(normalize(Decimal(value)), 'f')}%"


def tr(text: Text | str | None, lang: str) -> str:
    """The text in `lang` (a plain string is language-neutral); while a translation is
    pending, the English is the Chinese. An optional text the document does not have (no
    edition line, no preamble) is empty."""
    if text is None:
        return ""
    return text if isinstance(text, str) else text.text(lang)


def for_reader(value: Any, lang: str) -> Any:
    """Data a page's script reads (a calculator's, the finder's), in what the page's
    language needs: a Chinese page's texts without their English (the scripts read a text
    in the page's language only), so that a Chinese page changes with the Chinese alone
    and is not built again for an English fix. An English page keeps the Chinese (a
    pending translation shows it)."""
    return without_english(value) if lang == "zh" else value


def level_words(level: Text, lang: str) -> dict[str, str]:
    """The issuer's level for the budget strings: {level}本级 / {Level}-level."""
    word = level.zh if lang == "zh" else (level.en or "municipal")
    return {"level": word, "Level": word if lang == "zh" else word.capitalize()}


def is_money_unit(unit: Text) -> bool:
    return unit.zh in ("元", "美元")


def quantity(value: Decimal | int, unit: Text, lang: str) -> str:
    if is_money_unit(unit):
        return money(value, lang, Currency.USD if unit.zh == "美元" else Currency.CNY)
    if unit.zh == "%":
        return percent(value)
    sep = "" if lang == "zh" else " "
    return f"{number(value, lang)}{sep}{tr(unit, lang)}"


def threshold(th: Threshold, lang: str) -> str:
    """实际完成设备投资额200万元以上; actual completed equipment investment: CNY 2 million or
    more (the boundary word in the reader's language)."""
    amount = th.boundary.phrase[lang].format(x=quantity(th.value, th.unit, lang))
    if lang == "zh":
        return f"{th.of.zh}{amount}"
    return f"{th.of.text('en')}: {amount}"


def incentive_terms(inc: Incentive, lang: str) -> list[str]:
    """The amount, rate, cap and threshold of an incentive as short phrases."""
    parts: list[str] = []
    base = tr(inc.base, lang) if inc.base else ""
    if inc.rate is not None:
        parts.append(t("of_base", lang, base=base, rate=percent(inc.rate)))
    if inc.rate_min is not None and inc.rate_max is not None:
        rng = f"{percent(inc.rate_min)}–{percent(inc.rate_max)}"
        parts.append(t("of_base", lang, base=base, rate=rng))
    if inc.amount is not None:
        parts.append(money(inc.amount, lang, inc.currency))
    if inc.min_amount is not None and inc.max_amount is not None:
        parts.append(t("between", lang, a=money(inc.min_amount, lang, inc.currency),
                       b=money(inc.max_amount, lang, inc.currency)))
    elif inc.max_amount is not None:
        key = "cap" if (inc.rate is not None or inc.rate_min is not None) else "up_to"
        parts.append(t(key, lang, x=money(inc.max_amount, lang, inc.currency)))
    if inc.per is not None and parts:
        if lang == "zh":
            parts[-1] = inc.per.zh + parts[-1]
        else:
            parts[-1] = f"{parts[-1]} {inc.per.text('en')}"
    if inc.threshold is not None:
        parts.append(threshold(inc.threshold, lang))
    if inc.pool is not None:
        parts.insert(0, t("pool", lang, x=money(inc.pool, lang, inc.currency)))
    if not inc.states_amount:
        parts.insert(1 if inc.pool is not None else 0, t("not_stated", lang))
    return parts


def target_value(tg: Target, lang: str) -> str:
    if tg.comparison is Comparison.RANGE and tg.value_max is not None:
        low = number(tg.value, lang)
        return f"{low}–{quantity(tg.value_max, tg.unit, lang)}"
    word = t(f"cmp_{tg.comparison.value}", lang)
    value = quantity(tg.value, tg.unit, lang)
    if tg.comparison is Comparison.APPROXIMATELY:  # 30家左右: the word follows in Chinese
        return f"{value}{word}" if lang == "zh" else f"{word} {value}"
    if not word:
        return value
    return f"{word}{value}" if lang == "zh" else f"{word} {value}"


def figure_change(v: Any, lang: str) -> str:
    """1.5万元 → 2万元 (+5000元, +33%); a figure that is new or gone says so."""
    def one(x: Decimal) -> str:
        return percent(x) if v.unit.zh == "%" else quantity(x, v.unit, lang)

    if v.old is None:
        return f"{t('new_value', lang)} {one(v.new)}"
    if v.new is None:
        return f"{one(v.old)} → {t('gone_value', lang)}"
    delta = v.new - v.old
    sign = "+" if delta > 0 else "−"
    by = one(abs(delta)) if v.unit.zh != "%" else f"{format(normalize(abs(delta)), 'f')}"
    by += "" if v.unit.zh != "%" else (" 个百分点" if lang == "zh" else " points")
    share = ""
    if v.old and v.unit.zh != "%":
        share = f"{'，' if lang == 'zh' else ', '}{sign}{abs(delta / v.old):.0%}"
    opening, closing = ("（", "）") if lang == "zh" else (" (", ")")
    return f"{one(v.old)} → {one(v.new)}{opening}{sign}{by}{share}{closing}"


def clause_url(n: int, lang: str) -> str:
    """Site-absolute stable URL of a clause page."""
    return f"/{lang}/clauses/{n}/"


def highlight(text: str, quote: str) -> Markup:
    """The text, HTML-escaped, with the first occurrence of `quote` marked."""
    at = text.find(quote)
    if at < 0 or not quote:
        return escape(text)
    return Markup("{}<mark>{}</mark>{}").format(
        text[:at], text[at : at + len(quote)], text[at + len(quote) :]
    )


def plain_title(text: str) -> str:
    """A title for the navigation and <title>: kept as Material's templates needed it (they
    printed it unescaped, and `striptags` turned an escaped "&lt;/title&gt;" back into
    markup), so the three characters that can make markup are in their full-width forms and
    published titles stay as they were."""
    return text.replace("&", "＆").replace("<", "＜").replace(">", "＞")


def site_title(text: str) -> str:
    """The site's name (as Material's templates needed it inside attributes: quotes in their
    full-width forms too; kept so published pages stay as they were)."""
    return plain_title(text).replace('"', "＂").replace("'", "＇")


_ZH_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)(万|亿)?元")
_EN_AMOUNT = re.compile(r"CNY (\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?: (million|billion))?")
_SCALE = {"万": 10_000, "亿": 100_000_000, "million": 1_000_000, "billion": 1_000_000_000}


def _token(value: Decimal) -> str:
    return f"amt{format(normalize(value), 'f')}x"


def term_token(term: str) -> str:
    """The whole-word search token of a glossary term (stable: a hash of its Chinese)."""
    return "term" + hashlib.sha1(term.encode("utf-8")).hexdigest()[:8] + "x"


def _tagged(token: str, text: str) -> Markup:
    return Markup('<span data-pagefind-index-attrs="data-t" data-t="{}">{}</span>').format(
        token, text)


def _terms(text: str, terms: dict[str, str]) -> Markup:
    """Escaped text with each glossary term (longest first) carrying its token."""
    if not terms:
        return escape(text)
    pattern, tokens = _term_table(tuple(terms.items()))
    out, at = Markup(""), 0
    for m in pattern.finditer(text):
        found = m.group(0)
        out += escape(text[at:m.start()]) + _tagged(tokens(found.lower()), found)
        at = m.end()
    return out + escape(text[at:])


@functools.lru_cache(maxsize=64)
def _term_table(items: tuple[tuple[str, str], ...]
                ) -> tuple[re.Pattern[str], Callable[[str], str]]:
    """A glossary's pattern (longest first), and the tokens of a word found: the longest
    word there, and every word inside it (土地 inside 土地综合整治), so a query for any of
    them finds this place."""
    lowered = {k.lower(): v for k, v in items}

    @functools.cache
    def tokens(found: str) -> str:
        return " ".join(dict.fromkeys([lowered[found]] + [v for k, v in lowered.items()
                                                          if k != found and k in found]))

    return _pattern(tuple(sorted(dict(items), key=len, reverse=True))), tokens


@functools.lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def searchable(text: str, lang: str, terms: dict[str, str] | None = None) -> Markup:
    """The text, HTML-escaped, with every amount and every glossary term that readers call
    by other names carrying a whole-word search token in an attribute Pagefind indexes
    (`amt500000x` for 50万元 or CNY 500,000; `term…x` for 家电). Pagefind would split 50万元
    into 50 and 万元 and match 500元 or clause 50, and segments some terms otherwise than a
    query; the search page turns what a reader types (50万元, 冰箱, fridge) into the same
    token (docs/assets/search.js). The visible text is unchanged."""
    pattern = _ZH_AMOUNT if lang == "zh" else _EN_AMOUNT
    out, at = Markup(""), 0
    for m in pattern.finditer(text):
        if lang == "zh":
            value = Decimal(m.group(1)) * _SCALE.get(m.group(2) or "", 1)
        else:
            value = Decimal(m.group(1).replace(",", "") + (m.group(2) or "")) * \
                _SCALE.get(m.group(3) or "", 1)
        out += _terms(text[at:m.start()], terms or {}) + _tagged(_token(value),
                                                                text[m.start():m.end()])
        at = m.end()
    return out + _terms(text[at:], terms or {})


def unbracket(text: str) -> str:
    """An edition's subtitle without its brackets: (2025年版) -> 2025年版."""
    return text.strip().removeprefix("(").removeprefix("（").removesuffix(")").removesuffix("）")


def heading(text: str) -> str:
    """A title for headings and navigation: the lead sentence without its full stop."""
    return text.rstrip("。.")


FILTERS = {
    "heading": heading,
    "unbracket": unbracket,
    "searchable": searchable,
    "term_token": term_token,
    "money": money,
    "number": number,
    "percent": percent,
    "tr": tr,
    "quantity": quantity,
    "threshold": threshold,
    "incentive_terms": incentive_terms,
    "target_value": target_value,
    "clause_url": clause_url,
    "figure_change": figure_change,
    "highlight": highlight,
}
