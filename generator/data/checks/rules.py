"""Calculator rules: every rule names a calculator and inputs that exist, of the right kind,
and every calculator computes something; the benefit finder's situations name calculators,
inputs and options that exist, each leads somewhere, and no incentive is offered twice."""

from __future__ import annotations

from collections.abc import Iterable

from generator.data.checks.common import Loc
from generator.data.model import Edition
from generator.data.schema import InputKind
from generator.problems import Problem


def calculator_rules(ed: Edition) -> Iterable[Problem]:
    """Every rule names a calculator and inputs that exist, of the right kind."""
    out: list[Problem] = []
    calcs = {k.id: k for k in ed.calculators}
    for ch in ed.chapters:
        f = ed.chapter_files[ch.number]
        for ci, c in enumerate(ch.clauses):
            for ii, inc in enumerate(c.incentives):
                for ri, rule in enumerate(inc.rules):
                    loc: Loc = ("clauses", ci, "incentives", ii, "rules", ri)
                    calc = calcs.get(rule.calculator)
                    if calc is None:
                        out.append(f.problem((*loc, "calculator"), f"calculator `{rule.calculator}`"
                                             " does not exist; add it to calculators.yaml"))
                        continue
                    inputs = {i.key: i for i in calc.inputs}
                    for key in [k for k in (rule.base, rule.threshold_input) if k]:
                        if key not in inputs or inputs[key].kind is not InputKind.NUMBER:
                            numbers = [i.key for i in calc.inputs if i.kind is InputKind.NUMBER]
                            out.append(f.problem(loc, f"`{key}` is not a number input of "
                                                 f"calculator `{calc.id}`; use one of {numbers}"))
                    if inc.threshold is not None and not (rule.threshold_input or rule.base):
                        out.append(f.problem(loc, "the incentive has a threshold: name the input "
                                             "it applies to in `threshold_input` or `base`"))
                    if rule.unsettled is not None and \
                            rule.unsettled.decided_by not in ed.unit_by_id:
                        out.append(f.problem((*loc, "unsettled", "decided_by"), f"unit id "
                                             f"`{rule.unsettled.decided_by}` does not exist; "
                                             "use an id from units.yaml"))
                    for key, values in rule.when.items():
                        inp = inputs.get(key)
                        if inp is None or inp.kind is InputKind.NUMBER:
                            out.append(f.problem((*loc, "when"), f"`{key}` is not a choice input "
                                                 f"of calculator `{calc.id}`"))
                            continue
                        keys = {o.key for o in inp.options}
                        for v in values:
                            if v not in keys:
                                out.append(f.problem((*loc, "when"), f"`{v}` is not an option of "
                                                     f"`{key}`; use one of {sorted(keys)}"))
    return out


def calculators_used(ed: Edition) -> Iterable[Problem]:
    """Every calculator computes at least one incentive."""
    out: list[Problem] = []
    used = {r.calculator for _, i in ed.incentives() for r in i.rules}
    if "calculators.yaml" in ed.files:
        cf = ed.files["calculators.yaml"]
        for ki, k in enumerate(ed.calculators):
            if k.id not in used:
                out.append(cf.problem(("calculators", ki, "id"), f"calculator `{k.id}` has no "
                                      "incentive rule; add `rules` to the incentives it computes"))
    return out


def calculator_inputs(ed: Edition) -> Iterable[Problem]:
    """An input's `default_from` names another number input of its calculator."""
    out: list[Problem] = []
    if "calculators.yaml" not in ed.files:
        return out
    cf = ed.files["calculators.yaml"]
    for ki, k in enumerate(ed.calculators):
        numbers = [i.key for i in k.inputs if i.kind is InputKind.NUMBER]
        for ii, inp in enumerate(k.inputs):
            src = inp.default_from
            if src is not None and (src not in numbers or src == inp.key):
                out.append(cf.problem(("calculators", ki, "inputs", ii, "default_from"),
                                      f"`{src}` is not another number input of `{k.id}`; use "
                                      f"one of {[n for n in numbers if n != inp.key]}"))
    return out


def finder(ed: Edition) -> Iterable[Problem]:
    """The finder's situations name what exists, each leads somewhere, none offers twice.

    Ids are unique; a situation's calculator, inputs and options exist; each computes or
    lists an incentive; an incentive's `situations` exist; no incentive is offered by two
    situations of one audience."""
    out: list[Problem] = []
    calcs = {k.id: k for k in ed.calculators}
    cf = ed.files.get("calculators.yaml")
    seen: dict[str, tuple[int, int]] = {}
    for gi, g in enumerate(ed.finder):
        for si, st in enumerate(g.situations):
            loc: Loc = ("finder", gi, "situations", si)
            assert cf is not None
            if st.id in seen:
                out.append(cf.problem((*loc, "id"), f"situation id `{st.id}` is used twice; "
                                      "ids are unique in the file"))
            seen.setdefault(st.id, (gi, si))
            if st.calculator is not None:
                calc = calcs.get(st.calculator)
                if calc is None:
                    out.append(cf.problem((*loc, "calculator"), f"calculator `{st.calculator}` "
                                          f"does not exist; use one of {sorted(calcs)}"))
                    continue
                inputs = {i.key: i for i in calc.inputs}
                for part, mapping in (("set", st.set), ("options", st.options)):
                    for key, values in mapping.items():
                        inp = inputs.get(key)
                        if inp is None or inp.kind is InputKind.NUMBER:
                            out.append(cf.problem((*loc, part), f"`{key}` is not a choice input "
                                                  f"of calculator `{calc.id}`"))
                            continue
                        keys = {o.key for o in inp.options}
                        for v in values:
                            if v not in keys:
                                out.append(cf.problem((*loc, part), f"`{v}` is not an option "
                                                      f"of `{key}`; use one of {sorted(keys)}"))
                for key in st.ask:
                    if key not in inputs:
                        out.append(cf.problem((*loc, "ask"), f"`{key}` is not an input of "
                                              f"calculator `{calc.id}`; use one of "
                                              f"{sorted(inputs)}"))
                    elif key in st.set:
                        out.append(cf.problem((*loc, "ask"), f"`{key}` is both set and asked; "
                                              "keep one"))
            if not ed.reached_by(st):
                out.append(cf.problem((*loc, "id"), f"situation `{st.id}` leads to nothing: give "
                                      "it a calculator that computes an incentive from what it "
                                      "sets and asks, or name it in an incentive's "
                                      "`situations`"))
    for ch in ed.chapters:
        f = ed.chapter_files[ch.number]
        for ci, c in enumerate(ch.clauses):
            for ii, inc in enumerate(c.incentives):
                for name in inc.situations:
                    if name not in seen:
                        out.append(f.problem(("clauses", ci, "incentives", ii, "situations"),
                                             f"situation `{name}` does not exist; add it to "
                                             f"`finder` in calculators.yaml or use one of "
                                             f"{sorted(seen)}"))
    for audience in {g.audience for g in ed.finder}:
        offered: dict[tuple[int, str], str] = {}
        for g, st in ed.situations:
            if g.audience is not audience:
                continue
            for c, inc in ed.reached_by(st):
                first = offered.setdefault((c.number, inc.id), st.id)
                if first != st.id and cf is not None:
                    gi, si = seen[st.id]
                    out.append(cf.problem(("finder", gi, "situations", si, "id"),
                                          f"clause {c.number} `{inc.id}` is offered by situations "
                                          f"`{first}` and `{st.id}` of the {audience.value}s; "
                                          "offer it once"))
    return out

