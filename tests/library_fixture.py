"""A library for tests, made as an editor would make it: a copy of policy_data/ (the real
jiande-2025), then the import issue's test editions imported into it with `import`: the next
edition jiande-2026 (--previous jiande-2025, so it supersedes it) and qingxi-2025, another
county's document in the other house style. Never in policy_data/: the published site holds
only real documents."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.cli import main
from tests.conftest import DATA, ROOT

IMPORT = ROOT / "tests" / "fixtures" / "import"


def make_library(base: Path) -> Path:
    """A data folder with library.yaml, jiande-2025, jiande-2026 and qingxi-2025."""
    data = base / "data"
    shutil.copytree(DATA, data)
    for source, slug, previous in (("jiande-2026.docx", "jiande-2026", "jiande-2025"),
                                   ("qingxi-2025.html", "qingxi-2025", None)):
        args = ["import", str(IMPORT / source), "--into", str(data / slug)]
        assert main(args + (["--previous", str(data / previous)] if previous else [])) == 0
    return data


# The house-style corpus, imported as editors in each county would, in this order, with the
# options each needs (what its text does not say, where it goes in its series). `.docx` and
# `.html` give the same edition as `.txt` (tests/test_import_corpus.py checks every format).
CORPUS: list[tuple[str, str, list[str]]] = [
    ("luming-2025", "docx", []),
    ("luming-2024", "html", ["--series", "luming-policy"]),  # an older edition, attached behind
    ("wangshu-2025", "html", []),
    ("qingyue-2024", "txt", []),
    ("qingyue-2025", "docx", ["--previous", "qingyue-2024"]),  # chapters reordered
    ("chengchuan-2023", "html", []),
    ("fenghe-2025", "txt", ["--issuer", "枫禾县人民政府", "--supplied-from",
                            "the county portal's list of documents"]),
    ("qingxi-2025", "txt", []),
]


def import_args(data: Path, slug: str, fmt: str, extra: list[str]) -> list[str]:
    args = ["import", str(IMPORT / f"{slug}.{fmt}"), "--into", str(data / slug)]
    for i, a in enumerate(extra):
        args.append(str(data / a) if i and extra[i - 1] == "--previous" else a)
    return args


def make_corpus(base: Path) -> Path:
    """A data folder: a copy of policy_data/ with every document of the corpus imported into
    it, none of them edited by hand."""
    data = base / "data"
    shutil.copytree(DATA, data)
    for slug, fmt, extra in CORPUS:
        assert main(import_args(data, slug, fmt, extra)) == 0, slug
    return data


def make_series(base: Path) -> tuple[Path, dict[str, str]]:
    """A data folder with the real jiande-2025 and the two editions after it, each imported
    with the one before as --previous: 2026 (a clause added, one removed, the clauses between
    renumbered and amended) and 2027 (the 民生 chapter moved to second place, a sentence
    reworded, an amount changed, a clause removed). Returns the folder and each import's
    report."""
    data = base / "data"
    shutil.copytree(DATA, data)
    reports = {}
    for slug, previous in (("jiande-2026", "jiande-2025"), ("jiande-2027", "jiande-2026")):
        assert main(["import", str(IMPORT / f"{slug}.txt"), "--into", str(data / slug),
                     "--previous", str(data / previous)]) == 0
        reports[slug] = (data / slug / "import-report.md").read_text(encoding="utf-8")
    return data, reports
