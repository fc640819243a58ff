"""The period in force, from the sentence forms documents of this genre state it in:

    均为2025年全年实施有效 / 本政策2024年全年实施有效
    自2025年1月1日起施行,有效期至2025年12月31日
    自2024年1月1日起施行,有效期1年 / 有效期两年
    自印发之日起施行(,有效期至…)          from the notice's date
    实施期限为2023年1月1日至2023年12月31日 / 执行期限… / 有效期为…至…

Pure: the texts to search (closing paragraphs first, then the notice's body) and the notice's
date in, a `Period` (or None) out.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from generator.data.numbers import cjk_number
from generator.data.schema import Period

_DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
_YEARS = r"(\d+|[一二两三四五六七八九十]+)年"
_FORMS: list[tuple[str, re.Pattern[str]]] = [
    ("year", re.compile(r"(?:均为)?(\d{4})年(?:全年|度)(?:内)?(?:实施|执行)?有效")),
    ("range", re.compile(rf"(?:实施|执行|有效)(?:期限|期)(?:为|是)?(?:自)?{_DATE}(?:起)?"
                         rf"(?:至|到|—|-|～){_DATE}(?:止)?")),
    ("start-end", re.compile(rf"自{_DATE}起(?:施行|实施|执行)[,，;；]?(?:有效期|实施期限|执行期限)"
                             rf"(?:至|到){_DATE}(?:止)?")),
    ("start-years", re.compile(rf"自{_DATE}起(?:施行|实施|执行)[,，;；]?有效期(?:为)?{_YEARS}")),
    ("issue-end", re.compile(rf"自(?:印发|发布)之日起(?:施行|实施|执行)[,，;；]?(?:有效期|实施期限)"
                             rf"(?:至|到){_DATE}(?:止)?")),
    ("issue-years", re.compile(rf"自(?:印发|发布)之日起(?:施行|实施|执行)[,，;；]?有效期(?:为)?"
                               rf"{_YEARS}")),
    ("start", re.compile(rf"自{_DATE}起(?:施行|实施|执行)")),
    ("issue", re.compile(r"自(?:印发|发布)之日起(?:施行|实施|执行)")),
]


def _iso(y: str, m: str, d: str) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def _years(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return 2 if word == "两" else cjk_number(word)


def _after_years(start: str, years: int) -> str:
    d = datetime.date.fromisoformat(start)
    try:
        end = d.replace(year=d.year + years)
    except ValueError:  # 29 February
        end = d.replace(year=d.year + years, day=28)
    return (end - datetime.timedelta(days=1)).isoformat()


def in_force(texts: Sequence[str], issued: str | None) -> Period | None:
    """The period the texts state, the first form that matches in the first text that has
    one; `issued` (YYYY-MM-DD) is the notice's date, for 自印发之日起."""
    for text in texts:
        for form, pattern in _FORMS:
            m = pattern.search(text)
            if m is None:
                continue
            g, quote = m.groups(), m.group(0)
            if form == "year":
                return Period(start=f"{g[0]}-01-01", end=f"{g[0]}-12-31", quote=quote)
            if form in ("range", "start-end"):
                return Period(start=_iso(*g[:3]), end=_iso(*g[3:6]), quote=quote)
            if form == "start-years" and (n := _years(g[3])):
                start = _iso(*g[:3])
                return Period(start=start, end=_after_years(start, n), quote=quote)
            if form == "start":
                return Period(start=_iso(*g[:3]), quote=quote)
            if issued is None:
                continue
            if form == "issue-end":
                return Period(start=issued, end=_iso(*g[:3]), quote=quote)
            if form == "issue-years" and (n := _years(g[0])):
                return Period(start=issued, end=_after_years(issued, n), quote=quote)
            if form == "issue":
                return Period(start=issued, quote=quote)
    return None
