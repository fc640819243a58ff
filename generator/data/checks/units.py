"""Responsible, lead and cooperating units and issuers: every id exists, and the units the
published text names in (责任单位:…), in a heading's lead (由…牵头实施, …牵头,
牵头部门:…,配合部门:…) and in the signature are the units the data lists, in the same order."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from generator.data.checks.common import Loc, dupes
from generator.data.load import YamlFile
from generator.data.model import Edition
from generator.data.named import lead, responsible_names
from generator.data.schema import Chapter, Clause
from generator.problems import Problem, did_you_mean

RESPONSIBLE_EN = "(Responsible units: "  # one unit: (Responsible unit: …)
_RESPONSIBLE_EN = re.compile(r"\(Responsible units?: ")


def units(ed: Edition) -> Iterable[Problem]:
    """Unit ids and names are unique; a unit no clause or chapter names is noted."""
    f = ed.files["units.yaml"]
    out: list[Problem] = []
    for dup in sorted(dupes(u.id for u in ed.units)):
        out.append(f.problem(("units",), f"unit id `{dup}` is defined twice; ids must be unique"))
    names = [n for u in ed.units for n in (u.name.zh, *u.aliases)]
    for dup in sorted(dupes(names)):
        out.append(f.problem(("units",), f"unit name or alias `{dup}` belongs to two units; a "
                             "name must resolve to one unit"))
    used = {uid for c in ed.clauses for uid in c.responsible_units}
    used |= {uid for ch in ed.chapters for uid in (*ch.lead_units, *ch.cooperating_units)}
    # a misspelt id is reported where it is written; the unit it means is not "unused"
    used |= {m for uid in set(used) - set(ed.unit_by_id) if (m := meant_unit(ed, uid))}
    for ui, u in enumerate(ed.units):
        if u.id not in used:
            out.append(f.problem(("units", ui, "id"), f"unit `{u.id}` is neither responsible for "
                                 "a clause nor leads a chapter; it is listed for the notice only",
                                 note=True))
    return out


def chapter_leads(ed: Edition) -> Iterable[Problem]:
    """Each chapter's lead units are the units of its 由…牵头实施."""
    for ch in ed.chapters:
        yield from _check_lead(ed, ed.chapter_files[ch.number], ch)


def responsible_units(ed: Edition) -> Iterable[Problem]:
    """Each clause's responsible units are those of its (责任单位:…) and (Responsible units: …)."""
    for ch in ed.chapters:
        f = ed.chapter_files[ch.number]
        for ci, c in enumerate(ch.clauses):
            yield from _check_responsible(ed, f, ("clauses", ci), c)


def meant_unit(ed: Edition, uid: str) -> str | None:
    """The unit id a misspelt one is closest to, if any is close."""
    return did_you_mean(uid, [u.id for u in ed.units])


def _unit_ids(ed: Edition, f: YamlFile, loc: Loc, ids: Sequence[str]) -> list[Problem]:
    out = []
    for i, uid in enumerate(ids):
        if uid in ed.unit_by_id:
            continue
        meant = meant_unit(ed, uid)
        if meant:
            name = ed.unit_by_id[meant].name.zh
            out.append(f.problem((*loc, i), f"unit id `{uid}` does not exist; did you mean "
                                 f"`{meant}` ({name})? Otherwise add the unit to units.yaml"))
        else:
            out.append(f.problem((*loc, i), f"unit id `{uid}` does not exist; use an id from "
                                 "units.yaml or add the unit there"))
    return out


def _named(ed: Edition, f: YamlFile, loc: Loc, names: list[str], ids: Sequence[str],
           where: str) -> list[Problem]:
    out: list[Problem] = []
    resolved: list[str] = []
    for name in names:
        unit = ed.find_unit(name)
        if unit is None:
            out.append(f.problem(loc, f"{where} names `{name}`, which is no unit's name or alias; "
                                 "add it to units.yaml"))
        else:
            resolved.append(unit.id)
    if not out and resolved != list(ids):
        out.append(f.problem(loc, f"{where} names units {resolved} but the data lists {list(ids)};"
                             " list the same units in the same order"))
    return out


def _check_responsible(ed: Edition, f: YamlFile, loc: Loc, c: Clause) -> list[Problem]:
    out = _unit_ids(ed, f, (*loc, "responsible_units"), c.responsible_units)
    names = responsible_names(c.full_zh)
    if names is None:
        if c.responsible_units:
            return [*out, f.problem((*loc, "responsible_units"), f"clause {c.number} names no "
                                    "units (its text has no (责任单位:…)); leave "
                                    "`responsible_units` out: the chapter's lead units are "
                                    "shown as leading it")]
        return out
    if not out:
        out += _named(ed, f, (*loc, "responsible_units"), names, c.responsible_units,
                      f"clause {c.number}'s 责任单位")
    if not out:
        out += _check_responsible_en(ed, f, loc, c)
    return out


def _check_responsible_en(ed: Edition, f: YamlFile, loc: Loc, c: Clause) -> list[Problem]:
    """The English ends with the English names of the responsible units, in the data's order,
    as the Chinese ends with their Chinese names."""
    en = c.text.current_en if c.text is not None else c.title.current_en
    names = [ed.unit_by_id[u].name.current_en for u in c.responsible_units]
    if en is None or None in names:
        return []  # a pending translation is a to-do of its own
    opening = RESPONSIBLE_EN if len(names) > 1 else "(Responsible unit: "
    want = f"{opening}{', '.join(n for n in names if n)})"
    if en.endswith(want):
        return []
    found = list(_RESPONSIBLE_EN.finditer(en))
    start = found[-1].start() if found else -1
    if start < 0:
        return [f.problem((*loc, "text", "en"), f"clause {c.number}: the en text must end with "
                          f"`{want}`, as the Chinese ends with (责任单位:…)")]
    has = en[start:]
    return [f.problem((*loc, "text", "en"), f"clause {c.number}: the en text ends `{has}`; "
                      f"for its responsible_units it must end `{want}` (the English names in "
                      "units.yaml, in the same order)")]


def _check_lead(ed: Edition, f: YamlFile, ch: Chapter) -> list[Problem]:
    out = _unit_ids(ed, f, ("lead_units",), ch.lead_units)
    out += _unit_ids(ed, f, ("cooperating_units",), ch.cooperating_units)
    if ch.lead is None:
        if ch.lead_units or ch.cooperating_units:
            out.append(f.problem(("lead_units",), f"chapter {ch.number}'s heading names no lead "
                                 "(no `lead`); leave `lead_units` and `cooperating_units` out"))
        return out
    found = lead(ch.lead.zh)
    if found is None:
        return [*out, f.problem(("lead", "zh"), "the lead must read as published: 由…牵头实施, "
                                "…牵头 or 牵头部门:…,配合部门:…")]
    if not out:
        out += _named(ed, f, ("lead_units",), list(found.leads), ch.lead_units,
                      f"chapter {ch.number}'s lead")
        out += _named(ed, f, ("cooperating_units",), list(found.cooperating),
                      ch.cooperating_units, f"chapter {ch.number}'s cooperating units")
    return out


def issuers(ed: Edition) -> Iterable[Problem]:
    """The issuers the signature (or the portal's 发布单位) names are units; when the text
    names none, the editor supplies them (`supplied.issuers`), and not otherwise."""
    f = ed.files["document.yaml"]
    stated = ed.issuer_names_stated
    for name in stated:
        if ed.find_unit(name) is None:
            yield f.problem(("notice", "signature", "zh") if ed.document.notice else
                            ("metadata",), f"the document is signed by `{name}`, which is no "
                            "unit's name or alias; add it to units.yaml")
    supplied = ed.document.supplied
    if supplied is None:
        if not stated:
            yield f.problem((), "the text names no issuer (no signature, no 发布单位); supply "
                            "it: `supplied: {issuers: [unit-id]}` (import --issuer NAME)")
        return
    yield from _unit_ids(ed, f, ("supplied", "issuers"), supplied.issuers)
    if stated and supplied.issuers:
        yield f.problem(("supplied", "issuers"), f"the text names its issuers "
                        f"({'、'.join(stated)}); remove `supplied.issuers`")
    if supplied.number is not None and not ed.number_supplied:
        stated_number = ed.number.zh if ed.number is not None else ""
        yield f.problem(("supplied", "number"), f"the text states its 文号 ({stated_number}); "
                        "remove `supplied.number`")
    if supplied.date is not None and not ed.date_supplied:
        yield f.problem(("supplied", "date"), f"the text states its date ({ed.date}); remove "
                        "`supplied.date`")


def contacts(ed: Edition) -> Iterable[Problem]:
    """A to-do for every responsible unit with no contact recorded: readers who find an
    incentive need to know where to apply (fails only `check --strict`)."""
    f = ed.files["units.yaml"]
    used = {uid for c in ed.clauses for uid in ed.responsible(c)[0]}
    for ui, u in enumerate(ed.units):
        if u.id in used and u.contact is None:
            yield f.problem(("units", ui, "id"), f"no contact recorded for `{u.name.zh}`: add "
                            "`contact:` (address, phone, website, service) as the unit "
                            "publishes it; never guess one", todo=True)
