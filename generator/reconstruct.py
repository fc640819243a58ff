"""Rebuild the published Chinese text from the data, in the published order.

The fidelity tests compare this, whitespace-normalized, with source.zh.txt: if it matches, the
data holds every word of the document and nothing else.
"""

from __future__ import annotations

from generator.model import Edition
from generator.schema import MetadataField, Text

_NUMERALS = "零一二三四五六七八九"


def zh_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一 (chapter headings)."""
    if not 0 < n < 100:
        raise ValueError(f"chapter number {n} is outside 1..99")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens] + "十")
    return head + (_NUMERALS[ones] if ones else "")


def _meta(field: MetadataField) -> str:
    value = field.value.zh if isinstance(field.value, Text) else field.value
    return f"{field.label.zh}: {value}"


def reconstruct_zh(ed: Edition) -> str:
    doc = ed.document
    lines = [_meta(f) for f in doc.metadata if not f.after_title]
    lines.append(doc.notice.title.zh)
    lines.append(" ".join(_meta(f) for f in doc.metadata if f.after_title))
    n = doc.notice
    lines += [n.addressees.zh, n.body.zh, n.attachment, n.signature.zh, n.date.zh,
              n.disclosure.zh, doc.title.zh, doc.subtitle.zh, doc.preamble.zh]
    for ch in ed.chapters:
        lines.append(f"{zh_numeral(ch.number)}、{ch.title.zh}({ch.lead.zh})")
        lines += ch.intro.zh.split("\n\n")
        lines += [f"{c.number}.{c.full_zh}" for c in ch.clauses]
    lines += [t.zh for t in doc.closing]
    return "\n\n".join(lines) + "\n"


def normalize_ws(text: str) -> str:
    """Drop all whitespace: line breaks and spacing are layout, not content."""
    return "".join(text.split())
