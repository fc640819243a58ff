"""Shared fixtures, and the test tiers.

Every test gets exactly one tier marker, from the fixtures it uses (or one it sets itself):
`unit` (no build), `site` (the built site, without PDFs), `pdf` (the typeset handbooks) and
`browser` (Chromium against the served site). `pytest -m unit` runs in seconds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.data.model import Edition
from generator.pipeline import read_edition
from generator.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "policy_data"
REAL = DATA / "jiande-2025"
FIXTURES = ROOT / "tests" / "fixtures"  # data folder of the test documents (library.yaml)
MINI = FIXTURES / "mini"
SOURCE_DATE = 1_764_400_000  # builds in tests are dated, so two of them can be compared
TIERS = ("browser", "pdf", "site", "unit")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any(item.get_closest_marker(tier) for tier in TIERS):
            continue
        names = set(getattr(item, "fixturenames", ()))
        tier = ("browser" if {"chromium", "page"} & names else
                "pdf" if "built_pdfs" in names else
                "site" if {"built_site", "site_server"} & names else "unit")
        item.add_marker(tier)


def settings_for(out: Path, work: Path, *, document: Path = REAL, data: Path | None = None,
                 site_url: str = "http://127.0.0.1:8000/", pdf: bool = False) -> Settings:
    """Settings of a build in tests: the checkout's templates, a given document, dated."""
    return Settings(root=ROOT, data=data or document.parent, document=document, out=out,
                    work=work, site_url=site_url, edit_base=None, source_date=SOURCE_DATE,
                    pdf=pdf)


@pytest.fixture(scope="session")
def edition() -> Edition:
    ed, problems = read_edition(REAL)
    errors = [str(p) for p in problems if not p.note]
    assert not errors, "\n".join(errors)
    assert ed is not None
    return ed


GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env={**os.environ, **GIT_ENV}).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A throwaway checkout whose `main` holds a copy of the data (policy_data/), on a
    pull-request branch: what `check --against main` and the PR summary compare with."""
    root = tmp_path / "repo"
    shutil.copytree(DATA, root / "policy_data")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "published")
    git(root, "checkout", "-q", "-b", "pull-request")
    return root


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The real handbook without PDFs, built once for the session, for the server's port."""
    from generator.pipeline import build

    base = tmp_path_factory.mktemp("build")
    return build(settings_for(base / "site", base / "work",
                              site_url=f"http://127.0.0.1:{site_port}/"))


@pytest.fixture(scope="session")
def built_pdfs(tmp_path_factory: pytest.TempPathFactory, edition: Edition) -> Path:
    """The two PDF handbooks of the real document, typeset once for the session."""
    from generator.outputs.pdf import write_pdfs

    out = tmp_path_factory.mktemp("pdf")
    write_pdfs(edition, out, SOURCE_DATE)
    return out


@pytest.fixture(scope="session")
def site_server(built_site: Path, site_port: int):  # type: ignore[no-untyped-def]
    """Serve the built site over http on loopback (the language switch needs http)."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{site_port}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def chromium():  # type: ignore[no-untyped-def]
    from tests.browser import browser

    with browser() as b:
        yield b


@pytest.fixture
def page(chromium, site_server: str):  # type: ignore[no-untyped-def]
    """A desktop-size page that fails the test on any request leaving the site or any
    uncaught script error."""
    from tests.browser import guard_requests

    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    guard_requests(pg, site_server, outside)
    yield pg
    context.close()
    assert outside == [] and errors == [], (outside, errors)
