"""The Akoma Ntoso output: each document as OASIS Akoma Ntoso 3.0 XML, one file per language
expression, at data/<id>/akn/<id>-zho.xml and -eng.xml.

What a file holds, from the model (`document_xml`, pure):
- `meta`: the FRBR work, expression and manifestation identifiers (Akoma Ntoso URIs, with
  the ELI addresses, the 文号 and the 规范性文件登记号 as aliases: data/identifiers.py);
  the lifecycle (the document's date, each amendment); the amendments as passive
  modifications of the clauses they change (old and new words); the period in force as a
  time interval; the issuers and responsible units as `TLCOrganization`s; and every fact
  (incentive, target, budget figure, other figure) with its amounts and verbatim quote, in
  a `proprietary` block of this handbook's namespace.
- `preface`: the portal's block, the notice (header, 文号, title, addressees, body,
  attachment, signature, date, disclosure) and the policy's title with its edition line;
  `preamble`; `body`: chapters (`chp_1`) and their clauses as articles (`chp_1__art_1`),
  their responsible units marked as `organization`s and their amounts as `quantity` with
  the normalized value; `conclusions`: the closing paragraphs.

The Chinese expression holds the text in force verbatim (as published, with its
amendments): its pieces, read in document order, give the published text back
(tests/test_akn.py). The English expression is the project's translation (not
authoritative); a text whose translation is pending is given in Chinese, marked `xml:lang`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from lxml import etree

from generator.data.identifiers import LANGUAGES, Identifiers, number_parts
from generator.data.library import Library
from generator.data.model import Edition
from generator.data.named import lead, responsible
from generator.data.numbers import normalize, zh_numbers
from generator.data.reconstruct import heading as chapter_heading
from generator.data.schema import (
    BudgetItem,
    Chapter,
    Clause,
    Figure,
    Incentive,
    MetadataField,
    Target,
    Text,
    UnnumberedParagraph,
)
from generator.fingerprint import digest
from generator.outputs.job import Job, write_files
from generator.render.i18n import t

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
PH = "urn:policy-handbook:facts"  # the namespace of the facts block (`proprietary`)
FACT_ATTR = f"{{{PH}}}fact"  # on a quantity: the facts (their names in the facts block) it is of
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HTML_LANG = {"zh": "zh-Hans", "en": "en"}
SOURCE = "#handbook"  # who made the metadata: this handbook (a TLCOrganization)
MIXED = ("p", "heading", "num", "inline", "docTitle", "docStage", "docAuthority", "docNumber",
         "docDate")  # elements that hold text


def _e(parent: Any, tag: str, attrs: dict[str, str | None] | None = None,
       text: str | None = None) -> Any:
    el = etree.SubElement(parent, f"{{{AKN}}}{tag}",
                          {k: v for k, v in (attrs or {}).items() if v is not None})
    if text is not None:
        el.text = text
    return el


@dataclass(frozen=True)
class Span:
    """Markup over part of a text: an organization or a quantity."""

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...]


def _marked(el: Any, text: str, spans: Iterable[Span], offset: int = 0) -> None:
    """Write `text` into `el` with the spans (positions in a longer text that starts at
    `offset`) that fall inside it as child elements; overlapping spans are left out."""
    last = 0
    tail: Any = None
    end = offset + len(text)
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if s.start < offset + last or s.end > end or s.start >= s.end:
            continue
        before = text[last:s.start - offset]
        if tail is None:
            el.text = (el.text or "") + before
        else:
            tail.tail = (tail.tail or "") + before
        tail = _e(el, s.tag, dict(s.attrs), text[s.start - offset:s.end - offset])
        last = s.end - offset
    if tail is None:
        el.text = (el.text or "") + text[last:]
    else:
        tail.tail = (tail.tail or "") + text[last:]


def _fact_values(fact: Incentive | Target | BudgetItem | Figure) -> list[Decimal]:
    if isinstance(fact, BudgetItem):
        return [Decimal(fact.amount)]
    return [normalize(v) for v in fact.numbers()]


Fact = Incentive | Target | BudgetItem | Figure
KINDS = {Incentive: "incentive", Target: "target", BudgetItem: "budget", Figure: "figure"}


def quantity_spans(text: str, facts: Iterable[Fact], refs: dict[int, str]) -> list[Span]:
    """Each number of a fact's quote in `text`, as a quantity with its value normalized
    (万/亿 converted), referring to the kind of fact and naming the facts it is of
    (`ph:fact`: their entries in the facts block); the unit after it (元, %) is inside the
    mark."""
    out: dict[tuple[int, int], Span] = {}
    for fact in facts:
        at = text.find(fact.quote)
        if at < 0:
            continue
        values = set(_fact_values(fact))
        for tok in zh_numbers(fact.quote):
            if tok.value not in values:
                continue
            start, end = at + tok.start, at + tok.end
            if text[end:end + 1] in ("元", "%", "％"):
                end += 1
            seen = out.get((start, end))
            names = f"{dict(seen.attrs)[FACT_ATTR]} {refs[id(fact)]}" if seen \
                else refs[id(fact)]  # a number two facts share (每件最高补贴2000元) names both
            kind = dict(seen.attrs)["refersTo"] if seen else f"#{KINDS[type(fact)]}"
            out[(start, end)] = Span(start, end, "quantity", (
                ("refersTo", kind), ("normalized", format(tok.value, "f")),
                (FACT_ATTR, names)))
    return list(out.values())


def clause_facts(c: Clause) -> list[Fact]:
    return [*c.incentives, *c.targets, *c.budgets, *c.figures]


def chapter_facts(ch: Chapter) -> list[Fact]:
    return [*ch.budgets, *ch.targets, *ch.figures]


def unnumbered_facts(p: UnnumberedParagraph) -> list[Fact]:
    return [*p.targets, *p.figures]


def facts_of(ed: Edition) -> list[tuple[str, Fact]]:
    """Every fact of the document with the eId of the part of the text its quote is in, in
    document order."""
    out: list[tuple[str, Fact]] = [("preamble", f) for f in ed.document.preamble_figures]
    for ch in ed.chapters:
        where = f"chp_{ch.number}"
        out += [(where, f) for f in chapter_facts(ch)]
        out += [(where, f) for p in ch.unnumbered for f in unnumbered_facts(p)]
        for c in ch.clauses:
            out += [(f"{where}__art_{c.number}", f) for f in clause_facts(c)]
    doc = ed.document
    closing: list[Fact] = [*doc.budgets, *doc.figures]
    out += [("conclusions", f) for f in closing]
    return out


def fact_refs(ed: Edition) -> dict[int, str]:
    """Each fact (by object) -> its name in the facts block: `chp_3__art_14__incentive_nev`
    (a figure, which has no id, by its place: `figure_2`)."""
    out: dict[int, str] = {}
    count: dict[tuple[str, str], int] = {}
    for where, f in facts_of(ed):
        kind = KINDS[type(f)]
        count[(where, kind)] = count.get((where, kind), 0) + 1
        name = getattr(f, "id", None) or str(count[(where, kind)])
        out[id(f)] = f"{where}__{kind}_{name}"
    return out


def organization_spans(ed: Edition, text: str, names: Iterable[str], start: int = 0
                       ) -> list[Span]:
    """The names (as written) found in `text` from `start` on, each in turn, as
    organizations referring to their unit."""
    out = []
    for name in names:
        at = text.find(name, start)
        unit = ed.find_unit(name)
        if at < 0 or unit is None:
            continue
        out.append(Span(at, at + len(name), "organization", (("refersTo", f"#{unit.id}"),)))
        start = at + len(name)
    return out


class Writer:
    """One language expression of one document."""

    def __init__(self, library: Library, ed: Edition, lang: str) -> None:
        self.lib, self.ed, self.lang = library, ed, lang
        self.ids = library.identifiers(ed)
        prev = library.predecessor(ed)
        self.prev = (prev, library.identifiers(prev)) if prev else None
        self.refs = fact_refs(ed)
        # FRBR dates are full dates: the document's date; for a text that states none, the
        # start of its period, else its edition's year (and FRBRdate's name says which)
        period = ed.document.in_force
        self.date, self.date_name = (
            (ed.date, "Generation") if ed.date else (period.start, "inForce") if period
            else (f"{ed.document.edition[:4]}-01-01", "edition"))
        self.version = self.ids.version if len(self.ids.version) == 10 else self.date

    # --- texts ---------------------------------------------------------------------------
    def words(self, text: Text) -> tuple[str, bool]:
        """The text in this language, and whether it is the Chinese standing in for a
        pending translation."""
        if self.lang == "zh":
            return text.zh, False
        en = text.current_en
        return (en, False) if en is not None else (text.zh, True)

    def block(self, parent: Any, tag: str, text: Text | str, spans: Iterable[Span] = (),
              attrs: dict[str, str | None] | None = None) -> Any:
        """An element with a text: in Chinese with its markup; in English plain (the spans
        are positions in the Chinese)."""
        if isinstance(text, str):
            words, pending = text, False
        else:
            words, pending = self.words(text)
        el = _e(parent, tag, attrs)
        if self.lang == "zh":
            _marked(el, words, spans)
        else:
            el.text = words
            if pending:
                el.set(XML_LANG, HTML_LANG["zh"])
        return el

    # --- the document --------------------------------------------------------------------
    def document(self) -> bytes:
        root = etree.Element(f"{{{AKN}}}akomaNtoso", nsmap={None: AKN, "ph": PH})
        act = _e(root, "act", {"name": "policy",
                               "contains": "singleVersion" if self.ed.amendments
                               else "originalVersion"})
        self.meta(_e(act, "meta"))
        self.preface(_e(act, "preface", {"eId": "preface"}))
        doc = self.ed.document
        if doc.preamble is not None:
            self.block(_e(act, "preamble", {"eId": "preamble"}), "p", doc.preamble,
                       quantity_spans(doc.preamble.zh, doc.preamble_figures, self.refs))
        body = _e(act, "body")
        for ch in self.ed.chapters:
            self.chapter(body, ch)
        if doc.closing:
            conclusions = _e(act, "conclusions", {"eId": "conclusions"})
            for k, para in enumerate(doc.closing, 1):
                self.block(conclusions, "p", para, self.closing_spans(para.zh),
                           {"eId": f"conclusions__p_{k}"})
        for el in root.iter(*(f"{{{AKN}}}{tag}" for tag in MIXED)):
            if el.text is None:  # no indentation inside a text: it would be in the text
                el.text = ""
            if len(el) and el[-1].tail is None:
                el[-1].tail = ""
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                    pretty_print=True))

    def closing_spans(self, text: str) -> list[Span]:
        return quantity_spans(text, [*self.ed.document.budgets, *self.ed.document.figures],
                              self.refs)

    # --- meta ----------------------------------------------------------------------------
    def meta(self, meta: Any) -> None:
        ed, ids, lang = self.ed, self.ids, self.lang
        code = LANGUAGES[lang]
        ident = _e(meta, "identification", {"source": SOURCE})
        work = _e(ident, "FRBRWork")
        _e(work, "FRBRthis", {"value": f"{ids.akn_work}/!main"})
        _e(work, "FRBRuri", {"value": ids.akn_work})
        _e(work, "FRBRalias", {"value": ids.work, "name": "eli"})
        if ed.number is not None:
            _e(work, "FRBRalias", {"value": ed.number.zh, "name": "documentNumber"})
        reg = next((f.value for f in ed.document.metadata
                    if f.key == "registration-number" and isinstance(f.value, str)), None)
        if reg:
            _e(work, "FRBRalias", {"value": reg, "name": "registrationNumber"})
            if ids.registration:
                _e(work, "FRBRalias", {"value": ids.registration, "name": "eliRegistration"})
        _e(work, "FRBRalias", {"value": ed.name.zh, "name": "title"})
        _e(work, "FRBRdate", {"date": self.date, "name": self.date_name})
        for issuer in ed.issuers or ():
            _e(work, "FRBRauthor", {"href": f"#{issuer.id}", "as": "#author"})
        if not ed.issuers:
            _e(work, "FRBRauthor", {"href": "#issuer-not-stated"})
        _e(work, "FRBRcountry", {"value": ids.akn_work.split("/")[2].split("-")[0]})
        _e(work, "FRBRnumber", {"value": ids.work.rstrip("/").rsplit("/", 1)[1]})
        _e(work, "FRBRname", {"value": ed.document.title.zh})
        expr = _e(ident, "FRBRExpression")
        _e(expr, "FRBRthis", {"value": f"{ids.akn_expression(lang)}/!main"})
        _e(expr, "FRBRuri", {"value": ids.akn_expression(lang)})
        _e(expr, "FRBRalias", {"value": ids.expression(lang), "name": "eli"})
        _e(expr, "FRBRdate", {"date": self.version, "name": "version"})
        if lang == "zh":
            for issuer in ed.issuers or ():
                _e(expr, "FRBRauthor", {"href": f"#{issuer.id}", "as": "#author"})
            if not ed.issuers:
                _e(expr, "FRBRauthor", {"href": "#issuer-not-stated"})
        else:
            _e(expr, "FRBRauthor", {"href": SOURCE, "as": "#translator"})
        _e(expr, "FRBRauthoritative", {"value": "true" if lang == "zh" else "false"})
        _e(expr, "FRBRlanguage", {"language": code})
        if lang != "zh":
            _e(expr, "FRBRtranslation", {"href": ids.akn_expression("zh"),
                                         "fromLanguage": LANGUAGES["zh"], "by": SOURCE,
                                         "authoritative": "false"})
        man = _e(ident, "FRBRManifestation")
        _e(man, "FRBRthis", {"value": f"{ids.akn_expression(lang)}/!main.xml"})
        _e(man, "FRBRuri", {"value": f"{ids.akn_expression(lang)}.akn"})
        _e(man, "FRBRalias", {"value": ids.manifestation(lang), "name": "eli"})
        _e(man, "FRBRalias", {"value": ids.akn_file(lang), "name": "file"})
        _e(man, "FRBRdate", {"date": self.version, "name": "transform"})
        _e(man, "FRBRauthor", {"href": SOURCE})
        _e(man, "FRBRformat", {"value": "application/akn+xml"})
        published = next((f for f in ed.document.metadata if f.key == "published"
                          and isinstance(f.value, str) and len(f.value) >= 10), None)
        if published is not None:
            assert isinstance(published.value, str)
            _e(meta, "publication", {"date": published.value[:10], "name": "portal",
                                     "showAs": published.value})
        self.lifecycle(meta)
        self.analysis(meta)
        self.temporal(meta)
        self.references(meta)
        self.facts(meta)

    def lifecycle(self, meta: Any) -> None:
        life = _e(meta, "lifecycle", {"source": SOURCE})
        _e(life, "eventRef", {"eId": "e_generation", "date": self.date, "source": "#original",
                              "type": "generation"})
        period = self.ed.document.in_force
        if period is not None:
            _e(life, "eventRef", {"eId": "e_in_force", "date": period.start,
                                  "source": "#original", "type": "generation",
                                  "refersTo": "#inForce"})
            if period.end is not None:
                _e(life, "eventRef", {"eId": "e_expiry", "date": period.end,
                                      "source": "#original", "type": "repeal",
                                      "refersTo": "#expiry"})
        for a in sorted(self.ed.amendments, key=lambda a: a.date):
            _e(life, "eventRef", {"eId": f"e_{a.id}", "date": a.date,
                                  "source": f"#{a.id}", "type": "amendment"})

    def analysis(self, meta: Any) -> None:
        applied = self.ed.amended.applied
        if not applied:
            return
        analysis = _e(meta, "analysis", {"source": SOURCE})
        mods = _e(analysis, "passiveModifications")
        for k, ap in enumerate(applied, 1):
            c = ap.change
            mod = _e(mods, "textualMod", {"type": "substitution", "eId": f"pmod_{k}"})
            _e(mod, "source", {"href": f"#{ap.amendment.id}"})
            dest = f"#{self.article_id(self.ed.clause(c.clause))}" if c.clause \
                else f"#{self.place_of(c.new or c.old)}"
            _e(mod, "destination", {"href": dest})
            old = _e(mod, "old", {"href": dest})
            old.text = c.old
            new = _e(mod, "new", {"href": dest})
            new.text = c.new

    def place_of(self, words: str) -> str:
        """The eId of the part outside the clauses that holds `words` (a change of the
        notice, a heading, an intro or the closing)."""
        doc = self.ed.document
        for ch in self.ed.chapters:
            if words in chapter_heading(ch, doc.style.brackets) or (
                    ch.intro is not None and words in ch.intro.zh):
                return f"chp_{ch.number}"
        if any(words in t.zh for t in doc.closing):
            return "conclusions"
        if doc.preamble is not None and words in doc.preamble.zh:
            return "preamble"
        return "preface"

    def temporal(self, meta: Any) -> None:
        period = self.ed.document.in_force
        if period is None:
            return
        data = _e(meta, "temporalData", {"source": SOURCE})
        group = _e(data, "temporalGroup", {"eId": "tmpg_in_force"})
        _e(group, "timeInterval", {"start": "#e_in_force",
                                   "end": "#e_expiry" if period.end else None,
                                   "refersTo": "#inForce"})

    def references(self, meta: Any) -> None:
        ed, ids = self.ed, self.ids
        refs = _e(meta, "references", {"source": SOURCE})
        _e(refs, "original", {"eId": "original", "href": f"{ids.akn_work}/zho@{self.date}",
                              "showAs": ed.name.zh})
        for a in ed.amendments:  # an issuer corrects its own documents: the notice is its
            parts = number_parts(a.document_number.zh, self.lib.pinyin)
            href = (f"/akn/{ids.akn_work.split('/')[2]}/act/{a.date}/{parts[0]}" if parts
                    else a.url or f"#{a.id}")
            _e(refs, "passiveRef", {"eId": a.id, "href": href,
                                    "showAs": a.document_number.text(self.lang)})
        if self.prev is not None:
            prev, prev_ids = self.prev
            _e(refs, "activeRef", {"eId": "supersedes", "href": prev_ids.akn_work,
                                   "showAs": prev.name.text(self.lang)})
        issuer = ids.akn_work.split("/")[2]
        for u in ed.units:
            _e(refs, "TLCOrganization", {"eId": u.id,
                                         "href": f"/ontology/organization/{issuer}/{u.id}",
                                         "showAs": u.name.text(self.lang)})
        if not ed.issuers:
            _e(refs, "TLCOrganization", {"eId": "issuer-not-stated",
                                         "href": f"/ontology/organization/{issuer}",
                                         "showAs": ed.issuer_name.text(self.lang)})
        _e(refs, "TLCOrganization", {"eId": "handbook", "href": "/ontology/organization/"
                                     "policy-handbook",
                                     "showAs": self.lib.file.title.text(self.lang)})
        _e(refs, "TLCRole", {"eId": "author", "href": "/ontology/role/author",
                             "showAs": "author"})
        _e(refs, "TLCRole", {"eId": "translator", "href": "/ontology/role/translator",
                             "showAs": "translator"})
        for kind in KINDS.values():
            _e(refs, "TLCConcept", {"eId": kind, "href": f"/ontology/concept/{kind}",
                                    "showAs": t(f"akn_{kind}", self.lang)})
        if ed.document.in_force is not None:
            _e(refs, "TLCConcept", {"eId": "inForce", "href": "/ontology/concept/inForce",
                                    "showAs": ed.document.in_force.quote})
            if ed.document.in_force.end is not None:
                _e(refs, "TLCConcept", {"eId": "expiry", "href": "/ontology/concept/expiry",
                                        "showAs": ed.document.in_force.quote})

    def facts(self, meta: Any) -> None:
        """Every fact with its figures and verbatim quote (the handbook's own vocabulary):
        `ph:incentive`, `ph:target`, `ph:budget`, `ph:figure`, each naming the part of the
        text it is in (`href`) and its figures by field (`amount`, `max_amount`, `rate`,
        `value`, `threshold`…; a figure's `values`)."""
        prop = _e(meta, "proprietary", {"source": SOURCE})
        facts = etree.SubElement(prop, f"{{{PH}}}facts")
        for where, f in facts_of(self.ed):
            attrs: dict[str, str] = {"name": self.refs[id(f)], "href": f"#{where}"}
            if isinstance(f, Incentive):
                attrs |= {"id": f.id, "kind": f.kind.value, "currency": f.currency.value}
            elif isinstance(f, Target):
                attrs |= {"id": f.id, "unit": f.unit.zh, "comparison": f.comparison.value}
            elif isinstance(f, BudgetItem):
                attrs |= {"id": f.id, "currency": "CNY", "source": f.source.value,
                          "amount": str(f.amount)}
            else:
                attrs |= {"kind": f.kind.value,
                          "values": " ".join(format(normalize(v), "f") for v in f.values)}
            if not isinstance(f, (BudgetItem, Figure)):
                attrs |= {k: format(normalize(v), "f") for k, v in f.figures().items()}
            el = etree.SubElement(facts, f"{{{PH}}}{KINDS[type(f)]}", attrs)
            el.text = f.quote

    # --- preface -------------------------------------------------------------------------
    def meta_line(self, parent: Any, fields: list[MetadataField]) -> None:
        """The portal's fields on one line as published: `label: value` (the document's
        colon), separated by spaces."""
        colon = self.ed.document.style.colon
        p = _e(parent, "p")
        last: Any = None
        for k, f in enumerate(fields):
            sep = " " if k else ""
            if last is None:
                p.text = sep
            else:
                last.tail = (last.tail or "") + sep
            label = self.block(p, "inline", f.label, attrs={"name": "label"})
            label.tail = f"{colon} " if self.lang == "zh" else ": "
            value = f.value
            tag = {"document-number": "docNumber", "date-written": "docDate"}.get(f.key,
                                                                                  "inline")
            attrs: dict[str, str | None] = {"name": f.key} if tag == "inline" else {}
            if tag == "docDate":
                attrs["date"] = f.value if isinstance(f.value, str) else None
                if attrs["date"] is None or len(attrs["date"]) != 10:
                    tag, attrs = "inline", {"name": f.key}
            last = self.block(p, tag, value, attrs=attrs)

    def preface(self, preface: Any) -> None:
        doc, n = self.ed.document, self.ed.document.notice
        before = [f for f in doc.metadata if not f.after_title]
        after = [f for f in doc.metadata if f.after_title]
        if before:
            portal = _e(preface, "container", {"name": "portal"})
            for f in before:
                self.meta_line(portal, [f])
        notice = _e(preface, "container", {"name": "notice"}) if n is not None or after \
            else None
        if n is not None and notice is not None:
            if n.header is not None:
                self.block(_e(notice, "p", {"class": "header"}), "docAuthority", n.header)
            if n.number is not None and n.number_at == "above":
                self.block(_e(notice, "p", {"class": "number"}), "docNumber", n.number)
            self.block(_e(notice, "p", {"class": "title"}), "docTitle", n.title)
            if n.number is not None and n.number_at == "below":
                self.block(_e(notice, "p", {"class": "number"}), "docNumber", n.number)
        if after and notice is not None:
            self.meta_line(notice, after)
        if n is not None and notice is not None:
            if n.number is not None and n.number_at == "after":
                self.block(_e(notice, "p", {"class": "number"}), "docNumber", n.number)
            if n.addressees is not None:
                self.block(notice, "p", n.addressees, attrs={"class": "addressees"})
            self.block(notice, "p", n.body, attrs={"class": "body"})
            if n.attachment is not None:
                self.block(notice, "p", n.attachment, attrs={"class": "attachment"})
            sig = _e(notice, "p", {"class": "signature"})
            names = self.ed.issuer_names_stated
            self.block(sig, "docAuthority", n.signature,
                       organization_spans(self.ed, n.signature.zh, names))
            date = _e(notice, "p", {"class": "date"})
            self.block(date, "docDate", n.date, attrs={"date": self.ed.date or None})
            if self.ed.date is None:
                date[0].tag = f"{{{AKN}}}inline"
                date[0].set("name", "date")
            if n.disclosure is not None:
                self.block(notice, "p", n.disclosure, attrs={"class": "disclosure"})
        title = _e(preface, "longTitle")
        p = _e(title, "p")
        self.block(p, "docTitle", doc.title)
        if doc.subtitle is not None:
            self.block(p, "docStage", doc.subtitle)

    # --- body ----------------------------------------------------------------------------
    def article_id(self, c: Clause) -> str:
        """`chp_3__art_14`: the Akoma Ntoso eId of a clause (numbered in the document)."""
        return f"chp_{self.ed.chapter_of[c.number].number}__art_{c.number}"

    def chapter(self, body: Any, ch: Chapter) -> None:
        cid = f"chp_{ch.number}"
        el = _e(body, "chapter", {"eId": cid})
        full = chapter_heading(ch, self.ed.document.style.brackets)
        numeral = full.split("、", 1)[0] + "、"
        _e(el, "num", text=numeral if self.lang == "zh" else f"{ch.number}.")
        head = _e(el, "heading")
        if self.lang == "zh":
            rest = full[len(numeral):]
            found = lead(ch.lead.zh) if ch.lead is not None else None
            names = [*found.leads, *found.cooperating] if found else []
            _marked(head, rest, organization_spans(self.ed, rest, names, len(ch.title.zh)))
        else:
            words, pending = self.words(ch.title)
            head.text = words + (f" ({self.words(ch.lead)[0]})" if ch.lead else "")
            if pending:
                head.set(XML_LANG, HTML_LANG["zh"])
        facts = chapter_facts(ch)
        if not ch.clauses:  # a chapter of paragraphs only (保障措施)
            content = _e(el, "content")
            for k, para in enumerate(self.paragraphs(ch.intro), 1):
                self.paragraph(content, para, quantity_spans(para[0], facts, self.refs),
                               {"eId": f"{cid}__p_{k}"})
            for u in ch.unnumbered:
                self.unnumbered(content, u)
            if not len(content):
                _e(content, "p")
            return
        if ch.intro is not None:
            intro = _e(el, "intro")
            for k, para in enumerate(self.paragraphs(ch.intro), 1):
                self.paragraph(intro, para, quantity_spans(para[0], facts, self.refs),
                               {"eId": f"{cid}__intro__p_{k}"})
        for c in ch.clauses:
            self.article(el, c)
            for k, u in enumerate(ch.unnumbered, 1):
                if u.after == c.number:
                    box = _e(el, "hcontainer", {"name": "unnumbered",
                                                "eId": f"{cid}__hcontainer_{k}"})
                    self.unnumbered(_e(box, "content"), u)

    def unnumbered(self, parent: Any, u: UnnumberedParagraph) -> None:
        """A paragraph without a label between the clauses (以下政策由区民政局负责组织实施。)."""
        self.block(parent, "p", u.text,
                   quantity_spans(u.text.zh, unnumbered_facts(u), self.refs))

    def paragraphs(self, intro: Text | None) -> list[tuple[str, bool]]:
        """A chapter's intro paragraphs (separated by a blank line) in this language, each
        with whether it is the Chinese standing in for a pending translation."""
        if intro is None:
            return []
        words, pending = self.words(intro)
        return [(para, pending) for para in words.split("\n\n")]

    def paragraph(self, parent: Any, para: tuple[str, bool], spans: Iterable[Span],
                  attrs: dict[str, str | None] | None = None) -> None:
        el = _e(parent, "p", attrs)
        if self.lang == "zh":
            _marked(el, para[0], spans)
        else:
            el.text = para[0]
            if para[1]:
                el.set(XML_LANG, HTML_LANG["zh"])

    def article(self, parent: Any, c: Clause) -> None:
        """A clause: its label, its lead sentence (with its full stop) as the heading, the
        rest as its content, with its amounts and responsible units marked."""
        el = _e(parent, "article", {"eId": self.article_id(c)})
        _e(el, "num", text=c.prefix)
        full = c.full_zh
        spans = quantity_spans(full, clause_facts(c), self.refs)
        r = responsible(full)
        if r is not None:
            spans += organization_spans(self.ed, full, r.names, r.start)
        self.block(el, "heading", c.title, spans)
        content = _e(el, "content")
        if c.text is None:
            _e(content, "p")
            return
        p = _e(content, "p")
        if self.lang == "zh":
            _marked(p, c.text.zh, spans, offset=len(c.title.zh))
        else:
            words, pending = self.words(c.text)
            p.text = words
            if pending:
                p.set(XML_LANG, HTML_LANG["zh"])


def document_xml(library: Library, ed: Edition, lang: str) -> bytes:
    """The Akoma Ntoso XML of one language expression of `ed` (pure)."""
    return Writer(library, ed, lang).document()


def akn_files(library: Library, ed: Edition) -> dict[str, bytes]:
    """File name in data/<id>/akn/ -> its XML, for both expressions."""
    return {f"{ed.id}-{code}.xml": document_xml(library, ed, lang)
            for lang, code in LANGUAGES.items()}


def inputs(library: Library, ed: Edition) -> list[Any]:
    """What a document's XML is made of beyond its files: its identifiers, its issuer's and
    the library's names, its predecessor's identifiers and name."""
    ids: list[Identifiers] = [library.identifiers(ed)]
    prev = library.predecessor(ed)
    if prev is not None:
        ids.append(library.identifiers(prev))
    return [repr(ids), library.file.title.model_dump(),
            prev.name.model_dump() if prev else None]


def write(job: Job, stage: Path) -> None:
    """Each document's two files, made again only when its inputs or the generator changed."""
    for ed in job.library.documents:
        key = digest(job.version, "akn", job.library.sources[ed.id], inputs(job.library, ed))
        entry = job.cache.root / "akn" / key
        if not (entry / ".complete").is_file():
            write_files(entry, dict(akn_files(job.library, ed)))
            (entry / ".complete").write_text("", encoding="utf-8")
        folder = stage / "data" / ed.id / "akn"
        folder.mkdir(parents=True, exist_ok=True)
        for code in LANGUAGES.values():
            name = f"{ed.id}-{code}.xml"
            os.link(entry / name, folder / name)
