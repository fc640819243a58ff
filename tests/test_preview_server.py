"""The preview's serve.py (bundled into the PR artifact) serves its own folder with the types
the handbook needs, and says clearly when its port is taken."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

SERVE = ROOT / ".github" / "preview" / "serve.py"


@pytest.fixture
def preview(tmp_path: Path) -> Path:
    folder = tmp_path / "handbook-preview"
    (folder / "zh" / "clauses" / "1").mkdir(parents=True)
    (folder / "assets").mkdir()
    shutil.copy(SERVE, folder)
    shutil.copy(SERVE.with_name("README.txt"), folder)
    (folder / "index.html").write_text("<p>home</p>", "utf-8")
    (folder / "zh" / "clauses" / "1" / "index.html").write_text("<p>第一条</p>", "utf-8")
    (folder / "assets" / "engine.js").write_text("export {};", "utf-8")
    return folder


@pytest.fixture
def server(preview: Path, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """serve.py on a free port, started from another folder: (its URL, its first output line)."""
    proc = subprocess.Popen([sys.executable, str(preview / "serve.py"), "0"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "http://127.0.0.1:" in line, line + (proc.stderr.read() if proc.stderr else "")
        yield line.split("open ", 1)[1].split()[0], line
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()


def get(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers["Content-Type"], response.read().decode("utf-8")


def test_serves_folder_links_as_pages(server: tuple[str, str]) -> None:
    url, line = server
    assert url.endswith("/") and line.startswith("Handbook preview: open http://127.0.0.1:")
    assert get(url) == ("text/html; charset=utf-8", "<p>home</p>")
    assert get(url + "zh/clauses/1/")[1] == "<p>第一条</p>"
    assert get(url + "assets/engine.js")[0].startswith("text/javascript")


def test_says_when_the_port_is_taken(preview: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run([sys.executable, str(preview / "serve.py"), str(port)],
                             capture_output=True, text=True, timeout=30, check=False)
    assert run.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in run.stderr
    assert f"python3 serve.py {port + 1}" in run.stderr
