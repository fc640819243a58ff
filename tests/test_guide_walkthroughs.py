"""The editors' guide works as written: its walkthroughs (an official correction, a
translation fix, a new responsible unit, a document imported from another county) are literal
blocks, the same in CONTRIBUTING.md and
CONTRIBUTING.zh.md; each is applied to a copy of the data on a pull-request branch of a
throwaway git repository, exactly as an editor would type it, and its commands must pass,
including `make check`'s comparison with main."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.data import schema
from generator.pipeline import valid_edition
from tests.conftest import ROOT, git

GUIDES = ("CONTRIBUTING.md", "CONTRIBUTING.zh.md")
MARK = re.compile(r"^<!-- walkthrough: ([\w-]+) -->$", re.M)
FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.M | re.S)
YAML_HEADER = re.compile(r"^# (\S+) \((new file|add at the end)\)$")


def walkthroughs(name: str) -> dict[str, list[tuple[str, str]]]:
    """Walkthrough name -> its fenced blocks (language, text), in order."""
    text = (ROOT / name).read_text(encoding="utf-8")
    parts = MARK.split(text)
    return {walk: FENCE.findall(body.split("\n## ", 1)[0])
            for walk, body in zip(parts[1::2], parts[2::2], strict=True)}


WALKS = walkthroughs("CONTRIBUTING.md")


def test_both_guides_walk_through_the_same_steps() -> None:
    assert set(WALKS) == {"correction", "translation", "new-unit", "import"}
    assert walkthroughs("CONTRIBUTING.zh.md") == WALKS


def apply(repo: Path, kind: str, block: str) -> list[str]:
    """Make one block's edit in `repo`; return the commands of a shell block."""
    header, body = block.split("\n", 1)
    if kind == "sh":
        return [ln.strip() for ln in block.splitlines() if ln.strip()]
    if kind == "diff":
        path = repo / header.removeprefix("# ")
        text = path.read_text(encoding="utf-8")
        lines = body.splitlines()
        assert all(ln.startswith(("- ", "+ ")) for ln in lines), body
        for old, new in zip(lines[::2], lines[1::2], strict=True):
            assert old.startswith("- ") and new.startswith("+ "), (old, new)
            found = text.count(old[2:])
            assert found == 1, f"`{old[2:]}` is {found} times in {path.name}, not once"
            text = text.replace(old[2:], new[2:])
        path.write_text(text, encoding="utf-8")
        return []
    assert kind == "yaml", kind
    m = YAML_HEADER.match(header)
    assert m, f"a YAML block starts with `# FILE (new file)` or `(add at the end)`: {header}"
    path = repo / m.group(1)
    if m.group(2) == "new file":
        assert not path.exists(), f"{path.name} exists already"
        path.write_text(body, encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        path.write_text(text + ("" if text.endswith("\n") else "\n") + body, encoding="utf-8")
    return []


def _import_argv(repo: Path, command: str) -> list[str] | None:
    """`python -m generator import …` as typed in the repository: its files are the
    checkout's (the test corpus), its folders the throwaway repository's."""
    import shlex

    words = shlex.split(command)
    if words[:4] != ["python", "-m", "generator", "import"]:
        return None
    out = []
    for w in words[3:]:
        if w.startswith("policy_data/"):
            w = str(repo / w)
        elif w.startswith("tests/"):
            w = str(ROOT / w)
        out.append(w)
    return out


def run(repo: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(repo / "policy_data")
    argv = {"make check": ["--data", data, "check", "--against", "main"],
            "make fmt": ["fmt", data]}.get(command) or _import_argv(repo, command)
    assert argv is not None, f"the walkthrough runs `{command}`, which this test does not know"
    code = main(argv)
    out = capsys.readouterr()
    assert code == 0, f"`{command}` failed:\n{out.err}"
    assert "not compared" not in out.out, out.out


@pytest.mark.parametrize("walk", sorted(WALKS))
def test_the_walkthrough_passes_check(repo: Path, capsys: pytest.CaptureFixture[str],
                                      walk: str) -> None:
    ran = []
    for kind, block in WALKS[walk]:
        for command in apply(repo, kind, block):
            run(repo, command, capsys)
            ran.append(command)
    assert "make check" in ran
    ed = valid_edition(repo / "policy_data" / "jiande-2025")
    if walk == "correction":
        nev = next(i for i in ed.clause(14).incentives if i.id == "new-energy-vehicle")
        assert nev.max_amount == 18000
        assert [a.id for a, _ in ed.amendments_of_clause(14)] == ["erratum-2025-06"]
        assert (repo / "policy_data/jiande-2025/source.zh.txt").read_text("utf-8") == \
            git(repo, "show", "main:policy_data/jiande-2025/source.zh.txt")
    elif walk == "translation":
        assert "trade-in of home furnishings" in ed.clause(14).text.en
    elif walk == "import":
        data = repo / "policy_data"
        newer, older = valid_edition(data / "luming-2025"), valid_edition(data / "luming-2024")
        assert (newer.document.series, older.document.series) == ("luming-policy",) * 2
        assert newer.document.supersedes == "luming-2024"
        alone = valid_edition(data / "fenghe-2025")
        assert alone.issuers_supplied and [u.name.zh for u in alone.issuers] == ["枫禾县人民政府"]
        library = (data / "library.yaml").read_text(encoding="utf-8")
        assert "id: luming-policy" in library and "id: fenghe-policy" in library
        assert ed == valid_edition(data / "jiande-2025")
    else:
        assert ed.clause(20).responsible_units[-1] == "data-resources-bureau"
        assert ed.clause(20).text.zh.endswith("市住建局、市数据资源局)")


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guide_lists_every_allowed_value(guide: str) -> None:
    """Every value of every enumerated field of the schema is in the guide's table."""
    from enum import Enum

    text = (ROOT / guide).read_text(encoding="utf-8")
    section = text.split("\n## ")[[s.split("\n", 1)[0] for s in text.split("\n## ")].index(
        "Allowed values" if guide == "CONTRIBUTING.md" else "允许的取值")]
    enums = [e for e in vars(schema).values()
             if isinstance(e, type) and issubclass(e, Enum) and e.__module__ == schema.__name__]
    missing = [f"{e.__name__}.{v.value}" for e in enums for v in e
               if f"`{v.value}`" not in section]
    assert missing == []
