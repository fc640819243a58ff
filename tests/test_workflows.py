"""The GitHub Actions workflows pass actionlint, and every action is pinned to a version."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint() -> str:
    path = shutil.which("actionlint", path=str(ROOT / ".venv" / "bin")) or shutil.which(
        "actionlint")
    assert path, "actionlint is not installed: run `make install`"
    return path


def test_there_are_pr_and_pages_workflows() -> None:
    names = {p.name for p in WORKFLOWS}
    assert {"pr.yml", "pages.yml"} <= names


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(workflow: Path) -> None:
    run = subprocess.run([actionlint(), "-no-color", str(workflow)], capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n"
                   "      - uses: actions/checkout@v4.2.2\n        with:\n"
                   "          fetch-depth: ${{ github.nonexistent_context }}\n", "utf-8")
    run = subprocess.run([actionlint(), "-no-color", str(bad)], capture_output=True, text=True,
                         check=False)
    assert run.returncode != 0


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_exact_versions(workflow: Path) -> None:
    uses = re.findall(r"uses:\s*([^\s#]+)", workflow.read_text(encoding="utf-8"))
    assert uses
    loose = [u for u in uses if not re.search(r"@(v\d+\.\d+\.\d+|[0-9a-f]{40})$", u)]
    assert loose == []


def test_pr_workflow_checks_tests_builds_and_uploads() -> None:
    text = (ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8")
    for step in ("make check", "make fmt-check", "make test", "make site",
                 "actions/upload-artifact"):
        assert step in text, step
