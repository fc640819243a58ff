#!/usr/bin/env python3
"""Serve this handbook preview at http://127.0.0.1:8000/ with Python 3 alone (standard library).

Run `python3 serve.py` in the unzipped preview folder (on Windows: `py serve.py`), open the URL
it prints and press Ctrl+C to stop. `python3 serve.py 8001` listens on another port.

Opening the pages straight from disk does not work: links to folders show directory listings,
and search and the calculators cannot load their data from file:// URLs.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PORT = 8000  # the address the preview is built for (absolute links such as the feed use it)

# Explicit types, so that a system mime table (e.g. the Windows registry mapping .js to
# text/plain) cannot stop scripts or data from loading.
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".pdf": "application/pdf",
    ".woff2": "font/woff2",
    ".webmanifest": "application/manifest+json",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return TYPES.get(Path(path).suffix.lower()) or super().guess_type(path)


def main(argv: list[str]) -> int:
    if len(argv) > 2 or (len(argv) == 2 and not argv[1].isdigit()):
        print("usage: python3 serve.py [PORT]", file=sys.stderr)
        return 2
    port = int(argv[1]) if len(argv) == 2 else PORT
    handler = functools.partial(Handler, directory=str(HERE))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        print(f"cannot listen on 127.0.0.1:{port} ({exc}); try: python3 serve.py {port + 1}",
              file=sys.stderr)
        return 1
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    if (HERE / "TESTS-FAILED.txt").exists():
        print("Note: the tests FAILED for this preview; see TESTS-FAILED.txt.", flush=True)
    print(f"Handbook preview: open {url}  (Ctrl+C stops the server)", flush=True)
    with server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
