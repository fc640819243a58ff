from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Edition
from generator.validate import read_edition

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "policy_data" / "jiande-2025"
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture(scope="session")
def edition() -> Edition:
    ed, problems = read_edition(REAL)
    errors = [str(p) for p in problems if not p.note]
    assert not errors, "\n".join(errors)
    assert ed is not None
    return ed
