import re
from decimal import Decimal

import pytest

from generator.data.model import Edition
from generator.data.schema import Boundary, Text, Threshold
from generator.render.filters import (
    incentive_terms,
    money,
    num_en,
    num_zh,
    percent,
    threshold,
)
from generator.render.i18n import CALC_MESSAGES, STRINGS, missing_strings


@pytest.mark.parametrize(
    ("amount", "zh", "en"),
    [
        (200_000, "20万元", "CNY 200,000"),
        (15_000, "1.5万元", "CNY 15,000"),
        (2_000, "2000元", "CNY 2,000"),
        (120_000_000, "1.2亿元", "CNY 120 million"),
        (31_400_000, "3140万元", "CNY 31.4 million"),
        (197_270_000, "1.9727亿元", "CNY 197.27 million"),
        (1_200_000_000, "12亿元", "CNY 1.2 billion"),
        (1_000_000, "100万元", "CNY 1 million"),
    ],
)
def test_money_in_both_languages(amount: int, zh: str, en: str) -> None:
    assert money(amount, "zh") == zh
    assert money(amount, "en") == en


def test_usd_stays_usd() -> None:
    assert money(10_000_000, "zh", "USD") == "1000万美元"
    assert money(10_000_000, "en", "USD") == "USD 10 million"


def test_numbers_and_percent() -> None:
    assert num_zh(Decimal("96.3")) == "96.3"
    assert num_en(55_000) == "55,000"
    assert percent(Decimal("65")) == "65%"


def test_heading_text_stays_literal() -> None:
    """No Markdown step: data text in a heading is only HTML-escaped, whatever it holds."""
    from generator.render import shell
    from generator.render.jinja import environment

    html = environment().from_string("<h2>{{ x }}</h2>").render(x="<b>*x*</b> [a](b) #1")
    content, toc = shell.headings(html)
    assert content.startswith("<h2 id=\"bxb-ab-1\">&lt;b&gt;*x*&lt;/b&gt; [a](b) #1<a ")
    assert toc[0].title == "&lt;b&gt;*x*&lt;/b&gt; [a](b) #1"


def test_every_interface_string_has_both_languages() -> None:
    assert missing_strings() == []
    for key, value in CALC_MESSAGES.items():
        assert set(value) == {"zh", "en"} and (all(value.values()) or value["zh"]), key


def test_no_interface_string_or_code_names_a_document() -> None:
    """Anything about one document or issuer lives in policy_data/, not in the generator."""
    from tests.conftest import ROOT

    strings = [v for table in (STRINGS, CALC_MESSAGES) for value in table.values()
               for v in value.values()]
    code = [p.read_text(encoding="utf-8") for folder in ("generator", "calculators")
            for p in (ROOT / folder).rglob("*") if p.suffix in (".py", ".jinja", ".js")]
    named = [s for s in strings + code if any(w in s for w in ("建德", "Jiande", "jiande"))]
    assert named == []


def test_a_pool_is_not_an_amount_per_recipient(edition: Edition) -> None:
    """Clause 34's 200万元 is money set aside for all projects together, not what each
    project gets: the incentives table and the clause page must not print it as `200万元`."""
    inc = next(i for i in edition.clause(34).incentives if i.id == "project-preliminary-research")
    zh, en = incentive_terms(inc, "zh"), incentive_terms(inc, "en")
    assert zh != ["200万元"] and en != ["CNY 2 million"], (zh, en)
    assert any("200万元" in p and "合计" in p for p in zh), zh
    assert any("CNY 2 million" in p and "not an amount per recipient" in p for p in en), en


@pytest.mark.parametrize(("boundary", "zh", "en"), [
    ("以上", "实际完成设备投资额200万元以上", "CNY 2 million or more"),
    ("以下", "实际完成设备投资额200万元以下", "CNY 2 million or less"),
    ("不满", "实际完成设备投资额不满200万元", "less than CNY 2 million"),
    ("超过", "实际完成设备投资额超过200万元", "more than CNY 2 million"),
    ("达", "实际完成设备投资额达200万元", "at least CNY 2 million"),
])
def test_thresholds_use_each_language_s_boundary_words(boundary: str, zh: str, en: str) -> None:
    th = Threshold(value=Decimal(2000000), boundary=Boundary(boundary),
                   of=Text(zh="实际完成设备投资额", en="completed equipment investment"),
                   unit=Text(zh="元", en="CNY"))
    assert threshold(th, "zh") == zh
    assert threshold(th, "en") == f"completed equipment investment: {en}"


def test_every_boundary_word_has_both_phrases() -> None:
    for b in Boundary:
        assert set(b.phrase) == {"zh", "en"} and all("{x}" in p for p in b.phrase.values()), b


def test_the_english_calculator_ui_has_no_chinese_words() -> None:
    """Boundary words, units and examples in English messages are English (6,000 or less,
    not 6,000 (以下))."""
    han = re.compile(r"[\u3400-\u9fff]")
    english = [v["en"] for v in CALC_MESSAGES.values()]
    english += [b.phrase["en"] for b in Boundary]
    assert [s for s in english if han.search(s)] == []
