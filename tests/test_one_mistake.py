"""One mistake, one message: the three mistakes editors make most (an indentation slip, a
misspelt key, a misspelt unit id) each give exactly one `path:line:col` message in plain
words with a suggestion, and no knock-on errors from the files that did load."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import DATA, REAL

CHAPTER = "chapters/03-services.yaml"
LOCATED = re.compile(r"^(.+?):(\d+):(\d+): (.*)$")


def check(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], list[str]]:
    """`check FOLDER`, and `check` of the whole library as `make check` runs it: both must
    say the same."""
    code = main(["check", str(folder)])
    out = capsys.readouterr()
    whole = main(["--data", str(folder.parent), "check"])
    lib = capsys.readouterr()
    assert whole == code
    assert [ln for ln in lib.err.splitlines() if LOCATED.match(ln)] == \
        [ln for ln in out.err.splitlines() if LOCATED.match(ln)]
    return code, out.err.splitlines(), out.out.splitlines()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the data folder (library.yaml and the document); the document's folder."""
    shutil.copytree(DATA, tmp_path / "policy_data")
    return tmp_path / "policy_data" / REAL.name


def edit(folder: Path, name: str, old: str, new: str) -> int:
    """Replace the line holding `old` (once) and return its line number."""
    path = folder / name
    lines = path.read_text(encoding="utf-8").split("\n")
    at = [i for i, ln in enumerate(lines) if old in ln]
    assert len(at) == 1, f"{old!r} is on {len(at)} lines of {name}"
    lines[at[0]] = lines[at[0]].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")
    return at[0] + 1


def baseline_notes(capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["check", str(REAL)]) == 0
    return [ln.split(": note: ", 1)[1] for ln in capsys.readouterr().out.splitlines()
            if ": note: " in ln]


CASES = {
    # a line of an incentive indented two spaces too far, under a plain `quote:`
    "indentation": ("        what: {zh: 汽车置换更新购买新能源汽车",
                    "          what: {zh: 汽车置换更新购买新能源汽车",
                    11, "YAML syntax error: line {line} is indented 2 more spaces than `quote:`"
                    " on line {prev} above it, so YAML reads it as part of that line's value; "
                    "indent it 8 spaces, like `quote:`"),
    "misspelt key": ("        max_amount: 15000", "        max_amout: 15000", 9,
                     "unknown key `max_amout`; did you mean `max_amount`? Rename the key"),
    "unit id typo": ("    responsible_units: [commerce-bureau]",
                     "    responsible_units: [commerce-burea]", 25,
                     "unit id `commerce-burea` does not exist; did you mean `commerce-bureau` "
                     "(市商务局)? Otherwise add the unit to units.yaml"),
}


@pytest.mark.parametrize("case", CASES)
def test_one_mistake_gives_one_message(data: Path, capsys: pytest.CaptureFixture[str],
                                       case: str) -> None:
    old, new, col, want = CASES[case]
    notes = baseline_notes(capsys)
    line = edit(data, CHAPTER, old, new)
    code, err, out = check(data, capsys)
    assert code == 1
    problems = [ln for ln in err if LOCATED.match(ln)]
    message = want.format(line=line, prev=line - 1)
    assert problems == [f"{data / CHAPTER}:{line}:{col}: {message}"], "\n".join(err)
    assert [ln.split(": note: ", 1)[1] for ln in out if ": note: " in ln] in ([], notes)
    for jargon in ("<block", "expected <", "Extra inputs", "Field required"):
        assert jargon not in "\n".join(err)


def test_a_misspelt_required_key_is_one_message(data: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """`quot` for `quote`: not also "missing required key `quote`"."""
    line = edit(data, CHAPTER, "        quote: 每辆燃油车最高补贴1.3万元",
                "        quot: 每辆燃油车最高补贴1.3万元")
    _, err, _ = check(data, capsys)
    assert [ln for ln in err if LOCATED.match(ln)] == [
        f"{data / CHAPTER}:{line}:9: unknown key `quot`; did you mean `quote`? It is required "
        "here: rename the key"]


def test_a_misspelt_value_names_the_allowed_values(data: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = data / "units.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("kind: bureau", "kind: burau", 1), encoding="utf-8")
    line = text.split("\n").index(next(ln for ln in text.split("\n") if "kind: bureau" in ln)) + 1
    _, err, _ = check(data, capsys)
    problems = [ln for ln in err if LOCATED.match(ln)]
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:{line}:5: `kind` cannot be `burau`; did you mean "
                                  "`bureau`? The values are `government`, ")


def test_a_changed_amount_points_at_the_quote_not_at_a_missing_fact(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The text says 1.8万元 where the quote says 1.5万元: one message at the quote, with the
    new wording, and no "`1.8万` has no incentive" (which sends editors to add a duplicate)."""
    edit(data, CHAPTER, "      zh: 支持汽车置换更新,每辆新能源汽车最高补贴1.5万元",
         "      zh: 支持汽车置换更新,每辆新能源汽车最高补贴1.8万元")
    _, err, _ = check(data, capsys)
    text = "\n".join(err)
    assert "has no incentive" not in text
    assert ("quote `每辆新能源汽车最高补贴1.5万元` is not in the zh text, which now reads "
            "`每辆新能源汽车最高补贴1.8万元`: copy that into `quote` and change the value to match "
            "(1.8万 → 18000)") in text
    assert "the English has 15000 where the Chinese has 18000" in text


def test_the_english_responsible_units_follow_the_data(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A unit added to a clause's responsible_units (and to its 责任单位) but not to the
    English "(Responsible units: …)" is reported at the English text."""
    path = data / CHAPTER
    text = path.read_text(encoding="utf-8")
    text = text.replace("    responsible_units: [commerce-bureau]",
                        "    responsible_units: [commerce-bureau, finance-bureau]", 1)
    path.write_text(text, encoding="utf-8")
    source = data / "source.zh.txt"
    src = source.read_text(encoding="utf-8")
    clause = next(ln for ln in src.split("\n") if ln.startswith("14."))
    source.write_text(src.replace(clause, clause.replace("(责任单位:市商务局)",
                                                         "(责任单位:市商务局、市财政局)")), "utf-8")
    path.write_text(text.replace("补贴申领程序。(责任单位:市商务局)",
                                 "补贴申领程序。(责任单位:市商务局、市财政局)"), "utf-8")
    _, err, _ = check(data, capsys)
    problems = [ln for ln in err if LOCATED.match(ln)]
    assert len(problems) == 1, err
    assert ("clause 14: the en text ends `(Responsible unit: Municipal Commerce Bureau)`; for "
            "its responsible_units it must end `(Responsible units: Municipal Commerce Bureau, "
            "Municipal Finance Bureau)`") in problems[0]
