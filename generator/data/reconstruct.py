"""Rebuild the published Chinese text from the data, in the published order.

Each piece of the document is a `Segment` that knows the file and key it comes from, so the
`published` check can say which line of which YAML file no longer matches source.zh.txt. The
whole-document comparison ignores whitespace: line breaks and spacing are layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.model import Edition
from generator.data.numbers import zh_numeral
from generator.data.schema import Chapter, MetadataField, Text


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
    """The document's pieces in the order of its published text, whichever parts its house
    style has (a portal block or none, a notice or none, a 文号 line above or below the
    notice title, an edition line or none, headings with or without a lead)."""
    doc, n = ed.document, ed.document.notice
    d, colon = "document.yaml", doc.style.colon
    out = [Segment(d, ("metadata", i), _meta(f, colon)) for i, f in enumerate(doc.metadata)
           if not f.after_title]
    after = [(i, f) for i, f in enumerate(doc.metadata) if f.after_title]
    if n is not None:
        number = Segment(d, ("notice", "number", "zh"), n.number.zh) if n.number else None
        if n.header is not None:
            out.append(Segment(d, ("notice", "header", "zh"), n.header.zh))
        if number and n.number_at == "above":
            out.append(number)
        out.append(Segment(d, ("notice", "title", "zh"), n.title.zh))
        if number and n.number_at == "below":
            out.append(number)
    if after:
        out.append(Segment(d, ("metadata", after[0][0]),
                           " ".join(_meta(f, colon) for _, f in after)))
    if n is not None:
        if n.number and n.number_at == "after":
            out.append(Segment(d, ("notice", "number", "zh"), n.number.zh))
        out += [Segment(d, ("notice", key, "zh") if key != "attachment" else ("notice", key),
                        text)
                for key, text in (("addressees", n.addressees.zh if n.addressees else None),
                                  ("body", n.body.zh), ("attachment", n.attachment),
                                  ("signature", n.signature.zh), ("date", n.date.zh),
                                  ("disclosure", n.disclosure.zh if n.disclosure else None))
                if text is not None]
    out.append(Segment(d, ("title", "zh"), doc.title.zh))
    if doc.subtitle is not None:
        out.append(Segment(d, ("subtitle", "zh"), doc.subtitle.zh))
    if doc.preamble is not None:
        out.append(Segment(d, ("preamble", "zh"), doc.preamble.zh))
    for ch in ed.chapters:
        out.append(Segment(ch.number, ("title", "zh"), heading(ch, doc.style.brackets)))
        if ch.intro is not None:
            out += [Segment(ch.number, ("intro", "zh"), para)
                    for para in ch.intro.zh.split("\n\n")]
        for i, c in enumerate(ch.clauses):
            out.append(Segment(ch.number, ("clauses", i, "text", "zh"), f"{c.prefix}{c.full_zh}",
                               clause=c.number))
            out += [Segment(ch.number, ("unnumbered", k, "text", "zh"), p.text.zh)
                    for k, p in enumerate(ch.unnumbered) if p.after == c.number]
    out += [Segment(d, ("closing", i, "zh"), t.zh) for i, t in enumerate(doc.closing)]
    return out


def heading(ch: Chapter, brackets: str) -> str:
    """`一、科技创新政策(由市科技局牵头实施)`, or `一、支持科技创新` when it names no lead."""
    if ch.lead is None:
        return f"{zh_numeral(ch.number)}、{ch.title.zh}"
    pair = ch.brackets or brackets
    opening, closing = pair[0], pair[1]
    return f"{zh_numeral(ch.number)}、{ch.title.zh}{opening}{ch.lead.zh}{closing}"


def reconstruct_zh(ed: Edition) -> str:
    return "\n\n".join(s.text for s in segments(ed)) + "\n"


def normalize_ws(text: str) -> str:
    """Drop all whitespace: line breaks and spacing are layout, not content."""
    return "".join(text.split())
