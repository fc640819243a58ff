"""Import benchmark: the median time to import the real document (goal: under 5 s), and the
share of facts that needed no hand edit after a `--previous` import of the next-edition
fixture (a fact needs a hand edit when it is a new stub or carries a `review:` mark).

    .venv/bin/python bench/bench_import.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.importer import import_document  # noqa: E402
from generator.pipeline import read_edition  # noqa: E402

REAL = ROOT / "policy_data" / "jiande-2025"
NEXT = ROOT / "tests" / "fixtures" / "import" / "jiande-2026.txt"


def timed(source: Path, into: Path, previous: Path | None) -> float:
    shutil.rmtree(into, ignore_errors=True)
    start = time.perf_counter()
    import_document(source, into, previous)
    return time.perf_counter() - start


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    runs = p.parse_args().runs
    base = Path(tempfile.mkdtemp(prefix="bench-import-", dir="/dev/shm"
                                 if Path("/dev/shm").is_dir() else None))
    try:
        fresh = [timed(REAL / "source.zh.txt", base / "jiande-2025", None) for _ in range(runs)]
        again = [timed(REAL / "source.zh.txt", base / "jiande-2025", REAL) for _ in range(runs)]
        nxt = [timed(NEXT, base / "jiande-2026", REAL) for _ in range(runs)]
        ed, _ = read_edition(base / "jiande-2026")
        assert ed is not None
        facts = [f for ch in ed.chapters for f in (*ch.budgets, *ch.targets, *ch.figures)]
        facts += [f for c in ed.clauses for f in (*c.incentives, *c.targets, *c.figures)]
        facts += [*ed.document.budgets, *ed.document.figures, *ed.document.preamble_figures]
        untouched = sum(f.review is None for f in facts)
        print(f"import the real document, no --previous: median {statistics.median(fresh):.2f} s "
              f"({runs} runs; goal < 5 s)")
        print(f"import the real document, --previous itself: median "
              f"{statistics.median(again):.2f} s")
        print(f"import the next edition (--previous jiande-2025): median "
              f"{statistics.median(nxt):.2f} s")
        print(f"facts needing no hand edit after the next-edition import: {untouched}/{len(facts)}"
              f" = {untouched / len(facts):.1%}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
