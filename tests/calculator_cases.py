"""The calculator case list, tests/calculator_cases.yaml, read with the line of every case.

An expected amount is either a number or what the clause says, named in the data:
`max: {fact: 14/new-energy-vehicle/max_amount}` is "the cap of clause 14's new-energy-vehicle
incentive", so a correct data change does not break the case. When a number in a case no
longer matches what the engine computes from the data, `stale` says, in an editor's words,
which line of the case list to change and which fact it should follow.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from generator.data.model import Edition
from tests.conftest import ROOT

FILE = ROOT / "tests" / "calculator_cases.yaml"
AMOUNTS = ("min", "max")


def load(path: Path = FILE, part: str = "cases") -> list[tuple[dict[str, Any], int]]:
    """(case, line) for every case, in file order; references are not resolved yet.
    `part` is `cases` (calculators) or `finder` (the benefit finder)."""
    data = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    return [(_plain(case), case.lc.line + 1) for case in data[part]]


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def display(line: int) -> str:
    return f"{FILE.relative_to(ROOT)}:{line}"


def fact_value(edition: Edition, ref: str) -> int:
    """`14/new-energy-vehicle/max_amount` -> that incentive's max_amount, in yuan."""
    try:
        number, incentive, field = ref.split("/")
        inc = next(i for i in edition.clause(int(number)).incentives if i.id == incentive)
    except (ValueError, StopIteration) as exc:
        raise LookupError(f"`{ref}` names no incentive: write CLAUSE/INCENTIVE-ID/FIELD, e.g. "
                          "14/new-energy-vehicle/max_amount") from exc
    value = getattr(inc, field, None)
    if not isinstance(value, int | Decimal):
        raise LookupError(f"incentive {incentive} of clause {number} has no `{field}`; use "
                          "amount or max_amount")
    return int(value)


def resolve(case: dict[str, Any], line: int, edition: Edition) -> dict[str, Any]:
    """The case with every `{fact: …}` replaced by the value the data holds now."""
    out = dict(case)
    for key in AMOUNTS:
        if isinstance(case[key], dict):
            try:
                out[key] = fact_value(edition, str(case[key]["fact"]))
            except LookupError as exc:
                raise LookupError(f"{display(line)}: case `{case['name']}`: {exc}") from exc
    return out


def _facts_used(result: dict[str, Any], edition: Edition) -> list[tuple[str, str, int]]:
    """(reference, description, value) of the amounts the engine's result came from."""
    out = []
    for ln in result.get("lines", []):
        inc = next(i for i in edition.clause(ln["clause"]).incentives if i.id == ln["incentive"])
        rates = ", ".join(f"{f} {getattr(inc, f)}%" for f in ("rate", "rate_min", "rate_max")
                          if getattr(inc, f) is not None)
        for field in ("amount", "max_amount"):
            value = getattr(inc, field)
            if value is not None:
                out.append((f"{ln['clause']}/{inc.id}/{field}",
                            f"clause {ln['clause']} {inc.id} {field} {value}"
                            f"{', ' + rates if rates else ''} (quote `{inc.quote}`)", int(value)))
    return out


def matches(case: dict[str, Any], result: dict[str, Any]) -> bool:
    return (result["eligible"] is case["eligible"] and all(result[k] == case[k] for k in AMOUNTS)
            and bool(result.get("uncertain")) is bool(case.get("uncertain")))


def stale(case: dict[str, Any], line: int, result: dict[str, Any],
          edition: Edition) -> str | None:
    """None when the engine gives what the case expects; else what to change, and why."""
    if matches(case, result):
        return None
    wrong = [k for k in AMOUNTS if result[k] != case[k]]
    if not wrong:
        return (f"{display(line)}: case `{case['name']}` expects eligible: {case['eligible']}"
                f"{', uncertain' if case.get('uncertain') else ''}, the engine says "
                f"{result['eligible']}{', uncertain' if result.get('uncertain') else ''} "
                f"(reason {result.get('reason')}, errors {result.get('errors')}); check the "
                "case's inputs and the incentive's rules")
    used = _facts_used(result, edition)
    says = "; ".join(d for _, d, _ in used) or "no incentive applies"
    fixes = []
    for key in wrong:
        ref = next((r for r, _, v in used if v == result[key]), None)
        fixes.append(f"`{key}: {{fact: {ref}}}`" if ref else f"`{key}: {result[key]}`")
    got = ", ".join(f"{k} {result[k]}" for k in wrong)
    want = ", ".join(f"{k} {case[k]}" for k in wrong)
    return (f"{display(line)}: case `{case['name']}` expects {want}, but from the data the "
            f"engine gives {got}: {says}. If the data is right (an amount was corrected), "
            f"update this line of the case list: write {' and '.join(fixes)} so it follows the "
            "data; if the data is wrong, fix the data")
