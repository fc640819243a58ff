"""Editions diff on a fixture edition made by editing a copy of the real one; change log,
clause history and the Atom feeds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import pytest

from generator.cli import main
from tests.conftest import DOC, REAL
from tests.html_text import soup


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("editions")
    old, new = base / "jiande-2025", base / "jiande-2026"
    shutil.copytree(REAL, old)
    shutil.copytree(REAL, new)
    ch1 = new / "chapters" / "01-science-technology.yaml"
    text = ch1.read_text(encoding="utf-8")
    # clause 1: a cap goes up from 20万 to 25万
    text = text.replace("max_amount: 200000\n", "max_amount: 250000\n", 1)
    ch1.write_text(text, encoding="utf-8")
    ch2 = new / "chapters" / "02-advanced-manufacturing.yaml"
    # clause 7: its text changes
    ch2.write_text(ch2.read_text(encoding="utf-8").replace(
        "推动茶业、工艺美术等历史经典产业", "推动茶业、工艺美术、丝绸等历史经典产业", 1),
        encoding="utf-8")
    ch8 = new / "chapters" / "08-livelihoods.yaml"
    lines = ch8.read_text(encoding="utf-8").split("\n")
    start = lines.index("  - number: 50")
    clause50 = lines[start:]
    lines = lines[:start]
    # clause 49 becomes 51; clause 50 becomes 52 with its title changed (it keeps its id: the
    # same clause, amended)
    i49 = lines.index("  - number: 49")
    lines[i49] = "  - number: 51"
    added = [ln.replace("  - number: 50", "  - number: 52") for ln in clause50]
    added = [ln.replace("支持推进“弱有众扶”。", "支持推进“弱有众扶”新举措。") for ln in added]
    ch8.write_text("\n".join(lines + added), encoding="utf-8")
    return old, new


def test_diff_text(editions: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    old, new = editions
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "changed    clause 1: values changed" in out
    assert "incentive high-tech-first-recognition max_amount: 200000 -> 250000" in out
    assert "amended    clause 7: text changed" in out
    assert "renumbered clause 49 -> 51" in out
    assert "renumbered clause 50 -> 52: renumbered, text changed" in out
    assert "removed" not in out and "added" not in out
    assert "clause 14" not in out


def test_diff_json(editions: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    old, new = editions
    assert main(["diff", "--json", str(old), str(new)]) == 0
    data = json.loads(capsys.readouterr().out)[0]["clauses"]
    kinds = sorted((d["kind"], d["old"], d["new"]) for d in data)
    assert kinds == sorted([("changed", 1, 1), ("amended", 7, 7), ("renumbered", 49, 51),
                            ("renumbered", 50, 52)])
    assert next(d for d in data if d["old"] == 50)["kinds"] == ["amended", "renumbered"]
    first = next(d for d in data if d["old"] == 1)
    assert first["values"] == [{"fact": "incentive high-tech-first-recognition max_amount",
                                "old": "200000", "new": "250000"}]


def test_no_difference_with_itself(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(REAL), str(REAL)]) == 0
    assert capsys.readouterr().out == "no differences\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_atom_feed_parses(built_site: Path, lang: str) -> None:
    feed = feedparser.parse((built_site / lang / DOC / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.entries and all(e.link.startswith("http") for e in feed.entries)
    assert len({e.id for e in feed.entries}) == len(feed.entries)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_whats_new_page_and_last_changed(built_site: Path, lang: str) -> None:
    page = soup(built_site / lang / DOC / "changes" / "index.html")
    assert len(page.select(".ph-change")) >= 1
    assert page.select_one('a[href$="feed.xml"]') is not None
    clause = soup(built_site / lang / DOC / "clauses" / "14" / "index.html")
    assert clause.select_one(".ph-last-changed") is not None
