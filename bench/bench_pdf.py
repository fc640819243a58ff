"""PDF benchmark: time to typeset both handbooks (median), and their page counts.

    .venv/bin/python bench/bench_pdf.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
OUT = (Path("/dev/shm") if Path("/dev/shm").is_dir() else Path("/tmp")) / "bench-pdf"


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run([PY, "-m", "generator", "pdf", "--out", str(OUT)], cwd=ROOT, check=True,
                       capture_output=True)
        times.append(time.perf_counter() - start)
    print(f"both PDFs: median {statistics.median(times):.2f} s over {args.runs} runs "
          f"{[round(t, 2) for t in times]}")
    for lang in ("zh", "en"):
        info = subprocess.run(["pdfinfo", str(OUT / f"handbook-{lang}.pdf")], check=True,
                              capture_output=True, text=True).stdout
        pages = next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages"))
        size = (OUT / f"handbook-{lang}.pdf").stat().st_size / 1024
        print(f"  handbook-{lang}.pdf: {pages} pages, {size:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
