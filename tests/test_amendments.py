"""An official correction is data: the clause-14 correction (1.5万元 -> 1.8万元 by a notice
with its own 文号 and date) is made as an amendment on a copy of the data, with source.zh.txt
untouched; `check` passes, and the clause page, the calculator, the change log, the feed and
the PDF show the corrected amount with the notice's 文号 and date.

The notice here is an example: policy_data/ holds only real published documents and real
corrections, so the amendment lives in a temporary copy."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from calculators.engine import evaluate
from generator import render
from generator.cli import main
from generator.data.library import Library
from generator.data.model import Edition
from generator.data.rules import rules_data
from generator.pipeline import read_library
from generator.render import context
from tests.conftest import DATA, REAL

CHAPTER = "chapters/03-services.yaml"
AMENDMENT = """\
# Official corrections (勘误) and revisions (修订) of the published text.
amendments:
  - id: erratum-2025-06
    kind: erratum
    document_number: {zh: 建政函〔2025〕35号, en: "Jian Zheng Han [2025] No. 35"}
    title:
      zh: 关于《建德市关于推动经济高质量发展的若干政策(2025年版)》的勘误通知
      en: Erratum to the Several Policies (2025 Edition)
    date: "2025-06-10"
    url: https://www.jiande.gov.cn/
    summary:
      zh: 第14条每辆新能源汽车最高补贴由1.5万元更正为1.8万元。
      en: "Clause 14: the cap for a new energy vehicle is CNY 18,000, not 15,000."
    changes:
      - clause: 14
        old: 每辆新能源汽车最高补贴1.5万元
        new: 每辆新能源汽车最高补贴1.8万元
"""
DATA_EDITS = [
    ("每辆新能源汽车最高补贴1.5万元", "每辆新能源汽车最高补贴1.8万元"),  # text.zh and the quote
    ("max_amount: 15000", "max_amount: 18000"),
    ("up to CNY 15,000 per new energy vehicle", "up to CNY 18,000 per new energy vehicle"),
]


def copy_data(base: Path) -> Path:
    data = base / "policy_data"
    shutil.copytree(DATA, data)
    return data / REAL.name


def edit_clause_14(folder: Path) -> None:
    path = folder / CHAPTER
    text = path.read_text(encoding="utf-8")
    for old, new in DATA_EDITS:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_data(tmp_path_factory.mktemp("amended"))
    (folder / "amendments.yaml").write_text(AMENDMENT, encoding="utf-8")
    edit_clause_14(folder)
    return folder


@pytest.fixture(scope="module")
def library(corrected: Path) -> Library:
    lib, problems = read_library(corrected.parent, 1_764_400_000)
    assert lib is not None and not [p for p in problems if p.fails], problems
    return lib


@pytest.fixture(scope="module")
def edition(library: Library, corrected: Path) -> Edition:
    return library.by_id[corrected.name]


@pytest.fixture(scope="module")
def pages(library: Library, edition: Edition) -> dict[str, render.Rendered]:
    return {lang: render.document(edition, context(library, edition), lang,
                                  site=render.Site(site_url="http://127.0.0.1:8000/"),
                                  guide="")
            for lang in ("zh", "en")}


def test_the_correction_passes_check_with_source_untouched(
        corrected: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(corrected)]) == 0, capsys.readouterr().err
    assert (corrected / "source.zh.txt").read_bytes() == (REAL / "source.zh.txt").read_bytes()


def test_without_the_amendment_the_check_points_to_amendments_yaml(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_data(tmp_path)
    edit_clause_14(folder)
    assert main(["check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "clause 14: the zh title and text differ from the published paragraph" in err
    assert "record the change in amendments.yaml" in err


def test_the_calculator_computes_the_corrected_cap(edition: Edition) -> None:
    result = evaluate(rules_data(edition), "trade-in", {"item": "nev_car"})
    assert (result["min"], result["max"]) == (0, 18000)


def test_the_clause_page_shows_the_notice_and_the_old_words(
        pages: dict[str, render.Rendered]) -> None:
    zh, en = pages["zh"].pages["clauses/14.md"], pages["en"].pages["clauses/14.md"]
    assert "每辆最高1.8万元" in zh and "每辆新能源汽车最高补贴1.8万元" in zh
    assert "经建政函〔2025〕35号（2025-06-10）勘误" in zh
    assert '原为 <del lang="zh-Hans">每辆新能源汽车最高补贴1.5万元</del>' in zh
    assert "14.更大力度支持消费品以旧换新。支持汽车置换更新,每辆新能源汽车最高补贴1.5万元" in zh
    assert "up to CNY 18,000 per vehicle" in en
    assert "Corrected by Jian Zheng Han [2025] No. 35 on 2025-06-10" in en


def test_the_calculator_page_names_the_notice(pages: dict[str, render.Rendered]) -> None:
    zh = pages["zh"].pages["calculators/trade-in.md"]
    line = next(ln for ln in zh.splitlines() if ln.startswith("<li") and "new-energy" in ln)
    assert "每辆最高1.8万元" in line and "经建政函〔2025〕35号（2025-06-10）勘误" in line
    other = next(ln for ln in zh.splitlines() if ln.startswith("<li") and "fuel-vehicle" in ln)
    assert "勘误" not in other


def test_the_change_log_and_feed_carry_the_amendment(pages: dict[str, render.Rendered],
                                                     edition: Edition) -> None:
    entry = next(c for c in edition.changes_of_clause(14) if c.kind.value == "amendment")
    assert (entry.date, entry.kind.value, entry.clauses) == ("2025-06-10", "amendment", [14])
    zh = pages["zh"]
    assert 'id="change-erratum-2025-06"' in zh.pages["changes.md"]
    assert "由1.5万元更正为1.8万元。(建政函〔2025〕35号,2025-06-10勘误)" in zh.pages["changes.md"]
    assert "changes/#change-erratum-2025-06" in zh.feed
    assert "not 15,000. (Corrected by Jian Zheng Han [2025] No. 35 on 2025-06-10.)" in \
        pages["en"].feed


def test_the_print_handbook_shows_the_amendment(library: Library, edition: Edition) -> None:
    html = render.handbook(edition, context(library, edition), "zh", font="Noto Serif CJK SC",
                           data_date="2026-01-01")
    block = html[html.index('<div class="ph-amended">'):]
    assert "经建政函〔2025〕35号（2025-06-10）勘误" in block
    assert "每辆新能源汽车最高补贴1.5万元" in block and "<details" not in block[:2000]
    assert "每辆最高1.8万元" in html


@pytest.mark.pdf
def test_the_pdf_shows_the_corrected_amount_and_the_notice(library: Library, edition: Edition,
                                                           tmp_path: Path) -> None:
    from generator.outputs.pdf import find_font, typeset

    html = render.handbook(edition, context(library, edition), "zh", font=find_font(),
                           data_date="2026-01-01")
    [pdf] = typeset([(html, str(tmp_path), str(tmp_path / "zh.pdf"), "amended-zh")])
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    flat = "".join(text.split())
    assert "每辆新能源汽车最高补贴1.8万元" in flat
    assert "经建政函〔2025〕35号（2025-06-10）勘误" in flat


@pytest.mark.parametrize(("old", "new", "message"), [
    ("        old: 每辆新能源汽车最高补贴1.5万元", "        old: 每辆新能源汽车最高补贴1.6万元",
     "`每辆新能源汽车最高补贴1.6万元` is not in clause 14 as published; copy `old` verbatim "
     "from source.zh.txt"),
    ("        old: 每辆新能源汽车最高补贴1.5万元", "        old: 每件最高补贴2000元",
     "`每件最高补贴2000元` is 2 times in clause 14; quote more of the words around it"),
    ("      - clause: 14", "      - clause: 99", "clause 99 is not in source.zh.txt"),
])
def test_an_amendment_that_does_not_apply_is_one_message_in_amendments_yaml(
        corrected: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str,
        message: str) -> None:
    folder = tmp_path / "edition"
    shutil.copytree(corrected, folder)
    path = folder / "amendments.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert main(["check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and message in err


def test_a_hand_written_amendment_entry_is_refused(corrected: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "edition"
    shutil.copytree(corrected, folder)
    with (folder / "changes.yaml").open("a", encoding="utf-8") as f:
        f.write('  - date: "2025-06-10"\n    kind: amendment\n    clauses: [14]\n'
                "    summary: {zh: 勘误。, en: Corrected.}\n")
    assert main(["check", str(folder)]) == 1
    assert "entries of kind `amendment` are made from amendments.yaml" in capsys.readouterr().err
