"""The page tables: every page type of a document and of the library, in navigation order.
They drive rendering, the navigation and the page-existence tests; adding a page type is one
row here (and its template). A document's pages sit under /<lang>/<id>/, the library's under
/<lang>/.

A row says where its pages go, which template and context make them, what they are called
and where they sit in the navigation: `top` (an entry of its own), `section` (opens a
section: chapters, units, calculators) or `child` (inside the section its `parent` names).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.data.model import Edition
from generator.render import filters
from generator.render.i18n import t
from generator.render.jinja import page_url
from generator.render.view import LibraryView, View

NAV_GROUP = 50  # Material writes the open section into every page: keep sections small


def _one(view: Any) -> Iterable[Any]:
    return (None,)


def _calculators(view: View) -> Iterable[Any]:
    return view.ed.calculators


def _if_calculators(view: View) -> Iterable[Any]:
    return (None,) if view.ed.calculators else ()


@dataclass(frozen=True)
class PageType:
    name: str
    path: Callable[[Any], str]
    template: str
    title: Callable[[Any, Any], str]
    context: Callable[[Any, Any], dict[str, Any]]
    items: Callable[[Any], Iterable[Any]] = _one
    nav: str = "top"  # top | section | child | none (reached from other pages)
    parent: Callable[[Edition, Any], str] | None = None
    # in the search index: not the tools (the finders, the search page), not the comparisons
    # (the clauses' own pages hold their texts), the editors' guide only once (`indexed`)
    search: bool = True


TABLE: tuple[PageType, ...] = (
    PageType("home", lambda _: "index.md", "home.html.jinja",
             lambda v, _: t("home", v.lang), lambda v, _: v.home()),
    PageType("chapter", lambda ch: f"chapters/{ch.number}/index.md", "chapter.html.jinja",
             lambda v, ch: v.chapter_title(ch), lambda v, ch: v.chapter(ch),
             items=lambda v: v.ed.chapters, nav="section"),
    PageType("clause", lambda c: f"clauses/{c.number}.md", "clause.html.jinja",
             lambda v, c: v.clause_title(c), lambda v, c: v.clause(c),
             items=lambda v: v.ed.clauses, nav="child",
             parent=lambda ed, c: f"chapters/{ed.chapter_of[c.number].number}/index.md"),
    PageType("units", lambda _: "units/index.md", "units.html.jinja",
             lambda v, _: t("units", v.lang), lambda v, _: v.units(), nav="section"),
    PageType("unit", lambda u: f"units/{u.id}.md", "unit.html.jinja",
             lambda v, u: v.tr(u.name), lambda v, u: v.unit(u),
             items=lambda v: v.ed.units, nav="child", parent=lambda ed, u: "units/index.md"),
    PageType("calculators", lambda _: "calculators/index.md", "calculators.html.jinja",
             lambda v, _: t("calculators", v.lang), lambda v, _: v.calculators(),
             items=_if_calculators, nav="section"),
    PageType("calculator", lambda k: f"calculators/{k.id}.md", "calculator.html.jinja",
             lambda v, k: v.tr(k.title), lambda v, k: v.calculator(k),
             items=_calculators, nav="child", parent=lambda ed, k: "calculators/index.md"),
    PageType("finder", lambda _: "finder.md", "finder.html.jinja",
             lambda v, _: t("finder", v.lang), lambda v, _: v.finder(),
             items=_if_calculators, nav="child", parent=lambda ed, _: "calculators/index.md",
             search=False),
    PageType("budget", lambda _: "budget.md", "budget.html.jinja",
             lambda v, _: t("budget", v.lang), lambda v, _: v.budget()),
    PageType("incentives", lambda _: "incentives.md", "incentives.html.jinja",
             lambda v, _: t("incentives", v.lang), lambda v, _: v.incentives()),
    PageType("targets", lambda _: "targets.md", "targets.html.jinja",
             lambda v, _: t("targets", v.lang), lambda v, _: v.targets()),
    PageType("changes", lambda _: "changes.md", "changes.html.jinja",
             lambda v, _: t("whats_new", v.lang), lambda v, _: v.changes()),
    PageType("data", lambda _: "data.md", "data.html.jinja",
             lambda v, _: t("data", v.lang), lambda v, _: v.data()),
    PageType("editors", lambda _: "editors.md", "editors.html.jinja",
             lambda v, _: t("editors_guide", v.lang), lambda v, _: v.editors(),
             nav="none"),  # for editors: linked at the foot of every page, not in the menu
    PageType("compare", lambda pair: f"compare/{pair.other.id}.md", "compare.html.jinja",
             lambda v, pair: v.compare_title(pair), lambda v, pair: v.comparison(pair),
             items=lambda v: v.comparisons(), nav="none", search=False),
)

# The library's own pages, at /<lang>/: its home, the units of every issuer, search, the
# benefit finder over every current document (benefits/: finder/ would read as the old
# one-document finder's address, which lands on the document's own), and the page for
# developers (data/: the old one-document site's open-data page, whose files it lists).
LIBRARY: tuple[PageType, ...] = (
    PageType("library", lambda _: "index.md", "library.html.jinja",
             lambda v, _: t("library", v.lang), lambda v, _: v.home()),
    PageType("all-units", lambda _: "units/index.md", "library_units.html.jinja",
             lambda v, _: t("units", v.lang), lambda v, _: v.units()),
    PageType("search", lambda _: "search.md", "search.html.jinja",
             lambda v, _: t("search", v.lang), lambda v, _: v.search(), search=False),
    PageType("benefits", lambda _: "benefits.md", "benefits.html.jinja",
             lambda v, _: t("benefits", v.lang), lambda v, _: v.benefits(), search=False),
    PageType("developers", lambda _: "data.md", "developers.html.jinja",
             lambda v, _: t("developers", v.lang), lambda v, _: v.developers()),
)


@dataclass(frozen=True)
class Page:
    """One page of one language, before rendering."""

    type: PageType
    item: Any
    path: str  # Markdown path in the language's site, e.g. clauses/14.md
    title: str  # plain: for the navigation and <title>
    description: str = ""  # for search engines and link previews (<meta name=description>)

    def indexed(self, guide: bool) -> bool:
        """Whether search indexes it; `guide`: its document is the one whose editors' guide
        is indexed (the site's root document, or the library's first; the guide is the same
        in every document)."""
        return self.type.search and (self.type.name != "editors" or guide)

    @property
    def url(self) -> str:
        """Its URL relative to the language root: clauses/14/."""
        return page_url(self.path)


def pages(view: View) -> Iterator[Page]:
    name = view.tr(view.ed.name)
    for row in TABLE:
        for item in row.items(view):
            title = row.title(view, item)
            where = [title]
            if row.name == "clause":
                where.append(view.chapter_title(view.ed.chapter_of[item.number]))
            elif row.name == "home":
                where = [t("about_short", view.lang, issuer=view.tr(view.ed.issuer_name))]
            where.append(name)
            yield Page(row, item, row.path(item), filters.plain_title(title),
                       filters.site_title(" · ".join(where)))


def library_pages(view: LibraryView) -> Iterator[Page]:
    site = view.tr(view.library.file.title)
    for row in LIBRARY:
        title = row.title(view, None)
        yield Page(row, None, row.path(None), filters.plain_title(title),
                   filters.site_title(f"{title} · {site}" if row.name != "library" else
                                      t("library_description", view.lang, site=site,
                                        count=len(view.library.documents))))


def navigation(view: View | LibraryView, all_pages: list[Page]) -> list[Any]:
    """The navigation (in MkDocs' `nav` form, which the page shell reads), from the table:
    sections open on their index page, and a chapter of more than NAV_GROUP clauses is split
    into groups of clauses."""
    nav: list[Any] = []
    sections: dict[str, list[Any]] = {}
    children: dict[str, list[Page]] = {}
    for page in all_pages:
        if page.type.nav == "none":
            continue
        if page.type.nav == "top":
            nav.append({page.title: page.path})
        elif page.type.nav == "section":
            sections[page.path], children[page.path] = [page.path], []
            nav.append({page.title: sections[page.path]})
        else:
            assert page.type.parent is not None, page.type.name
            assert isinstance(view, View)
            children[page.type.parent(view.ed, page.item)].append(page)
    for path, kids in children.items():
        entries: list[Any] = [{p.title: p.path} for p in kids]
        if len(kids) > NAV_GROUP and all(p.type.name == "clause" for p in kids):
            entries = [{t("clause_range", view.lang, a=kids[i].item.number,
                          b=kids[min(i + NAV_GROUP, len(kids)) - 1].item.number):
                        entries[i : i + NAV_GROUP]} for i in range(0, len(kids), NAV_GROUP)]
        sections[path] += entries
    return nav
