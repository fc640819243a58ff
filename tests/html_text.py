"""Read built pages: visible text of an element, links, ids."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(node: object) -> str:
    from bs4 import Tag

    assert isinstance(node, Tag), "element not found"
    return "".join(node.get_text().split())


def page_text(path: Path) -> str:
    """The visible text of a built page's article, words separated by spaces."""
    page = soup(path)
    for node in page(["script", "style"]):
        node.decompose()
    main = page.find("article") or page
    return " ".join(main.get_text(" ").split())


def follow(site: Path, path: str) -> str:
    """Where a reader ends up from `path` (below the site's root), following redirect pages."""
    from urllib.parse import urljoin, urlparse

    import pytest

    for _ in range(3):
        html = soup(site / path / "index.html")
        refresh = html.select_one('meta[http-equiv="refresh"]')
        if refresh is None:
            return path
        target = str(refresh["content"]).split("url=", 1)[1]
        canonical = html.select_one('link[rel="canonical"]')
        assert canonical is not None, path
        path = urlparse(urljoin(f"/{path}", target)).path.lstrip("/")
    pytest.fail(f"{path}: more than 3 redirects")
