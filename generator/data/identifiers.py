"""Permanent identifiers of a document, its language expressions and its clauses: ELI-style
addresses on the site, and the Akoma Ntoso FRBR URIs of its XML. Pure: made from the data
(the issuer's id in library.yaml, the 文号, the 规范性文件登记号, the date, the language).

The URI template (paths under the site's address; README and the developers' page say the
same):

    eli/cn/{issuer}/{year}/{number}/                    the work (the document)
    eli/cn/{issuer}/{year}/{number}/{lang}/             an expression: zho (as published), eng
    eli/cn/{issuer}/{year}/{number}/{lang}/akn.xml      its Akoma Ntoso XML
    eli/cn/{issuer}/{year}/{number}/art_{n}/            a clause, by its number
    eli/cn/{issuer}/{year}/{number}/art_{n}/{lang}/     a clause in one language
    eli/cn/{issuer}/reg/{registration}/                 the work, by its 规范性文件登记号

- `cn`: every document the library holds is a Chinese normative document (规范性文件);
- `{issuer}`: the issuer's id in library.yaml (`xihu`);
- `{year}`: the year in the 文号 (〔2025〕), else of the document's date, else its edition;
- `{number}`: the 文号 with its issuing organ's abbreviation in pinyin and its serial
  number (西政发〔2025〕6号 -> `xizhengfa-6`); a document without a 文号: its id;
- `{lang}`: ISO 639-2, as Akoma Ntoso writes it (`zho`, `eng`);
- `{registration}`: the 规范性文件登记号, lower case (AXHD00-2025-0001 -> `axhd00-2025-0001`).

The work and its registration address land on the Chinese home of the document (the text as
published); each expression on the home in its language; a clause on its page. Akoma Ntoso
names the same work `/akn/cn-{issuer}/act/{date}/{number}`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from generator.data.model import Edition

# The template, as the developers' page shows it (one line per kind of identifier, with the
# key of its explanation in render/i18n.py).
URI_TEMPLATE = (
    ("eli/cn/{issuer}/{year}/{number}/", "uri_work"),
    ("eli/cn/{issuer}/{year}/{number}/{lang}/", "uri_expression"),
    ("eli/cn/{issuer}/{year}/{number}/{lang}/akn.xml", "uri_manifestation"),
    ("eli/cn/{issuer}/{year}/{number}/art_{n}/", "uri_clause"),
    ("eli/cn/{issuer}/{year}/{number}/art_{n}/{lang}/", "uri_clause_expression"),
    ("eli/cn/{issuer}/reg/{registration}/", "uri_registration"),
)
COUNTRY = "cn"  # the jurisdiction part of every identifier: see the module's docstring
LANGUAGES = {"zh": "zho", "en": "eng"}  # site language -> ISO 639-2 (Akoma Ntoso, ELI)
AKN_FILE = "data/{id}/akn/{id}-{code}.xml"  # where the Akoma Ntoso files are published
_NUMBER = re.compile(r"^(?P<organ>.+?)\s*[〔\[［(（【]\s*(?P<year>\d{4})\s*[〕\]］)）】]\s*"
                     r"第?\s*(?P<serial>\d+)\s*号$")


Pinyin = Mapping[str, tuple[str, ...]]  # text -> pinyin_words(text), known already


def pinyin_words(text: str) -> tuple[str, ...]:
    """Chinese in pinyin words of lower-case ASCII letters and digits: 建政函 -> jian, zheng,
    han."""
    from pypinyin import lazy_pinyin  # 0.25 s to import: only for a text not known already

    words = (re.sub(r"[^a-z0-9]", "", w.lower()) for w in lazy_pinyin(text))
    return tuple(w for w in words if w)


def pinyin_slug(text: str, sep: str = "-", known: Pinyin | None = None) -> str:
    """Chinese in pinyin, lower-case ASCII letters and digits: 建政函 -> jianzhenghan.
    `known`: the words of texts already turned into pinyin (Library.pinyin)."""
    words = known.get(text) if known is not None else None
    return sep.join(words if words is not None else pinyin_words(text))


def pinyin_texts(ed: Edition) -> set[str]:
    """The texts an edition's identifiers, and its amendments' addresses, are made of in
    pinyin: the organ of each 文号, or a 文号 of another form whole."""
    out = set()
    for number in (ed.number.zh if ed.number is not None else None,
                   *(a.document_number.zh for a in ed.amendments)):
        if number:
            m = _NUMBER.match(number.strip())
            out.add(m["organ"] if m is not None else number)
    return out


def is_number(text: str) -> bool:
    """Whether `text` is a 文号 of the usual form (see number_parts)."""
    return _NUMBER.match(text.strip()) is not None


def registration_number(ed: Edition) -> str | None:
    """The 规范性文件登记号 as the portal's block gives it (`registration-number`)."""
    for f in ed.document.metadata:
        if f.key == "registration-number" and isinstance(f.value, str) and f.value.strip():
            return f.value.strip()
    return None


def number_parts(number: str, known: Pinyin | None = None) -> tuple[str, str] | None:
    """(slug, year) of a 文号: 西政发〔2025〕6号 -> (xizhengfa-6, 2025)."""
    m = _NUMBER.match(number.strip())
    if m is None:
        return None
    organ = pinyin_slug(m["organ"], sep="", known=known)
    return (f"{organ}-{int(m['serial'])}" if organ else str(int(m["serial"])), m["year"])


@dataclass(frozen=True)
class Identifiers:
    """One document's identifiers. ELI addresses are paths under the site's address, ending
    in `/` (folders that land on a page) or a file name; Akoma Ntoso URIs are FRBR URIs."""

    document: str  # the document's id (its pages are /<lang>/<document>/)
    work: str  # eli/cn/xihu/2025/xizhengfa-6/
    registration: str | None  # eli/cn/xihu/reg/axhd00-2025-0001/
    akn_work: str  # /akn/cn-xihu/act/2025-03-18/xizhengfa-6
    version: str  # the date of the text's version (its last amendment, else its date)
    clauses: tuple[int, ...]  # the clause numbers

    def expression(self, lang: str) -> str:
        return f"{self.work}{LANGUAGES[lang]}/"

    def manifestation(self, lang: str) -> str:
        """The address of the expression's Akoma Ntoso XML."""
        return f"{self.expression(lang)}akn.xml"

    def clause(self, number: int, lang: str | None = None) -> str:
        return f"{self.work}art_{number}/" + (f"{LANGUAGES[lang]}/" if lang else "")

    def akn_expression(self, lang: str) -> str:
        return f"{self.akn_work}/{LANGUAGES[lang]}@{self.version}"

    def akn_file(self, lang: str) -> str:
        """Where the expression's XML is published, from the site's root."""
        return AKN_FILE.format(id=self.document, code=LANGUAGES[lang])

    def addresses(self) -> dict[str, str]:
        """Every ELI address -> what it lands on (a page folder or a file, from the site's
        root): what the site publishes (outputs/eli.py) and what the data lists."""
        doc = self.document
        out = {self.work: f"zh/{doc}/"}
        if self.registration:
            out[self.registration] = f"zh/{doc}/"
        for lang in LANGUAGES:
            out[self.expression(lang)] = f"{lang}/{doc}/"
            out[self.manifestation(lang)] = self.akn_file(lang)
        for n in self.clauses:
            out[self.clause(n)] = f"zh/{doc}/clauses/{n}/"
            for lang in LANGUAGES:
                out[self.clause(n, lang)] = f"{lang}/{doc}/clauses/{n}/"
        return out

    def data(self) -> dict[str, object]:
        """As policy.json and library.json list them."""
        return {
            "work": self.work, "registration": self.registration,
            "expressions": {lang: self.expression(lang) for lang in LANGUAGES},
            "akn": {"work": self.akn_work,
                    "expressions": {lang: self.akn_expression(lang) for lang in LANGUAGES},
                    "files": {lang: self.akn_file(lang) for lang in LANGUAGES}},
            "manifestations": {lang: self.manifestation(lang) for lang in LANGUAGES},
            "clauses": {str(n): {"work": self.clause(n),
                                 **{lang: self.clause(n, lang) for lang in LANGUAGES}}
                        for n in self.clauses},
        }


def identifiers(ed: Edition, issuer: str, known: Pinyin | None = None) -> Identifiers:
    """The identifiers of `ed`, issued by the library's issuer `issuer` (its id). `known`:
    the pinyin of the texts they are made of (pinyin_texts), where known already."""
    number = ed.number.zh if ed.number is not None else None
    parts = number_parts(number, known) if number else None
    date = ed.date
    year = parts[1] if parts else (date[:4] if date else ed.document.edition)
    natural = parts[0] if parts else (number and pinyin_slug(number, known=known)) or ed.id
    reg = registration_number(ed)
    reg_slug = re.sub(r"[^a-z0-9]+", "-", reg.lower()).strip("-") if reg else ""
    amended = sorted(a.date for a in ed.amendments)
    return Identifiers(
        document=ed.id,
        work=f"eli/{COUNTRY}/{issuer}/{year}/{natural}/",
        registration=f"eli/{COUNTRY}/{issuer}/reg/{reg_slug}/" if reg_slug else None,
        akn_work=f"/akn/{COUNTRY}-{issuer}/act/{date or year}/{natural}",
        version=amended[-1] if amended else (date or year),
        clauses=tuple(c.number for c in ed.clauses))
