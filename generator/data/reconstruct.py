"""Rebuild the published Chinese text from the data, in the published order.

Each piece of the document is a `Segment` that knows the file and key it comes from, so the
`published` check can say which line of which YAML file no longer matches source.zh.txt. The
whole-document comparison ignores whitespace: line breaks and spacing are layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.model import Edition
from generator.data.schema import MetadataField, Text

_NUMERALS = "零一二三四五六七八九"


def zh_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一 (chapter headings)."""
    if not 0 < n < 100:
        raise ValueError(f"chapter number {n} is outside 1..99")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens] + "十")
    return head + (_NUMERALS[ones] if ones else "")


@dataclass(frozen=True)
class Segment:
    """A paragraph (or line) of the published text and where the data keeps it."""

    file: str | int  # a file name in Edition.files, or a chapter number
    loc: tuple[int | str, ...]
    text: str
    clause: int | None = None  # clause paragraphs are checked on their own, more precisely


def _meta(field: MetadataField, colon: str) -> str:
    value = field.value.zh if isinstance(field.value, Text) else field.value
    return f"{field.label.zh}{colon} {value}"


def segments(ed: Edition) -> list[Segment]:
    doc, n = ed.document, ed.document.notice
    d, colon = "document.yaml", doc.style.colon
    opening, closing = doc.style.brackets
    out = [Segment(d, ("metadata", i), _meta(f, colon)) for i, f in enumerate(doc.metadata)
           if not f.after_title]
    out.append(Segment(d, ("notice", "title", "zh"), n.title.zh))
    after = [(i, f) for i, f in enumerate(doc.metadata) if f.after_title]
    if after:
        out.append(Segment(d, ("metadata", after[0][0]),
                           " ".join(_meta(f, colon) for _, f in after)))
    out += [Segment(d, ("notice", key, "zh") if key != "attachment" else ("notice", key), text)
            for key, text in (("addressees", n.addressees.zh), ("body", n.body.zh),
                              ("attachment", n.attachment), ("signature", n.signature.zh),
                              ("date", n.date.zh),
                              ("disclosure", n.disclosure.zh if n.disclosure else None))
            if text is not None]
    out += [Segment(d, ("title", "zh"), doc.title.zh), Segment(d, ("subtitle", "zh"),
                                                               doc.subtitle.zh),
            Segment(d, ("preamble", "zh"), doc.preamble.zh)]
    for ch in ed.chapters:
        out.append(Segment(ch.number, ("title", "zh"),
                           f"{zh_numeral(ch.number)}、{ch.title.zh}{opening}{ch.lead.zh}{closing}"))
        out += [Segment(ch.number, ("intro", "zh"), para) for para in ch.intro.zh.split("\n\n")]
        out += [Segment(ch.number, ("clauses", i, "text", "zh"), f"{c.prefix}{c.full_zh}",
                        clause=c.number) for i, c in enumerate(ch.clauses)]
    out += [Segment(d, ("closing", i, "zh"), t.zh) for i, t in enumerate(doc.closing)]
    return out


def reconstruct_zh(ed: Edition) -> str:
    return "\n\n".join(s.text for s in segments(ed)) + "\n"


def normalize_ws(text: str) -> str:
    """Drop all whitespace: line breaks and spacing are layout, not content."""
    return "".join(text.split())
