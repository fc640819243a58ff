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

from generator.data.library import Library
from generator.data.model import Edition
from generator.pipeline import read_edition, read_library
from generator.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "policy_data"
REAL = DATA / "jiande-2025"
FIXTURES = ROOT / "tests" / "fixtures"  # data folder of the test documents (library.yaml)
MINI = FIXTURES / "mini"
DOC = "jiande-2025"  # the real document; its pages are at /<lang>/jiande-2025/
SOURCE_DATE = 1_764_400_000  # builds in tests are dated (2025-11-29), so two can be compared
# the test library is dated 2026-06-01: jiande-2026 in force, jiande-2025 replaced by it,
# qingxi-2025 expired
LIBRARY_DATE = 1_780_315_200
TIERS = ("browser", "pdf", "site", "unit")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any(item.get_closest_marker(tier) for tier in TIERS):
            continue
        names = set(getattr(item, "fixturenames", ()))
        tier = ("browser" if {"chromium", "page", "library_server", "series_server"} & names
                else "pdf" if "built_pdfs" in names else
                "site" if {"built_site", "site_server", "library_site", "series_site"} & names
                else "unit")
        item.add_marker(tier)


def settings_for(out: Path, work: Path, *, data: Path = DATA,
                 site_url: str | None = "http://127.0.0.1:8000/", pdf: bool = False,
                 source_date: int = SOURCE_DATE) -> Settings:
    """Settings of a build in tests: the checkout's templates, a data folder, dated."""
    docs = sorted(p for p in data.iterdir() if (p / "document.yaml").is_file())
    return Settings(root=ROOT, data=data, document=docs[-1], out=out, work=work,
                    site_url=site_url, edit_base=None, source_date=source_date, pdf=pdf)


def edited_copy(source: Path, folder: Path, name: str, old: str, new: str) -> Path:
    """A copy of the document folder `source` at `folder`, with the first `old` in file
    `name` replaced by `new` (the edit must apply: a test of a stale edit proves nothing)."""
    shutil.copytree(source, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{source.name}/{name} does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def doc_page(site: Path, lang: str, path: str, doc: str = DOC) -> Path:
    """The built file of a document's page: `clauses/14` -> <site>/zh/jiande-2025/…"""
    return site / lang / doc / path / "index.html"


@pytest.fixture(scope="session")
def edition() -> Edition:
    ed, problems = read_edition(REAL)
    errors = [str(p) for p in problems if p.fails]
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
def library_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library of two editions (the real one and a next one made from it), built once."""
    from generator.pipeline import build
    from tests.library_fixture import make_library

    base = tmp_path_factory.mktemp("library")
    return build(settings_for(base / "site", base / "work", data=make_library(base),
                              site_url=None, source_date=LIBRARY_DATE))


@pytest.fixture(scope="session")
def library() -> Library:
    lib, problems = read_library(DATA, SOURCE_DATE)
    assert lib is not None and not [p for p in problems if p.fails], problems
    return lib


@pytest.fixture(scope="session")
def built_pdfs(tmp_path_factory: pytest.TempPathFactory, library: Library) -> Path:
    """The two PDF handbooks of the real document (jiande-2025-zh.pdf, -en.pdf), typeset
    once for the session."""
    from generator.outputs.pdf import write_pdfs
    from generator.render import context

    out = tmp_path_factory.mktemp("pdf")
    edition = library.by_id[DOC]
    write_pdfs(edition, context(library, edition), out, SOURCE_DATE)
    return out


@pytest.fixture(scope="session")
def site_server(built_site: Path, site_port: int):  # type: ignore[no-untyped-def]
    """Serve the built site over http on loopback (Pagefind fetches its index over http)."""
    yield from serve(built_site, site_port)


def serve(folder: Path, port: int):  # type: ignore[no-untyped-def]
    """A static HTTP server for a built site on loopback, until the generator is closed."""
    from tests.browser import served

    with served(folder, port) as origin:
        yield origin


@pytest.fixture(scope="session")
def library_server(library_site: Path):  # type: ignore[no-untyped-def]
    yield from serve(library_site, free_port())


@pytest.fixture(scope="session")
def chromium():  # type: ignore[no-untyped-def]
    from tests.browser import browser

    with browser() as b:
        yield b


def guarded_page(chromium, origin: str, context=None):  # type: ignore[no-untyped-def]
    """A page (of `context`, or a desktop-size one) that fails the test on any request
    leaving the site or any uncaught script error."""
    from tests.browser import guard_requests

    context = context or chromium.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    guard_requests(pg, origin, outside)
    yield pg
    context.close()
    assert outside == [] and errors == [], (outside, errors)


@pytest.fixture
def page(chromium, site_server: str):  # type: ignore[no-untyped-def]
    """A page of the real site (see guarded_page)."""
    yield from guarded_page(chromium, site_server)


@pytest.fixture
def library_page(chromium, library_server: str):  # type: ignore[no-untyped-def]
    """A page of the two-edition test library (see guarded_page)."""
    yield from guarded_page(chromium, library_server)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of policy_data/ with every document of the house-style corpus imported into it
    (tests/library_fixture.py:make_corpus), made once for the session."""
    from tests.library_fixture import make_corpus

    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def series(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Three editions of the real document's series (tests/library_fixture.py:make_series)."""
    from tests.library_fixture import make_series

    return make_series(tmp_path_factory.mktemp("series"))


@pytest.fixture(scope="session")
def series_site(series: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory
                ) -> Path:
    from generator.pipeline import build

    base = tmp_path_factory.mktemp("series-site")
    return build(settings_for(base / "site", base / "work", data=series[0], site_url=None))


@pytest.fixture(scope="session")
def series_server(series_site: Path):  # type: ignore[no-untyped-def]
    yield from serve(series_site, free_port())


@pytest.fixture
def series_page(chromium, series_server: str):  # type: ignore[no-untyped-def]
    """A page of the three-edition series (see guarded_page)."""
    yield from guarded_page(chromium, series_server)
