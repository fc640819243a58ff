"""`python -m generator fmt`: stable, comment-preserving, and `--check` names the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.data.fmt import format_text, yaml_files
from tests.conftest import MINI, REAL


@pytest.mark.parametrize("path", yaml_files(REAL), ids=lambda p: p.name)
def test_real_data_is_formatted_and_formatting_twice_changes_nothing(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    once = format_text(text)
    assert once == text, f"{path} is not formatted: run `make fmt`"
    assert format_text(once) == once


def test_a_comment_in_a_clause_survives(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    shutil.copytree(MINI, folder)
    chapter = folder / "chapters" / "01-science.yaml"
    text = chapter.read_text(encoding="utf-8").replace(
        "    responsible_units: [science-bureau]\n",
        "    # 经市科技局确认 / confirmed with the bureau\n"
        "    responsible_units:   [science-bureau]\n", 1)
    chapter.write_text(text, encoding="utf-8")
    assert main(["fmt", str(folder)]) == 0
    formatted = chapter.read_text(encoding="utf-8")
    assert "    # 经市科技局确认 / confirmed with the bureau\n" in formatted
    assert "responsible_units: [science-bureau]" in formatted
    assert main(["check", str(folder)]) == 0


def test_check_names_the_unformatted_file_and_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "edition"
    shutil.copytree(MINI, folder)
    units = folder / "units.yaml"
    messy = units.read_text(encoding="utf-8").replace("    kind: bureau",
                                                      "    kind:      bureau", 1)
    units.write_text(messy, encoding="utf-8")
    assert main(["fmt", "--check", str(folder)]) == 1
    assert f"{units}: not formatted" in capsys.readouterr().err
    assert units.read_text(encoding="utf-8") == messy
    assert main(["fmt", str(folder)]) == 0
    assert main(["fmt", "--check", str(folder)]) == 0
