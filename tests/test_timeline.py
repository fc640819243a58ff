"""One identity of a clause across the editions of a series: the import report, `generator
diff --json` and the comparison page say the same about a pair of editions, and exactly what
the test editions changed; every clause page's timeline links the same clause in every other
edition; any two editions are compared. The series: the real jiande-2025 and two test
editions made from it (tests/fixtures/import/make_fixtures.py, tests/library_fixture.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.importer.grammar import parse
from generator.importer.readers import read
from tests.conftest import REAL
from tests.html_text import soup
from tests.library_fixture import IMPORT

SOURCES = {"jiande-2025": REAL / "source.zh.txt", "jiande-2026": IMPORT / "jiande-2026.txt",
           "jiande-2027": IMPORT / "jiande-2027.txt"}


def clauses(slug: str) -> dict[int, tuple[str, str]]:
    """Clause number -> (title, text) as the published text has them."""
    doc = parse(SOURCES[slug], read(SOURCES[slug]).paragraphs)
    return {c.number: (c.title, c.full) for c in doc.clauses}


def truth(old: str, new: str) -> dict[int, int | None]:
    """Old number -> new number (None: not in the new edition): the test editions never
    change a title, and titles are unique, so a title names its clause."""
    a, b = clauses(old), clauses(new)
    by_title = {t: n for n, (t, _) in b.items()}
    assert len(by_title) == len(b) and len({t for t, _ in a.values()}) == len(a)
    return {n: by_title.get(t) for n, (t, _) in a.items()}


def true_changes(old: str, new: str) -> dict[str, set[object]]:
    a, b = clauses(old), clauses(new)
    pairs = truth(old, new)
    kept = {n: m for n, m in pairs.items() if m is not None}
    return {"added": set(b) - set(kept.values()), "removed": set(pairs) - set(kept),
            "renumbered": {(n, m) for n, m in kept.items() if n != m},
            "amended": {m for n, m in kept.items() if a[n][1] != b[m][1]}}


def from_report(report: str) -> dict[str, set[object]]:
    grab = {k: {int(m.group(1)) for m in re.finditer(rf"^- {k} clause (\d+):", report, re.M)}
            for k in ("added", "removed")}
    return {**grab,
            "renumbered": {(int(a), int(b)) for a, b in
                           re.findall(r"^- renumbered clause (\d+) -> (\d+):", report, re.M)},
            "amended": {int(n) for n in re.findall(r"^- text changed in clause (\d+):", report,
                                                   re.M)}}


def from_json(data: list[dict[str, object]]) -> dict[str, set[object]]:
    return {"added": {d["new"] for d in data if "added" in d["kinds"]},  # type: ignore[operator]
            "removed": {d["old"] for d in data if "removed" in d["kinds"]},  # type: ignore[operator]
            "renumbered": {(d["old"], d["new"]) for d in data
                           if "renumbered" in d["kinds"]},  # type: ignore[operator]
            "amended": {d["new"] for d in data if "amended" in d["kinds"]}}  # type: ignore[operator]


def from_page(path: Path) -> dict[str, set[object]]:
    page = soup(path)

    def numbers(section: str) -> list[list[int]]:
        heading = page.select_one(f"#{section}")
        assert heading is not None, section
        out = []
        node = heading.find_next_sibling()
        while node is not None and node.name not in ("h2",):
            for li in node.select("li") if node.name == "ul" else []:
                out.append([int(x) for x in re.findall(r"/clauses/(\d+)/", str(li))])
            node = node.find_next_sibling()
        return out

    changed = {int(s["id"].removeprefix("clause-")) for s in page.select(".ph-change-clause")
               if s.select_one(".ph-inline-diff")}
    moved = {tuple(x) for x in numbers("moved") if len(x) == 2}
    return {"added": {x[0] for x in numbers("added")},
            "removed": {x[0] for x in numbers("removed")},
            "renumbered": {tuple(x) for x in numbers("renumbered")} | moved,
            "amended": changed}


@pytest.mark.parametrize(("old", "new"), [("jiande-2025", "jiande-2026"),
                                          ("jiande-2026", "jiande-2027")])
def test_report_diff_and_page_list_exactly_the_true_changes(
        series: tuple[Path, dict[str, str]], series_site: Path, capsys: pytest.CaptureFixture[str],
        old: str, new: str) -> None:
    data, reports = series
    want = true_changes(old, new)
    assert main(["diff", "--json", str(data / old), str(data / new)]) == 0
    diffed = json.loads(capsys.readouterr().out)[0]["clauses"]
    assert from_report(reports[new]) == want
    assert from_json(diffed) == want
    assert from_page(series_site / "zh" / new / "compare" / old / "index.html") == want
    assert not [d for d in diffed if "possible" in d["kinds"]]


def test_the_amounts_that_changed_lead_the_comparison(series_site: Path) -> None:
    """Which amounts changed, for whom, by how much: the first section of the page."""
    page = soup(series_site / "zh" / "jiande-2026" / "compare" / "jiande-2025" / "index.html")
    first = page.select_one("article h2")
    assert first is not None and first.get("id") == "amounts"
    rows = [" ".join(tr.get_text(" ").split()) for tr in page.select(".ph-amounts tbody tr")]
    assert len(rows) == 3, rows
    assert "第1条" in rows[0] and "20万元 → 25万元（+5万元，+25%）" in rows[0]
    assert "第10条" in rows[1] and "第9条" in rows[1] and "1亿元 → 1.2亿元" in rows[1]
    assert "第15条" in rows[2] and "1.5万元 → 2万元（+5000元，+33%）" in rows[2]
    en = soup(series_site / "en" / "jiande-2026" / "compare" / "jiande-2025" / "index.html")
    assert "CNY 15,000 → CNY 20,000 (+CNY 5,000, +33%)" in en.get_text(" ")


def test_reordered_chapters_only_move_their_clauses(series: tuple[Path, dict[str, str]],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = series
    assert main(["diff", "--json", str(data / "jiande-2026"), str(data / "jiande-2027")]) == 0
    result = json.loads(capsys.readouterr().out)[0]
    assert [(c["old"], c["new"]) for c in result["chapters"] if "moved" in c["kinds"]] == [
        (8, 2)]
    moved = {(d["old"], d["new"]) for d in result["clauses"] if "moved" in d["kinds"]}
    livelihoods = {(n, m) for n, m in truth("jiande-2026", "jiande-2027").items()
                   if m is not None and n >= 43}  # chapter 8 of 2026: clauses 43-50
    assert moved == livelihoods


def test_any_two_editions_are_compared(series_site: Path) -> None:
    """2025 against 2027, not neighbours, at a stable address in both documents."""
    for doc, other in (("jiande-2027", "jiande-2025"), ("jiande-2025", "jiande-2027")):
        path = series_site / "zh" / doc / "compare" / other / "index.html"
        assert from_page(path)["removed"] == true_changes("jiande-2025", "jiande-2027")["removed"]
    text = soup(series_site / "zh" / "jiande-2027" / "compare" / "jiande-2025" /
                "index.html").get_text(" ")
    assert "30万元 → 40万元" in text and "1.5万元 → 2万元" in text


@pytest.mark.parametrize("slug", ["jiande-2025", "jiande-2026", "jiande-2027"])
def test_every_timeline_links_the_same_clause_in_every_other_edition(series_site: Path,
                                                                     slug: str) -> None:
    editions = list(SOURCES)
    mine = clauses(slug)
    for n, (title, _) in mine.items():
        page = soup(series_site / "zh" / slug / "clauses" / str(n) / "index.html")
        items = page.select(".ph-timeline > li")
        assert len(items) == 3, (slug, n)
        for other, li in zip(editions, items, strict=True):
            if other == slug:
                assert li.get("aria-current") == "page"
                continue
            there = {t: m for m, (t, _) in clauses(other).items()}.get(title)
            link = li.select_one("a[href*='/clauses/']")
            if there is None:
                assert link is None and "未列入" in li.get_text(), (slug, n, other)
            else:
                assert link is not None, (slug, n, other)
                assert link["href"].endswith(f"{other}/clauses/{there}/"), (slug, n, other)


def test_a_removed_clause_says_so(series_site: Path) -> None:
    railway = next(n for n, (t, _) in clauses("jiande-2026").items() if t == "支持铁路项目建设。")
    page = soup(series_site / "zh" / "jiande-2026" / "clauses" / str(railway) / "index.html")
    assert "下一版本未列入本条。" in page.get_text()
    nev = soup(series_site / "en" / "jiande-2026" / "clauses" / "15" / "index.html")
    entry = nev.select(".ph-timeline > li")[1]
    assert "Renumbered" in entry.get_text() and "CNY 15,000 → CNY 20,000" in entry.get_text()
    incubator = soup(series_site / "zh" / "jiande-2026" / "clauses" / "7" / "index.html")
    assert "本版本新增" in incubator.select(".ph-timeline > li")[1].get_text()
