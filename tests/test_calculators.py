"""One case list, every engine: the Python reference here, the JS engine under Node (and in
the browser, tests/test_calculator_pages.py). The engines must agree on every field."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from calculators.engine import evaluate, find
from generator.data.model import Edition
from generator.data.rules import rules_data
from tests import calculator_cases
from tests.conftest import ROOT

LINED = calculator_cases.load()
CASES: list[dict[str, Any]] = [case for case, _ in LINED]  # references not yet resolved


@pytest.fixture(scope="module")
def rules(edition: Edition) -> dict[str, Any]:
    return rules_data(edition)


@pytest.fixture(scope="module")
def resolved(edition: Edition) -> list[dict[str, Any]]:
    """Every case with its `{fact: …}` amounts read from the data."""
    return [calculator_cases.resolve(case, line, edition) for case, line in LINED]


@pytest.mark.parametrize("index", range(len(LINED)),
                         ids=[f"{c['calculator']}: {c['name']}" for c in CASES])
def test_python_engine(rules: dict[str, Any], resolved: list[dict[str, Any]],
                       edition: Edition, index: int) -> None:
    case, line = resolved[index], LINED[index][1]
    result = evaluate(rules, case["calculator"], case["inputs"])
    message = calculator_cases.stale(case, line, result, edition)
    if message:
        pytest.fail(message, pytrace=False)
    assert result["errors"] == case.get("errors", {})
    if "reason" in case:
        assert result["reason"] == case["reason"]
    if "assumed" in case:
        assert result["assumed"] == case["assumed"]


FINDER = calculator_cases.load(part="finder")


@pytest.fixture(scope="module")
def finder_cases(edition: Edition) -> list[dict[str, Any]]:
    return [calculator_cases.resolve(case, line, edition) for case, line in FINDER]


def finder_summary(found: dict[str, Any]) -> dict[str, Any]:
    """What a finder case states about a `find` result."""
    return {"min": found["min"], "max": found["max"], "uncertain": found["uncertain"],
            "missing": found["missing"],
            "listed": [f"{x['clause']}/{x['incentive']}" for x in found["listed"]]}


def expected_summary(case: dict[str, Any]) -> dict[str, Any]:
    return {"min": case["min"], "max": case["max"], "uncertain": bool(case.get("uncertain")),
            "missing": case.get("missing", {}), "listed": case.get("listed", [])}


@pytest.mark.parametrize("index", range(len(FINDER)), ids=[c["name"] for c, _ in FINDER])
def test_finder(rules: dict[str, Any], finder_cases: list[dict[str, Any]], index: int) -> None:
    case = finder_cases[index]
    found = find(rules, case["who"], case["chosen"])
    assert finder_summary(found) == expected_summary(case), \
        f"{calculator_cases.display(FINDER[index][1])}: {case['name']}"


def test_the_finder_adds_up_the_calculators(rules: dict[str, Any],
                                           finder_cases: list[dict[str, Any]]) -> None:
    """Its total is the calculators' own results for the same inputs, added up."""
    for case in finder_cases:
        found = find(rules, case["who"], case["chosen"])
        total = [0, 0]
        for run in found["runs"]:
            alone = evaluate(rules, run["calculator"], run["inputs"])
            if alone["eligible"]:
                total = [total[0] + alone["min"], total[1] + alone["max"]]
        assert total == [found["min"], found["max"]], case["name"]


def in_js(rules: dict[str, Any], cases: list[dict[str, Any]], call: str,
          tmp_path: Path) -> list[Any]:
    """`call` (a JS expression of e, the engine; r, the rules; k, a case) for every case,
    run by Node on calculators/engine.js."""
    node = shutil.which("node")
    assert node, "node is required for the JS engine tests"
    (tmp_path / "rules.json").write_text(json.dumps(rules, ensure_ascii=False), "utf-8")
    (tmp_path / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), "utf-8")
    script = ("const e=require(process.argv[1]);const fs=require('fs');"
              "const r=JSON.parse(fs.readFileSync(process.argv[2]));"
              "const c=JSON.parse(fs.readFileSync(process.argv[3]));"
              f"process.stdout.write(JSON.stringify(c.map(k=>{call})));")
    out = subprocess.run([node, "-e", script, str(ROOT / "calculators" / "engine.js"),
                          str(tmp_path / "rules.json"), str(tmp_path / "cases.json")],
                         check=True, capture_output=True, text=True).stdout
    return list(json.loads(out))


def test_js_finder_agrees_with_python(rules: dict[str, Any], finder_cases: list[dict[str, Any]],
                                      tmp_path: Path) -> None:
    found = in_js(rules, finder_cases, "e.find(r,k.who,k.chosen)", tmp_path)
    for case, js in zip(finder_cases, found, strict=True):
        py = find(rules, case["who"], case["chosen"])
        assert js == json.loads(json.dumps(py)), case["name"]


def test_a_stale_case_names_its_line_and_the_fact(edition: Edition) -> None:
    """After a correct data change (the NEV cap 1.5万 -> 1.8万) a case that typed the old
    number says which line to change and which fact to follow, not `assert (…) == (…)`."""
    case = {"name": "new energy car up to 15000", "calculator": "trade-in",
            "inputs": {"item": "nev_car"}, "eligible": True, "min": 0, "max": 15000}
    corrected = rules_data(edition)
    for rule in corrected["calculators"]["trade-in"]["rules"]:
        if rule["incentive"] == "new-energy-vehicle":
            rule["max_amount"] = 18000
    result = evaluate(corrected, "trade-in", case["inputs"])
    assert result["max"] == 18000
    message = calculator_cases.stale(case, 25, result, edition) or ""
    assert message.startswith("tests/calculator_cases.yaml:25: case `new energy car up to "
                              "15000` expects max 15000, but from the data the engine gives "
                              "max 18000: clause 14 new-energy-vehicle max_amount")
    assert "update this line of the case list" in message


def test_every_calculator_has_cases(rules: dict[str, Any]) -> None:
    assert {c["calculator"] for c in CASES} == set(rules["calculators"])


def test_numbers_come_from_the_incentives(rules: dict[str, Any], edition: Edition) -> None:
    """No number is typed into a rule: each equals its incentive's figure from the quote."""
    for calc in rules["calculators"].values():
        for rule in calc["rules"]:
            inc = next(i for i in edition.clause(rule["clause"]).incentives
                       if i.id == rule["incentive"])
            assert rule["amount"] == inc.amount and rule["max_amount"] == inc.max_amount
            assert rule["rate_bp"] == (None if inc.rate is None else int(inc.rate * 100))
            assert rule["quote"] == inc.quote


def test_js_engine_agrees_with_python_on_every_case(rules: dict[str, Any],
                                                    resolved: list[dict[str, Any]],
                                                    tmp_path: Path) -> None:
    js_results = in_js(rules, resolved, "e.evaluate(r,k.calculator,k.inputs)", tmp_path)
    for case, js in zip(resolved, js_results, strict=True):
        py = evaluate(rules, case["calculator"], case["inputs"])
        assert js == json.loads(json.dumps(py)), case["name"]


def test_node_test_runner_passes(rules: dict[str, Any], resolved: list[dict[str, Any]],
                                 tmp_path: Path) -> None:
    """The cases under Node's own runner. A case that no longer matches the data is reported
    once, readably, by test_python_engine; here only the JS engine is on trial, so such
    cases are left out, and a failure names the cases, not a runner dump."""
    current = [c for c in resolved
               if calculator_cases.matches(c, evaluate(rules, c["calculator"], c["inputs"]))]
    (tmp_path / "rules.json").write_text(json.dumps(rules, ensure_ascii=False), "utf-8")
    (tmp_path / "cases.json").write_text(json.dumps({"cases": current}, ensure_ascii=False),
                                         "utf-8")
    run = subprocess.run(["node", "--test", str(ROOT / "tests" / "js")], capture_output=True,
                         text=True, env={"CALC_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
                         check=False)
    failed = re.findall(r"^not ok \d+ - (.*)$", run.stdout, re.M)
    assert run.returncode == 0, (f"the JS engine fails {len(failed)} case(s) the Python engine "
                                 f"passes: {failed}" if failed else run.stderr[-2000:])
    assert f"# pass {len(current)}" in run.stdout


def test_every_computable_incentive_carries_a_rule(edition: Edition) -> None:
    """Every incentive that states what a recipient gets (a sum, a ceiling or a rate) has a
    calculator rule. Clause 34's 200万元 is a `pool` for all projects together: no rule."""
    without = {(c.number, i.id) for c, i in edition.incentives()
               if i.states_amount and not i.rules}
    assert without == set()
    pools = [(c.number, i.id) for c, i in edition.incentives() if i.pool is not None]
    assert pools == [(34, "project-preliminary-research")]
