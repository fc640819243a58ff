"""The benefit finder's page context, for one document (`/<lang>/<id>/finder/`) or for every
current document of the library (`/<lang>/benefits/`): the questions, by audience and heading,
with each situation's inline inputs, and the JSON the page's script reads (the exported
rules, the situations, and what a listed incentive says in this language). Pure.

A situation with the same id in several documents is one question; its answers go to every
document that has it, and the results are grouped by document.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from generator.data.library import Status
from generator.data.model import Edition
from generator.data.rules import MAX_YUAN, rules_data
from generator.data.schema import Calculator, Period, Situation, Text
from generator.render import filters
from generator.render.forms import Field, field_of
from generator.render.i18n import CALC_MESSAGES


@dataclass
class Question:
    id: str
    label: str
    help: str
    fields: list[Field]
    documents: list[str]  # ids of the documents that have it


@dataclass
class Heading:
    title: str
    questions: list[Question] = field(default_factory=list)


def fields_of(s: Situation, calc: Calculator | None, lang: str) -> list[Field]:
    """The inputs a situation asks for inline, named `<situation>.<input>`."""
    if calc is None:
        return []
    inputs = {i.key: i for i in calc.inputs}
    return [field_of(inputs[key], lang, name=f"{s.id}.{key}", offered=s.options.get(key),
                     optional=inputs[key].default_from is not None) for key in s.ask]


def incentive_view(ed: Edition, number: int, incentive_id: str, lang: str) -> dict[str, Any]:
    """What the finder shows for an incentive it lists: what, the terms, the units."""
    c = ed.clause(number)
    inc = next(i for i in c.incentives if i.id == incentive_id)
    return {"what": filters.tr(inc.what, lang), "terms": filters.incentive_terms(inc, lang),
            "stated": inc.states_amount, "units": ed.responsible(c)[0],
            "anchor": f"clauses/{number}/#incentive-{inc.id}"}


def status_data(status: Status, period: Period | None, successor: tuple[str, Text] | None,
                lang: str, root: str) -> dict[str, Any] | None:
    """What a result under a document not in force says first: that it is not in force (and
    until when it was), and where the new edition is. None for a document in force."""
    if status is Status.IN_FORCE:
        return None
    values = {"end": period.end if period and period.end else "",
              "start": period.start if period else ""}
    key = status.value
    return {"state": key,
            "message": CALC_MESSAGES[f"result_{key}"][lang].format(**values),
            "verdict": CALC_MESSAGES[f"verdict_{key}"][lang].format(**values),
            "successor": ({"href": f"{root}../{successor[0]}/",
                           "text": CALC_MESSAGES["result_successor"][lang].format(
                               title=filters.tr(successor[1], lang))} if successor else None)}


def document_data(ed: Edition, lang: str, root: str,
                  status: dict[str, Any] | None = None) -> dict[str, Any]:
    """One document's part of the page's JSON; `root` leads from the page to the document;
    `status` is what its results say first when it is not in force (`status_data`)."""
    rules = rules_data(ed)
    used = {s.calculator for _, s in ed.situations if s.calculator}
    listed = {(c.number, i.id) for _, s in ed.situations for c, i in ed.listed_in(s.id)}
    units = {u.id: {"name": filters.tr(u.name, lang)} for u in ed.units}
    return {
        "id": ed.id, "root": root,
        "title": filters.tr(ed.name, lang),
        "rules": {"max_yuan": rules["max_yuan"], "finder": rules["finder"],
                  "calculators": {k: v for k, v in rules["calculators"].items() if k in used}},
        "incentives": {f"{n}/{i}": incentive_view(ed, n, i, lang) for n, i in sorted(listed)},
        "units": units, "status": status,
    }


def finder_context(docs: list[tuple[Edition, str]], lang: str,
                   statuses: dict[str, dict[str, Any] | None] | None = None,
                   library: bool = False) -> dict[str, Any]:
    """Questions merged by situation id across `docs` ((edition, root) pairs), and the blob;
    `statuses` by document id (see `status_data`). The `library`'s finder names the document
    of its results even when it uses one: the reader did not choose it."""
    statuses = statuses or {}
    audiences: dict[str, list[Heading]] = {"enterprise": [], "resident": []}
    questions: dict[str, Question] = {}
    for ed, _ in docs:
        calcs = {k.id: k for k in ed.calculators}
        for g, s in ed.situations:
            if s.id in questions:
                q = questions[s.id]
                q.documents.append(ed.id)
                known = {f.key for f in q.fields}
                q.fields += [f for f in fields_of(s, calcs.get(s.calculator or ""), lang)
                             if f.key not in known]
                continue
            title = filters.tr(g.title, lang)
            headings = audiences.setdefault(g.audience.value, [])
            heading = next((h for h in headings if h.title == title), None)
            if heading is None:
                heading = Heading(title)
                headings.append(heading)
            q = Question(id=s.id, label=filters.tr(s.label, lang),
                         help=filters.tr(s.help, lang) if s.help else "",
                         fields=fields_of(s, calcs.get(s.calculator or ""), lang),
                         documents=[ed.id])
            questions[s.id] = q
            heading.questions.append(q)
    blob = {"lang": lang, "max_yuan": MAX_YUAN, "grouped": library or len(docs) > 1,
            "messages": {k: v[lang] for k, v in CALC_MESSAGES.items()},
            "documents": [document_data(ed, lang, root, statuses.get(ed.id))
                          for ed, root in docs]}
    return {"audiences": [(a, audiences[a]) for a in ("enterprise", "resident")
                          if audiences.get(a)],
            "blob": json.dumps(filters.for_reader(blob, lang), ensure_ascii=False,
                               sort_keys=True),
            "many": len(docs) > 1,
            "unreached": [(ed, c, i) for ed, _ in docs for c, i in ed.unreached()]}
