"""Frictionless data packages: every document's datapackage.json, on the real library and on
the two-edition test library, passes `frictionless validate` (the CLI, as a user runs it, and
the Python API for the report): field types, constraints, keys, and the clause as the
foreign key of the incentives and targets tables. A broken reference is found."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from frictionless import validate

SITES = ["built_site", "library_site"]
CLI = Path(sys.executable).parent / "frictionless"


def packages(site: Path) -> list[Path]:
    library = json.loads((site / "data" / "library.json").read_text(encoding="utf-8"))
    return [site / d["data"]["datapackage.json"] for d in library["documents"]]


@pytest.mark.parametrize("name", SITES)
def test_every_data_package_is_valid(request: pytest.FixtureRequest, name: str) -> None:
    site: Path = request.getfixturevalue(name)
    found = packages(site)
    assert found and all(p.is_file() for p in found)
    for path in found:
        report = validate(path)
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
        run = subprocess.run([str(CLI), "validate", str(path)], capture_output=True,
                             text=True, check=False, cwd=path.parent)
        assert run.returncode == 0, run.stdout[-2000:]


def test_the_package_describes_units_and_the_clause_key(built_site: Path) -> None:
    package = json.loads((built_site / "data" / "jiande-2025" / "datapackage.json")
                         .read_text(encoding="utf-8"))
    tables = {r["name"]: r["schema"] for r in package["resources"]}
    assert set(tables) == {"clauses", "incentives", "targets", "budget"}
    for table in ("incentives", "targets"):
        assert {"fields": ["clause"], "reference": {"resource": "clauses",
                                                    "fields": ["clause"]}} in \
            tables[table]["foreignKeys"]
    fields = {f["name"]: f for f in tables["budget"]["fields"]}
    assert fields["amount_cny"]["type"] == "integer" and fields["amount_cny"]["unit"] == "CNY"
    fields = {f["name"]: f for f in tables["incentives"]["fields"]}
    assert fields["max_amount"]["unitField"] == "currency"
    assert fields["rate_percent"]["unit"] == "percent"


def test_a_clause_that_does_not_exist_is_found(built_site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "jiande-2025"
    shutil.copytree(built_site / "data" / "jiande-2025", copy)
    table = copy / "incentives.csv"
    lines = table.read_bytes().decode("utf-8-sig").split("\r\n")
    lines[1] = "999" + lines[1][lines[1].index(","):]
    table.write_bytes(("\ufeff" + "\r\n".join(lines)).encode("utf-8"))
    report = validate(copy / "datapackage.json")
    assert not report.valid
    assert ["foreign-key"] in report.flatten(["type"])
