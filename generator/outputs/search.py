"""Search, part of the site output: the pages of a few documents in one language (a shard,
render/shards.py) go into one Pagefind index at /<lang>/pagefind/<k>/, built from the pages
in memory by Pagefind's extended binary (it segments Chinese) in its service mode, the
interface of Pagefind's Python API (`pagefind` on PyPI, which finds the binary). An index is
chunked: a query loads a few small files, whatever the size of the library. The library's
search page merges the shards' indexes and starts loading them as it opens.

The Python API's own client waits 0.1 s before reading each answer (11 s for a part of 106
pages, measured), so this module speaks the same protocol directly: every page of a shard is
sent at once and the answers are read as they come (base64 JSON messages ended by a comma).

Pagefind reads only what it indexes of each page (`searchable`: the language, the title and
the indexed body, without what is not content), and an index is cached by exactly that: a
change that leaves a shard's searchable text as it was (a timeline, a link, the navigation)
re-indexes nothing. Pages left out of search (the finders, comparisons, all but one copy of
the editors' guide) carry no `data-pagefind-body`.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import re
import subprocess
import threading
from pathlib import Path
from typing import Any

from pagefind.service import get_executable
from selectolax.lexbor import LexborHTMLParser

from generator.problems import DataError, Problem

# Not content: permalink marks, edit links, previous/next links, the status line, hints; a
# clause's timeline and its links to other editions (they change with the other editions and
# name other pages); a unit's copy of its clauses' texts (the clauses' pages are the hits);
# code examples (they name the site's address); pictures (the results show none, and
# Pagefind would take a page's first as metadata that only some shards have, which makes
# merging the shards rewrite their words: outputs/search_merge.py).
NOT_INDEXED = (".headerlink", ".ph-anchor", ".ph-edit", ".ph-edit-footer", ".ph-prevnext",
               ".ph-status-banner", ".ph-hint", ".ph-lang-paths", ".ph-pdf-link",
               ".ph-history", ".ph-last-changed", "h2#timeline", ".ph-timeline",
               ".ph-timeline-note", ".ph-other-editions", ".ph-full-text", "noscript",
               ".ph-example", "img", "[data-pagefind-ignore]")
# The attributes Pagefind reads (its own, the languages, the headings' ids for sub-results,
# the search tokens it is told to index); the rest (links, classes, a calculator's rules)
# only cost it time.
_KEPT = {"id", "lang", "data-t"}


_HTML_LANG = re.compile(r'<html lang="([^"]*)"')
_TITLE = re.compile(r"<title>.*?</title>", re.S)


def searchable(html: str) -> str | None:
    """What Pagefind reads of a complete page: its language, its title and its indexed body
    without the parts that are not content (NOT_INDEXED); None for a page left out of search.
    A page's navigation and header are half its bytes and never indexed."""
    start = html.find("<div data-pagefind-body")
    if start < 0:
        return None
    end = html.find("</article>", start)
    tree = LexborHTMLParser(html[start:end if end >= 0 else len(html)])
    for node in tree.css(", ".join(NOT_INDEXED)):
        node.decompose()
    for node in tree.css("[class], [href], [data-spec], [data-terms], [data-label], [title]"):
        attrs = node.attrs
        for name in [a for a in attrs if a not in _KEPT and not a.startswith("data-pagefind")]:
            del attrs[name]
    lang = _HTML_LANG.search(html)
    title = _TITLE.search(html)
    body = tree.body.html if tree.body is not None else "<body></body>"
    return (f'<!doctype html><html lang="{lang.group(1) if lang else ""}"><head>'
            f'<meta charset="utf-8">{title.group(0) if title else ""}</head>{body}</html>')


class Pagefind:
    """One `pagefind --service` process; `index` may be called for part after part. It
    indexes a page of Chinese as it starts, without waiting for the answers: Pagefind loads
    its dictionary for segmenting Chinese on the first such page (0.18 s, measured), and this
    way does so while the build reads and renders."""

    def __init__(self) -> None:
        binary = get_executable()
        if binary is None:
            raise DataError([Problem("pyproject.toml", 1, 1, "the Pagefind binary is missing: "
                                     "run `make install`")])
        self.proc = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.buffer = bytearray()
        self.lock = threading.Lock()
        self._send({"type": "NewIndex", "config": {}})  # Pagefind numbers its indexes from 0
        self._send({"type": "AddFile", "index_id": 0, "file_path": "warm/index.html",
                    "url": None, "file_contents": WARM_PAGE})
        self._send({"type": "DeleteIndex", "index_id": 0})
        self.unread = 3  # answers to read before the next command's
        assert self.proc.stdin is not None
        self.proc.stdin.flush()

    def __enter__(self) -> Pagefind:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        try:
            self.proc.stdin.close()
        except OSError:  # it had stopped
            pass
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()

    def _send(self, payload: dict[str, Any]) -> int:
        assert self.proc.stdin is not None
        self.next_id += 1
        message = {"message_id": self.next_id, "payload": payload}
        self.proc.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        return self.next_id

    def _answers(self, count: int) -> list[dict[str, Any]]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.flush()
        out: list[dict[str, Any]] = []
        while len(out) < count:
            while b"," not in self.buffer:
                chunk = os.read(self.proc.stdout.fileno(), 1 << 20)
                if not chunk:
                    raise DataError([Problem("generator/outputs/search.py", 1, 1,
                                             "Pagefind stopped before answering")])
                self.buffer += chunk
            message, _, rest = bytes(self.buffer).partition(b",")
            self.buffer = bytearray(rest)
            out.append(dict(json.loads(base64.b64decode(message))))
        return out

    def index(self, pages: dict[str, str], folder: Path) -> None:
        """A part's pages (path in the part -> HTML) into an index written to `folder`."""
        with self.lock:
            self._answers(self.unread)  # the warm-up's (see the class): only a speed-up
            self.unread = 0
            self._send({"type": "NewIndex", "config": {"exclude_selectors": list(NOT_INDEXED)}})
            (created,) = self._answers(1)
            index_id = _ok(created, folder)["index_id"]
            for rel, html in sorted(pages.items()):
                self._send({"type": "AddFile", "index_id": index_id, "file_path": rel,
                            "url": None, "file_contents": html})
            for answer in self._answers(len(pages)):
                _ok(answer, folder)
            # The files come back in the answer and are written here: Pagefind's own writer
            # retries a file it cannot create every 100 ms, forever (a folder removed under
            # it hung a library build); here a missing folder is made again.
            self._send({"type": "GetFiles", "index_id": index_id})
            self._send({"type": "DeleteIndex", "index_id": index_id})
            files, deleted = self._answers(2)
            _ok(deleted, folder)
            for file in sorted(_ok(files, folder)["files"], key=lambda f: f["path"]):
                path = folder / file["path"]
                if not path.resolve().is_relative_to(folder.resolve()):
                    raise DataError([Problem(str(folder), 1, 1, "Pagefind named a file "
                                             f"outside its index: {file['path']}")])
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(base64.b64decode(file["content"]))


WARM_PAGE = ('<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>预热</title>'
             '</head><body><div data-pagefind-body><p>政策</p></div></body></html>')


class Pagefinds:
    """Pagefind processes, one for each indexing thread (`get` and `put` back), started when
    first asked for (`start`: all of them now) and kept until `close`: by a build's site
    output, or by the worker pool that `make serve` keeps between builds (outputs/job.py),
    so a rebuild finds them started and warm. A process that failed is not given out again."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.free: queue.Queue[Pagefind] = queue.Queue()
        self.all: list[Pagefind] = []
        self.lock = threading.Lock()

    def start(self) -> Pagefinds:
        with self.lock:
            while len(self.all) < self.count:
                self.free.put(self._started())
        return self

    def get(self) -> Pagefind:
        with self.lock:  # started only when an index must be built
            if self.free.empty() and len(self.all) < self.count:
                return self._started()
        return self.free.get()

    def _started(self) -> Pagefind:  # (holding the lock)
        self.all.append(pagefind := Pagefind())
        return pagefind

    def put(self, pagefind: Pagefind, failed: bool = False) -> None:
        if not failed:
            self.free.put(pagefind)
            return
        with self.lock:
            self.all.remove(pagefind)
        pagefind.close()

    def close(self) -> None:
        with self.lock:
            for pagefind in self.all:
                pagefind.close()
            self.all = []
            self.free = queue.Queue()


def processes() -> int:
    """How many Pagefind processes a build runs: one per core, at most 4."""
    return max(1, min(os.cpu_count() or 1, 4))


def _ok(answer: dict[str, Any], folder: Path) -> dict[str, Any]:
    payload = dict(answer.get("payload") or {})
    if payload.get("type") == "Error":
        raise DataError([Problem(str(folder), 1, 1, "Pagefind could not index the pages: "
                                 f"{payload.get('message')}")])
    return payload
