"""`make serve` in Chromium: an edit reloads the open page; a broken edit shows its problems
(path:line:col) over the page, and fixing it takes them away."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, free_port

pytestmark = pytest.mark.browser


@pytest.fixture
def preview(tmp_path: Path):  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "--data", str(data), "serve",
                             "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("serving "):
            break
    else:
        pytest.fail("make serve did not start")
    drain = threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True)  # type: ignore[union-attr]
    drain.start()  # keep reading what serve prints, so it never blocks on a full pipe
    yield data, f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=30)
    drain.join(timeout=10)
    proc.stdout.close()


def test_a_broken_edit_shows_its_problems_and_a_fix_clears_them(preview, chromium) -> None:  # type: ignore[no-untyped-def]
    data, base = preview
    page = chromium.new_page()
    page.goto(f"{base}/zh/jiande-2025/clauses/1/")
    chapter = data / "jiande-2025" / "chapters" / "01-science-technology.yaml"
    good = chapter.read_text(encoding="utf-8")
    chapter.write_text(good.replace("lead_units: [science-technology-bureau]",
                                    "lead_units: [science-technology-bureau", 1), "utf-8")
    started = time.perf_counter()
    page.wait_for_selector("#ph-build-problems", timeout=60000)
    shown = time.perf_counter() - started
    text = page.locator("#ph-build-problems").inner_text()
    assert "01-science-technology.yaml:" in text and "YAML" in text, text
    assert page.locator("#ph-build-problems").get_attribute("role") == "alert"
    chapter.write_text(good.replace("鼓励创新主体发展。", "鼓励创新主体发展。", 1), "utf-8")
    started = time.perf_counter()
    page.wait_for_function("() => !document.getElementById('ph-build-problems')",
                           timeout=60000)
    cleared = time.perf_counter() - started
    print(f"serve: problems shown {shown:.2f} s after the broken save, gone "
          f"{cleared:.2f} s after the fix")
    page.close()


def test_an_edit_reloads_the_open_page(preview, chromium) -> None:  # type: ignore[no-untyped-def]
    data, base = preview
    page = chromium.new_page()
    page.goto(f"{base}/en/jiande-2025/clauses/14/")
    page.evaluate("() => { window.__before = true; }")
    chapter = data / "jiande-2025" / "chapters" / "03-services.yaml"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("Support car trade-ins", "Support car trade-ins!", 1),
                       "utf-8")
    started = time.perf_counter()
    page.wait_for_function("() => window.__before !== true", timeout=60000)
    page.wait_for_load_state("load")
    print(f"serve: edit to reload {time.perf_counter() - started:.2f} s")
    assert "Support car trade-ins!" in page.locator(".ph-clause-text").inner_text()
    page.close()


@pytest.mark.unit
def test_status_answers_when_the_next_build_ends() -> None:
    """The long poll: asked `after` the current build, the status waits for the next one to
    end (good or not); asked about an older build, it answers at once."""
    from generator.serve import Preview

    preview = Preview(settings=None)  # type: ignore[arg-type]
    first = preview.status(None)
    assert first["state"] == 0
    threading.Timer(0.2, preview._ended).start()
    assert preview.status(after=0, wait=30)["state"] == 1
    assert preview.status(after=0, wait=30)["state"] == 1  # already past: no wait
    assert preview.status(after=1, wait=0.05)["state"] == 1  # nothing new: times out


def test_a_build_of_unchanged_sources_reloads_no_page(tmp_path: Path) -> None:
    """A save seen halfway and then whole (or a broken edit undone) builds what the served
    site was built from: the site is left as it is and its build id stays, so an open page
    does not reload; an edit that changes the site gives a new id."""
    from generator.serve import Preview
    from tests.conftest import settings_for

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    preview = Preview(settings_for(tmp_path / "site", tmp_path / "work", data=data))
    assert preview.build()
    first, state = preview.build_id, preview.state
    preview.pdf_wanted.clear()
    assert preview.build()  # nothing changed
    assert preview.build_id == first and preview.state == state + 1
    assert preview.pdf_wanted.is_set()  # PDFs a save stopped are typeset after all
    chapter = next((data / "jiande-2025" / "chapters").glob("*.yaml"))
    chapter.write_text(chapter.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert preview.build()
    assert preview.build_id != first and preview.state == state + 2


def test_the_preview_typesets_its_pdfs_at_the_lowest_priority(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make serve` typesets the handbooks after each build in processes of the lowest
    priority (the next rebuild of the pages does not share the CPU with WeasyPrint); a
    `make site` or `make pdf` typesets at normal priority."""
    import os

    from generator import pipeline
    from generator.outputs import pdf
    from generator.typesetter import Typesetters
    from tests.conftest import settings_for

    asked: list[int] = []

    class Fake:  # what pdf.write asks of its typesetting processes
        def __init__(self, niceness: int) -> None:
            asked.append(niceness)
            self.jobs: list[tuple[str, str, str, str]] = []

        def __enter__(self) -> Fake:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def begin(self, jobs: list[tuple[str, str, str, str]]) -> None:
            self.jobs += jobs

        def finish(self, stop: object = None) -> list[Path]:
            for _, _, target, _ in self.jobs:
                Path(target).write_bytes(b"%PDF-1.7\n")
            return [Path(j[2]) for j in self.jobs]

    monkeypatch.setattr(pdf, "typesetters", lambda tasks, niceness=0: Fake(niceness))
    settings = settings_for(tmp_path / "site", tmp_path / "work")
    pipeline.typeset(settings, tmp_path / "site")
    assert asked == [pipeline.BACKGROUND] and pipeline.BACKGROUND == 19
    assert sorted(p.name for p in (tmp_path / "site" / "pdf").iterdir()) == [
        "jiande-2025-en.pdf", "jiande-2025-zh.pdf"]
    monkeypatch.undo()

    html = "<html lang='zh'><title>x</title><body><p>建德市</p></body></html>"
    for niceness in (19, 0):  # the real processes, once they have typeset a handbook
        with Typesetters(1, niceness) as processes:
            processes.begin([(html, str(tmp_path), str(tmp_path / "x.pdf"), "x")])
            assert processes.finish() == [tmp_path / "x.pdf"]
            [(process, _)] = processes.processes
            assert os.getpriority(os.PRIO_PROCESS, process.pid) - os.getpriority(
                os.PRIO_PROCESS, 0) == niceness
        assert not process.is_alive()


def test_a_save_stops_the_pdfs_being_typeset(tmp_path: Path) -> None:
    """The handbooks being typeset when a source changes are out of date: `make serve` sets
    the stop, and the typesetting processes end at once (the build that follows gets the
    CPU); the handbook is not written."""
    import multiprocessing

    from generator.outputs import pdf
    from generator.typesetter import Stopped

    page = "<p>" + "建德市 " * 400 + "</p>"
    html = f"<html lang='zh'><title>x</title><body>{page * 400}</body></html>"
    stop, stopped = threading.Event(), []
    threading.Timer(1.5, lambda: (stopped.append(time.perf_counter()), stop.set())).start()
    with pytest.raises(Stopped):
        pdf.typeset([(html, str(tmp_path), str(tmp_path / "x.pdf"), "x")], niceness=19,
                    stop=stop)
    assert time.perf_counter() - stopped[0] < 1.0  # not when the PDF would be done
    assert multiprocessing.active_children() == []
    assert not (tmp_path / "x.pdf").exists()


def test_the_preview_typesets_once_the_editor_pauses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Saves in quick succession typeset the PDFs once, QUIET seconds after the last one (not
    once per save, sharing the CPU with the next build); a PDF link says they are being
    typeset from the first save on."""
    from generator import pipeline, serve
    from tests.conftest import settings_for

    monkeypatch.setattr(serve, "QUIET", 0.3)
    started: list[float] = []
    monkeypatch.setattr(pipeline, "typeset", lambda settings, folder, stop: started.append(
        time.perf_counter()))
    preview = serve.Preview(settings_for(tmp_path / "site", tmp_path / "work"))
    threading.Thread(target=preview.typeset, daemon=True).start()
    for _ in range(5):  # a save every 0.1 s
        preview.pdf_wanted.set()
        last = time.perf_counter()  # the last save
        time.sleep(0.1)
        assert preview.typesetting.is_set() and started == []
    for _ in range(50):
        if started:
            break
        time.sleep(0.05)
    # QUIET after the last save (its clock read a moment after it: a little less)
    assert len(started) == 1 and started[0] - last >= serve.QUIET - 0.02
    time.sleep(0.5)
    assert len(started) == 1 and not preview.typesetting.is_set()
