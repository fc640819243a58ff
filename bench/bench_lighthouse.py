"""Lighthouse benchmark: the mobile performance score (Lighthouse's default: a mid-range phone,
simulated 4G) of one page of every page type of the built site, with its largest contentful
paint and total blocking time, each the median of `--runs`. Prints figures; not a test (the
accessibility and SEO scores are asserted in tests/test_lighthouse.py).

    .venv/bin/python bench/bench_lighthouse.py [--runs 3] [--site site] [--lang zh]

The site is served as a static host serves it: gzip for text, when the browser asks for it
(a plain `python -m http.server` does not compress, and Lighthouse then scores the transfer of
uncompressed HTML, CSS and JavaScript). Without --site, the real library is built into
/dev/shm first.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM_ARGS, chromium_path  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
SHM = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path("/tmp")
DOC = "jiande-2025"
PAGES = {  # page type -> its path below /<lang>/
    "library home": "", "library units": "units/", "search": "search/",
    "benefit finder": "benefits/", "document home": f"{DOC}/",
    "chapter": f"{DOC}/chapters/3/", "clause": f"{DOC}/clauses/14/",
    "units": f"{DOC}/units/", "unit": f"{DOC}/units/commerce-bureau/",
    "calculators": f"{DOC}/calculators/", "calculator": f"{DOC}/calculators/trade-in/",
    "finder": f"{DOC}/finder/", "budget": f"{DOC}/budget/",
    "incentives": f"{DOC}/incentives/", "targets": f"{DOC}/targets/",
    "changes": f"{DOC}/changes/", "data": f"{DOC}/data/", "editors": f"{DOC}/editors/",
}
TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


@contextmanager
def compressed(folder: Path) -> Iterator[str]:
    """The site over http on loopback, text gzipped as a static host does."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def send_head(self):  # type: ignore[no-untyped-def]
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if ("gzip" not in self.headers.get("Accept-Encoding", "")
                    or path.suffix not in TEXT or not path.is_file()):
                return super().send_head()
            body = zipped(path, path.stat().st_mtime_ns)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Body(body)

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@functools.lru_cache(maxsize=4096)
def zipped(path: Path, mtime: int) -> bytes:
    return gzip.compress(path.read_bytes(), 6, mtime=0)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, n: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def measure(url: str) -> tuple[float, float, float]:
    """Performance score (0-100), LCP (ms) and total blocking time (ms) of one run."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
        subprocess.run([str(LIGHTHOUSE), url, "--only-categories=performance",
                        "--output=json", f"--output-path={out}", "--quiet",
                        f"--chrome-flags={flags}"],
                       env={**os.environ, "CHROME_PATH": chromium_path()}, check=True,
                       capture_output=True, timeout=300)
        report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return (report["categories"]["performance"]["score"] * 100,
            audits["largest-contentful-paint"]["numericValue"],
            audits["total-blocking-time"]["numericValue"])


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--site", type=Path)
    p.add_argument("--lang", default="zh")
    args = p.parse_args()
    site = args.site
    if site is None:
        site = SHM / "bench-lighthouse-site"
        subprocess.run([PY, "-m", "generator", "build", "--out", str(site), "--work",
                        str(SHM / "bench-lighthouse-work")], cwd=ROOT, check=True,
                       capture_output=True)
    version = json.loads((LIGHTHOUSE.resolve().parent.parent / "package.json").read_text())
    print(f"Lighthouse {version['version']} mobile performance, /{args.lang}/, medians of "
          f"{args.runs} runs (goal >= 90):")
    with compressed(site) as origin:
        for name, path in PAGES.items():
            runs = [measure(f"{origin}/{args.lang}/{path}") for _ in range(args.runs)]
            score, lcp, tbt = (statistics.median(r[i] for r in runs) for i in range(3))
            print(f"  {name:15} {score:4.0f}  LCP {lcp / 1000:4.1f} s  TBT {tbt:4.0f} ms"
                  f"  (scores {[round(r[0]) for r in runs]})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
