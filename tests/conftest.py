from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Edition
from generator.validate import read_edition

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "policy_data" / "jiande-2025"
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture(scope="session")
def edition() -> Edition:
    ed, problems = read_edition(REAL)
    errors = [str(p) for p in problems if not p.note]
    assert not errors, "\n".join(errors)
    assert ed is not None
    return ed


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
    """The real handbook, built once for the test session, for the port the server uses."""
    from generator.build import BuildOptions, build

    base = tmp_path_factory.mktemp("build")
    opts = BuildOptions(out=base / "site", work=base / "work",
                        site_url=f"http://127.0.0.1:{site_port}/", pdf=True)
    return build(opts)


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
