from decimal import Decimal

import pytest

from generator.data.numbers import en_numbers, value_set, zh_numbers


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("给予最高20万元奖励", {20 * 10_000}),
        ("每辆新能源汽车最高补贴1.5万元", {15_000}),
        ("上级1.9727亿元", {197_270_000}),
        ("1000万美元出口以下", {10_000_000}),
        ("5-20%的补助", {5, 20}),
        ("力争年中增补1—2个项目", {1, 2}),
        ("新设个体工商户0.8万户", {8_000}),
        ("亿元以上人力资源服务企业2家", {100_000_000, 2}),
        ("五大百亿产业集群", {10_000_000_000}),
        ("千项万亿工程", set()),
        ("大中修96.3公里", {Decimal("96.3")}),
    ],
)
def test_zh_numbers(text: str, values: set[int]) -> None:
    assert value_set(zh_numbers(text)) == {Decimal(v) for v in values}


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("up to CNY 200,000", {200_000}),
        ("CNY 197.27 million", {197_270_000}),
        ("USD 10 million", {10_000_000}),
        ("5–20% of it", {5, 20}),
        ("1.2 billion", {1_200_000_000}),
        ("the 415X programme and the 1+N model", {415, 1}),
        ("96.3 km", {Decimal("96.3")}),
    ],
)
def test_en_numbers(text: str, values: set[int]) -> None:
    assert value_set(en_numbers(text)) == {Decimal(v) for v in values}


def test_token_positions_point_at_the_text() -> None:
    text = "对首次认定的高新技术企业给予最高20万元奖励"
    (tok,) = zh_numbers(text)
    assert text[tok.start : tok.end] == "20万"


def test_the_tests_own_extractor_reads_numbers_as_written() -> None:
    """tests/number_oracle.py, which the fidelity tests use instead of the generator's own."""
    from tests.number_oracle import en_values, zh_values

    assert zh_values("给予最高20万元奖励,1.5万元,3.2亿元,亿元以上企业,百亿产业,第3条") == {
        Decimal(200000), Decimal(15000), Decimal(320000000), Decimal(100000000),
        Decimal(10000000000), Decimal(3)}
    assert en_values("up to CNY 200,000 and CNY 1.2 billion, 15% in 2025; 80,00") == {
        Decimal(200000), Decimal(1200000000), Decimal(15), Decimal(2025), Decimal(80)}
