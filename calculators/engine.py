"""The Python reference engine. It evaluates rules.json exactly as calculators/engine.js does;
one list of cases (tests/calculator_cases.yaml) runs against both.

Money is integer arithmetic: inputs in fen (0.01 yuan), rates in basis points, results
rounded down to whole yuan, so the two engines cannot drift apart on floating point.
Boundary words follow Chinese legal usage (民法典 第一千二百五十九条): 以上/以下/以内 include
the number; 不满/超过/低于 exclude it (the rule carries `inclusive` from its quote).

`find` is the benefit finder: the situations a reader ticks, each running its calculator
through `evaluate`, so the finder's total is the calculators' results added up.
"""

from __future__ import annotations

import re
from typing import Any

_FULLWIDTH = str.maketrans("０１２３４５６７８９，．　－￥", "0123456789,. -¥")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")
_PREFIXES = ("¥", "cny", "rmb")
_SUFFIXES = ("元", "yuan")
_SCALES = {"万": 4, "亿": 8}  # powers of ten: 1.5万 = 15000

Result = dict[str, Any]


def parse_number(raw: str, max_yuan: int) -> tuple[int | None, str | None]:
    """(value in fen, None) or (None, error key). Full-width digits, 8,000, 6500元, ¥6500,
    300万 and 1.5万元 are accepted."""
    text = raw.translate(_FULLWIDTH).strip().replace(" ", "").lower()
    if text == "":
        return None, "required"
    for prefix in _PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    for suffix in _SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    scale = 0
    if text[-1:] in _SCALES:
        scale = _SCALES[text[-1]]
        text = text[:-1]
    if _GROUPED.match(text):
        text = text.replace(",", "")
    if text.startswith("-") and _PLAIN.match(text[1:]):
        return None, "negative"
    if not _PLAIN.match(text):
        return None, "not_a_number"
    whole, _, frac = text.partition(".")
    places = 2 + scale  # fen of the scaled number
    if len(frac) > places:
        return None, "too_many_decimals"
    fen = int(whole) * 10**places + int(frac.ljust(places, "0") or "0")
    if fen > max_yuan * 100:
        return None, "too_large"
    return fen, None


def parse_inputs(calc: dict[str, Any], raw: dict[str, str], max_yuan: int
                 ) -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    """(values, errors, assumed): `assumed` names the inputs left empty that took another
    input's value (`default_from`)."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for spec in calc["inputs"]:
        key = spec["key"]
        text = str(raw.get(key, "")).strip()
        if spec["kind"] == "number":
            if text == "" and spec["optional"]:
                values[key] = None
                continue
            fen, err = parse_number(text, max_yuan)
            if err:
                errors[key] = err
            values[key] = fen
        else:
            options = [o["key"] for o in spec["options"]]
            chosen = [p.strip() for p in text.translate(_FULLWIDTH).split(",") if p.strip()]
            if not chosen:
                if not spec["optional"]:
                    errors[key] = "required"
                values[key] = [] if spec["kind"] == "multi" else None
                continue
            bad = [c for c in chosen if c not in options]
            if bad or (spec["kind"] == "choice" and len(chosen) > 1):
                errors[key] = "not_an_option"
                values[key] = [] if spec["kind"] == "multi" else None
                continue
            chosen = list(dict.fromkeys(chosen))
            if any(sum(c in group for c in chosen) > 1 for group in spec["exclusive"]):
                errors[key] = "exclusive"
                values[key] = []
                continue
            values[key] = chosen if spec["kind"] == "multi" else chosen[0]
    assumed: dict[str, str] = {}
    for spec in calc["inputs"]:
        source = spec["default_from"]
        if source is not None and values.get(spec["key"]) is None \
                and values.get(source) is not None:
            values[spec["key"]] = values[source]
            assumed[spec["key"]] = source
    return values, errors, assumed


def _matches(rule: dict[str, Any], values: dict[str, Any]) -> list[str]:
    """Keys of `when` the inputs do not satisfy."""
    failed = []
    for key, allowed in sorted(rule["when"].items()):
        value = values.get(key)
        ok = (any(v in allowed for v in value) if isinstance(value, list)
              else value in allowed)
        if not ok:
            failed.append(key)
    return failed


def _threshold_ok(th: dict[str, Any], fen: int) -> bool:
    limit = int(th["value"]) * 100
    inclusive = bool(th["inclusive"])
    if th["direction"] == "min":
        return fen >= limit if inclusive else fen > limit
    return fen <= limit if inclusive else fen < limit


def _rate(fen: int, bp: int) -> int:
    """Whole yuan of fen × bp / 10000, rounded down."""
    return (fen * bp // 10000) // 100


def evaluate_rule(rule: dict[str, Any], index: int, values: dict[str, Any]) -> Result:
    line: Result = {"rule": index, "clause": rule["clause"], "incentive": rule["incentive"],
                    "steps": [], "eligible": True, "uncertain": False, "reason": None,
                    "min": 0, "max": 0}
    th = rule["threshold"]
    if th is not None:
        fen = values.get(th["input"])
        if fen is None or not _threshold_ok(th, fen):
            line.update(eligible=False, reason="threshold")
            line["steps"].append({"op": "threshold", "value": th["value"], "input": fen,
                                  "ok": False})
            return line
        line["steps"].append({"op": "threshold", "value": th["value"], "input": fen, "ok": True})
    base = rule["base"]
    cap = rule["max_amount"]
    if base is not None:
        fen = values[base]
        if rule["rate_bp"] is not None:
            low = high = _rate(fen, rule["rate_bp"])
            line["steps"].append({"op": "rate", "base": fen, "bp": rule["rate_bp"], "value": low})
        else:
            low = _rate(fen, rule["rate_min_bp"])
            high = _rate(fen, rule["rate_max_bp"])
            line["steps"].append({"op": "rate_range", "base": fen, "bp_min": rule["rate_min_bp"],
                                  "bp_max": rule["rate_max_bp"], "min": low, "max": high})
        if cap is not None:
            capped_low, capped_high = min(low, cap), min(high, cap)
            line["steps"].append({"op": "cap", "cap": cap, "min": capped_low,
                                  "max": capped_high, "applied": high > cap})
            low, high = capped_low, capped_high
        line.update(min=low, max=high)
    elif rule["amount"] is not None:
        line.update(min=rule["amount"], max=rule["amount"])
        line["steps"].append({"op": "fixed", "value": rule["amount"]})
    else:
        line.update(min=0, max=cap)
        line["steps"].append({"op": "up_to", "value": cap})
    if rule["unsettled"] is not None:
        # The text does not say whether the rates apply here: nothing, up to what they give.
        line.update(min=0, uncertain=True)
        line["steps"].append({"op": "unsettled", "min": 0, "max": line["max"]})
    return line


def _not_covered(calc: dict[str, Any], values: dict[str, Any]) -> dict[str, list[str]]:
    """Why no rule applies: the input that rules agreeing on every earlier input disagree
    on (appliance + grade three -> grade must be one of 1, 2), with the values they allow."""
    order = {spec["key"]: i for i, spec in enumerate(calc["inputs"])}
    misses = [_matches(r, values) for r in calc["rules"]]
    near = min(misses, key=lambda m: (len(m), -max(order[k] for k in m)))
    key = max(near, key=lambda k: order[k])
    allowed = {v for r, m in zip(calc["rules"], misses, strict=True) if m == [key]
               for v in r["when"][key]}
    return {key: sorted(allowed)}


def _empty(value: Any) -> bool:
    return value is None or value == []


def evaluate(data: dict[str, Any], calc_id: str, raw: dict[str, str]) -> Result:
    calc = data["calculators"][calc_id]
    values, errors, assumed = parse_inputs(calc, raw, data["max_yuan"])
    result: Result = {"calculator": calc_id, "errors": errors, "eligible": False,
                      "uncertain": False, "min": 0, "max": 0, "lines": [], "reason": None,
                      "assumed": assumed}
    if errors:
        result["reason"] = "invalid_input"
        return result
    indexed = list(enumerate(calc["rules"]))
    applicable = [(i, r) for i, r in indexed if not _matches(r, values)]
    if calc["combine"] == "one":
        if not applicable:
            missing = _not_covered(calc, values)
            key = next(iter(missing))
            if _empty(values.get(key)):  # an optional input left empty decides: ask for it
                result.update(errors={key: "required"}, reason="invalid_input")
                return result
            result["reason"] = "not_covered"
            result["not_covered"] = missing
            return result
        index, rule = applicable[0]
        if rule["base"] is not None and values.get(rule["base"]) is None:
            result["errors"] = {rule["base"]: "required"}
            result["reason"] = "invalid_input"
            return result
        lines = [evaluate_rule(rule, index, values)]
    else:
        lines = [evaluate_rule(r, i, values) for i, r in applicable
                 if r["base"] is None or values.get(r["base"]) is not None]
        if not lines:
            result["reason"] = "nothing_selected"
            return result
    result["lines"] = lines
    eligible = [ln for ln in lines if ln["eligible"]]
    result["eligible"] = bool(eligible)
    result["uncertain"] = any(ln["uncertain"] for ln in eligible)
    result["min"] = sum(ln["min"] for ln in eligible)
    result["max"] = sum(ln["max"] for ln in eligible)
    if not eligible:
        result["reason"] = lines[0]["reason"]
    return result


def _situations(data: dict[str, Any], who: str | None) -> list[tuple[str, dict[str, Any]]]:
    return [(g["audience"], s) for g in data["finder"] for s in g["situations"]
            if who is None or g["audience"] == who]


def _unanswered(data: dict[str, Any], situation: dict[str, Any],
                answers: dict[str, str]) -> list[str]:
    """For a situation of a `sum` calculator: asked inputs still empty (one that takes
    another's value when empty never is). For a `one` calculator the engine says what it
    still needs (`required`), as the calculator page does."""
    specs = {i["key"]: i for i in data["calculators"][situation["calculator"]]["inputs"]}
    return [k for k in situation["ask"]
            if str(answers.get(k, "")).strip() == "" and specs[k]["default_from"] is None]


def find(data: dict[str, Any], who: str | None, chosen: dict[str, dict[str, str]]) -> Result:
    """The finder: `chosen` maps each ticked situation's id to its answers (input key -> raw
    text). Each situation runs its calculator with what it sets and the answers; situations
    of one `sum` calculator run together, as one use of that calculator would (so its
    exclusive options are enforced); those of a `one` calculator (one item) each on its own.
    A situation still missing an answer waits in `missing` and is left out of the total.
    `listed` are the incentives the ticked situations list (no calculator computes them)."""
    out: Result = {"runs": [], "listed": [], "missing": {}, "min": 0, "max": 0,
                   "uncertain": False}
    runs: dict[str, Result] = {}
    for _, s in _situations(data, who):
        if s["id"] not in chosen:
            continue
        answers = chosen[s["id"]]
        out["listed"] += [{"situation": s["id"], **item} for item in s["listed"]]
        if s["calculator"] is None:
            continue
        calc = data["calculators"][s["calculator"]]
        missing = _unanswered(data, s, answers) if calc["combine"] == "sum" else []
        if missing:
            out["missing"][s["id"]] = missing
            continue
        inputs = {k: ",".join(v) for k, v in s["set"].items()}
        inputs |= {k: str(answers.get(k, "")).strip() for k in s["ask"]}
        if calc["combine"] == "sum" and s["calculator"] in runs:
            run = runs[s["calculator"]]
            run["situations"].append(s["id"])
            for key, value in inputs.items():
                multi = next(i["kind"] == "multi" for i in calc["inputs"] if i["key"] == key)
                before = run["inputs"].get(key, "")
                if multi and before and value:
                    value = ",".join(dict.fromkeys(before.split(",") + value.split(",")))
                    before = ""
                run["inputs"][key] = before or value  # a number: the first answer given
            continue
        run = {"calculator": s["calculator"], "situations": [s["id"]], "inputs": inputs}
        out["runs"].append(run)
        if calc["combine"] == "sum":
            runs[s["calculator"]] = run
    for run in out["runs"]:
        run["result"] = evaluate(data, run["calculator"], run["inputs"])
    for run in list(out["runs"]):
        res = run["result"]
        errors = res["errors"]
        if errors and set(errors.values()) == {"required"}:  # waits for an answer
            out["missing"][run["situations"][0]] = sorted(errors)
            out["runs"].remove(run)
        elif res["eligible"]:
            out["min"] += res["min"]
            out["max"] += res["max"]
            out["uncertain"] = out["uncertain"] or res["uncertain"]
    return out
