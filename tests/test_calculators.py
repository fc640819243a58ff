"""One case list, every engine: the Python reference here, the JS engine under Node (and in
the browser, tests/test_calculator_pages.py). The engines must agree on every field."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from calculators.engine import evaluate
from generator.data.model import Edition
from generator.data.rules import rules_data
from tests.conftest import ROOT

CASES: list[dict[str, Any]] = YAML(typ="safe").load(
    (ROOT / "tests" / "calculator_cases.yaml").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def rules(edition: Edition) -> dict[str, Any]:
    return rules_data(edition)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['calculator']}: {c['name']}" for c in CASES])
def test_python_engine(rules: dict[str, Any], case: dict[str, Any]) -> None:
    result = evaluate(rules, case["calculator"], case["inputs"])
    assert result["eligible"] is case["eligible"]
    assert (result["min"], result["max"]) == (case["min"], case["max"])
    assert result["errors"] == case.get("errors", {})
    if "reason" in case:
        assert result["reason"] == case["reason"]


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
                                                    tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "node is required for the JS engine tests"
    (tmp_path / "rules.json").write_text(json.dumps(rules, ensure_ascii=False), "utf-8")
    (tmp_path / "cases.json").write_text(json.dumps(CASES, ensure_ascii=False), "utf-8")
    script = (
        "const e=require(process.argv[1]);const fs=require('fs');"
        "const r=JSON.parse(fs.readFileSync(process.argv[2]));"
        "const c=JSON.parse(fs.readFileSync(process.argv[3]));"
        "process.stdout.write(JSON.stringify(c.map(k=>e.evaluate(r,k.calculator,k.inputs))));"
    )
    out = subprocess.run([node, "-e", script, str(ROOT / "calculators" / "engine.js"),
                          str(tmp_path / "rules.json"), str(tmp_path / "cases.json")],
                         check=True, capture_output=True, text=True).stdout
    js_results = json.loads(out)
    for case, js in zip(CASES, js_results, strict=True):
        py = evaluate(rules, case["calculator"], case["inputs"])
        assert js == json.loads(json.dumps(py)), case["name"]


def test_node_test_runner_passes(rules: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "rules.json").write_text(json.dumps(rules, ensure_ascii=False), "utf-8")
    (tmp_path / "cases.json").write_text(json.dumps({"cases": CASES}, ensure_ascii=False),
                                         "utf-8")
    run = subprocess.run(["node", "--test", str(ROOT / "tests" / "js")], capture_output=True,
                         text=True, env={"CALC_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
                         check=False)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert f"# pass {len(CASES)}" in run.stdout


# Monetary incentives no calculator computes, each with the reason.
NOT_COMPUTABLE = {
    # 投入200万元财政资金作为政府及国有企业投资项目前期研究费用: the government's own budget
    # for preliminary studies, not something an applicant can claim.
    (34, "project-preliminary-research"),
}


def test_every_computable_incentive_carries_a_rule(edition: Edition) -> None:
    without = {(c.number, i.id) for c, i in edition.incentives()
               if (i.amount is not None or i.max_amount is not None or i.rate is not None
                   or i.rate_min is not None) and not i.rules}
    assert without == NOT_COMPUTABLE
