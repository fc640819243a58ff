"""The open-data output: for each document, the whole model as JSON, flat CSV tables (UTF-8
with BOM for Excel) and their Frictionless data package, the calculators' rules, and one JSON
file per clause (the clause by its number, without search) in data/<id>/; for the library,
data/library.json (every document, its series, issuer, status, identifiers and where its
files are). Every JSON file is described by data/openapi.json (outputs/api.py)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

from generator.data.identifiers import Identifiers
from generator.data.model import Edition
from generator.data.rules import rules_json
from generator.data.schema import Text
from generator.fingerprint import digest
from generator.outputs.datapackage import datapackage_json
from generator.outputs.job import Job, write_files
from generator.render.filters import incentive_terms, target_value
from generator.settings import LANGS


def policy_json(ed: Edition, ids: Identifiers) -> str:
    data: dict[str, Any] = {
        "document": ed.document.model_dump(mode="json"),
        "chapters": [ch.model_dump(mode="json") for ch in ed.chapters],
        "units": [u.model_dump(mode="json") for u in ed.units],
        "glossary": [g.model_dump(mode="json") for g in ed.glossary],
        "amendments": [a.model_dump(mode="json") for a in ed.amendments],
        "identifiers": ids.data(),
    }
    return _json(data)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def clause_json(ed: Edition, ids: Identifiers, number: int) -> str:
    """One clause, by its number: its text and facts, its chapter, its responsible units
    (or its chapter's leads, `units_from: chapter`), its identifiers and pages, and its
    neighbours' numbers."""
    clauses = ed.clauses
    at = next(i for i, c in enumerate(clauses) if c.number == number)
    c, ch = clauses[at], ed.chapter_of[number]
    units, derived = ed.responsible(c)
    return _json({
        "document": ed.id, "number": number,
        "chapter": {"number": ch.number, "title": ch.title.model_dump(mode="json")},
        "clause": c.model_dump(mode="json"),
        "responsible_units": [{"id": u, "name": ed.unit_by_id[u].name.model_dump(mode="json")}
                              for u in units],
        "units_from": "chapter" if derived else "clause",
        "identifiers": ids.data()["clauses"][str(number)],  # type: ignore[index]
        "pages": {lang: f"{lang}/{ed.id}/clauses/{number}/" for lang in LANGS},
        "previous": clauses[at - 1].number if at else None,
        "next": clauses[at + 1].number if at + 1 < len(clauses) else None,
    })


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _en(text: Text) -> str:
    """The English of a text; empty while its translation is pending."""
    return text.current_en or ""


def _units(ed: Edition, ids: list[str], lang: str) -> str:
    sep = "、" if lang == "zh" else "; "
    return sep.join(ed.unit_by_id[u].name.text(lang) for u in ids)


def clauses_csv(ed: Edition) -> bytes:
    """One row per clause. A clause that names no responsible unit lists its chapter's lead
    units, and `units_from` says so (`chapter` instead of `clause`)."""
    rows = []
    for c in ed.clauses:
        units, derived = ed.responsible(c)
        rows.append([c.number, ed.chapter_of[c.number].number, c.title.zh, _en(c.title),
                     c.text.zh if c.text else "", _en(c.text) if c.text else "",
                     " ".join(units), _units(ed, units, "zh"), _units(ed, units, "en"),
                     "chapter" if derived else "clause", len(c.incentives), len(c.targets)])
    return _csv(["clause", "chapter", "title_zh", "title_en", "text_zh", "text_en", "unit_ids",
                 "units_zh", "units_en", "units_from", "incentives", "targets"], rows)


def incentives_csv(ed: Edition) -> bytes:
    rows = []
    for c, i in ed.incentives():
        th = i.threshold
        rows.append([c.number, i.id, i.kind.value, i.what.zh, _en(i.what), i.who.zh, _en(i.who),
                     i.currency.value, i.amount, i.max_amount, i.rate, i.rate_min, i.rate_max,
                     th.value if th else None, th.boundary.value if th else None,
                     "; ".join(incentive_terms(i, "en")), i.quote, i.pool])
    return _csv(["clause", "id", "kind", "what_zh", "what_en", "who_zh", "who_en", "currency",
                 "amount", "max_amount", "rate_percent", "rate_min_percent", "rate_max_percent",
                 "threshold", "threshold_boundary", "summary_en", "quote_zh", "pool"], rows)


def targets_csv(ed: Edition) -> bytes:
    rows = [[c.number if c else None, ch.number, tg.id, tg.indicator.zh, _en(tg.indicator),
             tg.value, tg.value_max, tg.unit.zh, _en(tg.unit), tg.comparison.value,
             tg.boundary.value if tg.boundary else None, target_value(tg, "en"), tg.quote]
            for c, ch, tg in ed.targets()]
    return _csv(["clause", "chapter", "id", "indicator_zh", "indicator_en", "value", "value_max",
                 "unit_zh", "unit_en", "comparison", "boundary", "summary_en", "quote_zh"], rows)


def budget_csv(ed: Edition) -> bytes:
    rows = [[ch.number if ch else None, b.id, b.label.zh, _en(b.label), b.amount, b.source.value,
             " ".join(b.parts), b.within, b.overlaps, b.quote]
            for ch, b in ed.budget_items.values()]
    return _csv(["chapter", "id", "label_zh", "label_en", "amount_cny", "source", "parts",
                 "within", "overlaps", "quote_zh"], rows)


def data_files(ed: Edition, ids: Identifiers, issuer: str) -> dict[str, bytes]:
    files = {
        "policy.json": policy_json(ed, ids).encode("utf-8"),
        "clauses.csv": clauses_csv(ed),
        "incentives.csv": incentives_csv(ed),
        "targets.csv": targets_csv(ed),
        "budget.csv": budget_csv(ed),
        "datapackage.json": datapackage_json(ed, issuer).encode("utf-8"),
        "rules.json": rules_json(ed).encode("utf-8"),
    }
    files |= {f"clauses/{c.number}.json": clause_json(ed, ids, c.number).encode("utf-8")
              for c in ed.clauses}
    return files


def library_json(job: Job) -> str:
    lib = job.library
    docs = []
    for d in lib.documents:
        succ, prev = lib.successor(d), lib.predecessor(d)
        ids = lib.identifiers(d)
        docs.append({
            "id": d.id, "series": d.document.series, "issuer": lib.issuer_of(d).id,
            "edition": d.document.edition,
            "title": d.document.title.model_dump(),
            "subtitle": d.document.subtitle.model_dump() if d.document.subtitle else None,
            "issuers": [u.id for u in d.issuers],
            "number": d.number.model_dump() if d.number else None, "date": d.date,
            "metadata": {f.key: (f.value if isinstance(f.value, str) else f.value.model_dump())
                         for f in d.document.metadata},
            "in_force": d.document.in_force.model_dump() if d.document.in_force else None,
            "status": lib.status(d).value, "status_date": lib.today,
            "supersedes": prev.id if prev else None, "superseded_by": succ.id if succ else None,
            "pages": {lang: f"{lang}/{d.id}/" for lang in LANGS},
            "data": {name: f"data/{d.id}/{name}" for name in data_names()},
            "clause": f"data/{d.id}/clauses/{{number}}.json",
            "akn": {lang: ids.akn_file(lang) for lang in LANGS},
            "identifiers": {k: v for k, v in ids.data().items() if k != "clauses"},
            "pdf": {lang: f"pdf/{d.id}-{lang}.pdf" for lang in LANGS},
        })
    body = {"title": lib.file.title.model_dump(),
            "issuers": [i.model_dump() for i in lib.file.issuers],
            "series": [s.model_dump() for s in lib.file.series], "documents": docs}
    return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def data_names() -> list[str]:
    """The files of every document (besides its clauses' files and its Akoma Ntoso)."""
    return ["policy.json", "clauses.csv", "incentives.csv", "targets.csv", "budget.csv",
            "datapackage.json", "rules.json"]


def write(job: Job, stage: Path) -> None:
    """Each document's files, made again only when its files, its identifiers (its issuer's
    id) or the generator changed."""
    for ed in job.library.documents:
        issuer = job.library.issuer_of(ed).id
        ids = job.library.identifiers(ed)
        entry = job.cache.root / "data" / digest(job.version, job.library.sources[ed.id],
                                                 repr(ids))
        if not (entry / ".complete").is_file():
            write_files(entry, dict(data_files(ed, ids, issuer)))
            (entry / ".complete").write_text("", encoding="utf-8")
        folder = stage / "data" / ed.id
        (folder / "clauses").mkdir(parents=True, exist_ok=True)
        for name in [*data_names(), *(f"clauses/{n}.json" for n in ids.clauses)]:
            os.link(entry / name, folder / name)
    write_files(stage / "data", {"library.json": library_json(job)})
