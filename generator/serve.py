"""`make serve`: build, serve site/ at http://127.0.0.1:8000, rebuild when a source changes.

Watches policy_data/, docs/ and the templates by polling modification times (no extra
dependency). A failed rebuild prints file:line problems and keeps serving the last good
site; open pages reload themselves when a new build lands (assets/dev-reload.js).
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

from generator.build import ROOT, BuildOptions, main_build

WATCHED = [ROOT / "policy_data", ROOT / "docs", ROOT / "generator" / "templates"]


def snapshot() -> dict[Path, float]:
    return {p: p.stat().st_mtime for folder in WATCHED if folder.is_dir()
            for p in folder.rglob("*") if p.is_file()}


class State:
    build_id = "0"


class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/__build_id":
            body = State.build_id.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        pass


def watch(opts: BuildOptions, interval: float = 1.0) -> None:
    seen = snapshot()
    while True:
        time.sleep(interval)
        now = snapshot()
        if now != seen:
            seen = now
            print("change detected; rebuilding", flush=True)
            if main_build(opts) == 0:
                State.build_id = str(time.time())


def serve(host: str, port: int) -> int:
    opts = BuildOptions(site_url=f"http://{host}:{port}/", dev=True)
    code = main_build(opts)
    if code != 0 and not opts.out.is_dir():
        return code
    State.build_id = str(time.time())
    threading.Thread(target=watch, args=(opts,), daemon=True).start()
    handler = functools.partial(Handler, directory=str(opts.out))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    print(f"serving http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0
