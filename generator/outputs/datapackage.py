"""The Frictionless data package of a document's CSV tables (data/<id>/datapackage.json):
each table's fields with their types, the unit of each amount, the keys, and the clause as
the foreign key that ties the incentives and targets to the clauses table. Pure.

Table Schema has no property for a unit of measure: a field that holds an amount says its
unit in `unit` (ISO 4217 currency codes, `percent`) or, when the unit changes by row, names
the field that gives it in `unitField`; the `description` says the same in words."""

from __future__ import annotations

import json
from typing import Any

from generator.data.model import Edition
from generator.data.schema import BudgetSource, Comparison, Currency, IncentiveKind

LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}


def _f(name: str, kind: str, description: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "description": description, **extra}


def _text(name: str, what: str, lang: str) -> dict[str, Any]:
    words = "Chinese, as published" if lang == "zh" else "English (empty while pending)"
    return _f(name, "string", f"{what}, in {words}")


CLAUSE = _f("clause", "integer", "Clause number in the whole document (the key of every "
            "table)", constraints={"required": True, "minimum": 1})


def _clause_ref() -> dict[str, Any]:
    return {"fields": ["clause"], "reference": {"resource": "clauses", "fields": ["clause"]}}


def clauses_schema() -> dict[str, Any]:
    return {"fields": [
        {**CLAUSE, "constraints": {"required": True, "unique": True, "minimum": 1}},
        _f("chapter", "integer", "Chapter number", constraints={"required": True}),
        _text("title_zh", "The clause's lead sentence", "zh"),
        _text("title_en", "The clause's lead sentence", "en"),
        _text("text_zh", "The rest of the clause", "zh"),
        _text("text_en", "The rest of the clause", "en"),
        _f("unit_ids", "string", "Ids of the responsible units, separated by spaces"),
        _text("units_zh", "The responsible units' names", "zh"),
        _text("units_en", "The responsible units' names", "en"),
        _f("units_from", "string", "`clause`: the clause names its units; `chapter`: it names "
           "none and the chapter's lead units are given", constraints={
               "required": True, "enum": ["clause", "chapter"]}),
        _f("incentives", "integer", "Number of incentives the clause states"),
        _f("targets", "integer", "Number of targets the clause states"),
    ], "primaryKey": ["clause"]}


def incentives_schema() -> dict[str, Any]:
    money = "in the row's currency (field `currency`), 万/亿 converted"
    return {"fields": [
        CLAUSE,
        _f("id", "string", "The incentive's id, unique within its clause (its anchor on the "
           "clause's page)", constraints={"required": True}),
        _f("kind", "string", "What it is", constraints={
            "required": True, "enum": [k.value for k in IncentiveKind]}),
        _text("what_zh", "What it is for", "zh"), _text("what_en", "What it is for", "en"),
        _text("who_zh", "Who gets it", "zh"), _text("who_en", "Who gets it", "en"),
        _f("currency", "string", "ISO 4217 code of the amounts", constraints={
            "required": True, "enum": [c.value for c in Currency]}),
        _f("amount", "integer", f"Fixed amount, {money}", unitField="currency"),
        _f("max_amount", "integer", f"Ceiling or cap, {money}", unitField="currency"),
        _f("rate_percent", "number", "Rate, in percent of what it applies to", unit="percent"),
        _f("rate_min_percent", "number", "Lower end of a range of rates, in percent",
           unit="percent"),
        _f("rate_max_percent", "number", "Upper end of a range of rates, in percent",
           unit="percent"),
        _f("threshold", "number", "The quantity a condition compares with, 万/亿 converted "
           "(its unit: see the quote)"),
        _f("threshold_boundary", "string", "The boundary word of the condition, as written "
           "(以上 includes the number, 超过 does not)"),
        _f("summary_en", "string", "The terms in English"),
        _f("quote_zh", "string", "The verbatim words of the clause the figures come from",
           constraints={"required": True}),
        _f("pool", "integer", f"A sum set aside for all recipients together, {money}",
           unitField="currency"),
    ], "primaryKey": ["clause", "id"], "foreignKeys": [_clause_ref()]}


def targets_schema() -> dict[str, Any]:
    return {"fields": [
        _f("clause", "integer", "Clause number; empty for a target of a chapter's intro"),
        _f("chapter", "integer", "Chapter number", constraints={"required": True}),
        _f("id", "string", "The target's id", constraints={"required": True}),
        _text("indicator_zh", "What is measured", "zh"),
        _text("indicator_en", "What is measured", "en"),
        _f("value", "number", "The number, 万/亿 converted, in the row's unit (field "
           "`unit_zh`)", unitField="unit_zh", constraints={"required": True}),
        _f("value_max", "number", "Upper end of a range, in the row's unit",
           unitField="unit_zh"),
        _text("unit_zh", "The unit of the value", "zh"),
        _text("unit_en", "The unit of the value", "en"),
        _f("comparison", "string", "How the value is stated", constraints={
            "required": True, "enum": [c.value for c in Comparison]}),
        _f("boundary", "string", "The boundary word, as written"),
        _f("summary_en", "string", "The value in English"),
        _f("quote_zh", "string", "The verbatim words it comes from",
           constraints={"required": True}),
    ], "foreignKeys": [_clause_ref()]}


def budget_schema() -> dict[str, Any]:
    return {"fields": [
        _f("chapter", "integer", "Chapter number; empty for the document's closing total"),
        _f("id", "string", "The figure's id, unique in the document",
           constraints={"required": True, "unique": True}),
        _text("label_zh", "What the money is for", "zh"),
        _text("label_en", "What the money is for", "en"),
        _f("amount_cny", "integer", "Amount in yuan, 万/亿 converted", unit="CNY",
           constraints={"required": True, "minimum": 0}),
        _f("source", "string", "`city`: the issuer's own level; `higher`: sought from higher "
           "levels; `total`: both", constraints={
               "required": True, "enum": [s.value for s in BudgetSource]}),
        _f("parts", "string", "Ids of the figures that add up to this one, separated by "
           "spaces"),
        _f("within", "string", "Id of the figure this one is included in"),
        _f("overlaps", "string", "Id of a figure elsewhere that is the same money"),
        _f("quote_zh", "string", "The verbatim words it comes from",
           constraints={"required": True}),
    ], "primaryKey": ["id"]}


TABLES = {"clauses": clauses_schema, "incentives": incentives_schema,
          "targets": targets_schema, "budget": budget_schema}


def datapackage(ed: Edition, issuer: str) -> dict[str, Any]:
    """The data package descriptor of the document's four CSV tables (beside it)."""
    name = ed.name
    return {
        "name": ed.id,
        "title": name.zh,
        "description": (name.current_en or name.zh) + ": the document's clauses, incentives, "
        "targets and budget figures, generated from the handbook's structured data.",
        "version": ed.document.edition,
        "keywords": [issuer, ed.document.series],
        "licenses": [LICENCE],
        "sources": [{"title": ed.number.zh if ed.number else name.zh,
                     **({"path": ed.document.source_url} if ed.document.source_url else {})}],
        "resources": [{
            "name": table, "path": f"{table}.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
            "schema": schema(),
        } for table, schema in TABLES.items()],
    }


def datapackage_json(ed: Edition, issuer: str) -> str:
    return json.dumps(datapackage(ed, issuer), ensure_ascii=False, indent=1,
                      sort_keys=True) + "\n"
