"""A YAML mistake is named in an editor's words, at the line to change, by `check` and `fmt`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from generator.cli import main
from generator.data import load
from generator.data.yaml_errors import explain
from tests.conftest import MINI


def explained(text: str) -> tuple[int, int, str]:
    yaml = YAML(typ="safe", pure=True)
    with pytest.raises(MarkedYAMLError) as info:
        yaml.constructor.construct_document(yaml.compose(text))
    return explain(text, info.value)


@pytest.mark.parametrize(("text", "where", "words"), [
    ("a:\n  - id: x\n    kind: y\n      what: z\n", (4, 7),
     "line 4 is indented 2 more spaces than `kind:` on line 3 above it, so YAML reads it as part "
     "of that line's value; indent it 4 spaces, like `kind:`"),
    ("a:\n  - id: x\n    kind: y\n   what: z\n", (4, 4),
     "line 4 is indented 1 space fewer than `kind:` on line 3, and lines up with no key above "
     "it; indent it 4 spaces, like `kind:`"),
    ("a:\n\tb: 1\n", (2, 1), "line 2 is indented with a tab; indent with spaces only"),
    ("a:\n  zh: 甲: 乙\n", (2, 8), "line 2 has `: ` inside an unquoted text, which YAML reads as "
     "a new key; put the whole text in quotes"),
    ("a: [x, y\nb: 2\n", (1, 4), "the `[` on line 1 is not closed; end it with `]`"),
    ("a: {zh: x, en: y\nb: 2\n", (1, 4), "the `{` on line 1 is not closed; end it with `}`"),
    ('a: "abc\nb: 2\n', (1, 4), 'the " opened on line 1 is never closed; end the text with "'),
    ("a: 1\nb: 2\na: 3\n", (3, 1), "key `a` is given twice in the same mapping (first on line 1)"),
    ("a:\n  - x\n  y: 1\n", (3, 3), "line 3 is a key where the list above it expects `- ` items"),
], ids=["deeper", "shallower", "tab", "colon in text", "open list", "open mapping",
        "open quote", "duplicate key", "key in a list"])
def test_parser_errors_in_plain_words(text: str, where: tuple[int, int], words: str) -> None:
    line, col, message = explained(text)
    assert (line, col) == where, message
    assert words in message
    assert "<block" not in message and "expected" not in message


def test_fmt_reports_broken_yaml_as_path_line_col(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "edition"
    shutil.copytree(MINI, folder)
    chapter = folder / "chapters" / "01-science.yaml"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("        kind: reward\n", "          kind: reward\n"), "utf-8")
    assert main(["fmt", str(folder)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    line = text.splitlines().index("        kind: reward") + 1
    assert err == [f"{chapter}:{line}:11: YAML syntax error: line {line} is indented 2 more "
                   f"spaces than `- id:` on line {line - 1} above it, so YAML reads it as part of "
                   "that line's value; indent it 8 spaces, like `- id:`; fix it, then run "
                   "`make fmt` again"]


def test_fmt_unfolds_wrapped_english(tmp_path: Path) -> None:
    """A phrase wrapped across lines cannot be found by searching the file: one line per
    paragraph."""
    folder = tmp_path / "edition"
    shutil.copytree(MINI, folder)
    chapter = folder / "chapters" / "01-science.yaml"
    assert "Human Resources and\n" in chapter.read_text(encoding="utf-8")
    assert main(["fmt", str(folder)]) == 0
    text = chapter.read_text(encoding="utf-8")
    assert "Human Resources and Social Security Bureau" in text
    assert main(["check", str(folder)]) == 0


def ruamel_data(text: str) -> object:
    yaml = YAML(typ="safe", pure=True)
    return load.plain(yaml.constructor.construct_document(yaml.compose(text)))


@pytest.mark.parametrize("text", [
    "a: no\nb: on\nc: yes\nd: off\ne: y\n",  # YAML 1.1 booleans are strings in 1.2
    "a: 010\nb: 0o17\nc: 0x1F\nd: 1_000\ne: 1:20\nf: +5\ng: -0\n",
    "a: 1.5\nb: .inf\nc: -.5e3\nd: 1e3\ne: 15%\n",
    "a: 2025-01-01\nb: 2025-1-1\nc: null\nd: ~\ne:\nf: true\ng: False\n",
    "a: {zh: 首次认定:高新技术企业, en: x}\n",  # libyaml refuses; ruamel reads it
    "a: &x {b: 1}\nc: *x\n",
    "1: a\nfalse: b\n2025-01-01: c\n",
    "a: 'quoted 5'\nb: \"7\"\nc: |\n  5\nd: >-\n  folded\n  text\n",
])
def test_fast_loader_gives_ruamel_s_data(tmp_path: Path, text: str) -> None:
    """The loader composes with libyaml but types every scalar as YAML 1.2 (ruamel) does."""
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    got = load.load_yaml(path).data
    assert got == ruamel_data(text) and repr(got) == repr(ruamel_data(text))


def test_fast_loader_gives_ruamel_s_data_and_positions_for_every_data_file() -> None:
    root = Path(__file__).resolve().parent.parent
    files = sorted([*root.glob("policy_data/**/*.yaml"), *root.glob("tests/**/*.yaml")])
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        yaml = YAML(typ="safe", pure=True)
        tree = yaml.compose(text)
        old = load.YamlFile(path, load.plain(yaml.constructor.construct_document(tree)), tree)
        new = load.load_yaml(path)
        assert new.data == old.data, path
        assert new.compact().index == old.compact().index, path


@pytest.mark.parametrize(("text", "words"), [
    ("a: 1\na: 2\n", "x.yaml:2:1: YAML syntax error: key `a` is given twice"),
    ("1: a\ntrue: b\n", "x.yaml:2:1: YAML syntax error: key `True` is given twice"),
    ("b: &x {c: 1}\na:\n  <<: *x\n", "YAML tag tag:yaml.org,2002:merge is not allowed"),
    ("a: !!python/object:os.system x\n", "is not allowed"),
])
def test_fast_loader_refuses_as_ruamel_did(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(load.LoadError) as info:
        load.load_yaml(path)
    assert words in str(info.value)
