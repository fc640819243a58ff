"""Against the last published state: a pull request that changes an amount with no
change-log entry fails `check --against` with the entry to paste, and passes once it is
added; without git history `check` says so in one note; `diff --against` and the pull
request's job-summary script show a reviewer what changed. Each test works in a small git
repository made from a copy of the data."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import DATA, ROOT, git

CHAPTER = "chapters/03-services.yaml"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def change_one_amount(folder: Path) -> None:
    """A pull request that changes the NEV cap everywhere it shows, even in source.zh.txt
    (what the guide forbids, and what happened): every other check passes."""
    old, new = "每辆新能源汽车最高补贴1.5万元", "每辆新能源汽车最高补贴1.8万元"
    replace(folder / "source.zh.txt", old, new)
    chapter = folder / CHAPTER
    replace(chapter, old, new)
    replace(chapter, "max_amount: 15000", "max_amount: 18000")
    replace(chapter, "up to CNY 15,000 per new energy vehicle",
            "up to CNY 18,000 per new energy vehicle")


def check(repo: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data", str(repo / "policy_data"), "check", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_an_unlogged_amount_fails_with_the_entry_to_paste(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = repo / "policy_data" / "jiande-2025"
    change_one_amount(folder)
    git(repo, "commit", "-q", "-am", "NEV cap 1.8万")
    assert check(repo, capsys)[0] == 0  # without a base, nothing can tell

    code, _, err = check(repo, capsys, "--against", "main")
    assert code == 1
    assert "changed since main (" in err
    assert ("no change-log entry: clause 14 (Chinese and English text, incentive "
            "new-energy-vehicle max_amount 15000 -> 18000)") in err
    pasted = err[err.index("  - date:"):].split("\n" + str(repo), 1)[0].rstrip() + "\n"
    assert re.fullmatch(r'  - date: "\d{4}-\d{2}-\d{2}"\n    kind: correction\n'
                        r"    clauses: \[14\]\n    summary:\n      zh: \"TODO: .*\"\n"
                        r'      en: "TODO: .*"\n', pasted), pasted

    changes = folder / "changes.yaml"
    with changes.open("a", encoding="utf-8") as f:  # pasted as it is: the TODO is refused
        f.write(pasted)
    code, _, err = check(repo, capsys, "--against", "main")
    assert code == 1 and "the summary is still the stub's TODO" in err

    replace(changes, "TODO: 写明改了什么、为什么", "第14条新能源汽车补贴上限改为1.8万元。")
    replace(changes, "TODO: say what changed and why",
            "Clause 14: the cap for a new energy vehicle is now CNY 18,000.")
    code, out, err = check(repo, capsys, "--against", "main")
    assert code == 0, err
    assert out.strip().endswith("ok, 1 document(s) (4 known note(s))")


def test_a_translation_fix_is_logged_as_translation(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = repo / "policy_data" / "jiande-2025"
    replace(folder / CHAPTER, "Step up support for the trade-in of consumer goods.",
            "Give more support to the trade-in of consumer goods.")
    code, _, err = check(repo, capsys, "--against", "main")
    assert code == 1
    assert "clause 14 (English text)" in err and "    kind: translation\n" in err


def test_without_history_check_says_so_in_one_note(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A fresh download with no git history still checks; it cannot compare, and says so."""
    shutil.copytree(DATA, tmp_path / "policy_data")
    code, out, err = check(tmp_path, capsys, "--against", "origin/main")
    assert code == 0, err
    notes = [ln for ln in out.splitlines() if "not compared with origin/main" in ln]
    assert len(notes) == 1 and "note:" in notes[0] and "not a git checkout" in notes[0]


def test_an_unknown_base_is_one_note(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(repo, capsys, "--against", "origin/main")
    assert code == 0
    assert [ln for ln in out.splitlines() if "not compared" in ln] == [
        f"{repo / 'policy_data'}:1:1: note: not compared with origin/main: "
        "revision origin/main not found; the change log is not checked against it"]


def test_diff_against_a_revision(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change_one_amount(repo / "policy_data" / "jiande-2025")
    assert main(["--data", str(repo / "policy_data"), "diff", "--against", "main"]) == 0
    out = capsys.readouterr().out
    assert "amended    clause 14: text changed, values changed" in out
    assert "Chinese: …,每辆新能源汽车最高补贴[-1.5-]{+1.8+}万元、每辆燃油车最高补贴…" in out
    assert "up to CNY [-15,000-]{+18,000+} per new energy vehicle" in out
    assert "incentive new-energy-vehicle max_amount: 15000 -> 18000" in out


def test_the_job_summary_script_on_a_fixture_change(repo: Path, tmp_path: Path) -> None:
    """What the pull request workflow's summary step writes, run here as CI runs it."""
    folder = repo / "policy_data" / "jiande-2025"
    change_one_amount(folder)
    replace(folder / "units.yaml", "en: Municipal Commerce Bureau",
            "en: Jiande Municipal Bureau of Commerce")
    replace(folder / CHAPTER, "(Responsible unit: Municipal Commerce Bureau)",
            "(Responsible unit: Jiande Municipal Bureau of Commerce)")
    git(repo, "commit", "-q", "-am", "a pull request")
    summary = tmp_path / "summary.md"
    run = subprocess.run([str(ROOT / ".github" / "preview" / "summary.sh"), "main"], cwd=repo,
                         env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary),
                              "PYTHON": str(ROOT / ".venv" / "bin" / "python")},
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## What this pull request changes in the handbook\n")
    assert "| 14 更大力度支持消费品以旧换新。 | text, values | zh, en | " \
           "[zh](http://127.0.0.1:8000/zh/jiande-2025/clauses/14/) · " \
           "[en](http://127.0.0.1:8000/en/jiande-2025/clauses/14/) |" in text
    assert "最高补贴<del>1.5</del><ins>1.8</ins>万元" in text
    assert "`incentive new-energy-vehicle max_amount`: 15000 → 18000" in text
    assert ("- `commerce-bureau`: 市商务局 / Municipal Commerce Bureau → 市商务局 / Jiande "
            "Municipal Bureau of Commerce") in text
    assert not (repo / "summary.tmp.md").exists()


def test_the_summary_script_says_when_the_base_is_missing(repo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    run = subprocess.run([str(ROOT / ".github" / "preview" / "summary.sh"), "origin/main"],
                         cwd=repo, env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)},
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0
    assert "the base `origin/main` is not in this checkout" in summary.read_text("utf-8")
