"""The genre grammar of 《关于推动经济高质量发展的若干政策》 and its siblings: a line
classifier and a parser that reads the paragraphs top to bottom, and `unparse`, which writes
the published text back from the parse (the round trip is the test).

    document  := metadata* notice-title metadata-line? addressees body+ attachment? signature
                 date disclosure? title subtitle? preamble+ chapter+ closing*
    chapter   := HEADING intro* clause+           HEADING: 一、title(由X、Y牵头实施) or (X牵头)
    clause    := LABEL title-sentence text (责任单位:X、Y)
    LABEL     := `1.` numbered through the document | `(一)` restarting in each chapter

Half-width and full-width brackets and colons are both accepted; every text is kept as
published.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.data.model import lead_names, responsible_names
from generator.data.reconstruct import zh_numeral
from generator.importer.errors import InputError
from generator.importer.readers import Paragraph

CJK_NUMERAL = "一二三四五六七八九十"
_META = re.compile(r"(?:^|(?<=\s))([\u4e00-\u9fff]{2,8})([:：])")
HEADING = re.compile(rf"^([{CJK_NUMERAL}]+)、(.+?)([(（])((?:由)?[^()（）]+?牵头(?:实施)?)([)）])$")
CLAUSE_NUMBER = re.compile(r"^(\d{1,3})[.．](?!\d)")
CLAUSE_LABEL = re.compile(rf"^([(（])([{CJK_NUMERAL}]+)([)）])")
DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
ATTACHMENT = re.compile(r"\.(pdf|docx?|wps|ofd|xlsx?)$", re.I)
DISCLOSURE = re.compile(r"^[(（]此件.{0,12}[)）]$")
SUBTITLE = re.compile(r"^[(（].{0,20}[)）]$")
EDITION = re.compile(r"(\d{4})年版")
RESPONSIBLE = re.compile(r"[(（]责任单位[:：]")


@dataclass(frozen=True)
class MetaField:
    label: str
    value: str
    after_title: bool
    line: int


@dataclass(frozen=True)
class ParsedClause:
    number: int  # document-wide, 1..N in chapter order
    label: str | None  # as published when not `<number>.`: (一)
    title: str  # the lead sentence with its full stop
    text: str  # the rest, ending with (责任单位:…)
    responsible: tuple[str, ...]
    line: int

    @property
    def prefix(self) -> str:
        return self.label if self.label is not None else f"{self.number}."

    @property
    def full(self) -> str:
        return self.title + self.text


@dataclass(frozen=True)
class ParsedChapter:
    number: int
    title: str
    lead: str
    leads: tuple[str, ...]
    intro: tuple[str, ...]
    clauses: tuple[ParsedClause, ...]
    line: int


@dataclass(frozen=True)
class ParsedDocument:
    metadata: tuple[MetaField, ...]
    notice_title: str
    addressees: str
    body: tuple[str, ...]
    attachment: str | None
    signature: str
    date: str
    disclosure: str | None
    title: str
    subtitle: str
    preamble: tuple[str, ...]
    chapters: tuple[ParsedChapter, ...]
    closing: tuple[str, ...]
    brackets: str = "()"
    colon: str = ":"
    numbering: str = "document"  # document (1.) | chapter ((一), restarting)
    edition: str = ""
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def clauses(self) -> tuple[ParsedClause, ...]:
        return tuple(c for ch in self.chapters for c in ch.clauses)


def cjk_number(numeral: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十一 -> 21 (as zh_numeral writes them)."""
    for n in range(1, 100):
        if zh_numeral(n) == numeral:
            return n
    return None


def meta_fields(text: str) -> list[tuple[str, str, str]] | None:
    """`索引号: X 公开方式: Y` -> [(label, colon, value)], or None when not a metadata line."""
    matches = list(_META.finditer(text))
    if not matches or matches[0].start() != 0:
        return None
    out = []
    for m, nxt in zip(matches, [*matches[1:], None], strict=True):
        end = nxt.start() if nxt is not None else len(text)
        out.append((m.group(1), m.group(2), text[m.end():end].strip()))
    return out


class _Reader:
    """The paragraphs with a cursor, and errors that name the line."""

    def __init__(self, path: Path, paragraphs: Sequence[Paragraph]) -> None:
        self.path, self.items, self.i = path, list(paragraphs), 0

    def peek(self, k: int = 0) -> Paragraph | None:
        j = self.i + k
        return self.items[j] if j < len(self.items) else None

    def take(self) -> Paragraph:
        p = self.items[self.i]
        self.i += 1
        return p

    def error(self, message: str, at: Paragraph | None = None) -> InputError:
        p = at or self.peek() or (self.items[-1] if self.items else None)
        return InputError(self.path, p.line if p else 1, message)


def parse(path: Path, paragraphs: Sequence[Paragraph]) -> ParsedDocument:
    """The paragraphs of one document, by the genre grammar. Raises InputError."""
    r = _Reader(path, paragraphs)
    if not any(HEADING.match(p.text) for p in paragraphs):
        bad = next((p for p in paragraphs if re.match(rf"^[{CJK_NUMERAL}]+、", p.text)), None)
        hint = (f"; line {bad.line} starts like one but has no (…牵头实施) or (…牵头) at its end"
                if bad else "")
        raise InputError(path, bad.line if bad else 1, "no chapters found: expected headings "
                         f"like `一、科技创新政策(由市科技局牵头实施)`{hint}")
    metadata: list[MetaField] = []
    colons: list[str] = []
    while (p := r.peek()) is not None and (fields := meta_fields(p.text)) is not None:
        r.take()
        metadata += [MetaField(label, value, False, p.line) for label, _, value in fields]
        colons += [c for _, c, _ in fields]
    notice = r.peek()
    if notice is None or HEADING.match(notice.text) or not notice.text.endswith("通知"):
        raise r.error("expected the notice title (…的通知) after the portal's metadata block "
                      "(索引号: …, 发布单位: …)")
    r.take()
    if (p := r.peek()) is not None and (fields := meta_fields(p.text)) is not None:
        r.take()
        metadata += [MetaField(label, value, True, p.line) for label, _, value in fields]
        colons += [c for _, c, _ in fields]
    addressees = r.take() if r.peek() is not None else None
    if addressees is None or not addressees.text.endswith((":", "：")):
        raise r.error("expected the addressees of the notice, ending with a colon "
                      "(各镇、乡人民政府,…:)", addressees)
    date_at = next((k for k in range(r.i, len(r.items)) if DATE.match(r.items[k].text)), None)
    first_heading = next(k for k, p in enumerate(r.items) if HEADING.match(p.text))
    if date_at is None or date_at > first_heading or date_at - r.i < 2:
        raise r.error("expected the notice's body, the signature and its date (2025年3月31日) "
                      "before the policy's title")
    signature = r.items[date_at - 1]
    attachment = r.items[date_at - 2] if ATTACHMENT.search(r.items[date_at - 2].text) else None
    body_end = date_at - (2 if attachment else 1)
    body = r.items[r.i:body_end]
    if not body:
        raise r.error("expected the body of the notice (…现印发给你们…) before the signature")
    r.i = date_at
    date = r.take()
    disclosure = r.take() if (p := r.peek()) is not None and DISCLOSURE.match(p.text) else None
    title = r.take()
    if title.line == r.items[first_heading].line:
        raise r.error("expected the policy's title before its first chapter", title)
    subtitle = r.take() if (p := r.peek()) is not None and SUBTITLE.match(p.text) else None
    if subtitle is None:
        raise r.error("expected the edition under the title, e.g. `(2025年版)`")
    preamble = []
    while r.i < first_heading:
        preamble.append(r.take())
    if not preamble:
        raise r.error("expected the preamble (为…,现制定以下政策。) before the first chapter")
    chapters, closing, brackets, numbering = _chapters(r)
    edition = next((m.group(1) for m in [EDITION.search(subtitle.text)] if m), "") \
        or date.text[:4]
    return ParsedDocument(
        metadata=tuple(metadata), notice_title=notice.text, addressees=addressees.text,
        body=tuple(p.text for p in body), attachment=attachment.text if attachment else None,
        signature=signature.text, date=date.text,
        disclosure=disclosure.text if disclosure else None, title=title.text,
        subtitle=subtitle.text, preamble=tuple(p.text for p in preamble),
        chapters=tuple(chapters), closing=tuple(p.text for p in closing), brackets=brackets,
        colon=colons[0] if colons else ":", numbering=numbering, edition=edition)


def _chapters(r: _Reader) -> tuple[list[ParsedChapter], list[Paragraph], str, str]:
    chapters: list[ParsedChapter] = []
    closing: list[Paragraph] = []
    brackets: set[str] = set()
    numbering: str | None = None
    count = 0
    while (p := r.peek()) is not None:
        m = HEADING.match(r.take().text)
        assert m is not None  # the loop starts at a heading and stops at the next one
        number = cjk_number(m.group(1))
        if number != len(chapters) + 1:
            raise r.error(f"chapter `{m.group(1)}、` out of order: expected "
                          f"`{zh_numeral(len(chapters) + 1)}、`", p)
        brackets.add(m.group(3) + m.group(5))
        if len(brackets) > 1:
            raise r.error("the chapter headings mix half-width () and full-width （） "
                          "brackets; write them one way", p)
        leads = lead_names(m.group(4))
        intro: list[str] = []
        clauses: list[ParsedClause] = []
        while (q := r.peek()) is not None and not HEADING.match(q.text):
            style, label = _clause_label(q.text)
            if style is None:
                if clauses and chapters_left(r) == 0:
                    if RESPONSIBLE.search(q.text):
                        raise r.error("a clause without its number: this paragraph ends with "
                                      "(责任单位:…) but does not start with `N.` or `(一)`", q)
                    closing = r.items[r.i:]
                    r.i = len(r.items)
                    break
                if clauses:
                    raise r.error("expected a numbered clause (`12.` or `(一)`) or the next "
                                  "chapter heading; a clause without its number?", q)
                if RESPONSIBLE.search(q.text):
                    raise r.error("a clause without its number: this paragraph ends with "
                                  "(责任单位:…) but does not start with `N.` or `(一)`", q)
                intro.append(r.take().text)
                continue
            numbering = numbering or style
            if style != numbering:
                raise r.error(f"clause label `{label}` mixes numbering styles: this document "
                              "numbers its clauses "
                              + ("`1.` through the document" if numbering == "document"
                                 else "`(一)` in each chapter"), q)
            count += 1
            clauses.append(_clause(r, r.take(), style, label, count, len(clauses) + 1))
        if not clauses:
            raise r.error(f"chapter {m.group(1)} has no numbered clauses (`1.` or `(一)`)", p)
        if not intro:
            raise r.error(f"chapter {m.group(1)} has no intro paragraph between its heading "
                          "and its first clause", p)
        chapters.append(ParsedChapter(number or 0, m.group(2), m.group(4), tuple(leads or ()),
                                      tuple(intro), tuple(clauses), p.line))
    return chapters, closing, brackets.pop(), numbering or "document"


def chapters_left(r: _Reader) -> int:
    return sum(1 for p in r.items[r.i:] if HEADING.match(p.text))


def _clause_label(text: str) -> tuple[str | None, str]:
    if m := CLAUSE_NUMBER.match(text):
        return "document", m.group(0)
    if m := CLAUSE_LABEL.match(text):
        return "chapter", m.group(0)
    return None, ""


def _clause(r: _Reader, p: Paragraph, style: str, label: str, number: int,
            in_chapter: int) -> ParsedClause:
    if style == "document":
        written = int(label[:-1])
        if written != number:
            raise r.error(f"clause `{label}` out of sequence: expected `{number}.` (clauses "
                          "are numbered 1..N through the document)", p)
        shown = None
    else:
        written = cjk_number(label[1:-1]) or 0
        if written != in_chapter:
            raise r.error(f"clause `{label}` out of sequence: expected "
                          f"`{label[0]}{zh_numeral(in_chapter)}{label[-1]}` (numbering "
                          "restarts in each chapter)", p)
        shown = label
    rest = p.text[len(label):]
    start = RESPONSIBLE.search(rest)
    if start is None:
        raise r.error(f"clause `{label}` has no (责任单位:…) at its end; every clause names its "
                      "responsible units", p)
    names = responsible_names(rest)
    if names is None or rest.count("(") + rest.count("（") != rest.count(")") + rest.count("）"):
        raise r.error(f"clause `{label}`: the (责任单位:… bracket is not closed at the end of "
                      "the paragraph; expected `(责任单位:单位甲、单位乙)`", p)
    if not all(names):
        raise r.error(f"clause `{label}`: an empty unit name in (责任单位:…); separate names "
                      "with 、", p)
    stop = rest.find("。")
    if stop < 0 or stop > start.start():
        raise r.error(f"clause `{label}` has no lead sentence ending with 。 before its text", p)
    return ParsedClause(number, shown, rest[:stop + 1], rest[stop + 1:], tuple(names), p.line)


def unparse(doc: ParsedDocument) -> str:
    """The published text rebuilt from the parse, one paragraph per line."""
    def meta(fields: list[MetaField]) -> str:
        return " ".join(f"{f.label}{doc.colon} {f.value}" for f in fields)

    before = [f for f in doc.metadata if not f.after_title]
    after = [f for f in doc.metadata if f.after_title]
    lines: list[str] = []
    for line in sorted({f.line for f in before}):
        lines.append(meta([f for f in before if f.line == line]))
    lines.append(doc.notice_title)
    if after:
        lines.append(meta(after))
    lines += [doc.addressees, *doc.body]
    lines += [x for x in (doc.attachment, doc.signature, doc.date, doc.disclosure, doc.title,
                          doc.subtitle) if x is not None]
    lines += doc.preamble
    for ch in doc.chapters:
        lines.append(f"{zh_numeral(ch.number)}、{ch.title}{doc.brackets[0]}{ch.lead}"
                     f"{doc.brackets[1]}")
        lines += ch.intro
        lines += [f"{c.prefix}{c.full}" for c in ch.clauses]
    lines += doc.closing
    return "\n\n".join(lines) + "\n"
