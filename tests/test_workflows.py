"""The GitHub Actions workflows pass actionlint and zizmor, every action is pinned to a commit
SHA with its version in a comment, and the PR workflow runs each check once and uploads a
preview even when the tests fail."""

from __future__ import annotations

import json
import re
import shlex
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


def zizmor(*inputs: Path, options: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """`zizmor --offline` on files or folders, as a person would run it."""
    return subprocess.run([tool("zizmor"), "--offline", "--no-progress", "--color=never",
                           *options, *map(str, inputs)], capture_output=True, text=True,
                          check=False)


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
    run = zizmor(ROOT / ".github" / "workflows", ROOT / ".github" / "dependabot.yml")
    assert "completed .github/dependabot.yml" in run.stderr.replace(str(ROOT) + "/", ""), \
        run.stderr  # the Dependabot configuration was audited too
    assert run.returncode == 0 and "No findings to report" in run.stdout, run.stdout + run.stderr


def test_dependabot_keeps_every_pin_up_to_date() -> None:
    """The action SHAs and package-lock.json are pinned; pins nobody updates go stale, so
    Dependabot watches them (the Python pins are updated by hand: see dependabot.yml)."""
    config = YAML(typ="safe").load((ROOT / ".github" / "dependabot.yml").read_text("utf-8"))
    watched = {u["package-ecosystem"] for u in config["updates"] if u["directory"] == "/"}
    assert watched == {"github-actions", "npm"}
    assert all(u["cooldown"]["default-days"] >= 7 for u in config["updates"])


def test_zizmor_reports_an_unpinned_action(tmp_path: Path) -> None:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    # Clean in every other respect, so the tag is the one thing zizmor can report.
    (folder / "unpinned.yml").write_text(
        "name: unpinned\non: push\npermissions: {}\njobs:\n  x:\n    name: x\n"
        "    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4.2.2\n"
        "        with:\n          persist-credentials: false\n", "utf-8")
    run = zizmor(folder, options=("--format=json",))
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


SEPARATORS = {";", "&&", "||", "|", "&"}


def commands(run: str) -> list[list[str]]:
    """The simple commands of a `run:` script, as words; comments and blank lines dropped."""
    lexer = shlex.shlex(run.replace("\\\n", " "), posix=True, punctuation_chars=";&|")
    lexer.whitespace = " \t\r"  # a newline ends a command, like `;`
    result: list[list[str]] = [[]]
    for token in lexer:
        if token in SEPARATORS or token == "\n":
            result.append([])
        else:
            result[-1].append(token)
    return [c for c in result if c]


def make_targets(step: Any) -> list[str]:
    return [w for c in commands(str(step.get("run", ""))) if c[0] == "make"
            for w in c[1:] if not w.startswith("-") and "=" not in w]


def runs_after_failure(step: Any) -> bool:
    condition = str(step.get("if", ""))
    return "!cancelled()" in condition or "always()" in condition


def pr_problems(text: str) -> list[str]:
    """What is wrong with a PR workflow, judged from its parsed steps (not from its text, where a
    comment would do): `make test` runs once and check/fmt-check are not run again; `make site`
    and the upload run after it even when it failed; the preview carries serve.py and
    README.txt, is marked when the tests failed, and the job summary says how to open it."""
    steps = [s for job in load(text)["jobs"].values() for s in job.get("steps", [])]
    targets = [(i, t) for i, s in enumerate(steps) for t in make_targets(s)]
    names = [t for _, t in targets]
    problems = [f"`make {t}` runs {names.count(t)} times, not once"
                for t in ("test", "site") if names.count(t) != 1]
    problems += [f"`make {t}` runs again: `make test` already runs it"
                 for t in ("check", "fmt-check", "lint", "schema") if t in names]
    if problems:
        return problems
    test = next(i for i, t in targets if t == "test")
    site = next(i for i, t in targets if t == "site")
    if steps[test].get("continue-on-error"):
        problems.append("the test step must fail the job")
    if not test < site:
        problems.append("`make site` must come after `make test`")
    if not runs_after_failure(steps[site]):
        problems.append("`make site` must also run when the tests failed (if: !cancelled())")
    uploads = [i for i, s in enumerate(steps)
               if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
    if len(uploads) != 1:
        return [*problems, f"{len(uploads)} actions/upload-artifact steps, not 1"]
    upload = steps[uploads[0]]
    if not uploads[0] > site:
        problems.append("the upload must come after `make site`")
    if not runs_after_failure(upload):
        problems.append("the upload must also run when the tests failed (if: !cancelled())")
    if str(upload["with"].get("path", "")).rstrip("/") != "site":
        problems.append("the upload must be site/")
    if "TESTS-FAILED" not in str(upload["with"].get("name", "")):
        problems.append("the artifact name must say when the tests failed")
    every = [c for s in steps[site:uploads[0]] for c in commands(str(s.get("run", "")))]
    bundled = {Path(w).name for c in every if c[0] == "cp" and c[-1].rstrip("/") == "site"
               for w in c[1:-1]}
    if not {"serve.py", "README.txt"} <= bundled:
        problems.append("serve.py and README.txt must be copied into site/ before the upload")
    summary = [c for s in steps for c in commands(str(s.get("run", "")))
               if "$GITHUB_STEP_SUMMARY" in c and any("serve.py" in w for w in c)]
    if not summary:
        problems.append("the job summary must say how to open the preview (serve.py)")
    return problems


PR = ROOT / ".github" / "workflows" / "pr.yml"


def test_pr_workflow_checks_tests_builds_and_uploads() -> None:
    assert pr_problems(PR.read_text(encoding="utf-8")) == []


def test_pr_check_is_not_fooled_by_comments() -> None:
    text = PR.read_text(encoding="utf-8")
    commented = text.replace("run: make test\n", "run: echo skipped  # make test\n")
    assert commented != text
    assert pr_problems(commented) == ["`make test` runs 0 times, not once"]
    again = text.replace("run: make test\n", "run: |\n          make check\n          make test\n")
    assert pr_problems(again) == ["`make check` runs again: `make test` already runs it"]



def test_pr_workflow_writes_the_data_diff_into_the_summary() -> None:
    """The reviewer's summary: `summary.sh` (tested on a fixture change in test_against.py)
    runs after the tests, also when they failed, with the base branch in the checkout (full
    history) and no token kept on disk."""
    steps = [s for job in load(PR.read_text(encoding="utf-8"))["jobs"].values()
             for s in job.get("steps", [])]
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"].get("fetch-depth") == 0
    assert checkout["with"].get("persist-credentials") is False
    summary = [i for i, s in enumerate(steps) for c in commands(str(s.get("run", "")))
               if c[0] == ".github/preview/summary.sh"]
    test = next(i for i, s in enumerate(steps) if "test" in make_targets(s))
    assert len(summary) == 1 and summary[0] > test
    assert runs_after_failure(steps[summary[0]])
    assert "${{" not in str(steps[summary[0]]["run"]), "pass contexts through env:"
