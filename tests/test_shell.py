"""The page shell against Material itself: a clause page written by the generator has the DOM
structure of a real mkdocs-material build of the same navigation and headings (header,
drawer, navigation pruned to the open section, table of contents, footer, Material's
scripts), so a drift from Material's structure is caught; and the shell's own rules."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from generator import render
from generator.pipeline import read_library
from generator.render import shell
from tests.conftest import DATA, DOC, ROOT

pytestmark = pytest.mark.site

PAGE = "clauses/14.md"


def ours() -> tuple[render.Rendered, BeautifulSoup]:
    library, _ = read_library(DATA, 0)
    assert library is not None
    ed = library.by_id[DOC]
    theme = shell.theme((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    rendered = render.document(ed, render.context(library, ed), "zh",
                               site=render.Site(theme=theme), guide="")
    return rendered, BeautifulSoup(rendered.pages[PAGE], "html.parser")


def material_build(tmp: Path, rendered: render.Rendered, page: BeautifulSoup) -> BeautifulSoup:
    """The same navigation, titles and headings, built by MkDocs with mkdocs-material and the
    features of mkdocs.yml (no hooks, no overrides)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = tmp / "docs"
    heads = [h for h in page.select("article h1, article h2, article h3")
             if h.get("id") and h.find("a", class_="headerlink")]

    def pages_of(nav: list[Any]) -> list[str]:
        out = []
        for entry in nav:
            if isinstance(entry, str):
                out.append(entry)
                continue
            (_, value), = entry.items()
            out += [value] if isinstance(value, str) else pages_of(value)
        return out

    titles = {p: t for p, t in walk_titles(rendered.nav)}
    for path in pages_of(rendered.nav):
        file = docs / path
        file.parent.mkdir(parents=True, exist_ok=True)
        body = ""
        if path == PAGE:
            body = "\n\n".join("#" * int(h.name[1]) + " " + h.get_text().rstrip("¶")
                               + ("" if h.name == "h1" else f" {{ #{h['id']} }}")
                               for h in heads)
        file.write_text(f"---\ntitle: {json.dumps(titles.get(path, 'x'), ensure_ascii=False)}"
                        f"\n---\n\n{body}\n", encoding="utf-8")
    config = {"site_name": rendered.site_name, "docs_dir": str(docs),
              "site_dir": str(tmp / "site"), "use_directory_urls": True,
              "theme": {"name": "material", "language": "zh", "font": False,
                        "features": list(shell.theme(
                            (ROOT / "mkdocs.yml").read_text(encoding="utf-8")).features)},
              "markdown_extensions": ["attr_list", {"toc": {"permalink": True}}],
              "nav": rendered.nav, "plugins": [], "extra": {"generator": False}}
    yml = tmp / "mkdocs.yml"
    yml.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build(load_config(config_file=str(yml)))
    return BeautifulSoup((tmp / "site" / "clauses" / "14" / "index.html").read_text(
        encoding="utf-8"), "html.parser")


def walk_titles(nav: list[Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for entry in nav:
        (title, value), = entry.items()
        if isinstance(value, str):
            out.append((value, title))
        else:
            out.append((value[0], title))
            out += walk_titles(value[1:])
    return out


# Where the shell differs from Material by intent: the header's language switch, search
# button and named menu label (docs: render/templates/layout.html.jinja), the palette
# restore script (there is no palette) and the page content itself.
OWN = re.compile(r"^(ph-|md-select|md-header__option)")


def skeleton(node: Tag | None) -> list[str]:
    """Each element as `tag.class.class#id` in document order, text and attributes aside;
    the article's content, scripts and the shell's own additions left out."""
    out: list[str] = []
    if node is None:
        return out

    def walk(el: Tag) -> None:
        classes = [c for c in el.get("class") or [] if c.strip()]
        if el.name in ("script", "svg", "article") or any(OWN.match(c) for c in classes):
            if el.name == "article":
                out.append("article")
            return
        ident = el.get("id") if el.name in ("input", "label", "nav") else None
        if el.name == "span" and classes == ["ph-sr-only"]:
            return
        out.append(el.name + "".join(f".{c}" for c in sorted(classes))
                   + (f"#{ident}" if ident else ""))
        for child in el.children:
            if isinstance(child, Tag):
                walk(child)

    walk(node)
    return out


def test_a_clause_page_has_materials_structure(tmp_path: Path) -> None:
    rendered, page = ours()
    material = material_build(tmp_path, rendered, page)
    for where in ("body > header", "div[data-md-type=navigation]",
                  "div[data-md-type=toc]", "footer.md-footer", "body"):
        assert skeleton(page.select_one(where)) == skeleton(material.select_one(where)), where
    # the same stylesheets and scripts of Material's, in the same places
    def assets(doc: BeautifulSoup) -> list[str]:
        return [str(e.get("href") or e.get("src")).split("/")[-1] for e in
                doc.select("link[rel=stylesheet], script[src]")]
    assert [a for a in assets(page) if "min." in a] == \
        [a for a in assets(material) if "min." in a]
    assert set(json.loads(page.select_one("#__config").get_text())) == \
        set(json.loads(material.select_one("#__config").get_text()))


def test_material_assets_come_from_the_installed_package() -> None:
    import material

    found = shell.material_assets()
    assert any(k.startswith("assets/stylesheets/main.") for k in found)
    assert any(k.startswith("assets/javascripts/bundle.") for k in found)
    assert all(Path(material.__file__).parent in p.parents for p in found.values())


def test_headings_get_ids_permalinks_and_a_table_of_contents() -> None:
    html, toc = shell.headings('<h1>第14条 标题</h1><h2 id="a">甲</h2><h3>乙</h3>'
                               '<h2 data-ph-raw id="b">丙</h2><h2>丁 &amp; 戊</h2>')
    assert '<h1 id="14">' in html and 'href="#a" title="Permanent link"' in html
    assert '<h2 id="b">丙</h2>' in html  # a heading inside a block stays as it is
    assert [t.id for t in toc] == ["14"]
    assert [t.title for t in toc[0].children] == ["甲", "丁 &amp; 戊"]
    assert toc[0].children[0].children[0].id == "_1"


def test_links_are_the_shortest_relative_path() -> None:
    assert shell.shortest("clauses/14/", "clauses/15/") == "../15/"
    assert shell.shortest("clauses/14/", "clauses/14/") == "./"
    assert shell.shortest("clauses/14/", "") == "../.."  # as MkDocs writes it
    assert shell.shortest("", "budget/") == "budget/"
    assert shell.shortest("clauses/14/", "assets/handbook.css") == "../../assets/handbook.css"
