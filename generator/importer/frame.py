"""The document's frame: its metadata, notice, title, edition, period and what the editor
supplies, from the parse (and the previous edition's English where the Chinese is unchanged).

Texts whose English follows from their Chinese get it here: a date (2025年3月18日 ->
18 March 2025), a 文号 (鹿政发〔2025〕6号 -> Lu Zheng Fa [2025] No. 6), an edition line, the
portal's stock phrases. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pypinyin import lazy_pinyin

from generator.data.numbers import zh_date
from generator.data.schema import MetadataField, Notice, Text
from generator.importer.carry import carry_text
from generator.importer.facts import pending
from generator.importer.genre import METADATA, NUMBER
from generator.importer.grammar import MetaField, ParsedNotice
from generator.importer.units import unit_id

KNOWN_VALUES = {"主动公开": "Proactive disclosure", "有效": "In force", "失效": "Not in force",
                "废止": "Repealed", "依申请公开": "Disclosure on request",
                "(此件公开发布)": "(This document is released to the public.)",
                "（此件公开发布）": "(This document is released to the public.)",
                "(此件主动公开)": "(This document is proactively disclosed.)",
                "（此件主动公开）": "(This document is proactively disclosed.)"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Options:
    """What the editor supplies on the command line (`import --issuer …`): what the text does
    not say, and where the document goes in the library."""

    issuers: tuple[str, ...] = ()
    number: str | None = None
    date: str | None = None  # YYYY-MM-DD
    edition: str | None = None
    series: str | None = None
    supersedes: str | None = None
    source: str | None = None  # where the editor found what they supplied


def number_en(zh: str) -> str | None:
    """鹿政发〔2025〕6号 -> Lu Zheng Fa [2025] No. 6 (the pinyin of the issuer's prefix)."""
    m = re.fullmatch(r"([\u4e00-\u9fff]{1,12})[〔\[［(（](\d{4})[〕\]］)）](\d{1,4})号", zh)
    if not m:
        return None
    words = " ".join(w.capitalize() for w in lazy_pinyin(m.group(1)))
    return f"{words} [{m.group(2)}] No. {m.group(3)}"


def generated(zh: str, old: Text | None) -> Text:
    """A text whose English follows from its Chinese: a date, a 文号, an edition line, a stock
    phrase; else carried over from the previous edition, or pending."""
    if old is not None and old.zh == zh:
        return old
    date = zh_date(zh)
    if date:
        return Text(zh=zh, en=f"{date[2]} {MONTHS[date[1] - 1]} {date[0]}")
    if m := re.fullmatch(r"[(（](\d{4})年版[)）]", zh):
        return Text(zh=zh, en=f"({m.group(1)} Edition)")
    if NUMBER.match(zh) and (en := number_en(zh)):
        return Text(zh=zh, en=en)
    if zh in KNOWN_VALUES:
        return Text(zh=zh, en=KNOWN_VALUES[zh])
    return carry_text(old, zh)


def metadata(fields: Sequence[MetaField], old: Sequence[MetadataField]) -> list[MetadataField]:
    out: list[MetadataField] = []
    keys: set[str] = set()
    for f in fields:
        prev = next((o for o in old if o.label.zh == f.label), None)
        key = prev.key if prev else METADATA.get(f.label, ("", ""))[0]
        if not key or key in keys:
            key = unit_id(f.label, keys)
        keys.add(key)
        label = prev.label if prev else (Text(zh=f.label, en=METADATA[f.label][1])
                                         if f.label in METADATA else pending(f.label))
        value: str | Text = f.value
        if _CJK.search(f.value):
            old_value = prev.value if prev and isinstance(prev.value, Text) else None
            value = generated(f.value, old_value)
        out.append(MetadataField(key=key, label=label, value=value, after_title=f.after_title))
    return out


def notice(n: ParsedNotice, old: Notice | None) -> Notice:
    """The notice as published; a title or signature over several lines is kept as one text
    (the signature a line per issuer)."""
    o = old
    return Notice(
        header=generated(n.header, o.header if o else None) if n.header else None,
        number=generated(n.number, o.number if o else None) if n.number else None,
        number_at=n.number_at,
        title=carry_text(o.title if o else None, n.title_text),
        addressees=(carry_text(o.addressees if o else None, n.addressees)
                    if n.addressees else None),
        body=carry_text(o.body if o else None, "\n\n".join(n.body)),
        attachment=n.attachment,
        signature=carry_text(o.signature if o else None, "\n\n".join(n.signature)),
        date=generated(n.date or "", o.date if o else None),
        disclosure=(generated(n.disclosure, o.disclosure if o else None)
                    if n.disclosure else None))


def stated_date(fields: Sequence[MetaField], n: ParsedNotice | None) -> str | None:
    """The document's date as the text states it (YYYY-MM-DD): 成文日期, else the notice's."""
    for f in fields:
        if METADATA.get(f.label, ("",))[0] == "date-written" and \
                re.fullmatch(r"\d{4}-\d{2}-\d{2}", f.value):
            return f.value
    if n is not None and n.date:
        found = zh_date(n.date)
        if found:
            return f"{found[0]:04d}-{found[1]:02d}-{found[2]:02d}"
    return None
