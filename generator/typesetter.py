"""WeasyPrint's side of the PDF output (outputs/pdf.py), in processes of its own: one spawned
process per core at most, each importing WeasyPrint as it starts (0.6 s), and handed one
handbook after another. This module imports no other module of the generator, so such a
process is ready in the time WeasyPrint takes to import, and a build that starts them early
(`make site`: as soon as it knows a handbook must be typeset) finds them ready.

Tagged PDF/UA-1: structure tree, /Lang from `<html lang>`, title from `<title>` shown in the
window title, XMP claiming PDF/UA (public bodies must publish accessible PDFs).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, cast

Task = tuple[str, str, str, str]  # (html, base folder, target file, PDF identifier)
STOP_POLL = 0.1  # seconds between two looks at `stop`


class Stopped(Exception):
    """The typesetting was stopped before it ended: what it typesets changed (`make serve`)."""


class Failed(Exception):
    """A handbook could not be typeset (its identifier, and what WeasyPrint said)."""


def finish_tags(document: Any, pdf: Any) -> None:
    """What WeasyPrint 70's PDF/UA tags leave out, filled in before the file is written.

    - A link annotation's /Contents (its description for a screen reader) is the link's
      `title`, else its text, where WeasyPrint puts the bare target ("clause-3").
    - A header cell's /Scope (Column, or Row for `<th scope="row">`), which WeasyPrint
      does not write although it reads `scope` to fill the data cells' /Headers.
    """
    import pydyf  # type: ignore[import-untyped]

    def boxes(box: Any) -> Iterator[Any]:
        yield box
        for child in getattr(box, "children", ()):
            yield from boxes(child)

    for page in document.pages:
        for _, _, _, box in page.links:
            a = box.element
            text = a.get("title") or " ".join("".join(a.itertext()).split())
            if box.link_annotation is not None and text:
                box.link_annotation["Contents"] = pydyf.String(text)
        for box in boxes(page._page_box):
            tag = getattr(box, "mark", None)  # the cell's /TH or /TD element, set by WeasyPrint
            if tag is not None and box.element_tag == "th":
                tag["A"]["Scope"] = "/Row" if box.element.get("scope") == "row" else "/Column"


def typeset_one(task: Task) -> str:
    """One language's HTML to PDF, written to a temporary name and renamed."""
    from weasyprint import HTML  # imported late: slow to import and only needed here

    html, base, target, identifier = task
    tmp = Path(target).with_suffix(".pdf.tmp")
    HTML(string=html, base_url=base).write_pdf(tmp, pdf_identifier=identifier.encode(),
                                               pdf_variant="pdf/ua-1", finisher=finish_tags)
    tmp.replace(target)
    return target


def _serve(conn: Connection, niceness: int) -> None:
    """A typesetting process: WeasyPrint imported first, then each task it is sent."""
    os.nice(niceness)
    import weasyprint  # noqa: F401  (ready before the first task)

    while True:
        try:
            task = conn.recv()
        except EOFError:  # the build ended
            return
        if task is None:
            return
        try:
            conn.send((True, typeset_one(task)))
        except Exception as exc:  # reported by the build, with the handbook it was
            conn.send((False, f"{type(exc).__name__}: {exc}"))


class Typesetters:
    """`count` typesetting processes, spawned now at `niceness` steps below normal priority
    (`make serve` typesets in the background: the next build of the pages must not wait for
    the CPU it takes). `begin` hands out tasks, `finish` waits for them all. Spawned, and
    run without a thread in this process, so a build can still fork its other workers."""

    def __init__(self, count: int, niceness: int = 0) -> None:
        context = multiprocessing.get_context("spawn")
        self.processes: list[tuple[Any, Connection]] = []
        for _ in range(count):
            mine, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs, niceness), daemon=True)
            process.start()
            theirs.close()
            self.processes.append((process, mine))
        self.idle = [conn for _, conn in self.processes]
        self.queued: list[tuple[int, Task]] = []
        self.busy: dict[Connection, tuple[int, Task]] = {}
        self.done: dict[int, str] = {}
        self.count = 0

    def __enter__(self) -> Typesetters:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(now=exc[0] is not None)

    def begin(self, tasks: list[Task]) -> None:
        self.queued += [(self.count + i, t) for i, t in enumerate(tasks)]
        self.count += len(tasks)
        self._hand_out()

    def _hand_out(self) -> None:
        while self.idle and self.queued:
            conn = self.idle.pop()
            self.busy[conn] = self.queued.pop(0)
            conn.send(self.busy[conn][1])

    def finish(self, stop: threading.Event | None = None) -> list[Path]:
        """The PDFs of every task begun, in order, once all are written. Raises Stopped,
        the processes ended, as soon as `stop` is set (`make serve` sets it when a source
        changes: the handbooks are out of date, and the build that follows gets the whole
        CPU, which a low priority does not give it on a machine of two cores); Failed when
        a handbook cannot be typeset or its process died."""
        while self.busy:
            ready = wait(list(self.busy), timeout=STOP_POLL)
            if stop is not None and stop.is_set():
                self.close(now=True)
                raise Stopped
            for conn in (cast(Connection, c) for c in ready):
                index, task = self.busy.pop(conn)
                try:
                    ok, value = conn.recv()
                except (EOFError, OSError):  # it died (killed, out of memory)
                    ok, value = False, "its process stopped"
                if not ok:
                    self.close(now=True)
                    raise Failed(f"{task[3]}: {value}")
                self.done[index] = str(value)
                self.idle.append(conn)
            self._hand_out()
        return [Path(self.done[i]) for i in sorted(self.done)]

    def close(self, now: bool = False) -> None:
        """End the processes: at once (`now`), or once they have read that there is no more."""
        for process, conn in self.processes:
            if now:
                process.terminate()
            else:
                try:
                    conn.send(None)
                except OSError:  # it had stopped
                    pass
        for process, conn in self.processes:
            process.join()
            conn.close()
        self.processes, self.idle, self.busy = [], [], {}
