"""The GitHub Actions workflows pass actionlint and zizmor, and every action is pinned to a
commit SHA with its version in a comment."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def tool(name: str) -> str:
    path = shutil.which(name, path=str(ROOT / ".venv" / "bin")) or shutil.which(name)
    assert path, f"{name} is not installed: run `make install`"
    return path


def actionlint() -> str:
    return tool("actionlint")


def zizmor(inputs: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """`zizmor --offline` on a file or folder, as a person would run it."""
    return subprocess.run([tool("zizmor"), "--offline", "--no-progress", "--color=never",
                           *options, str(inputs)], capture_output=True, text=True, check=False)


def load(text: str) -> Any:
    """A workflow as ruamel round-trip data: mappings know the line of each key and value."""
    return YAML(typ="rt").load(text)


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


def test_workflows_have_no_zizmor_findings() -> None:
    run = zizmor(ROOT / ".github" / "workflows")
    assert run.returncode == 0 and "No findings to report" in run.stdout, run.stdout + run.stderr


def test_zizmor_reports_an_unpinned_action(tmp_path: Path) -> None:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    # Clean in every other respect, so the tag is the one thing zizmor can report.
    (folder / "unpinned.yml").write_text(
        "name: unpinned\non: push\npermissions: {}\njobs:\n  x:\n    name: x\n"
        "    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4.2.2\n"
        "        with:\n          persist-credentials: false\n", "utf-8")
    run = zizmor(folder, "--format=json")
    assert run.returncode != 0, run.stdout + run.stderr
    findings = json.loads(run.stdout)
    assert [f["ident"] for f in findings] == ["unpinned-uses"], run.stdout


# owner/repo[/path]@<40 hex>, then `# vX.Y.Z` on the same line: the SHA is what runs, the
# comment says which release it is (and is what update tools such as Dependabot rewrite).
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")
VERSION_COMMENT = re.compile(r"#\s*v\d+\.\d+\.\d+\s*$")


def unpinned(text: str) -> list[str]:
    """Every `uses:` (job or step) not pinned to a commit SHA with a version comment."""
    lines = text.splitlines()
    loose = []
    for job in load(text)["jobs"].values():
        for node in [job, *job.get("steps", [])]:
            if "uses" not in node or str(node["uses"]).startswith("./"):
                continue
            line = lines[node.lc.value("uses")[0]]
            if not (PINNED.fullmatch(str(node["uses"])) and VERSION_COMMENT.search(line)):
                loose.append(line.strip())
    return loose


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_exact_versions(workflow: Path) -> None:
    text = workflow.read_text(encoding="utf-8")
    assert "uses:" in text
    assert unpinned(text) == []


def test_pin_check_rejects_tags_and_bare_shas() -> None:
    sha = "11bd71901bbe5b1630ceea73d27597364c9af683"
    steps = [f"actions/checkout@{sha} # v4.2.2", "actions/checkout@v4.2.2",
             f"actions/checkout@{sha}", f"actions/checkout@{sha} # main",
             f"actions/checkout@{sha[:12]} # v4.2.2"]
    text = "on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n" + "".join(
        f"      - uses: {s}\n" for s in steps)
    assert unpinned(text) == [f"- uses: {s}" for s in steps[1:]]


def test_pr_workflow_checks_tests_builds_and_uploads() -> None:
    text = (ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8")
    for step in ("make check", "make fmt-check", "make test", "make site",
                 "actions/upload-artifact"):
        assert step in text, step
