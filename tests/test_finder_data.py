"""The benefit finder's data: every incentive of the real document is reached by one
situation (or listed apart, on purpose), and a broken situation, `pool`, `unsettled`,
`default_from` or `exclusive` is reported at its line with what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.data.model import Edition
from tests.conftest import REAL, edited_copy

# Measures for towns, parks and roads: no enterprise or resident applies for them.
NOT_FOR_APPLICANTS = {(26, "farm-road-treatment"), (38, "quarterly-top-five")}


def test_every_incentive_is_offered_once_or_listed_apart(edition: Edition) -> None:
    assert {(c.number, i.id) for c, i in edition.unreached()} == NOT_FOR_APPLICANTS
    for g in edition.finder:
        offered = [(c.number, i.id) for s in g.situations for c, i in edition.reached_by(s)]
        assert len(offered) == len(set(offered)), g.title.zh


def test_every_computing_situation_computes(edition: Edition) -> None:
    for _, s in edition.situations:
        if s.calculator:
            assert edition.computed_in(s), s.id


def break_real(tmp_path: Path, name: str, old: str, new: str) -> Path:
    return edited_copy(REAL, tmp_path / "jiande-2025", name, old, new)


CALCS = "calculators.yaml"
SERVICES = "chapters/03-services.yaml"


@pytest.mark.parametrize(("name", "old", "new", "needle", "expect"), [
    (SERVICES, "situations: [e-bike]", "situations: [ebike]", "situations: [ebike]",
     "situation `ebike` does not exist; add it to `finder`"),
    (CALCS, "      - id: e-bike\n", "      - id: phone\n", "      - id: phone",
     "situation id `phone` is used twice"),
    (CALCS, "set: {item: [digital]}", "set: {item: [tablet]}", "set: {item: [tablet]}",
     "`tablet` is not an option of `item`"),
    (CALCS, "ask: [premium]", "ask: [premiums]", "ask: [premiums]",
     "`premiums` is not an input of calculator `export-credit-insurance`"),
    (CALCS, "calculator: export-credit-insurance\n        ask",
     "calculator: export-insurance\n        ask", "calculator: export-insurance",
     "calculator `export-insurance` does not exist"),
    (CALCS, "set: {awards: [key_software]}", "set: {awards: [headquarters]}",
     "- id: key-software", "is offered by situations `headquarters` and "
     "`key-software`"),
    (CALCS, "      - id: core-technology\n", "      - id: core-technology-x\n",
     "id: core-technology-x", "situation `core-technology-x` leads to nothing"),
    (SERVICES, "decided_by: commerce-bureau", "decided_by: commerce-office",
     "decided_by: commerce-office", "unit id `commerce-office` does not exist"),
    (CALCS, "default_from: investment", "default_from: premium", "default_from: premium",
     "`premium` is not another number input of `equipment-upgrade`"),
    (CALCS, "exclusive: [[high_tech_first, high_tech_renewed]]",
     "exclusive: [[high_tech_first, high_tech_again]]", "- key: awards",
     "`exclusive` names ['high_tech_again'], which are not options of `awards`"),
    ("chapters/06-effective-investment.yaml", "pool: 2000000",
     "pool: 2000000\n        amount: 2000000", "- id: project-preliminary-research",
     "`pool` is a sum for all recipients together"),
])
def test_a_broken_finder_field_is_reported_at_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, old: str, new: str,
        needle: str, expect: str) -> None:
    folder = break_real(tmp_path, name, old, new)
    assert main(["check", str(folder)]) == 1
    err = capsys.readouterr().err
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    line = max(i for i, ln in enumerate(lines, 1) if needle in ln)  # the last: a duplicate
    assert expect in err, err
    assert f"{name}:{line}:" in err, (line, err)


def test_a_removed_pool_leaves_its_number_without_a_fact(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The pool is the fact of clause 34's 200万元: without it, `check` says so."""
    folder = break_real(tmp_path, "chapters/06-effective-investment.yaml",
                        "        pool: 2000000\n", "")
    assert main(["check", str(folder)]) == 1
    assert "`200万` in" in capsys.readouterr().err
