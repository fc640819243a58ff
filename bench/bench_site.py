"""Site build benchmark: prints medians. Not a test; targets are in the issue, figures here.

    .venv/bin/python bench/bench_site.py [--runs 3] [--scale-clauses 2500] [--skip-scale]

Writes to /dev/shm (tmpfs), so deleting large trees does not slow the disk down.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import make  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")
SHM = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path("/tmp")


def timed_build(out: Path, *extra: str) -> float:
    start = time.perf_counter()
    data = ["--data", str(Path(extra[1]).parent)] if extra else []
    subprocess.run([PY, "-m", "generator", *data, "build", "--out", str(out), *extra], cwd=ROOT,
                   check=True, capture_output=True)
    return time.perf_counter() - start


def kb(path: Path) -> str:
    return f"{path.stat().st_size / 1024:.1f} KB"


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--scale-clauses", type=int, default=2500)
    p.add_argument("--skip-scale", action="store_true")
    args = p.parse_args()

    out = SHM / "bench-site"
    times = [timed_build(out) for _ in range(args.runs)]
    print(f"handbook build (both languages, no PDF): median {statistics.median(times):.2f} s "
          f"over {args.runs} runs {[round(t, 2) for t in times]}")
    for lang in ("zh", "en"):
        largest = max(p.stat().st_size for p in (out / lang / "clauses").rglob("index.html"))
        print(f"  {lang} clause page 14 HTML: {kb(out / lang / 'clauses/14/index.html')}; "
              f"largest clause page: {largest / 1024:.1f} KB")
        index = out / lang / "search" / "search_index.json"
        docs = len(json.loads(index.read_text(encoding="utf-8"))["docs"])
        print(f"  {lang} search index: {kb(index)} ({docs} entries)")
    if not args.skip_scale:
        document = make(SHM / "bench-synthetic", args.scale_clauses)
        t = timed_build(SHM / "bench-site-scale", "--document", str(document))
        pages = sum(1 for _ in (SHM / "bench-site-scale").rglob("index.html"))
        print(f"synthetic {args.scale_clauses}-clause document, both languages: {t:.2f} s "
              f"(one run; {pages} pages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
