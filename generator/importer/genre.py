"""The genre's vocabulary: what each kind of line of a 《关于推动经济高质量发展的若干政策》 notice
looks like, in every house style seen (the grammar in `grammar.py` puts them in order).

    metadata    索引号: X 公开方式: Y        a portal's block or information bar (known labels)
    header      某县人民政府文件               the red header of a Word file
    number      某政发〔2025〕6号              the 文号 on its own line
    date        2025年3月18日 / 二〇二五年三月六日
    heading     一、title(lead)               lead: 由X牵头实施 | X牵头 | none
                                              | 牵头部门:X,配合部门:Y
    label       1. 1、 (一) (1) 一是            a clause's number as published
"""

from __future__ import annotations

import re

from generator.data.named import CLOSING, OPENING, lead
from generator.data.numbers import cjk_number, zh_numeral

CJK_NUMERAL = "一二三四五六七八九十"

# The portal's metadata labels, their keys and English (as the hand-made data writes them).
METADATA: dict[str, tuple[str, str]] = {
    "索引号": ("index-number", "Index number"), "信息索引号": ("index-number", "Index number"),
    "公开方式": ("disclosure", "Disclosure"), "公开范围": ("disclosure", "Disclosure"),
    "发布单位": ("issuer", "Issued by"), "发布机构": ("issuer", "Issued by"),
    "发文机关": ("issuer", "Issued by"), "发文单位": ("issuer", "Issued by"),
    "成文日期": ("date-written", "Date of writing"),
    "发文日期": ("date-written", "Date of writing"),
    "有效性": ("validity", "Validity"), "效力状态": ("validity", "Validity"),
    "规范性文件登记": ("registration-number", "Normative document registration"),
    "登记号": ("registration-number", "Normative document registration"),
    "统一编号": ("registration-number", "Normative document registration"),
    "文件编号": ("document-number", "Document number"), "文号": ("document-number",
                                                              "Document number"),
    "发文字号": ("document-number", "Document number"),
    "时间": ("published", "Published"), "发布时间": ("published", "Published"),
    "发布日期": ("published", "Published"), "生效日期": ("effective", "Effective from"),
    "来源": ("source", "Source"), "信息来源": ("source", "Source"),
    "浏览次数": ("views", "Page views"), "访问量": ("views", "Page views"),
    "主题分类": ("topic", "Topic"), "组配分类": ("category", "Category"),
    "体裁分类": ("genre", "Genre"), "公文种类": ("genre", "Genre"),
    "主题词": ("keywords", "Keywords"), "所属机构": ("organisation", "Organisation"),
}
_META = re.compile(r"(?:^|(?<=\s))([\u4e00-\u9fff]{2,8})([:：])")
HEADER = re.compile(r"^[\u4e00-\u9fff]{2,30}文件$")
NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号$")
_ZH_DIGIT = "〇○零一二三四五六七八九"
DATE = re.compile(rf"^(?:\d{{4}}年\d{{1,2}}月\d{{1,2}}日"
                  rf"|[{_ZH_DIGIT}]{{4}}年[{CJK_NUMERAL}]{{1,3}}月[{CJK_NUMERAL}]{{1,3}}日)$")
ATTACHMENT = re.compile(r"\.(pdf|docx?|wps|ofd|xlsx?)$", re.I)
DISCLOSURE = re.compile(r"^[(（]此件.{0,12}[)）]$")
SUBTITLE = re.compile(r"^[(（][^()（）]{0,20}[)）]$")
EDITION = re.compile(r"(\d{4})年版")
INLINE_EDITION = re.compile(r"^(.+?)([(（]\d{4}年版[)）])$")
NOTICE_END = re.compile(r"(通知|决定|意见)$")
_SENTENCE = re.compile(r"[。！？；;]")
HEADING = re.compile(rf"^([{CJK_NUMERAL}]+)、(.+)$")
CLAUSE_LABELS = (
    ("arabic", re.compile(r"^(\d{1,3})([.．、])(?!\d)")),
    ("paren", re.compile(rf"^([(（])([{CJK_NUMERAL}]+)([)）])")),
    ("arabic-paren", re.compile(r"^([(（])(\d{1,3})([)）])")),
    ("shi", re.compile(rf"^([{CJK_NUMERAL}]+)是(?=[\u4e00-\u9fff“《])")),
)
NUMBERING_NAMES = {"arabic": "`1.` numbers", "paren": "`(一)` numbers",
                   "arabic-paren": "`(1)` numbers", "shi": "`一是` numbers"}


def meta_fields(text: str) -> list[tuple[str, str, str]] | None:
    """`索引号: X 公开方式: Y` -> [(label, colon, value)], or None when the line is not one of a
    portal's metadata lines (every label is a known one: `各有关单位:` is not)."""
    matches = list(_META.finditer(text))
    if not matches or matches[0].start() != 0:
        return None
    out = []
    for m, nxt in zip(matches, [*matches[1:], None], strict=True):
        end = nxt.start() if nxt is not None else len(text)
        out.append((m.group(1), m.group(2), text[m.end():end].strip()))
    if not all(label in METADATA for label, _, _ in out):
        return None
    return out


def is_sentence(text: str) -> bool:
    return bool(_SENTENCE.search(text))


def heading_bracket(rest: str) -> tuple[str, str, str] | None:
    """`科技创新政策(由市科技局牵头实施)` -> (title, bracket opening, inner) when the line ends with
    a bracket that names who leads; None when it does not."""
    if not rest or rest[-1] not in CLOSING:
        return None
    depth = 0
    for i in range(len(rest) - 1, -1, -1):
        depth += rest[i] in CLOSING
        depth -= rest[i] in OPENING
        if depth == 0:
            inner = rest[i + 1:-1]
            if i > 0 and rest[i] in "(（" and lead(inner) is not None:
                return rest[:i], rest[i], inner
            return None
    return None


def is_heading(text: str) -> bool:
    """A chapter heading: `一、` and a title, with no sentence in it."""
    m = HEADING.match(text)
    if not m or len(text) > 90:
        return False
    rest = m.group(2)
    found = heading_bracket(rest)
    title = found[0] if found else rest
    return not is_sentence(title) and not title.endswith(("：", ":")) and len(title) <= 40


def clause_label(text: str) -> tuple[str, str, int] | None:
    """(style, label as published, its number) of a paragraph that starts with a clause label."""
    for style, pattern in CLAUSE_LABELS:
        m = pattern.match(text)
        if m is None:
            continue
        if style == "arabic":
            return style, m.group(0), int(m.group(1))
        if style == "paren" or style == "arabic-paren":
            n = cjk_number(m.group(2)) if style == "paren" else int(m.group(2))
            if n is not None and len(text) > len(m.group(0)) + 1:
                return style, m.group(0), n
            continue
        n = cjk_number(m.group(1))
        if n is not None:
            return style, m.group(0), n
    return None


def label_of(style: str, n: int, like: str) -> str:
    """The label `like` would have with number n (for messages): `(三)`, `3.`, `三是`."""
    if style == "arabic":
        return f"{n}{like[-1]}"
    if style == "paren":
        return f"{like[0]}{zh_numeral(n)}{like[-1]}"
    if style == "arabic-paren":
        return f"{like[0]}{n}{like[-1]}"
    return f"{zh_numeral(n)}是"
