"""A library for tests: the real jiande-2025 and a next edition made from it (jiande-2026),
in a scratch data folder. Never in policy_data/: the published site holds only real
documents.

The next edition supersedes the real one; its clause 1 cap rises from 20万元 to 25万元 (and
the English follows), clause 7's Chinese gains 丝绸 (its English is left as it was), chapter
1's budget rises from 5000万元 to 5500万元, and its notice number and date are its own. Its
source.zh.txt is rebuilt from its data, so it is exactly what the data says was published.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.data.reconstruct import reconstruct_zh
from generator.pipeline import read_edition
from tests.conftest import DATA, REAL


def replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count or (count == 1 and text.count(old) > 1), \
        f"{path.name}: {old!r} found {text.count(old)} times, not {count}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def make_library(base: Path) -> Path:
    """A data folder with library.yaml, jiande-2025 and jiande-2026; returns the folder."""
    data = base / "data"
    shutil.copytree(REAL, data / "jiande-2025")
    shutil.copy(DATA / "library.yaml", data / "library.yaml")
    new = data / "jiande-2026"
    shutil.copytree(REAL, new)
    (new / "changes.yaml").unlink()
    doc = new / "document.yaml"
    replace(doc, "id: jiande-2025\n", "id: jiande-2026\n")
    replace(doc, "supersedes:\n", "supersedes: jiande-2025\n")
    replace(doc, 'in_force: {start: "2025-01-01", end: "2025-12-31"',
            'in_force: {start: "2026-01-01", end: "2026-12-31"')
    replace(doc, 'edition: "2025"', 'edition: "2026"')
    replace(doc, "  zh: (2025年版)\n  en: (2025 Edition)", "  zh: (2026年版)\n  en: (2026 Edition)")
    replace(doc, "value: {zh: 建政函〔2025〕20号, en: \"Jian Zheng Han [2025] No. 20\"}",
            "value: {zh: 建政函〔2026〕5号, en: \"Jian Zheng Han [2026] No. 5\"}")
    ch1 = new / "chapters" / "01-science-technology.yaml"
    for old, repl, count in (("给予最高20万元奖励", "给予最高25万元奖励", 2),
                             ("up to CNY 200,000; a high-tech", "up to CNY 250,000; a high-tech",
                              1),
                             ("        max_amount: 200000\n", "        max_amount: 250000\n", 1),
                             ("统筹安排5000万元", "统筹安排5500万元", 2),
                             ("allocates CNY 50 million", "allocates CNY 55 million", 1),
                             ("    amount: 50000000\n", "    amount: 55000000\n", 1)):
        replace(ch1, old, repl, count)
    ch2 = new / "chapters" / "02-advanced-manufacturing.yaml"
    replace(ch2, "推动茶业、工艺美术等历史经典产业", "推动茶业、工艺美术、丝绸等历史经典产业")
    edition, problems = read_edition(new)
    assert edition is not None, problems
    (new / "source.zh.txt").write_text(reconstruct_zh(edition), encoding="utf-8")
    return data
