"""Import benchmark: for every document of the house-style corpus (tests/fixtures/import/, in
every format it is saved in), the median time to import it, and the hand work it leaves an
editor: the to-dos per document (facts to review, new units to check, texts to translate).
Then the real document, and the next-edition fixture with `--previous` (the share of facts
that need no hand edit when a new edition arrives).

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

from generator.cli import main as cli  # noqa: E402
from generator.importer import import_document  # noqa: E402
from generator.pipeline import read_edition  # noqa: E402
from tests.library_fixture import CORPUS, import_args  # noqa: E402

REAL = ROOT / "policy_data" / "jiande-2025"
NEXT = ROOT / "tests" / "fixtures" / "import" / "jiande-2026.txt"


def timed(argv: list[str]) -> float:
    import contextlib
    import io

    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli([*argv, "--force"])
    elapsed = time.perf_counter() - start
    assert code == 0, argv
    return elapsed


def todos(folder: Path) -> tuple[int, int, int]:
    """(facts to review, units to check, texts to translate) that `check` lists."""
    _, problems = read_edition(folder)
    todo = [p for p in problems if p.todo]
    translations = sum("translation pending" in p.message for p in todo)
    units = sum("new unit" in p.message for p in todo)
    contacts = sum(p.message.startswith("no contact recorded") for p in todo)
    return len(todo) - translations - units - contacts, units, translations


def corpus(base: Path, runs: int) -> None:
    data = base / "data"
    shutil.copytree(ROOT / "policy_data", data)
    print(f"{'document':<18} {'format':<6} {'median s':>8} {'facts':>6} {'units':>6} "
          f"{'texts':>6}")
    times, facts, units, texts = [], [], [], []
    for slug, _, extra in CORPUS:
        for fmt in ("txt", "docx", "html"):
            argv = import_args(data, slug, fmt, extra)
            median = statistics.median(timed(argv) for _ in range(runs))
            f, u, t = todos(data / slug)
            print(f"{slug:<18} {fmt:<6} {median:>8.2f} {f:>6} {u:>6} {t:>6}")
            times.append(median)
            if fmt == "txt":
                facts.append(f)
                units.append(u)
                texts.append(t)
    print(f"corpus: median import {statistics.median(times):.2f} s over "
          f"{len(times)} imports ({runs} runs each); to-dos per document, median: "
          f"{statistics.median(facts):.0f} facts to review, {statistics.median(units):.0f} "
          f"new units to check, {statistics.median(texts):.0f} texts to translate")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    runs = p.parse_args().runs
    base = Path(tempfile.mkdtemp(prefix="bench-import-", dir="/dev/shm"
                                 if Path("/dev/shm").is_dir() else None))
    try:
        corpus(base, runs)
        fresh = [timed(["import", str(REAL / "source.zh.txt"), "--into",
                        str(base / "jiande-2025")]) for _ in range(runs)]
        nxt = []
        for _ in range(runs):
            shutil.rmtree(base / "jiande-2026", ignore_errors=True)
            start = time.perf_counter()
            import_document(NEXT, base / "jiande-2026", REAL)
            nxt.append(time.perf_counter() - start)
        ed, _ = read_edition(base / "jiande-2026")
        assert ed is not None
        facts = [f for ch in ed.chapters for f in (*ch.budgets, *ch.targets, *ch.figures)]
        facts += [f for c in ed.clauses for f in (*c.budgets, *c.incentives, *c.targets,
                                                  *c.figures)]
        facts += [*ed.document.budgets, *ed.document.figures, *ed.document.preamble_figures]
        untouched = sum(f.review is None for f in facts)
        print(f"import the real document, no --previous: median {statistics.median(fresh):.2f} s "
              f"({runs} runs; goal < 5 s)")
        print(f"import the next edition (--previous jiande-2025): median "
              f"{statistics.median(nxt):.2f} s")
        print(f"facts needing no hand edit after the next-edition import: {untouched}/{len(facts)}"
              f" = {untouched / len(facts):.1%}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
