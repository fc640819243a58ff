"""`python -m generator amend`: after an amendment is recorded (the guide's "official
correction", step 1), the clause is made to follow it: the same edits the guide's step 2 has
the editor type by hand, and `check` passes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import DATA, REAL
from tests.test_guide_walkthroughs import WALKS, apply

CHAPTER = "policy_data/jiande-2025/chapters/03-services.yaml"


def blocks(kind: str) -> list[str]:
    return [b for k, b in WALKS["correction"] if k == kind]


@pytest.fixture
def recorded(tmp_path: Path) -> Path:
    """A copy of the data with the guide's amendment recorded and nothing else changed."""
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "policy_data")
    apply(repo, "yaml", blocks("yaml")[0])
    return repo


def test_amend_makes_the_edits_the_guide_types_by_hand(recorded: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    by_hand = tmp_path / "by-hand"
    shutil.copytree(recorded, by_hand)
    apply(by_hand, "diff", blocks("diff")[0])  # step 2, as an editor types it
    assert main(["--data", str(recorded / "policy_data"), "check"]) == 1  # not yet followed
    capsys.readouterr()
    assert main(["--data", str(recorded / "policy_data"), "amend"]) == 0
    said = capsys.readouterr().out
    assert "follows its amendments now" in said and "max_amount 15000 -> 18000" in said
    assert (recorded / CHAPTER).read_text("utf-8") == (by_hand / CHAPTER).read_text("utf-8")
    assert main(["--data", str(recorded / "policy_data"), "check"]) == 0
    assert main(["fmt", "--check", str(recorded / "policy_data")]) == 0


def test_amend_twice_changes_nothing_more(recorded: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(recorded / "policy_data"), "amend"]) == 0
    once = (recorded / CHAPTER).read_text("utf-8")
    capsys.readouterr()
    assert main(["--data", str(recorded / "policy_data"), "amend"]) == 0
    assert capsys.readouterr().out == ""
    assert (recorded / CHAPTER).read_text("utf-8") == once


def test_amend_leaves_the_real_data_as_it_is(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    assert main(["--data", str(copy), "amend"]) == 0
    assert capsys.readouterr().out == ""
    for path in REAL.rglob("*.yaml"):
        assert (copy / REAL.name / path.relative_to(REAL)).read_text("utf-8") == \
            path.read_text("utf-8")
