"""`python -m generator import`: every input format, both numbering styles, both punctuation
widths, bad input, the round trip on the real document and carry-over to a next edition.

The test editions are made by tests/fixtures/import/make_fixtures.py (kept with the tests)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.data.model import Edition, responsible_names
from generator.data.reconstruct import normalize_ws
from generator.data.schema import Pending
from generator.importer.grammar import parse, unparse
from generator.importer.readers import read
from generator.pipeline import read_edition
from tests.conftest import DATA, FIXTURES, REAL

IMPORT = FIXTURES / "import"
FORMATS = ("txt", "docx", "html")


def imported(base: Path, source: Path, slug: str, previous: Path | None = None) -> Edition:
    into = base / slug
    args = ["import", str(source), "--into", str(into)]
    assert main(args + (["--previous", str(previous)] if previous else [])) == 0
    ed, problems = read_edition(into)
    assert ed is not None and not [p for p in problems if p.fails], problems
    return ed


def differences(a: Edition, b: Edition, ignore: tuple[str, ...] = ()) -> list[str]:
    """Every difference between the data of two editions, as `key.path: a != b`."""
    out: list[str] = []

    def walk(path: str, x: Any, y: Any) -> None:
        if any(path.startswith(i) for i in ignore):
            return
        if isinstance(x, dict) and isinstance(y, dict):
            for k in sorted(set(x) | set(y)):
                walk(f"{path}.{k}", x.get(k), y.get(k))
        elif isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
            for i, (p, q) in enumerate(zip(x, y, strict=True)):
                walk(f"{path}[{i}]", p, q)
        elif x != y:
            out.append(f"{path}: {x!r:.60} != {y!r:.60}")

    def dump(ed: Edition) -> dict[str, Any]:
        return {"document": ed.document.model_dump(mode="json"),
                "chapters": [c.model_dump(mode="json") for c in ed.chapters],
                "units": [u.model_dump(mode="json") for u in ed.units],
                "glossary": [g.model_dump(mode="json") for g in ed.glossary],
                "calculators": [c.model_dump(mode="json") for c in ed.calculators],
                "changes": [c.model_dump(mode="json") for c in ed.changes]}

    walk("", dump(a), dump(b))
    return out


# --- readers and grammar ----------------------------------------------------------------------

@pytest.mark.parametrize("slug", ["jiande-2026", "qingxi-2025"])
@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_every_reader_gives_the_paragraphs_of_the_text(slug: str, fmt: str) -> None:
    want = [normalize_ws(p.text) for p in read(IMPORT / f"{slug}.txt").paragraphs]
    assert [normalize_ws(p.text) for p in read(IMPORT / f"{slug}.{fmt}").paragraphs] == want


@pytest.mark.parametrize("source", [REAL / "source.zh.txt", *(IMPORT / f"{s}.{f}" for s in
                                    ("jiande-2026", "qingxi-2025") for f in FORMATS)],
                         ids=lambda p: p.name)
def test_the_parse_rebuilds_the_published_text(source: Path) -> None:
    src = read(source)
    assert normalize_ws(unparse(parse(source, src.paragraphs))) == normalize_ws(src.text)


def test_both_house_styles() -> None:
    jiande = parse(REAL, read(REAL / "source.zh.txt").paragraphs)
    assert (jiande.numbering, jiande.restarting, jiande.brackets, jiande.colon) == (
        "arabic", False, "()", ":")
    assert [c.number for c in jiande.clauses] == list(range(1, 51))
    assert all(c.label is None for c in jiande.clauses)
    qingxi = parse(IMPORT / "qingxi-2025.txt", read(IMPORT / "qingxi-2025.txt").paragraphs)
    assert (qingxi.numbering, qingxi.restarting, qingxi.brackets, qingxi.colon) == (
        "paren", True, "（）", "：")
    assert [c.number for c in qingxi.clauses] == list(range(1, 8))  # unique through the document
    assert [c.label for c in qingxi.chapters[1].clauses] == ["（一）", "（二）", "（三）"]
    assert qingxi.chapters[2].leads == ("县人力社保局", "县民政局")
    assert qingxi.clauses[1].responsible == ("县科技局", "县经信局")
    assert qingxi.notice is not None and qingxi.notice.attachment is None


# --- bad input --------------------------------------------------------------------------------

def _broken(tmp_path: Path, name: str, edit: tuple[str, str] | None = None,
            data: bytes | None = None) -> Path:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    else:
        assert edit is not None
        text = (IMPORT / "qingxi-2025.txt").read_text(encoding="utf-8")
        assert edit[0] in text
        path.write_text(text.replace(edit[0], edit[1]), encoding="utf-8")
    return path


@pytest.mark.parametrize(("case", "name", "edit", "data", "line", "expect"), [
    ("empty file", "empty.txt", None, b"  \n\n", 1, "the file is empty"),
    ("binary that is not Word", "notice.docx", None, b"\x89PNG\r\n\x1a\n\x00\x00" * 50, 1,
     "not a Word file"),
    ("binary text", "notice.txt", None, b"\x00\x01\x02" * 100, 1, "binary file"),
    ("another genre", "a.txt", None, "关于开展安全生产大检查的通知\n\n各单位：\n\n请于5月底前"
     "完成自查。\n\n县安委办\n\n2025年4月1日\n".encode(), 1, "no chapters found"),
    ("clause without its number", "b.txt", ("（二）支持研发机构建设。", "支持研发机构建设。"),
     None, 30, "a clause without its number"),
    ("unclosed 责任单位", "c.txt",
     ("（责任单位：县科技局、县经信局）", "（责任单位：县科技局、县经信局"), None, 30,
     "bracket is not closed"),
    ("clause out of sequence", "d.txt", ("（三）鼓励企业上规升级", "（四）鼓励企业上规升级"), None,
     40, "out of sequence"),
    ("no notice date", "e.txt", ("2025年4月10日", "四月十日"), None, 14, "its signature"),
])
def test_bad_input_names_the_line_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, name: str,
        edit: tuple[str, str] | None, data: bytes | None, line: int, expect: str) -> None:
    source = _broken(tmp_path, name, edit, data)
    into = tmp_path / "out" / "doc"
    assert main(["import", str(source), "--into", str(into)]) == 1, case
    err = capsys.readouterr().err
    assert f"{source.name}:{line}:1: " in err and expect in err, err
    assert "nothing was written" in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_an_existing_folder_is_not_replaced_without_force(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    into = tmp_path / "qingxi-2025"
    into.mkdir()
    (into / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["import", str(IMPORT / "qingxi-2025.txt"), "--into", str(into)]) == 1
    assert "--force" in capsys.readouterr().err
    assert (into / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert main(["import", str(IMPORT / "qingxi-2025.txt"), "--into", str(into), "--force"]) == 0
    assert not (into / "keep.txt").exists() and (into / "document.yaml").is_file()


# --- the real document ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_imports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Edition, Edition]:
    base = tmp_path_factory.mktemp("real")
    fresh = imported(base / "a", REAL / "source.zh.txt", "jiande-2025")
    again = imported(base / "b", REAL / "source.zh.txt", "jiande-2025", previous=REAL)
    return fresh, again


def test_the_real_document_reimported_with_previous_is_the_hand_made_data(
        real_imports: tuple[Edition, Edition], edition: Edition) -> None:
    assert differences(edition, real_imports[1]) == []
    assert (real_imports[1].folder / "source.zh.txt").read_text(encoding="utf-8") == \
        edition.source_text


def test_the_real_document_imported_alone_has_the_same_text_and_a_fact_for_every_number(
        real_imports: tuple[Edition, Edition], edition: Edition) -> None:
    fresh = real_imports[0]
    assert [c.full_zh for c in fresh.clauses] == [c.full_zh for c in edition.clauses]
    assert [responsible_names(c.text.zh) for c in edition.clauses] == [
        [fresh.unit_by_id[u].name.zh for u in c.responsible_units] for c in fresh.clauses]
    assert all(c.text.pending is Pending.NEW for c in fresh.clauses)
    # check passes (facts, units, published text); the stubs are to-dos
    _, problems = read_edition(fresh.folder)
    assert not [p for p in problems if p.fails]
    assert sum(p.todo for p in problems) > 400


def test_check_lists_to_dos_and_strict_fails_on_them(
        real_imports: tuple[Edition, Edition], capsys: pytest.CaptureFixture[str]) -> None:
    folder = real_imports[0].folder
    assert main(["check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "to do: " in out and "translation(s) pending" in out
    assert f"{folder}/chapters/01-" in out or "chapters/01-" in out
    assert main(["check", "--strict", str(folder)]) == 1
    assert "--strict: these fail" in capsys.readouterr().err


# --- carry-over to the next edition -----------------------------------------------------------

@pytest.fixture(scope="module")
def next_edition(tmp_path_factory: pytest.TempPathFactory) -> Edition:
    """The next edition imported as an editor would: into a copy of the data folder, with
    the published edition as --previous (never into policy_data/ itself)."""
    base = tmp_path_factory.mktemp("next") / "data"
    shutil.copytree(DATA, base)
    return imported(base, IMPORT / "jiande-2026.txt", "jiande-2026",
                    previous=base / "jiande-2025")


def _incentive(ed: Edition, number: int, iid: str) -> Any:
    return next(i for i in ed.clause(number).incentives if i.id == iid)


def test_a_changed_amount_keeps_its_fact_with_the_new_value(next_edition: Edition,
                                                            edition: Edition) -> None:
    inc = _incentive(next_edition, 1, "high-tech-first-recognition")
    assert inc.max_amount == 250000 and "25万元" in inc.quote
    assert inc.rules == _incentive(edition, 1, "high-tech-first-recognition").rules
    assert inc.review is not None and "200000 -> 250000" in inc.review
    assert next_edition.clause(1).text.pending is Pending.OUTDATED  # old English not current
    assert next_edition.clause(1).text.current_en is None


def test_unchanged_clauses_keep_their_english_and_facts(next_edition: Edition,
                                                       edition: Edition) -> None:
    assert next_edition.clause(2) == edition.clause(2)
    assert next_edition.clause(51 - 1).text == edition.clause(50).text


def test_renumbered_removed_and_added_clauses(next_edition: Edition, edition: Edition) -> None:
    assert next_edition.clause(15).title == edition.clause(14).title  # 14 -> 15
    assert _incentive(next_edition, 15, "new-energy-vehicle").max_amount == 20000
    assert all(c.title.zh != "提升展会影响力。" for c in next_edition.clauses)
    added = next_edition.clause(7)
    assert added.title.pending is Pending.NEW and added.incentives[0].max_amount == 1000000
    new_unit = next_edition.unit_by_name["市科创服务中心"]
    assert new_unit.review is not None and added.responsible_units[-1] == new_unit.id
    assert next_edition.clause(17).responsible_units == ["commerce-bureau"]


def test_budgets_total_and_calculators_follow(next_edition: Edition, tmp_path: Path) -> None:
    assert next_edition.budget_items["ch1-city"][1].amount == 55000000
    total = next_edition.budget_items["total-2025"][1]
    assert total.amount == 1250000000
    note = next_edition.document.budget_notes[0]
    assert note.review is not None and "12.5亿元" in note.text.zh
    trade_in = next(k for k in next_edition.calculators if k.id == "trade-in")
    assert "第15条" in trade_in.intro.zh and "clause 15" in (trade_in.intro.en or "")
    data = next_edition.folder.parent
    assert main(["--data", str(data), "rules", "--document", str(next_edition.folder),
                 "--out", str(tmp_path)]) == 0
    rules = json.loads((tmp_path / "rules.json").read_text(encoding="utf-8"))
    text = json.dumps(rules)
    assert "120000000" in text and "20000" in text


def test_every_format_gives_the_same_edition(next_edition: Edition,
                                             tmp_path: Path) -> None:
    for fmt in ("docx", "html"):
        other = imported(tmp_path / fmt, IMPORT / f"jiande-2026.{fmt}", "jiande-2026",
                         previous=REAL)
        assert differences(next_edition, other, ignore=(".document.source_url",)) == []


def test_the_english_handbook_shows_pending_texts_in_chinese(next_edition: Edition) -> None:
    from generator.pipeline import read_library
    from generator.render import context, handbook

    library, _ = read_library(next_edition.folder.parent, 0)
    assert library is not None
    ctx = context(library, library.by_id["jiande-2026"])
    html = handbook(next_edition, ctx, "en", font="Noto Sans CJK SC", data_date="2026-04-01")
    at = html.index('id="clause-1"')
    clause1 = html[at:html.index('id="clause-2"')]
    assert "English translation pending" in clause1 and 'lang="zh-Hans"' in clause1
    clause2 = html[html.index('id="clause-2"'):html.index('id="clause-3"')]
    assert "English translation pending" not in clause2


# --- the sibling document ---------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_sibling_imports_from_every_format(tmp_path: Path, fmt: str) -> None:
    ed = imported(tmp_path, IMPORT / f"qingxi-2025.{fmt}", "qingxi-2025")
    assert ed.document.style.brackets == "（）" and ed.document.style.colon == "："
    assert [(c.number, c.label) for c in ed.chapters[0].clauses] == [(1, "（一）"), (2, "（二）")]
    assert [u.name.zh for u in ed.units][:2] == ["县科技局", "县经信局"]
    assert all(u.review for u in ed.units)


@pytest.mark.site
def test_imported_editions_build_and_show_pending_translations(next_edition: Edition,
                                                               tmp_path: Path) -> None:
    """The next edition and the sibling build; English pages show the Chinese of changed or
    new texts with a pending notice, and unchanged clauses in English."""
    data = tmp_path / "data"
    shutil.copytree(next_edition.folder.parent, data)
    imported(data, IMPORT / "qingxi-2025.html", "qingxi-2025")
    assert "qingxi-policy" in (data / "library.yaml").read_text(encoding="utf-8")
    out = tmp_path / "site"  # the whole library, with the command the real site uses
    assert main(["--data", str(data), "check"]) == 0
    assert main(["--data", str(data), "build", "--out", str(out), "--work",
                 str(tmp_path / "work")]) == 0
    for slug, pending_clause, english_clause in (("jiande-2026", 1, 2), ("qingxi-2025", 1, None)):
        page = (out / "en" / slug / "clauses" / str(pending_clause) / "index.html").read_text(
            encoding="utf-8")
        assert "English translation pending" in page
        assert '<div class="ph-clause-text" lang="zh-Hans"' in page
        if english_clause:
            page = (out / "en" / slug / "clauses" / str(english_clause) / "index.html"
                    ).read_text(encoding="utf-8")
            assert "English translation pending" not in page
            assert '<div class="ph-clause-text" lang="en"' in page
    zh = (out / "zh" / "qingxi-2025" / "clauses" / "3" / "index.html").read_text(
        encoding="utf-8")
    assert "（一）支持技术改造。" in re.sub(r"<[^>]+>", "", zh)
    # the new edition supersedes the real one, and says what changed
    old = (out / "zh" / "jiande-2025" / "index.html").read_text(encoding="utf-8")
    assert "ph-status-superseded" in old and "../jiande-2026/" in old
    assert (out / "zh" / "jiande-2026" / "compare" / "jiande-2025" / "index.html").is_file()
