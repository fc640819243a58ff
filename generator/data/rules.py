"""The calculators as data (rules.json): inputs, rules and messages, nothing coded.

Every number in a rule is read from its incentive (amount, cap, rate, threshold), so the
calculator computes with the very figures the clause page and the PDF print.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from generator.data.model import Edition
from generator.data.schema import BOUNDARY_PHRASES, Text

MAX_YUAN = 10**12  # inputs above a trillion yuan are refused as implausible


def _text(t: Text | None) -> dict[str, str] | None:
    return None if t is None else {"zh": t.zh, "en": t.text("en")}


def _bp(rate: Decimal | None) -> int | None:
    """A percentage in basis points (20% -> 2000), so both engines use integers only."""
    if rate is None:
        return None
    bp = rate * 100
    if bp != bp.to_integral_value():
        raise ValueError(f"rate {rate} has more than two decimals")
    return int(bp)


def _yuan(value: Decimal | int | None) -> int | None:
    if value is None:
        return None
    if Decimal(value) != Decimal(value).to_integral_value():
        raise ValueError(f"amount {value} is not whole yuan")
    return int(value)


def _unit(ed: Edition, unit_id: str) -> dict[str, Any]:
    return {"id": unit_id, "name": _text(ed.unit_by_id[unit_id].name),
            "page": f"units/{unit_id}/"}


def rules_data(ed: Edition) -> dict[str, Any]:
    calculators: dict[str, Any] = {}
    for calc in ed.calculators:
        rules = []
        for clause, inc, rule in ed.calculator_rules(calc.id):
            th = inc.threshold
            threshold = None
            if th is not None:
                threshold = {
                    "input": rule.threshold_input or rule.base,
                    "value": _yuan(th.value),
                    "boundary": th.boundary.value,
                    "phrase": BOUNDARY_PHRASES[th.boundary.value],
                    "inclusive": th.boundary.inclusive,
                    "direction": th.boundary.direction,
                    "of": _text(th.of),
                }
            unsettled = None
            if rule.unsettled is not None:
                unsettled = {"known": _text(rule.unsettled.known),
                             "unknown": _text(rule.unsettled.unknown),
                             "decided_by": _unit(ed, rule.unsettled.decided_by)}
            rules.append({
                "clause": clause.number,
                "incentive": inc.id,
                "what": _text(inc.what),
                "quote": inc.quote,
                "currency": inc.currency.value,
                "amount": _yuan(inc.amount),
                "max_amount": _yuan(inc.max_amount),
                "rate_bp": _bp(inc.rate),
                "rate_min_bp": _bp(inc.rate_min),
                "rate_max_bp": _bp(inc.rate_max),
                "base": rule.base,
                "base_label": _text(inc.base),
                "threshold": threshold,
                "when": rule.when,
                "one_off": inc.one_off,
                "unsettled": unsettled,
                "units": [_unit(ed, u) for u in clause.responsible_units],
                "anchor": f"clauses/{clause.number}/#incentive-{inc.id}",
            })
        calculators[calc.id] = {
            "id": calc.id,
            "title": _text(calc.title),
            "intro": _text(calc.intro),
            "combine": calc.combine.value,
            "inputs": [{
                "key": i.key, "kind": i.kind.value, "label": _text(i.label),
                "help": _text(i.help), "unit": _text(i.unit), "optional": i.optional,
                "default_from": i.default_from, "exclusive": i.exclusive,
                "options": [{"key": o.key, "label": _text(o.label), "help": _text(o.help)}
                            for o in i.options],
            } for i in calc.inputs],
            "unchecked": [_text(u) for u in calc.unchecked],
            "rules": rules,
        }
    return {"max_yuan": MAX_YUAN, "calculators": calculators, "finder": finder_data(ed)}


def finder_data(ed: Edition) -> list[dict[str, Any]]:
    """The benefit finder's situations, by audience and heading: what each sets and asks of
    its calculator, and the incentives it lists (computed ones come from the rules)."""
    return [{
        "audience": g.audience.value,
        "title": _text(g.title),
        "situations": [{
            "id": s.id, "label": _text(s.label), "help": _text(s.help),
            "calculator": s.calculator, "set": s.set, "ask": s.ask, "options": s.options,
            "listed": [{"clause": c.number, "incentive": i.id} for c, i in ed.listed_in(s.id)],
        } for s in g.situations],
    } for g in ed.finder]


def rules_json(ed: Edition) -> str:
    return json.dumps(rules_data(ed), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
