"""`fmt --like <rev>`: a data file rewritten by another YAML writer (comments dropped, flow
mappings expanded, quotes dropped, lines wrapped at 80 columns, keys reordered: what the web
editor's writer does) goes back into its layout at `<rev>`, and the diff shows only the
values that changed. The writer here is PyYAML's, with the keys reversed, standing in for
the web editor's."""

from __future__ import annotations

import difflib
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.data.fmt import yaml_files
from generator.data.restore import model_for, restore
from tests.conftest import REAL


def rewritten(text: str, change: Any = None) -> str:
    """The file as another writer writes it, after `change` (a function of the data)."""
    data = yaml.safe_load(text)
    if change is not None:
        change(data)

    def reorder(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: reorder(v) for k, v in reversed(list(node.items()))}
        if isinstance(node, list):
            return [reorder(v) for v in node]
        return node

    return str(yaml.safe_dump(reorder(data), allow_unicode=True, sort_keys=False, width=80))


def changed_lines(old: str, new: str) -> list[str]:
    return [line for line in difflib.unified_diff(old.splitlines(), new.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.parametrize("path", yaml_files(REAL.parent), ids=lambda p: p.name)
def test_a_rewritten_file_goes_back_unchanged(path: Path) -> None:
    old = path.read_text(encoding="utf-8")
    damaged = rewritten(old)
    assert len(changed_lines(old, damaged)) > 10  # the writer did change the layout
    assert restore(old, damaged, model_for(str(path))) == old


@pytest.mark.parametrize("path", yaml_files(REAL.parent), ids=lambda p: p.name)
def test_an_unchanged_file_stays_as_it_is(path: Path) -> None:
    """Read as the loader reads it (YAML 1.2: `{zh: 技改项目:更新设备}` is one text), not as
    libyaml would (it refuses the colon)."""
    old = path.read_text(encoding="utf-8")
    assert restore(old, old, model_for(str(path))) == old


def unit(data: dict[str, Any], uid: str) -> dict[str, Any]:
    return next(u for u in data["units"] if u["id"] == uid)


def test_a_new_contact_is_one_line() -> None:
    old = (REAL / "units.yaml").read_text(encoding="utf-8")

    def add(data: dict[str, Any]) -> None:
        unit(data, "finance-bureau")["contact"] = {"phone": "0571-64712345"}

    back = restore(old, rewritten(old, add), model_for("units.yaml"))
    assert changed_lines(old, back) == ["+    contact: {phone: 0571-64712345}"]
    assert yaml.safe_load(back) == yaml.safe_load(rewritten(old, add))


def test_a_fixed_english_title_is_one_line() -> None:
    path = next(p for p in sorted((REAL / "chapters").glob("*.yaml")))
    old = path.read_text(encoding="utf-8")
    data = yaml.safe_load(old)
    first = data["clauses"][0]
    title = first["title"]["en"]

    def fix(d: dict[str, Any]) -> None:
        d["clauses"][0]["title"]["en"] = title + " (revised)"

    back = restore(old, rewritten(old, fix), model_for(str(path)))
    lines = changed_lines(old, back)
    assert len(lines) == 2 and lines[0].startswith("-") and lines[1].startswith("+"), lines
    assert title + " (revised)" in lines[1] and lines[0][1:] == lines[1][1:].replace(
        title + " (revised)", title)


def test_items_are_matched_by_id_and_removed_keys_dropped() -> None:
    old = (REAL / "units.yaml").read_text(encoding="utf-8")

    def edit(data: dict[str, Any]) -> None:
        data["units"].reverse()  # the writer's order is not the file's
        del unit(data, "organization-department")["aliases"]
        data["units"] = [u for u in data["units"] if u["id"] != "finance-bureau"]

    back = restore(old, rewritten(old, edit), model_for("units.yaml"))
    lines = changed_lines(old, back)
    assert all(line.startswith("-") for line in lines), lines
    assert any("aliases: [市委组织部]" in line for line in lines)
    assert any("finance-bureau" in line for line in lines)
    ids = [u["id"] for u in yaml.safe_load(back)["units"]]
    assert "finance-bureau" not in ids and ids[0] == "municipal-government"


def test_fmt_like_a_revision_in_a_git_checkout(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                               ) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(REAL, repo / "policy_data" / "jiande-2025")

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid",
                        *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "data")
    units = repo / "policy_data" / "jiande-2025" / "units.yaml"
    old = units.read_text(encoding="utf-8")

    def add(data: dict[str, Any]) -> None:
        unit(data, "finance-bureau")["contact"] = {"phone": "0571-64712345"}

    units.write_text(rewritten(old, add), encoding="utf-8")
    assert main(["fmt", "--like", "HEAD", str(units)]) == 0
    assert changed_lines(old, units.read_text(encoding="utf-8")) == [
        "+    contact: {phone: 0571-64712345}"]
    assert main(["fmt", "--like", "no-such-revision", str(units)]) == 2
    err = capsys.readouterr().err
    assert "no-such-revision" in err and "Traceback" not in err
