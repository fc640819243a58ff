"""`make serve`: build, serve the site at http://127.0.0.1:8000, rebuild when a source changes.

Watches the data folder, docs/, the templates, the calculators and the guides by polling
modification times (no extra dependency). A failed rebuild prints file:line problems, keeps
serving the last good site, and shows the problems over the open page; the overlay goes when
a build succeeds again, and open pages reload themselves when a new build lands
(docs/assets/dev-reload.js asks /__build_status, which answers as soon as a build ends: a
long poll, so a reload does not wait for the next question). Builds run their workers as spawned
processes, never forked from this threaded server.
"""

from __future__ import annotations

import http.server
import json
import signal
import sys
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

from generator import pipeline, staging
from generator.outputs.job import workers
from generator.problems import DataError
from generator.settings import LANGS, Settings
from generator.typesetter import Stopped


def watched(settings: Settings) -> list[Path]:
    return [settings.data, settings.docs, settings.root / "generator" / "render" / "templates",
            settings.calculators, settings.guide("en"), settings.guide("zh")]


def snapshot(paths: list[Path]) -> dict[Path, float]:
    files = [p for path in paths if path.exists()
             for p in ([path] if path.is_file() else path.rglob("*")) if p.is_file()]
    return {p: p.stat().st_mtime for p in files}


class Preview:
    """The site being served, the id of its last good build, and worker processes kept
    warm between builds (a rebuild renders and builds only what the change reaches)."""

    def __init__(self, settings: Settings, workers: Any = None) -> None:
        self.settings = settings
        self.workers = workers
        self.build_id = "0"
        self.problems: list[str] = []  # of the last build, when it failed
        self.state = 0  # counts the builds that ended, good or not
        self.ended = threading.Condition()
        self.typesetting = threading.Event()  # the PDF handbooks are being typeset
        self.pdf_wanted = threading.Event()
        self.stop_typesetting = threading.Event()  # a source changed: the PDFs are stale

    def status(self, after: int | None, wait: float = 20.0) -> dict[str, Any]:
        """The last build's id and problems; with `after`, once a build after that one ended
        (or `wait` seconds passed)."""
        with self.ended:
            if after is not None:
                self.ended.wait_for(lambda: self.state != after, timeout=wait)
            return {"id": self.build_id, "problems": self.problems, "state": self.state}

    def _ended(self) -> None:
        with self.ended:
            self.state += 1
            self.ended.notify_all()

    def build(self) -> bool:
        started = time.perf_counter()
        before = staging.identity(self.settings.out)
        try:
            pipeline.build(self.settings, self.workers)
        except DataError as exc:
            for p in exc.problems:
                print(p, file=sys.stderr)
            print(f"build failed; still serving the last good {self.settings.out}",
                  file=sys.stderr, flush=True)
            self.problems = [str(p) for p in exc.problems if p.fails] or [
                "the build failed; see the terminal"]
            self._ended()
            return False
        self.problems = []
        if staging.identity(self.settings.out) == before and self.build_id != "0":
            # the inputs of the site being served (a save seen halfway, then whole; a broken
            # edit undone): nothing was built and no page reloads, but the PDFs a change
            # stopped are typeset (from the cache when they are done)
            self._ended()
            print("nothing changed since the last build", flush=True)
            self.pdf_wanted.set()
            return True
        self.build_id = str(time.time())
        self._ended()
        print(f"built {self.settings.out} in {time.perf_counter() - started:.1f} s", flush=True)
        self.pdf_wanted.set()
        return True

    def typeset(self) -> None:
        """After a good build, in the background: the PDF handbooks into the served site
        (from the cache; typeset again only for a document that changed), once the editor
        has paused for QUIET seconds: saves in quick succession do not each start WeasyPrint,
        which would share the CPU with the next save's build; a save while they are typeset
        stops them (they are out of date), and they are typeset after the next pause."""
        while True:
            self.pdf_wanted.wait()
            self.typesetting.set()  # a PDF link says so from now on
            self.pdf_wanted.clear()
            while self.pdf_wanted.wait(QUIET):  # saves one after another: wait for a pause
                self.pdf_wanted.clear()
            started = time.perf_counter()
            self.stop_typesetting.clear()
            try:
                pipeline.typeset(self.settings, self.settings.out, stop=self.stop_typesetting)
                print(f"PDF handbooks ready in {time.perf_counter() - started:.1f} s",
                      flush=True)
            except Stopped:  # typeset again once the editor pauses after the next build
                print("PDF handbooks stopped: a source changed", flush=True)
            except (DataError, OSError) as exc:
                print(f"the PDF handbooks were not typeset: {exc}", file=sys.stderr, flush=True)
            finally:
                self.typesetting.clear()

    def watch(self, interval: float = 0.1) -> None:
        seen = snapshot(watched(self.settings))
        while True:
            time.sleep(interval)
            now = snapshot(watched(self.settings))
            if now != seen:
                seen = now
                print("change detected; rebuilding", flush=True)
                self.stop_typesetting.set()  # the build gets the CPU the PDFs took
                self.build()

    def handler(self) -> type[http.server.SimpleHTTPRequestHandler]:
        preview, directory = self, str(self.settings.out)

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, directory=directory, **kwargs)

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                if url.path == "/__build_status":
                    after = urllib.parse.parse_qs(url.query).get("after", [""])[0]
                    body = json.dumps(preview.status(int(after) if after.isdigit() else None),
                                      ensure_ascii=False).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Cache-Control", "no-store")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                super().do_GET()

            def send_error(self, code: int, message: str | None = None,
                           explain: str | None = None) -> None:
                """A missing page is the site's own "not found" page, in the language of the
                address (never Python's bare error page)."""
                lang = self.path.lstrip("/").split("/", 1)[0]
                page = Path(directory) / (f"{lang}/404.html" if lang in LANGS else "404.html")
                if code != 404 or not page.is_file():
                    super().send_error(code, message, explain)
                    return
                body = page.read_bytes()
                if lang == "pdf" and preview.typesetting.is_set():
                    body = TYPESETTING.encode()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler


QUIET = 3.0  # seconds without a build before the PDF handbooks are typeset

TYPESETTING = """<!doctype html><html lang="zh-Hans"><meta charset="utf-8">
<title>PDF 手册正在生成 · The PDF handbook is being typeset</title>
<meta http-equiv="refresh" content="5">
<p>PDF 手册正在生成，几秒后自动刷新。</p>
<p lang="en">The PDF handbook is being typeset; this page reloads in a few seconds.</p></html>
"""


def serve(settings: Settings, host: str, port: int) -> int:
    preview = Preview(settings)
    try:  # the port first: a busy one is said at once, in one line, before any build
        server = http.server.ThreadingHTTPServer((host, port), preview.handler())
    except OSError as exc:
        print(f"cannot serve on {host}:{port}: {exc.strerror or exc}; stop the other server "
              f"or choose another port: `make serve PORT={port + 1}`", file=sys.stderr)
        return 2
    with workers(len(LANGS), fork=False) as pool:
        preview.workers = pool and pool.start()  # warm before the first edit
        if not preview.build() and not settings.out.is_dir():
            server.server_close()
            return 1
        threading.Thread(target=preview.watch, daemon=True).start()
        threading.Thread(target=preview.typeset, daemon=True).start()
        print(f"serving http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
        # stopped by a signal (a process manager, a test) as by Ctrl-C: the workers and the
        # PDF typesetting processes end with the server, never left behind
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
