"""The data is the published document: every word, every number, in both languages."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.data.model import Edition, responsible_names
from generator.data.numbers import show
from generator.data.reconstruct import normalize_ws, reconstruct_zh
from tests.number_oracle import en_values, zh_values
from tests.source_text import parse_source

SOURCE = parse_source()
CLAUSES = sorted(SOURCE.clauses)
CHAPTERS = sorted(SOURCE.chapter_intros)


def test_source_has_fifty_clauses_in_eight_chapters() -> None:
    assert CLAUSES == list(range(1, 51))
    assert CHAPTERS == list(range(1, 9))


def test_source_is_the_published_file_byte_for_byte(edition: Edition) -> None:
    from tests.conftest import ROOT

    shared = ROOT.parent / "shared" / "source" / "jiande-2025-policy.zh.txt"
    if not shared.is_file():
        pytest.skip("../shared is not beside this checkout")
    assert (edition.folder / "source.zh.txt").read_bytes() == shared.read_bytes()


def test_rebuilding_the_document_gives_back_the_source(edition: Edition) -> None:
    rebuilt = normalize_ws(reconstruct_zh(edition))
    source = normalize_ws(edition.source_text)
    if rebuilt != source:
        at = next(i for i, (a, b) in enumerate(zip(rebuilt, source, strict=False)) if a != b)
        pytest.fail(f"differs at {at}: data `{rebuilt[at - 20:at + 20]}` vs "
                    f"source `{source[at - 20:at + 20]}`")


def test_every_clause_is_in_the_data_once(edition: Edition) -> None:
    assert [c.number for c in edition.clauses] == CLAUSES


def _facts_numbers(facts: list) -> set[Decimal]:  # type: ignore[type-arg]
    return {n for f in facts for n in f.numbers()}


@pytest.mark.parametrize("number", CLAUSES)
def test_clause_text_is_verbatim(edition: Edition, number: int) -> None:
    clause = edition.clause(number)
    assert clause.full_zh == SOURCE.clauses[number]


@pytest.mark.parametrize("number", CLAUSES)
def test_every_number_of_the_clause_is_in_its_facts(edition: Edition, number: int) -> None:
    clause = edition.clause(number)
    facts = _facts_numbers([*clause.incentives, *clause.targets, *clause.figures])
    missing = sorted(show(v) for v in zh_values(SOURCE.clauses[number]) if v not in facts)
    assert not missing, f"clause {number}: numbers without a fact: {missing}"


@pytest.mark.parametrize("number", CLAUSES)
def test_english_carries_the_same_numbers(edition: Edition, number: int) -> None:
    clause = edition.clause(number)
    zh = zh_values(SOURCE.clauses[number])
    en = en_values(clause.full_en)
    assert sorted(map(show, zh - en)) == [], f"clause {number}: missing in English"
    assert sorted(map(show, en - zh)) == [], f"clause {number}: English has extra numbers"


@pytest.mark.parametrize("number", CLAUSES)
def test_every_responsible_unit_is_linked(edition: Edition, number: int) -> None:
    names = responsible_names(SOURCE.clauses[number])
    assert names, f"clause {number} has no 责任单位 in the source"
    clause = edition.clause(number)
    linked = [edition.unit_by_name[n].id for n in names]
    assert linked == clause.responsible_units
    for uid in clause.responsible_units:
        assert number in [c.number for c in edition.clauses_of_unit(uid)]


@pytest.mark.parametrize("number", CLAUSES)
def test_every_quote_is_in_the_clause(edition: Edition, number: int) -> None:
    clause = edition.clause(number)
    for fact in [*clause.incentives, *clause.targets, *clause.figures]:
        assert fact.quote in clause.full_zh


@pytest.mark.parametrize("number", CHAPTERS)
def test_every_budget_figure_of_the_chapter_is_in_the_data(edition: Edition, number: int) -> None:
    chapter = edition.chapters[number - 1]
    assert chapter.number == number
    assert normalize_ws(chapter.intro.zh) == normalize_ws(SOURCE.chapter_intros[number])
    facts = _facts_numbers([*chapter.budgets, *chapter.targets, *chapter.figures])
    intro = SOURCE.chapter_intros[number]
    missing = sorted(show(v) for v in zh_values(intro) if v not in facts)
    assert not missing, f"chapter {number}: numbers without a fact: {missing}"
    for budget in chapter.budgets:
        assert budget.quote in intro
        assert Decimal(budget.amount) in zh_values(budget.quote)
    en = en_values(chapter.intro.en)
    assert zh_values(intro) == en, f"chapter {number}: intro numbers differ in English"


def test_chapter_budgets_as_published(edition: Edition) -> None:
    """The figures the issue names, read from the data by id."""
    items = {k: v[1].amount for k, v in edition.budget_items.items()}
    assert items["ch7-total"] == 229_000_000
    assert items["ch7-city"] == 31_400_000
    assert items["ch7-higher"] == 197_270_000
    assert sorted(items[p] for p in edition.budget_items["ch7-city"][1].parts) == [
        8_000_000, 9_000_000, 14_400_000]
    assert items["ch6-transport"] == 90_000_000
    assert edition.budget_items["ch6-transport"][1].overlaps == "ch4-city"
    assert items["total-2025"] == 1_200_000_000


def test_closing_paragraphs_and_total(edition: Edition) -> None:
    closing = "".join(t.zh for t in edition.document.closing)
    assert normalize_ws(closing) == normalize_ws(SOURCE.closing)
    facts = _facts_numbers([*edition.document.budgets, *edition.document.figures])
    assert zh_values(SOURCE.closing) <= facts


def test_reconciliation_is_recorded_not_silent(edition: Edition) -> None:
    rec = edition.reconciliation
    assert rec is not None
    assert rec.difference != 0
    noted = [n for n in edition.document.budget_notes if rec.total.id in n.items]
    assert noted, "the total does not reconcile, so a budget note must say so"
    # Listed city figures, the transport overlap counted once, fall short of the stated total.
    assert rec.city_net < rec.total.amount
    assert rec.overlap_sum == edition.budget_items["ch6-transport"][1].amount


def test_hr_bureau_spellings_resolve_to_one_unit(edition: Edition) -> None:
    assert edition.unit_by_name["市人社局"] is edition.unit_by_name["市人力社保局"]


def test_every_unit_named_in_the_document_exists(edition: Edition) -> None:
    for ch in edition.chapters:
        for c in ch.clauses:
            for name in responsible_names(c.text.zh) or []:
                assert name in edition.unit_by_name, name
