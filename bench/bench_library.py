"""Library benchmark: a synthetic library of 40 documents (bench/library.py, about 10,000
pages in both languages), each figure a median, each build time also as a ratio to a
one-page mkdocs-material build timed in the same run. Prints figures; not a test.

    .venv/bin/python bench/bench_library.py [--runs 3] [--documents 40]

- one-page build: `mkdocs build` of a one-page Material project (fresh process)
- full build: `python -m generator build` of the library with an empty cache (goal <= 40x)
- rebuild: the same after changing one clause of one document (goal <= 3x), and with
  nothing changed (goal <= 2x)
- make site: `build --pdf` of the real library (policy_data/, both PDF handbooks) with an
  empty work folder (goal <= 10x)
- serve: `make serve` on the real library, from saving a YAML edit to the open page having
  reloaded in Chromium (goal <= 1 s)
- page weight: bytes a first visit to a clause page of the library transfers (<= 300 KB)
- search: from typing a query on the library's search page to the results being shown, over
  the library's one index (its shards merged at build time): the first query of 5 fresh
  visits (<= 300 ms), and the later queries

Writes to /dev/shm (tmpfs), so deleting large trees does not slow the disk down.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.library import make  # noqa: E402
from tests.browser import browser, served  # noqa: E402
from tests.conftest import free_port  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")
MKDOCS = str(ROOT / ".venv" / "bin" / "mkdocs")
SHM = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path("/tmp")
QUERIES = ["以旧换新", "高新技术企业", "50万元", "出口信用保险", "博士后", "专精特新", "REITs"]


def timed(cmd: list[str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def one_page(runs: int) -> float:
    project = SHM / "bench-one-page"
    shutil.rmtree(project, ignore_errors=True)
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: One\ntheme:\n  name: material\n"
                                        "  font: false\n", encoding="utf-8")
    (project / "docs" / "index.md").write_text("# One page\n", encoding="utf-8")
    timed([MKDOCS, "build", "-q"], project)  # warm the disk cache
    return statistics.median(timed([MKDOCS, "build", "-q"], project) for _ in range(runs))


def build(data: Path, out: Path, work: Path) -> float:
    return timed([PY, "-m", "generator", "--data", str(data), "build", "--out", str(out),
                  "--work", str(work)])


def median_ratio(label: str, times: list[float], base: float, goal: float | None) -> None:
    m = statistics.median(times)
    target = f"; goal <= {goal:g}x" if goal else ""
    print(f"{label}: median {m:.2f} s = {m / base:.1f}x one page "
          f"(runs {[round(t, 2) for t in times]}{target})")


def site_with_pdfs() -> float:
    """`make site` (`build --pdf`) of the real library, with an empty work folder."""
    out, work = SHM / "bench-real-site", SHM / "bench-real-work"
    shutil.rmtree(work, ignore_errors=True)
    return timed([PY, "-m", "generator", "build", "--pdf", "--out", str(out), "--work",
                  str(work)])


def edit_clause(data: Path, doc: str, n: int) -> None:
    """Change one clause's English (a translation fix), differently each time: only its
    document, and what shows it, must be built again. No digits: the English must keep
    the Chinese numbers."""
    ch = data / doc / "chapters" / "03-services.yaml"
    text = ch.read_text(encoding="utf-8")
    old = next(v for v in ("Support car trade-ins, as revised", "Support car trade-ins")
               if v in text)
    new = "Support car trade-ins" if n % 2 else "Support car trade-ins, as revised"
    if old == new:
        new = "Support car trade-ins, as revised" if old == "Support car trade-ins" else \
            "Support car trade-ins"
    ch.write_text(text.replace(old, new, 1), encoding="utf-8")


def serve_reload(runs: int) -> list[float]:
    """Edit-to-reload of `make serve` on the real library, in Chromium."""
    data = SHM / "bench-serve-data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(ROOT / "policy_data", data)
    port = free_port()
    proc = subprocess.Popen([PY, "-m", "generator", "--data", str(data), "serve", "--port",
                             str(port)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    times = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("serving "):
                break
        with browser() as b:
            page = b.new_page()
            page.goto(f"http://127.0.0.1:{port}/zh/jiande-2025/clauses/14/")
            page.wait_for_load_state("load")  # never idle: a question for news is always open
            for n in range(runs):
                page.wait_for_timeout(1000)
                page.evaluate("() => { window.__phMarker = true; }")
                start = time.perf_counter()
                edit_clause(data, "jiande-2025", n)
                page.wait_for_function("() => window.__phMarker !== true", timeout=60000)
                page.wait_for_load_state("load")
                times.append(time.perf_counter() - start)
    finally:
        proc.terminate()
        proc.wait()
    return times


def page_weight(site: Path) -> None:
    subprocess.run([PY, str(ROOT / "bench" / "bench_weight.py"), "--site", str(site), "--pages",
                    "zh/d05-2025/clauses/14/", "en/d05-2025/clauses/14/"], check=True)


def search_times(site: Path, runs: int) -> tuple[list[float], list[float]]:
    """The first query of `runs` fresh visits to the search page (typed as soon as the box is
    there), and the next queries of the last visit."""
    firsts, nexts = [], []
    with served(site) as origin, browser() as b:
        for n in range(runs):
            context = b.new_context()  # nothing cached from the previous visit
            page = context.new_page()
            page.goto(f"{origin}/zh/search/")
            box = page.locator(".pagefind-ui__search-input")
            box.wait_for()
            k = n % len(QUERIES)
            queries = QUERIES[k:] + QUERIES[:k] if n == runs - 1 else [QUERIES[k]]
            for i, q in enumerate(queries):
                page.evaluate("() => { document.querySelectorAll('.pagefind-ui__result')"
                              ".forEach(e => e.remove()); }")
                start = time.perf_counter()
                box.fill(q)
                page.wait_for_selector(".pagefind-ui__result", timeout=30000)
                (nexts if i else firsts).append(time.perf_counter() - start)
                box.fill("")
                page.wait_for_timeout(300)
            context.close()
    return firsts, nexts


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--documents", type=int, default=40)
    args = p.parse_args()
    data, out, work = SHM / "bench-lib-data", SHM / "bench-lib-site", SHM / "bench-lib-work"
    make(data, args.documents)
    base = one_page(max(args.runs, 5))
    print(f"one-page mkdocs-material build: median {base:.2f} s")
    full = []
    for _ in range(args.runs):
        shutil.rmtree(work, ignore_errors=True)
        full.append(build(data, out, work))
    pages = sum(1 for _ in out.rglob("index.html"))
    median_ratio(f"full build, {args.documents} documents, {pages} pages", full, base, 40)
    rebuild = []
    for n in range(args.runs):  # a document in a series of three editions
        edit_clause(data, "d05-2025", n)
        rebuild.append(build(data, out, work))
    median_ratio("rebuild after one clause of one document (a 3-edition series)", rebuild,
                 base, 3)
    two = []
    for n in range(args.runs):  # a document in a series of two editions
        edit_clause(data, "d13-2024", n + 10)
        two.append(build(data, out, work))
    median_ratio("rebuild after one clause of one document (a 2-edition series)", two, base, 3)
    nothing = [build(data, out, work) for _ in range(args.runs)]
    median_ratio("rebuild with nothing changed", nothing, base, 2)
    median_ratio("make site from nothing, real library, both PDF handbooks",
                 [site_with_pdfs() for _ in range(args.runs)], base, 10)
    reloads = serve_reload(args.runs)
    print(f"make serve, edit to reload in Chromium (real library): median "
          f"{statistics.median(reloads):.2f} s (runs {[round(t, 2) for t in reloads]}; "
          "goal <= 1 s)")
    page_weight(out)
    firsts, nexts = search_times(out, max(args.runs, 5))
    print(f"search over {args.documents} documents in Chromium, typing to results: first "
          f"query of a fresh visit median {statistics.median(firsts) * 1000:.0f} ms over "
          f"{len(firsts)} visits {[round(t * 1000) for t in firsts]} (goal <= 300 ms); "
          f"later queries median {statistics.median(nexts) * 1000:.0f} ms over {len(nexts)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
