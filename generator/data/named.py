"""How documents of this genre name units in their text, read the same way by `import` and by
`check`: the clause's closing `(责任单位:…)`, a chapter heading's lead (`由X牵头实施`, `X牵头`,
`牵头部门:X,配合部门:Y、Z`), the signature (one issuer a line, or several on one line), and a
name written with its other name in 〈〉 (`开发区经济发展局〈区经信局〉`: one unit, two names).

Names are split on 、 outside brackets; inside a 责任单位 bracket, the names stop at the first
comma or semicolon outside brackets, and what follows is a note (`…,以下工作均需各镇〈街道〉配合,
不再列出`), never a unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING, CLOSING = "(（〈<《[［【", ")）〉>》]］】"
# Both widths occur in published documents: (责任单位:…) and （责任单位：…）.
RESPONSIBLE_OPEN = re.compile(r"[(（](?:责任单位|责任部门|牵头单位|责任主体)[:：]")
_NOTE_START = ",，;；。"
_OTHER_NAME = re.compile(r"^(.+?)〈([^〈〉]+)〉$")


@dataclass(frozen=True)
class Responsible:
    """What a clause's closing bracket says: the units, in order, and any note after them."""

    names: tuple[str, ...]
    note: str | None
    start: int  # where the bracket opens in the clause text


def _split(inner: str, stop: str = "") -> tuple[list[str], str | None]:
    """Names separated by 、 at bracket depth 0, up to the first character of `stop`."""
    names, depth, current = [], 0, ""
    for i, ch in enumerate(inner):
        depth += ch in OPENING
        depth -= ch in CLOSING
        if depth == 0 and ch in stop:
            names.append(current)
            return [n.strip() for n in names], inner[i:]
        if ch == "、" and depth == 0:
            names.append(current)
            current = ""
        else:
            current += ch
    names.append(current)
    return [n.strip() for n in names], None


def _closes_at_end(text: str, start: int) -> bool:
    """The bracket opened at `start` is closed by the text's last character."""
    depth = 0
    for i in range(start, len(text)):
        depth += text[i] in OPENING
        depth -= text[i] in CLOSING
        if depth == 0:
            return i == len(text) - 1
    return False


def responsible(clause_zh: str) -> Responsible | None:
    """The clause's closing (责任单位:…), if the clause ends with one."""
    if not clause_zh or clause_zh[-1] not in CLOSING:
        return None
    for m in reversed(list(RESPONSIBLE_OPEN.finditer(clause_zh))):
        if _closes_at_end(clause_zh, m.start()):
            names, rest = _split(clause_zh[m.end():-1], _NOTE_START)
            note = rest.lstrip(_NOTE_START).strip() if rest else None
            return Responsible(tuple(names), note or None, m.start())
    return None


def responsible_names(clause_zh: str) -> list[str] | None:
    """Unit names in the clause's closing `(责任单位:…)`."""
    r = responsible(clause_zh)
    return list(r.names) if r is not None else None


@dataclass(frozen=True)
class Lead:
    """Who a chapter heading says leads it, and who cooperates."""

    leads: tuple[str, ...]
    cooperating: tuple[str, ...] = ()


_LEAD_FORMS = (
    re.compile(r"^牵头(?:部门|单位)[:：](?P<lead>.+?)(?:[,，;；]\s*(?:配合|协同|参与)(?:部门|单位)"
               r"[:：](?P<coop>.+))?$"),
    re.compile(r"^由?(?P<lead>.+?)牵头(?:实施|负责|落实)?(?:[,，;；](?P<coop>.+?)(?:配合|参与)(?:实施)?)?$"),
)


def lead(lead_zh: str) -> Lead | None:
    """The units of a heading's bracket: `由X、Y牵头实施`, `X牵头`, `牵头部门:X,配合部门:Y、Z`."""
    for form in _LEAD_FORMS:
        m = form.match(lead_zh.strip())
        if m:
            leads, _ = _split(m.group("lead"))
            coop = _split(m.group("coop"))[0] if m.group("coop") else []
            if all(leads) and all(coop):
                return Lead(tuple(leads), tuple(coop))
    return None


def lead_names(lead_zh: str) -> list[str] | None:
    """Lead unit names of a heading's bracket (see `lead`)."""
    found = lead(lead_zh)
    return list(found.leads) if found is not None else None


_ISSUER_END = re.compile(r"(人民政府|委员会|管委会|办公室|办公厅|办事处|政府|局|厅|委|中心"
                         r"|公司|集团|党委|县委|市委|区委|工委)$")


def signature_names(signature_zh: str) -> list[str]:
    """The issuers of a signature: one a line, or several on one line separated by spaces
    (某市人民政府　某高新技术产业开发区管理委员会)."""
    names: list[str] = []
    for line in signature_zh.split("\n"):
        names += [w for w in re.split(r"[\s\u3000]+", line.strip()) if w]
    return names


def looks_like_issuer(text: str) -> bool:
    """A line that can be a signature: one or more organisation names, no sentence."""
    words = signature_names(text)
    return bool(words) and len(text) <= 60 and all(
        _ISSUER_END.search(w) and not re.search(r"[。，,；;：:！？!?、《》“”]", w) for w in words)


def main_name(written: str) -> tuple[str, str | None]:
    """`开发区经济发展局〈区经信局〉` -> (`开发区经济发展局`, `区经信局`); other names as they
    are."""
    m = _OTHER_NAME.match(written)
    return (m.group(1), m.group(2)) if m else (written, None)
