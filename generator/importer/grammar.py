"""The genre grammar of 《关于推动经济高质量发展的若干政策》 and its siblings, with every house
style seen as a variant of it, and `unparse`, which writes the published text back from the
parse (the round trip is the test).

    document  := metadata* notice? title subtitle? preamble* chapter+ closing*
    notice    := header? number? notice-title+ number? metadata* addressees? body+ attachment?
                 signature+ date disclosure?
    chapter   := HEADING intro* (clause unnumbered*)*
    HEADING   := 一、title (lead)?       lead: 由X、Y牵头实施 | X牵头 | 牵头部门:X,配合部门:Y、Z
    clause    := LABEL lead-sentence text (责任单位:X、Y[,note])?
    LABEL     := 1. 1、 through the document or in each chapter | (一) | (1) | 一是

Variants: metadata is optional (a Word file as the office sends it); the 文号 stands on its
own line above or under the notice title; titles wrap over several lines; the edition is on
the title's line, on its own line, or absent; clauses without 责任单位 are led by the chapter's
lead units; a paragraph without a label between clauses stays in place. Half-width and
full-width brackets and colons are both accepted; every text is kept as published.

Problems are collected, not raised one at a time: `parse_all` returns the parse (None when
the document's structure cannot be made out) and every problem found.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.data import named
from generator.data.numbers import cjk_number, zh_numeral
from generator.importer import genre
from generator.importer.errors import InputError, problem
from generator.importer.readers import Paragraph
from generator.problems import Problem


@dataclass(frozen=True)
class MetaField:
    label: str
    value: str
    after_title: bool
    line: int


@dataclass(frozen=True)
class MetaLine:
    text: str  # as published
    fields: tuple[MetaField, ...]
    after_title: bool


@dataclass(frozen=True)
class ParsedNotice:
    title: tuple[str, ...]  # a line each, as published
    body: tuple[str, ...]
    signature: tuple[str, ...]  # a line each
    date: str | None
    header: str | None = None  # 某县人民政府文件
    number: str | None = None  # the 文号 on its own line
    number_at: str = "below"  # above (the title) | below (it) | after (the information bar)
    addressees: str | None = None
    attachment: str | None = None
    disclosure: str | None = None

    @property
    def title_text(self) -> str:
        return "".join(self.title)


@dataclass(frozen=True)
class ParsedClause:
    number: int  # document-wide, 1..N in chapter order
    label: str | None  # as published when not `<number>.` numbered through the document
    title: str  # the lead sentence with its full stop
    text: str  # the rest, ending with (责任单位:…) when it names units; may be empty
    responsible: tuple[str, ...]
    line: int
    note: str | None = None  # what the 责任单位 bracket says after the names

    @property
    def prefix(self) -> str:
        return self.label if self.label is not None else f"{self.number}."

    @property
    def full(self) -> str:
        return self.title + self.text


@dataclass(frozen=True)
class ParsedParagraph:
    """A paragraph without a label between (or after) a chapter's clauses."""

    after: int  # the clause it follows
    text: str
    line: int


@dataclass(frozen=True)
class ParsedChapter:
    number: int
    title: str
    lead: str | None  # the heading bracket's words, e.g. 由市科技局牵头实施
    leads: tuple[str, ...]
    intro: tuple[str, ...]
    clauses: tuple[ParsedClause, ...]
    line: int
    brackets: str = "()"
    cooperating: tuple[str, ...] = ()
    paragraphs: tuple[ParsedParagraph, ...] = ()


@dataclass(frozen=True)
class ParsedDocument:
    meta_lines: tuple[MetaLine, ...]
    notice: ParsedNotice | None
    title_lines: tuple[str, ...]
    subtitle: str | None
    preamble: tuple[str, ...]
    chapters: tuple[ParsedChapter, ...]
    closing: tuple[str, ...]
    numbering: str = "arabic"  # a key of genre.NUMBERING_NAMES
    restarting: bool = False  # numbers restart in each chapter
    colon: str = ":"
    subtitle_inline: bool = False
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def metadata(self) -> tuple[MetaField, ...]:
        return tuple(f for m in self.meta_lines for f in m.fields)

    @property
    def title(self) -> str:
        return "".join(self.title_lines)

    @property
    def brackets(self) -> str:
        """The chapter headings' brackets, as most of them write them."""
        widths = Counter(ch.brackets for ch in self.chapters if ch.lead is not None)
        return widths.most_common(1)[0][0] if widths else "()"

    @property
    def clauses(self) -> tuple[ParsedClause, ...]:
        return tuple(c for ch in self.chapters for c in ch.clauses)

    @property
    def edition(self) -> str | None:
        """The year of the edition, when the text states it: (2025年版) under or on the title
        line, or in the notice's title."""
        for text in (self.subtitle, self.title, self.notice.title_text if self.notice else None):
            m = genre.EDITION.search(text or "")
            if m:
                return m.group(1)
        return None

    @property
    def style(self) -> list[str]:
        """The house style, as the named variants of the grammar it uses."""
        n = self.notice
        out = ["portal metadata block" if any(not m.after_title for m in self.meta_lines)
               else "no portal metadata block"]
        if n is None:
            out.append("no notice")
        else:
            out += [f"文号 line {n.number_at} the notice title"] if n.number else []
            out += ["red header"] if n.header else []
            out += ["notice title on several lines"] if len(n.title) > 1 else []
            out += ["joint issuers"] if len(named.signature_names("\n".join(n.signature))) > 1 \
                else []
        out.append("title on several lines" if len(self.title_lines) > 1 else "title on one line")
        out.append("edition on the title line" if self.subtitle_inline else
                   "edition under the title" if self.subtitle else "no edition line")
        forms = sorted({_lead_form(ch.lead) for ch in self.chapters})
        out.append("headings: " + ", ".join(forms))
        out.append(genre.NUMBERING_NAMES[self.numbering]
                   + (" restarting in each chapter" if self.restarting else
                      " through the document"))
        if any(not c.responsible for c in self.clauses):
            out.append("clauses without 责任单位 (the chapter's lead units)")
        if any(ch.paragraphs for ch in self.chapters):
            out.append("unnumbered paragraphs between clauses")
        return out


def _lead_form(lead: str | None) -> str:
    if lead is None:
        return "no lead"
    if lead.startswith("牵头"):
        return "牵头部门/配合部门"
    return "由…牵头实施" if lead.startswith("由") else "…牵头"


class _Lines:
    """The paragraphs with a cursor, and the problems found so far."""

    def __init__(self, path: Path, paragraphs: Sequence[Paragraph]) -> None:
        self.path, self.items, self.i = path, list(paragraphs), 0
        self.problems: list[Problem] = []

    def peek(self, k: int = 0) -> Paragraph | None:
        j = self.i + k
        return self.items[j] if 0 <= j < len(self.items) else None

    def take(self) -> Paragraph:
        p = self.items[self.i]
        self.i += 1
        return p

    def error(self, message: str, at: Paragraph | None = None) -> None:
        p = at or self.peek() or (self.items[-1] if self.items else None)
        self.problems.append(problem(self.path, p.line if p else 1, message))


def _found(p: Paragraph | None) -> str:
    if p is None:
        return "the end of the text"
    return f"`{p.text[:24]}{'…' if len(p.text) > 24 else ''}`"


def parse(path: Path, paragraphs: Sequence[Paragraph]) -> ParsedDocument:
    """The paragraphs of one document, by the genre grammar. Raises InputError with every
    problem found."""
    doc, problems = parse_all(path, paragraphs)
    if problems or doc is None:
        raise InputError.of(problems or [problem(path, 1, "the document cannot be read")])
    return doc


def headings(items: Sequence[Paragraph]) -> list[int]:
    """Indexes of the chapter headings: the run 一、二、三、… from the first 一、."""
    out: list[int] = []
    for k, p in enumerate(items):
        if not genre.is_heading(p.text):
            continue
        m = genre.HEADING.match(p.text)
        assert m is not None
        n = cjk_number(m.group(1))
        if (not out and n == 1) or (out and n is not None and n == len(out) + 1):
            out.append(k)
        elif out and n is not None and n != 1 and n not in range(1, len(out) + 1):
            out.append(k)  # out of order: reported by the chapter parser
    return out


def parse_all(path: Path, paragraphs: Sequence[Paragraph]
              ) -> tuple[ParsedDocument | None, list[Problem]]:
    r = _Lines(path, paragraphs)
    starts = headings(r.items)
    if not starts:
        bad = next((p for p in r.items if genre.HEADING.match(p.text)), None)
        hint = (f"; line {bad.line} starts like one (`{bad.text[:20]}`) but reads as a sentence"
                if bad else "")
        r.error("no chapters found: expected headings like `一、科技创新政策(由市科技局牵头实施)` "
                f"or `一、支持科技创新`{hint}; is this a policy document of this genre?", bad)
        return None, r.problems
    front_end = starts[0]
    meta_lines, colons = _metadata(r, front_end, after_title=False)
    notice = _notice(r, front_end, meta_lines, colons)
    title_lines, subtitle, inline = _title(r, front_end)
    preamble = [r.take().text for _ in range(r.i, front_end)]
    chapters, closing, numbering, restarting = _chapters(r, starts)
    if r.problems:
        return None, r.problems
    return ParsedDocument(
        meta_lines=tuple(meta_lines), notice=notice, title_lines=tuple(title_lines),
        subtitle=subtitle, preamble=tuple(preamble), chapters=tuple(chapters),
        closing=tuple(closing), numbering=numbering, restarting=restarting,
        colon=colons[0] if colons else ":", subtitle_inline=inline), []


def _metadata(r: _Lines, end: int, after_title: bool) -> tuple[list[MetaLine], list[str]]:
    lines: list[MetaLine] = []
    colons: list[str] = []
    while r.i < end and (fields := genre.meta_fields(r.items[r.i].text)) is not None:
        p = r.take()
        lines.append(MetaLine(p.text, tuple(MetaField(label, value, after_title, p.line)
                                            for label, _, value in fields), after_title))
        colons += [c for _, c, _ in fields]
    return lines, colons


def _notice(r: _Lines, end: int, meta: list[MetaLine], colons: list[str]
            ) -> ParsedNotice | None:
    """The notice that issues the policy, if the text has one: the first lines up to one that
    ends with 通知 are its title (with a red header and a 文号 line above it)."""
    k = r.i
    header = number = None
    number_at = "below"
    if k < end and genre.HEADER.match(r.items[k].text):
        header, k = r.items[k].text, k + 1
    if k < end and genre.NUMBER.match(r.items[k].text):
        number, number_at, k = r.items[k].text, "above", k + 1
    last = next((j for j in range(k, min(k + 3, end))
                 if genre.NOTICE_END.search(r.items[j].text)
                 and not genre.is_sentence(r.items[j].text)), None)
    if last is None:
        if header or number:
            r.error("expected the notice's title (…的通知) under the "
                    + ("red header" if header else "文号") + f"; found {_found(r.peek(k - r.i))}",
                    r.items[k] if k < end else None)
        return None
    r.i = last + 1
    title = tuple(p.text for p in r.items[k:last + 1])
    if number is None and r.i < end and genre.NUMBER.match(r.items[r.i].text):
        number, number_at = r.take().text, "below"
    more, more_colons = _metadata(r, end, after_title=True)
    meta += more
    colons += more_colons
    if number is None and more and r.i < end and genre.NUMBER.match(r.items[r.i].text):
        number, number_at = r.take().text, "after"
    addressees = None
    p = r.peek()
    if p is not None and r.i < end and p.text.endswith((":", "：")) and len(p.text) <= 120 \
            and not genre.is_sentence(p.text):
        addressees = r.take().text
    date_at = next((j for j in range(r.i, end) if genre.DATE.match(r.items[j].text)), None)
    if date_at is None:
        sig = next((j for j in range(r.i, end) if named.looks_like_issuer(r.items[j].text)),
                   None)
        at = r.items[sig + 1] if sig is not None and sig + 1 < end else r.peek()
        r.error("expected the date of the notice under its signature (2025年3月31日 or "
                f"二〇二五年三月三十一日); found {_found(at)}", at)
        if sig is None or sig + 1 >= end:
            r.i = end
            return ParsedNotice(title, (), (), None, header, number, number_at, addressees)
        date_at = sig + 1  # read on as if it were the date, to find the other problems
    first_sig = date_at
    while first_sig - 1 > r.i and named.looks_like_issuer(r.items[first_sig - 1].text):
        first_sig -= 1
    if first_sig == date_at:
        r.error("expected the signature (the issuer's name) above the notice's date; found "
                f"{_found(r.items[date_at - 1] if date_at > r.i else None)}", r.items[date_at])
    attachment = None
    if first_sig - 1 >= r.i and genre.ATTACHMENT.search(r.items[first_sig - 1].text):
        attachment = r.items[first_sig - 1].text
    body_end = first_sig - (1 if attachment else 0)
    body = tuple(p.text for p in r.items[r.i:body_end])
    if not body:
        r.error("expected the body of the notice (…现印发给你们…) before the signature",
                r.items[first_sig])
    signature = tuple(p.text for p in r.items[first_sig:date_at])
    r.i = date_at + 1
    disclosure = None
    if (p := r.peek()) is not None and r.i < end and genre.DISCLOSURE.match(p.text):
        disclosure = r.take().text
    return ParsedNotice(title, body, signature, r.items[date_at].text, header, number,
                        number_at, addressees, attachment, disclosure)


def _title(r: _Lines, end: int) -> tuple[list[str], str | None, bool]:
    """The policy's title (one or more short lines) and its edition, on the last title line,
    on its own line, or not at all."""
    lines: list[str] = []
    while r.i < end and len(lines) < 3:
        text = r.items[r.i].text
        if genre.SUBTITLE.match(text) or genre.is_sentence(text) or len(text) > 60 \
                or text.endswith((":", "：")) or ("，" in text or "," in text):
            break
        lines.append(r.take().text)
        if genre.INLINE_EDITION.match(text):
            break
    if not lines:
        r.error(f"expected the policy's title before its preamble; found {_found(r.peek())}")
        return [""], None, False
    m = genre.INLINE_EDITION.match(lines[-1])
    if m:
        lines[-1] = m.group(1)
        return lines, m.group(2), True
    if r.i < end and genre.SUBTITLE.match(r.items[r.i].text):
        return lines, r.take().text, False
    return lines, None, False


def _numbering(r: _Lines, starts: list[int]) -> tuple[str, bool, list[set[int]]]:
    """The document's clause labels: their style (that of the first label after the first
    heading), whether they restart in each chapter, and the labelled paragraphs of each
    chapter (a paragraph with a label of another style is not a clause)."""
    bounds = [*starts[1:], len(r.items)]
    style: str | None = None
    per_chapter: list[list[tuple[int, int]]] = []
    for start, end in zip(starts, bounds, strict=True):
        found = []
        for k in range(start + 1, end):
            label = genre.clause_label(r.items[k].text)
            if label is None:
                continue
            style = style or label[0]
            if label[0] == style:
                found.append((k, label[2]))
        per_chapter.append(found)
    firsts = [found[0][1] for found in per_chapter[1:] if found]
    restarting = bool(firsts) and firsts[0] == 1
    return style or "arabic", restarting, [{k for k, _ in found} for found in per_chapter]


def _chapters(r: _Lines, starts: list[int]
              ) -> tuple[list[ParsedChapter], list[str], str, bool]:
    chapters: list[ParsedChapter] = []
    closing: list[str] = []
    numbering, restarting, labelled = _numbering(r, starts)
    count = 0
    bounds = [*starts[1:], len(r.items)]
    for number_in_doc, (start, end, mine) in enumerate(zip(starts, bounds, labelled,
                                                           strict=True), 1):
        r.i = start
        head = r.take()
        m = genre.HEADING.match(head.text)
        assert m is not None
        written = cjk_number(m.group(1))
        if written != number_in_doc:
            r.error(f"chapter `{m.group(1)}、` out of order: expected "
                    f"`{zh_numeral(number_in_doc)}、`; number the chapters 一、二、三… as "
                    "published", head)
        bracket = genre.heading_bracket(m.group(2))
        title, opening, lead_zh = bracket if bracket else (m.group(2), "(", None)
        found = named.lead(lead_zh) if lead_zh is not None else None
        intro: list[str] = []
        clauses: list[ParsedClause] = []
        paragraphs: list[ParsedParagraph] = []
        last_chapter = end == len(r.items)
        last_clause = max(mine) if mine else None
        while r.i < end:
            k = r.i
            q = r.take()
            if k not in mine:
                if last_chapter and (k > last_clause if last_clause is not None
                                     else _states_period_or_total(q.text)):
                    closing = [q.text, *[p.text for p in r.items[r.i:end]]]
                    r.i = end
                    break
                _unlabelled(r, q)
                if clauses:
                    paragraphs.append(ParsedParagraph(count, q.text, q.line))
                else:
                    intro.append(q.text)
                continue
            label_found = genre.clause_label(q.text)
            assert label_found is not None
            _, label, n = label_found
            want = len(clauses) + 1 if restarting else count + 1
            if n != want:
                r.error(f"clause `{label}` out of sequence: expected "
                        f"`{genre.label_of(numbering, want, label)}` ("
                        + ("numbering restarts in each chapter" if restarting else
                           "clauses are numbered 1..N through the document") + ")", q)
            count += 1
            shown = restarting or numbering != "arabic" or label[-1] != "."
            clauses.append(_clause(r, q, label, count, shown))
        chapters.append(ParsedChapter(
            number_in_doc, title, lead_zh, found.leads if found else (), tuple(intro),
            tuple(clauses), head.line, "（）" if opening == "（" else "()",
            found.cooperating if found else (), tuple(paragraphs)))
    return chapters, closing, numbering, restarting


def _states_period_or_total(text: str) -> bool:
    return text.startswith(("本政策", "本意见", "本办法", "上述", "以上")) or "施行" in text \
        or "有效期" in text


def _unlabelled(r: _Lines, q: Paragraph) -> None:
    """A paragraph without a clause label that ends like a clause is a clause whose number
    was lost: reported, as it would shift every number after it."""
    if named.responsible(q.text) is not None:
        r.error("a clause without its number: this paragraph ends with (责任单位:…) but does "
                "not start with a label like the other clauses (`12.` or `(一)`)", q)
    elif named.RESPONSIBLE_OPEN.search(q.text) and q.text.rstrip()[-1:] not in named.CLOSING:
        r.error("the (责任单位:… bracket is not closed at the end of the paragraph; expected "
                "`(责任单位:单位甲、单位乙)`", q)


def _clause(r: _Lines, p: Paragraph, label: str, number: int, shown: bool) -> ParsedClause:
    rest = p.text[len(label):]
    found = named.responsible(rest)
    if found is None and named.RESPONSIBLE_OPEN.search(rest):
        r.error(f"clause `{label}`: the (责任单位:… bracket is not closed at the end of the "
                "paragraph; expected `(责任单位:单位甲、单位乙)`", p)
    if found is not None and not all(found.names):
        r.error(f"clause `{label}`: an empty unit name in (责任单位:…); separate names with 、",
                p)
    before = rest[:found.start] if found else rest
    stops = [i for i in (before.find(s) for s in "。！？") if i >= 0]
    cut = min(stops) + 1 if stops else len(before)
    if cut == 0 or not rest.strip():
        r.error(f"clause `{label}` has no text after its label", p)
        cut = len(rest)
    return ParsedClause(number, label if shown else None, rest[:cut], rest[cut:],
                        found.names if found else (), p.line, found.note if found else None)


def heading_line(ch: ParsedChapter) -> str:
    if ch.lead is None:
        return f"{zh_numeral(ch.number)}、{ch.title}"
    return f"{zh_numeral(ch.number)}、{ch.title}{ch.brackets[0]}{ch.lead}{ch.brackets[1]}"


def unparse(doc: ParsedDocument) -> str:
    """The published text rebuilt from the parse, one paragraph per line (paragraphs
    separated by a blank line, as the readers give them)."""
    lines: list[str] = [m.text for m in doc.meta_lines if not m.after_title]
    n = doc.notice
    if n is not None:
        lines += [x for x in (n.header, n.number if n.number_at == "above" else None) if x]
        lines += n.title
        lines += [n.number] if n.number and n.number_at == "below" else []
        lines += [m.text for m in doc.meta_lines if m.after_title]
        lines += [n.number] if n.number and n.number_at == "after" else []
        lines += [n.addressees] if n.addressees else []
        lines += [*n.body, *([n.attachment] if n.attachment else []), *n.signature]
        lines += [x for x in (n.date, n.disclosure) if x]
    lines += doc.title_lines[:-1]
    last = doc.title_lines[-1] + (doc.subtitle if doc.subtitle_inline and doc.subtitle else "")
    lines.append(last)
    lines += [doc.subtitle] if doc.subtitle and not doc.subtitle_inline else []
    lines += doc.preamble
    for ch in doc.chapters:
        lines.append(heading_line(ch))
        lines += ch.intro
        after: dict[int, list[str]] = {}
        for para in ch.paragraphs:
            after.setdefault(para.after, []).append(para.text)
        for c in ch.clauses:
            lines.append(f"{c.prefix}{c.full}")
            lines += after.get(c.number, [])
    lines += doc.closing
    return "\n\n".join(lines) + "\n"
