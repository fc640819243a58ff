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
