"""Whatever an editor feeds the importer, every run ends in a message or a result, never a
traceback: the corpus documents broken in the ways real input is broken (truncated, lines
shuffled, deleted or doubled, brackets unbalanced, widths mixed, numbers garbled, empty,
binary, another genre), in every format, each run in-process through the CLI as an editor
types it. The mutations are random but seeded, so a failure names a case that can be rerun
(`pytest -k 'luming-2025-7'`)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from tests.library_fixture import IMPORT

DOCUMENTS = ["luming-2025", "luming-2024", "wangshu-2025", "qingyue-2025", "chengchuan-2023",
             "fenghe-2025", "qingxi-2025", "jiande-2026"]
PER_DOCUMENT = 30


def _lines(text: str) -> list[str]:
    return text.split("\n")


def truncate(r: random.Random, text: str) -> str:
    return text[:r.randrange(0, len(text))]


def shuffle_lines(r: random.Random, text: str) -> str:
    lines = _lines(text)
    i = r.randrange(len(lines))
    j = min(len(lines), i + r.randrange(2, 12))
    part = lines[i:j]
    r.shuffle(part)
    return "\n".join(lines[:i] + part + lines[j:])


def delete_lines(r: random.Random, text: str) -> str:
    lines = _lines(text)
    for _ in range(r.randrange(1, 6)):
        if lines:
            del lines[r.randrange(len(lines))]
    return "\n".join(lines)


def double_lines(r: random.Random, text: str) -> str:
    lines = _lines(text)
    i = r.randrange(len(lines))
    return "\n".join(lines[:i + 1] + lines[i:])


def unbalance(r: random.Random, text: str) -> str:
    spots = [m.start() for m in re.finditer(r"[()（）〈〉]", text)]
    for at in sorted(r.sample(spots, min(len(spots), r.randrange(1, 4))), reverse=True):
        text = text[:at] + text[at + 1:]
    return text


def mix_widths(r: random.Random, text: str) -> str:
    swap = str.maketrans("()（）:：,，", "（）()：:，,")
    return "".join(c.translate(swap) if r.random() < 0.3 else c for c in text)


def garble_numbers(r: random.Random, text: str) -> str:
    def one(m: re.Match[str]) -> str:
        return r.choice(["", "0", "99999999", "1.2.3", "２０", m.group(0) + "万亿", "十"])
    return re.sub(r"\d+(?:\.\d+)?", lambda m: one(m) if r.random() < 0.2 else m.group(0), text)


def renumber_clauses(r: random.Random, text: str) -> str:
    return re.sub(r"^(\d+)([.、])", lambda m: f"{int(m.group(1)) + r.choice([0, 1, -1, 5])}"
                  f"{m.group(2)}", text, flags=re.M)


def stray_lines(r: random.Random, text: str) -> str:
    junk = ["附件", "一、", "（一）", "(责任单位:)", "1.", "：", "2025年13月45日", "——",
            "各有关单位：", "索引号：", "一是", "本政策自印发之日起施行。", "\u200b", "\x0c"]
    lines = _lines(text)
    for _ in range(r.randrange(1, 5)):
        lines.insert(r.randrange(len(lines) + 1), r.choice(junk))
    return "\n".join(lines)


def splice_chapters(r: random.Random, text: str) -> str:
    return re.sub(r"^([一二三四五六七八]、)", lambda m: r.choice(["九、", "一、", "十二、", ""]) if
                  r.random() < 0.4 else m.group(1), text, flags=re.M)


MUTATIONS: list[Callable[[random.Random, str], str]] = [
    truncate, shuffle_lines, delete_lines, double_lines, unbalance, mix_widths, garble_numbers,
    renumber_clauses, stray_lines, splice_chapters]


def _as(fmt: str, text: str, path: Path) -> Path:
    """The text written as a .txt, a Word file or a saved page."""
    if fmt == "txt":
        path.write_text(text, encoding="utf-8")
    elif fmt == "docx":
        import docx

        d = docx.Document()
        for line in text.split("\n"):  # Word cannot hold control characters
            d.add_paragraph(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", line))
        d.save(str(path))
    else:
        import html

        body = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
        path.write_text(f"<html><body><div class='nav'>首页</div>{body}</body></html>",
                        encoding="utf-8")
    return path


CASES = [(doc, k) for doc in DOCUMENTS for k in range(PER_DOCUMENT)]


@pytest.mark.parametrize(("doc", "k"), CASES, ids=[f"{d}-{k}" for d, k in CASES])
def test_a_broken_document_gives_a_message_or_a_result(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: str, k: int) -> None:
    r = random.Random(f"{doc}-{k}")
    text = (IMPORT / f"{doc}.txt").read_text(encoding="utf-8")
    for mutate in r.sample(MUTATIONS, r.randrange(1, 4)):
        text = mutate(r, text) or " "
    fmt = ("txt", "docx", "html")[k % 3]
    source = _as(fmt, text, tmp_path / f"{doc}.{fmt}")
    code = main(["import", str(source), "--into", str(tmp_path / "data" / doc)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    if code == 0:
        assert (tmp_path / "data" / doc / "document.yaml").is_file()
        assert main(["check", str(tmp_path / "data" / doc)]) == 0, capsys.readouterr().err
    else:
        assert code == 1 and "nothing was written" in out.err
        assert re.search(r":\d+:\d+: ", out.err), out.err  # each problem names its line
        assert not (tmp_path / "data" / doc).exists()


@pytest.mark.parametrize(("name", "data"), [
    ("empty.txt", b""), ("blank.txt", b" \n\n\t\n"), ("binary.txt", bytes(range(256)) * 40),
    ("binary.docx", b"PK\x03\x04" + bytes(range(256)) * 10), ("page.html", b"<html></html>"),
    ("noise.html", b"\xff\xfe" + "随机文字".encode("utf-16-le") * 100),
    ("latin1.txt", "Caf\xe9 policy".encode("latin-1")),
    ("other-genre.txt", "关于做好2025年防汛工作的通知\n\n各乡镇：\n\n请做好防汛准备。\n\n县防指\n\n"
     "2025年5月1日\n".encode()),
    ("headings-only.txt", "一、科技创新\n\n二、先进制造\n".encode()),
    ("clauses-only.txt", "1.支持企业。(责任单位:县科技局)\n\n2.支持人才。\n".encode()),
])
def test_input_that_is_not_a_document(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      name: str, data: bytes) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    code = main(["import", str(source), "--into", str(tmp_path / "data" / "doc-2025")])
    out = capsys.readouterr()
    assert code == 1 and "Traceback" not in out.err
    assert f"{name}:" in out.err and "nothing was written" in out.err
