"""Every house style of the genre imports as published: the corpus of fictional documents in
tests/fixtures/import/ (one per variant, and combinations; see make_fixtures.py), each as
.txt, .docx and a saved .html page with its chrome, imports with no edit to its text, passes
`check`, and one library build of all of them shows each document's clauses verbatim with the
right units, issuers, budget total, period and status."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.cli import main
from generator.data.library import Library, Status
from generator.data.model import Edition
from generator.data.reconstruct import normalize_ws
from generator.data.schema import Comparison, FigureKind
from generator.importer.grammar import parse_all, unparse
from generator.importer.readers import read
from generator.pipeline import read_edition, read_library
from tests.conftest import SOURCE_DATE, settings_for
from tests.html_text import page_text
from tests.library_fixture import CORPUS, IMPORT, import_args

FORMATS = ("txt", "docx", "html")
SLUGS = [slug for slug, _, _ in CORPUS] + ["jiande-2026"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("slug", SLUGS)
def test_the_parse_rebuilds_the_published_text_exactly(slug: str, fmt: str) -> None:
    source = IMPORT / f"{slug}.{fmt}"
    src = read(source)
    doc, problems = parse_all(source, src.paragraphs)
    assert problems == [] and doc is not None
    assert unparse(doc) == "\n\n".join(p.text for p in src.paragraphs) + "\n"


@pytest.mark.parametrize("fmt", ("docx", "html"))
@pytest.mark.parametrize("slug", SLUGS)
def test_every_format_reads_as_the_text(slug: str, fmt: str) -> None:
    want = [normalize_ws(p.text) for p in read(IMPORT / f"{slug}.txt").paragraphs]
    assert [normalize_ws(p.text) for p in read(IMPORT / f"{slug}.{fmt}").paragraphs] == want


def test_page_chrome_is_not_the_document() -> None:
    """Breadcrumbs and the font-size control are the portal's, whether copied as text or
    saved as a page; the information bar's fields stay (they are the notice's metadata)."""
    for fmt in ("txt", "html"):
        src = read(IMPORT / f"wangshu-2025.{fmt}")
        assert not any("您现在的位置" in p.text or "字体" in p.text for p in src.paragraphs)
        assert "发布日期:2025-04-15 浏览次数: 来源:区府办" in src.text
    assert [p.text for p in read(IMPORT / "wangshu-2025.txt").chrome] == [
        "您现在的位置:首页 > 政务公开 > 政策文件", "字体:[ 大 中 小 ]"]


@pytest.fixture(scope="module")
def lib(corpus: Path) -> Library:
    library, problems = read_library(corpus, SOURCE_DATE)
    assert library is not None and not [p for p in problems if p.fails], problems
    return library


def ed(lib: Library, slug: str) -> Edition:
    return lib.by_id[slug]


def test_check_passes_on_the_whole_library(corpus: Path, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    assert main(["--data", str(corpus), "check"]) == 0
    assert f"{corpus}: ok, 9 document(s)" in capsys.readouterr().out


@pytest.mark.parametrize(("slug", "fmt", "extra"), CORPUS, ids=[c[0] for c in CORPUS])
def test_every_format_gives_the_same_edition(tmp_path: Path, corpus: Path, slug: str,
                                             fmt: str, extra: list[str]) -> None:
    from tests.test_import import differences

    made, _ = read_edition(corpus / slug)
    assert made is not None
    for other in (f for f in FORMATS if f != fmt):
        data = tmp_path / other
        shutil.copytree(corpus, data)
        shutil.rmtree(data / slug)
        assert main([*import_args(data, slug, other, extra), "--force"]) == 0
        again, problems = read_edition(data / slug)
        assert again is not None and not [p for p in problems if p.fails]
        assert differences(made, again, ignore=(".document.source_url",)) == []


# --- each variant, as its readers would check it ------------------------------------------

def test_a_word_file_as_the_office_sends_it(lib: Library) -> None:
    """luming-2025: no portal block, a red header, the 文号 above a notice title over two
    lines, the edition on the title's line, `X牵头` headings, clauses without 责任单位."""
    e = ed(lib, "luming-2025")
    n = e.document.notice
    assert e.document.metadata == [] and n is not None
    assert n.header is not None and n.header.zh == "鹿鸣县人民政府文件"
    assert (n.number.zh if n.number else None, n.number_at) == ("鹿政发〔2025〕6号", "above")
    assert n.title.zh == "鹿鸣县人民政府关于印发鹿鸣县推动经济高质量发展若干政策的通知"
    assert e.document.title.zh == "鹿鸣县推动经济高质量发展若干政策"
    assert e.document.subtitle is not None and e.document.subtitle.zh == "(2025年版)"
    assert e.number is not None and e.number.en == "Lu Zheng Fa [2025] No. 6"
    assert [u.name.zh for u in e.issuers] == ["鹿鸣县人民政府"] and e.date == "2025-03-18"
    assert e.clause(1).responsible_units == [] and e.clause(3).responsible_units != []
    units, derived = e.responsible(e.clause(1))
    assert derived and [e.unit_by_id[u].name.zh for u in units] == ["县科技局"]
    assert [e.unit_by_id[u].name.zh for u in e.chapters[2].lead_units] == ["县人力社保局",
                                                                           "县民政局"]


def test_amounts_as_the_genre_writes_them(lib: Library) -> None:
    """左右 is about (not at least); 3万元-5万元 is a range; “315” is a name; another
    document's 文号 is its identifier; a date is a date; none is a fact of this document."""
    e = ed(lib, "luming-2025")
    about = next(t for t in e.clause(2).targets if "左右" in t.quote)
    assert about.comparison is Comparison.APPROXIMATELY and about.value == 30
    growth = next(t for t in e.chapters[1].targets if "7%左右" in t.quote)
    assert growth.comparison is Comparison.APPROXIMATELY
    funding = e.clause(3).incentives[0]
    assert (funding.min_amount, funding.max_amount) == (30000, 50000)
    name = next(f for f in e.clause(6).figures if 315 in f.values)
    assert name.kind is FigureKind.NAME and name.review is None
    q = ed(lib, "qingyue-2025")
    cited = next(f for f in q.document.figures if 2024 in f.values and "〔" in f.quote)
    assert cited.kind is FigureKind.IDENTIFIER and cited.values == [Decimal(2024), Decimal(3)]
    date = next(f for f in e.document.figures if f.kind is FigureKind.DATE)
    assert date.review is None and "\n" not in date.quote


def test_an_older_edition_without_an_edition_line(lib: Library) -> None:
    """luming-2024 (2024 style): a title over two lines and no edition line, headings
    without lead or intro, the budget as a clause with a 其中 breakdown, 有效期1年; imported
    with --series after the 2025 edition, it is attached behind it."""
    e = ed(lib, "luming-2024")
    assert e.document.title.zh == "鹿鸣县推动经济高质量发展若干政策"
    assert e.document.subtitle is None and e.document.edition == "2024"
    assert not e.edition_stated and e.edition_name.zh == "(2024年版)"
    assert all(ch.lead is None and ch.lead_units == [] and ch.intro is None
               for ch in e.chapters)
    total = e.budget_total
    assert total is not None and total.amount == 120_000_000
    assert [e.budget_items[p][1].amount for p in total.parts] == [20_000_000, 40_000_000,
                                                                  60_000_000]
    assert e.document.in_force is not None
    assert (e.document.in_force.start, e.document.in_force.end) == ("2024-01-01", "2024-12-31")
    assert ed(lib, "luming-2025").document.supersedes == "luming-2024"
    assert lib.status(e) is Status.SUPERSEDED
    assert e.level.zh == "县"


def test_a_district_and_its_development_zone(lib: Library) -> None:
    """wangshu-2025: two issuers signing on two lines, the 文号 under the notice title, a
    short addressee line, 牵头部门/配合部门 headings, 〈〉 other names, a note in the 责任单位
    bracket, and an unnumbered paragraph between clauses."""
    e = ed(lib, "wangshu-2025")
    assert [u.name.zh for u in e.issuers] == ["望舒区人民政府", "望舒经济开发区管理委员会"]
    n = e.document.notice
    assert n is not None and n.addressees is not None and n.addressees.zh == "各有关单位:"
    assert n.number is not None and n.number_at == "below"
    assert "望舒区人民政府" not in n.body.zh
    ch1 = e.chapters[0]
    assert [e.unit_by_id[u].name.zh for u in ch1.lead_units] == ["开发区科技和人才局"]
    assert [e.unit_by_id[u].name.zh for u in ch1.cooperating_units] == ["区财政局", "区发改局"]
    science = e.find_unit("区科技局")
    assert science is not None and science.name.zh == "开发区科技和人才局"
    assert e.clause(1).responsible_units == e.clause(2).responsible_units[:1] == [science.id]
    assert e.clause(5).responsible_units == [e.find_unit("区发改局").id]  # type: ignore[union-attr]
    assert not any("以下工作" in u.name.zh or "配合" in u.name.zh for u in e.units)
    para = e.chapters[2].unnumbered
    assert [(p.after, p.text.zh) for p in para] == [
        (6, "以下政策由区民政局、区卫健局负责组织实施。")]
    assert [c.number for c in e.chapters[2].clauses] == [6, 7, 8]
    assert e.level.zh == "区"
    chapter_budget = e.chapters[0].budgets
    assert [b.amount for b in chapter_budget] == [20_000_000, 6_000_000]
    assert chapter_budget[1].within == chapter_budget[0].id  # 其中开发区承担600万元
    rec = e.reconciliation
    assert rec is not None and rec.difference == 0  # 2000 + 3000 + 5000 = 1亿


def test_chapters_reordered_between_editions(lib: Library) -> None:
    """qingyue-2025 puts 科技 first: its chapters are matched with 2024's by content, so each
    chapter's intro facts and file carry over from the right chapter."""
    old, new = ed(lib, "qingyue-2024"), ed(lib, "qingyue-2025")
    assert [ch.title.zh for ch in old.chapters][:2] == ["加快先进制造业发展", "推动科技创新"]
    assert [ch.title.zh for ch in new.chapters][:2] == ["推动科技创新", "加快先进制造业发展"]
    assert new.chapter_files[1].path.stem == old.chapter_files[2].path.stem.replace("02-", "01-")
    science_old, science_new = old.chapters[1].budgets[0], new.chapters[0].budgets[0]
    assert science_new.id == science_old.id and science_new.amount == 30_000_000
    assert new.clause(1).title.zh == "鼓励企业研发。" and new.clause(1).label == "一是"
    assert [u.name.zh for u in new.issuers] == ["清樾市人民政府",
                                                "清樾高新技术产业开发区管理委员会"]
    assert new.date == "2025-03-06"  # 二〇二五年三月六日
    period = new.document.in_force
    assert period is not None and (period.start, period.end) == ("2025-03-06", "2025-12-31")
    assert "自印发之日起施行" in period.quote


def test_an_expired_edition_reads_as_expired(lib: Library) -> None:
    """chengchuan-2023: 实施期限为…至…; on the build date it has ended: never in force. Its
    portal's 有效性 is the portal's record at publication, not today's status."""
    e = ed(lib, "chengchuan-2023")
    assert e.document.in_force is not None and e.document.in_force.end == "2023-12-31"
    assert lib.status(e) is Status.EXPIRED
    assert e.budget_total is not None and e.budget_total.amount == 150_000_000
    assert [c.label for c in e.chapters[0].clauses] == ["（一）", "（二）"]


def test_what_the_text_does_not_say_is_supplied(lib: Library) -> None:
    """fenghe-2025 is the policy alone: its issuer comes from --issuer, recorded as
    supplied; `1、` numbers restart in each chapter and are kept as published."""
    e = ed(lib, "fenghe-2025")
    assert e.document.notice is None and e.issuer_names_stated == ()
    assert e.document.supplied is not None and e.issuers_supplied
    assert [u.name.zh for u in e.issuers] == ["枫禾县人民政府"]
    assert [c.prefix for c in e.clauses] == ["1、", "2、", "1、", "2、"]
    assert [c.number for c in e.clauses] == [1, 2, 3, 4]
    assert lib.status(e) is Status.IN_FORCE


def test_the_import_refuses_options_the_text_contradicts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every problem in one run: an option for what the text itself says is refused, and the
    missing issuer of a text without one is asked for."""
    args = ["import", str(IMPORT / "luming-2025.txt"), "--into", str(tmp_path / "luming-2025"),
            "--issuer", "另一个县人民政府", "--number", "另政发〔2025〕1号", "--edition", "2024"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "--issuer: the text names its issuer" in err and "--number: the text states" in err
    assert "--edition 2024: the text states the 2025 edition" in err
    assert "import failed (3 problem(s)); nothing was written" in err
    assert main(["import", str(IMPORT / "fenghe-2025.txt"), "--into",
                 str(tmp_path / "fenghe-2025")]) == 1
    assert "the text names no issuer" in capsys.readouterr().err
    assert not (tmp_path / "luming-2025").exists() and not (tmp_path / "fenghe-2025").exists()


def test_library_yaml_is_changed_in_place(corpus: Path) -> None:
    """New series and issuers are added at the end of their lists; every comment stays above
    what it was written for."""
    text = (corpus / "library.yaml").read_text(encoding="utf-8")
    original = (Path(__file__).parents[1] / "policy_data" / "library.yaml").read_text(
        encoding="utf-8")
    for line in original.splitlines():
        assert line in text
    comment = "# landing on its content."
    assert text.index(comment) < text.index("root_document:") and text.index(comment) > \
        text.index("id: qingxi-policy")
    assert main(["fmt", "--check", str(corpus / "library.yaml")]) == 0


# --- the built library -------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.pipeline import build

    base = tmp_path_factory.mktemp("corpus-site")
    return build(settings_for(base / "site", base / "work", data=corpus, site_url=None))


@pytest.mark.site
@pytest.mark.parametrize("slug", [s for s, _, _ in CORPUS])
def test_every_clause_is_on_its_page_verbatim_with_its_units(site: Path, lib: Library,
                                                             slug: str) -> None:
    e = ed(lib, slug)
    for c in e.clauses:
        text = page_text(site / "zh" / slug / "clauses" / str(c.number) / "index.html")
        assert normalize_ws(c.prefix + c.full_zh) in normalize_ws(text), (slug, c.number)
        units, derived = e.responsible(c)
        for uid in units:
            assert e.unit_by_id[uid].name.zh in text
        assert ("本条未列责任单位，由本章牵头单位负责" in text) == derived


@pytest.mark.site
@pytest.mark.parametrize("slug", [s for s, _, _ in CORPUS])
def test_every_home_page_states_issuers_period_status_and_budget(site: Path, lib: Library,
                                                                 slug: str) -> None:
    e = ed(lib, slug)
    home = page_text(site / "zh" / slug / "index.html")
    for u in e.issuers:
        assert u.name.zh in home
    status = {Status.IN_FORCE: "有效", Status.EXPIRED: "已到期",
              Status.SUPERSEDED: "已被替代"}[lib.status(e)]
    assert f"状态 {status}" in re.sub(r"\s+", " ", home)
    period = e.document.in_force
    assert period is not None and period.start in home
    if e.issuers_supplied:
        assert "编辑补充，原文未载明" in home
    budget = page_text(site / "zh" / slug / "budget" / "index.html")
    if e.budget_total is not None:
        from generator.render.filters import money

        assert f"文件所述总额： {money(e.budget_total.amount, 'zh')}" in re.sub(r"\s+", " ",
                                                                               budget)
    level = f"{e.level.zh}本级"
    if any(ch.budgets for ch in e.chapters):
        assert level in budget and ("市本级" not in budget or e.level.zh == "市")


def test_a_page_that_cannot_be_written_names_its_document(
        lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """No build fails with an unnamed error: whatever stops a page names the document's
    file and the page (here a page context that breaks, as a data shape the templates did not
    foresee would)."""
    from generator import render
    from generator.problems import DataError
    from generator.render.view import View

    def broken(self: View) -> dict[str, object]:
        raise KeyError("issuer")

    monkeypatch.setattr(View, "home", broken)
    e = ed(lib, "fenghe-2025")
    with pytest.raises(DataError) as caught:
        render.document(e, render.context(lib, e), "zh", site=render.Site(),
                        guide="")
    [problem] = caught.value.problems
    assert problem.path.endswith("fenghe-2025/document.yaml")
    assert "the zh page ./ cannot be written: KeyError: 'issuer'" in problem.message
