"""`python -m calculators export --out DIR`: rules.json and the test cases as JSON (for Node)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ruamel.yaml import YAML

from calculators.export import rules_json
from generator.validate import read_edition

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m calculators")
    p.add_argument("command", choices=["export"])
    p.add_argument("--out", default=str(ROOT / ".build" / "calculators"))
    p.add_argument("--edition", default=str(ROOT / "policy_data" / "jiande-2025"))
    args = p.parse_args(argv)
    ed, problems = read_edition(Path(args.edition))
    if ed is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "rules.json").write_text(rules_json(ed), encoding="utf-8")
    cases = YAML(typ="safe").load((ROOT / "tests" / "calculator_cases.yaml").read_text("utf-8"))
    (out / "cases.json").write_text(json.dumps(cases, ensure_ascii=False, indent=1),
                                    encoding="utf-8")
    print(f"wrote {out / 'rules.json'} and {out / 'cases.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
