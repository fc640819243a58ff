"""Bad input gives a clear `file:line:col: what, how to fix` naming the right place.

Each case copies the small fixture edition and breaks one thing in one file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import MINI, edited_copy

CHAPTER = "chapters/01-science.yaml"


def break_file(tmp_path: Path, name: str, old: str, new: str) -> Path:
    return edited_copy(MINI, tmp_path / "edition", name, old, new)


def run_check(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", str(folder)])
    out = capsys.readouterr()
    return code, out.err


def line_of(folder: Path, name: str, needle: str) -> int:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, ln in enumerate(lines, 1) if needle in ln)


def test_the_fixture_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(MINI)]) == 0
    assert "ok" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("case", "name", "old", "new", "needle", "expect"),
    [
        ("malformed yaml", CHAPTER, "lead_units: [science-bureau]",
         "lead_units: [science-bureau", "lead_units:", "YAML syntax error: the `[` on line"),
        ("wrong type", CHAPTER, "max_amount: 200000", "max_amount: lots",
         "max_amount", "`max_amount`"),
        ("unknown key", CHAPTER, "max_amount: 200000", "maximum: 200000",
         "maximum", "unknown key `maximum`"),
        ("missing translation", CHAPTER, "title: {zh: 鼓励创新。, en: Encourage innovation.}",
         "title: {zh: 鼓励创新。}", "鼓励创新。}", "missing `en` text"),
        ("duplicated clause number", CHAPTER, "  - number: 2", "  - number: 1",
         "  - number: 1\n    title: {zh: 支持就业", "clause number 1 is duplicated"),
        ("quote not in text", CHAPTER, "quote: 给予最高20万元奖励", "quote: 给予最高30万元奖励",
         "quote: 给予最高30万元奖励", "is not in the zh text"),
        ("unit id that does not exist", CHAPTER, "responsible_units: [science-bureau]",
         "responsible_units: [science-office]", "science-office", "unit id `science-office`"),
        ("amount differs from its quote", CHAPTER, "max_amount: 200000",
         "max_amount: 20000", "max_amount: 20000", "20000 is not a number written"),
        ("number without a fact", CHAPTER, "        quote: 提供见习岗位150个以上",
         "        quote: 提供见习岗位", "zh: 提供见习岗位150个以上", "has no incentive, target"),
        ("english loses a number", CHAPTER, "up to CNY 200,000", "up to CNY 20,000",
         "en: >-\n        A first-time", "the English has 20000 where the Chinese has 200000"),
        ("unit named but not known", CHAPTER, "(责任单位:市科技局)", "(责任单位:市科技处)",
         "responsible_units: [science-bureau]", "names `市科技处`"),
        ("preamble not as published", "document.yaml", "preamble: {zh: 现制定以下政策。",
         "preamble: {zh: 现制定如下政策。", "preamble:", "differs from source.zh.txt"),
        ("closing not as published", "document.yaml", "  - {zh: 上述政策支持总额为100万元。",
         "  - {zh: 上述政策的支持总额为100万元。", "上述政策的支持总额",
         "differs from source.zh.txt"),
        ("chapter intro not as published", CHAPTER, "市财政安排100万元", "市财政统筹安排100万元",
         "市财政统筹安排100万元", "differs from source.zh.txt"),
    ],
)
def test_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, name: str,
                   old: str, new: str, needle: str, expect: str) -> None:
    folder = break_file(tmp_path, name, old, new)
    code, err = run_check(folder, capsys)
    assert code == 1, case
    path = str(folder / name)
    lines = [ln for ln in err.splitlines() if expect in ln]
    assert lines, f"{case}: no line with {expect!r} in:\n{err}"
    first, *rest = needle.split("\n")
    want_line = line_of(folder, name, rest[0]) - 1 if rest else line_of(folder, name, first)
    assert any(ln.startswith(f"{path}:{want_line}:") for ln in lines), (
        f"{case}: expected {path}:{want_line}: in {lines}")
    assert "Traceback" not in err


def test_every_problem_is_reported_at_once(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = break_file(tmp_path, CHAPTER, "max_amount: 200000", "maximum: 200000")
    text = (folder / CHAPTER).read_text(encoding="utf-8")
    (folder / CHAPTER).write_text(text.replace("value: 150", "valeur: 150"), encoding="utf-8")
    code, err = run_check(folder, capsys)
    assert code == 1
    assert "unknown key `maximum`" in err and "unknown key `valeur`" in err


def test_missing_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_check(tmp_path / "nowhere", capsys)
    assert code == 2
    assert "folder does not exist" in err


def test_yaml_tags_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = break_file(tmp_path, CHAPTER, "max_amount: 200000",
                        "max_amount: !!python/object/apply:os.system ['true']")
    code, err = run_check(folder, capsys)
    assert code == 1
    assert "not allowed" in err


def test_unresolved_total_needs_a_note(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = break_file(tmp_path, "chapters/01-science.yaml", "amount: 1000000", "amount: 900000")
    text = (folder / CHAPTER).read_text(encoding="utf-8")
    (folder / CHAPTER).write_text(text.replace("市财政安排100万元", "市财政安排90万元")
                                  .replace("CNY 1 million", "CNY 0.9 million"), encoding="utf-8")
    code, err = run_check(folder, capsys)
    assert code == 1
    assert "record the discrepancy in `budget_notes`" in err


def test_yaml_1_2_colon_in_flow_text_is_accepted(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """libyaml (YAML 1.1) rejects {zh: 甲:乙}; the loader falls back to the YAML 1.2 parser."""
    folder = break_file(tmp_path, CHAPTER, "what: {zh: 首次认定高新技术企业,",
                        "what: {zh: 首次认定:高新技术企业,")
    code, err = run_check(folder, capsys)
    assert code == 0, err


def test_deep_nesting_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "edition"
    shutil.copytree(MINI, folder)
    (folder / "glossary.yaml").write_text("terms: " + "[" * 40 + "]" * 40 + "\n", "utf-8")
    code, err = run_check(folder, capsys)
    assert code == 1
    assert "glossary.yaml:1:" in err and "nesting deeper than" in err


def test_oversized_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "edition"
    shutil.copytree(MINI, folder)
    (folder / "glossary.yaml").write_text("# " + "x" * (3 * 1024 * 1024) + "\nterms: []\n",
                                          "utf-8")
    code, err = run_check(folder, capsys)
    assert code == 1
    assert "over the" in err and "glossary.yaml:1:1" in err


def test_a_reader_that_stops_reading_gets_no_traceback() -> None:
    """`python -m generator check | head -1`: the command stops when its reader has gone,
    with an exit code that says it did not finish, and no traceback. (The reader here is
    gone before the command writes: the same as `head` closing early, without a race.)"""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=ROOT,
                              stdout=write, stderr=subprocess.PIPE, timeout=120, check=False)
    finally:
        os.close(write)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
