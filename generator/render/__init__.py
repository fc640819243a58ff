"""Stage 4, render: pure functions from the model to text.

`document(...)` gives one document's pages in one language (complete HTML pages: each page
template's content in Material's page structure, `shell`; by the page table in `pages`), its
navigation and its Atom feed; `library(...)` the library's own pages; `handbook(...)` the
print HTML of a PDF; `root(...)` and `redirect(...)` the small pages outside both. One Jinja
environment (`jinja`), one filters module (`filters`), interface strings in `i18n`.
Data text is always HTML-escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import escape

from generator.data.library import Library
from generator.data.model import Edition
from generator.render import filters, shell
from generator.render.context import DocContext, context
from generator.render.i18n import HTML_LANG, punct, t
from generator.render.jinja import environment, page_errors, page_url, relative
from generator.render.pages import Page, library_pages, navigation, pages
from generator.render.shell import Part, Theme
from generator.render.view import LibraryView, View

__all__ = ["DocContext", "Rendered", "context", "document", "handbook", "library",
           "not_found", "redirect", "root"]


@dataclass(frozen=True)
class Rendered:
    """One part of the site in one language, ready for the site output to build."""

    lang: str
    site_name: str
    pages: dict[str, str]  # the page table's path (clauses/14.md) -> the complete page
    nav: list[Any]
    feed: str | None
    document_name: str | None = None  # a document's title and edition (search filter)
    banner: dict[str, Any] | None = None  # its status, on every page (see `banner`)
    # what search reads of each page (outputs/site.py: search_texts), when the worker that
    # rendered the pages read it too
    searchable: dict[str, str] | None = None


PLAIN = Theme((), (), ())


@dataclass(frozen=True)
class Site:
    """What the pages need of the settings: the theme `mkdocs.yml` configures, the site's
    address, edit links, the live-reload script of `make serve`."""

    theme: Theme = PLAIN  # Material with no features (tools, tests)
    site_url: str | None = None
    edit_base: str | None = None
    dev: bool = False


def page_text(view: View | LibraryView, page: Page, up: str) -> str:
    """A page's content; `up` leads from the part's root to the site's root."""
    here = page_url(page.path)
    data_file = (view.ed.folder / "document.yaml" if isinstance(view, View)
                 else Path("library.yaml"))
    with page_errors(data_file, f"the {view.lang} page {page.url or './'}"):
        return environment().get_template(page.type.template).render(
            **view.globals, **page.type.context(view, page.item),
            rel=lambda to: relative(here, to), rel_root=lambda to: relative(here, up + to),
            rel_lib=lambda to: relative(here, up[3:] + to))


def complete(part: Part, all_pages: list[Page], texts: dict[str, str], guide: bool = False
             ) -> dict[str, str]:
    """Each page's content in the page shell (`guide`: see Page.indexed)."""
    return {p.path: shell.page(part, p.url, p.title, p.description, texts[p.path],
                               p.indexed(guide)) for p in all_pages}


def part_url(site: Site, path: str) -> str | None:
    return site.site_url.rstrip("/") + "/" + path if site.site_url else None


def document(edition: Edition, ctx: DocContext, lang: str, *, site: Site,
             guide: str) -> Rendered:
    """A document's pages, which sit at /<lang>/<id>/; `guide` is the editors' guide
    (Markdown, from the checkout)."""
    view = View(edition, ctx, lang, site.edit_base, guide_html(guide), site.site_url)
    all_pages = list(pages(view))
    nav = navigation(view, all_pages)
    site_name = filters.site_title(filters.tr(ctx.site_name, lang))
    name, status = filters.tr(edition.name, lang), banner(ctx, lang)
    part = Part(lang, HTML_LANG[lang], site_name, shell.navigation(nav, titles(all_pages)),
                site.theme, shell.extra(lang, site.dev, edition.id, name, status),
                part_url(site, f"{lang}/{edition.id}/"))
    texts = {p.path: page_text(view, p, "../../") for p in all_pages}
    return Rendered(lang=lang, site_name=site_name, pages=complete(part, all_pages, texts,
                                                                ctx.guide),
                    nav=nav, feed=feed(view, site.site_url), document_name=name,
                    banner=status)


def titles(all_pages: list[Page]) -> dict[str, str]:
    return {p.url: p.title for p in all_pages}


@cache
def guide_html(text: str) -> str:
    """The editors' guide as HTML: the one page written in Markdown by hand."""
    import markdown

    html = str(markdown.markdown(text, extensions=["attr_list", "tables", "admonition",
                                                   "fenced_code"]))
    # its screenshots, `docs/editor/*.png` beside the guide in the repository, are at
    # /assets/editor/ in the site, three levels above /<lang>/<document>/editors/
    return html.replace('src="docs/editor/', 'src="../../../assets/editor/')


def status_text(ctx: DocContext, lang: str) -> str:
    """有效 · 实施期 2025-01-01 至 2025-12-31 (the status, and the period the text states)."""
    text = t(f"status_{ctx.status.value}", lang)
    if ctx.period is not None and ctx.period.end is not None:
        text += " · " + t("period", lang, start=ctx.period.start, end=ctx.period.end)
    elif ctx.period is not None:
        text += " · " + t("period_open", lang, start=ctx.period.start)
    return text


def banner(ctx: DocContext, lang: str) -> dict[str, Any]:
    """What every page of a document says of its status; a superseded one names and links its
    successor (relative to the document's root)."""
    out: dict[str, Any] = {"status": ctx.status.value, "text": status_text(ctx, lang),
                           "link": None}
    if ctx.successor is not None:
        title = filters.tr(ctx.successor.name, lang)
        out["text"] += " · " + (t("successor_from", lang, title=title, date=ctx.successor_from)
                                if ctx.successor_from else t("superseded_by", lang, title=title))
        out["link"] = {"href": f"../{ctx.successor.id}/", "text": t("see_successor", lang)}
    # the same text for the page: the status word first and strong, a date never broken at
    # its hyphens on a phone
    word = t(f"status_{ctx.status.value}", lang)
    rest = out["text"][len(word):]
    out["html"] = f'<strong class="ph-status-word">{escape(word)}</strong>' + re.sub(
        r"\d{4}-\d{2}-\d{2}", lambda m: f'<span class="ph-date">{m[0]}</span>', str(escape(rest)))
    return out


def library(lib: Library, lang: str, *, site: Site) -> Rendered:
    """The library's own pages, at /<lang>/."""
    view = LibraryView(lib, lang, site.site_url)
    all_pages = list(library_pages(view))
    nav = navigation(view, all_pages)
    site_name = filters.site_title(filters.tr(lib.file.title, lang))
    part = Part(lang, HTML_LANG[lang], site_name, shell.navigation(nav, titles(all_pages)),
                site.theme, shell.extra(lang, site.dev, None, None, None),
                part_url(site, f"{lang}/"))
    texts = {p.path: page_text(view, p, "../") for p in all_pages}
    return Rendered(lang=lang, site_name=site_name, pages=complete(part, all_pages, texts),
                    nav=nav, feed=None)


def feed(view: View, site_url: str | None) -> str:
    """Atom feed of the change log. Absolute URLs when the site's address is known (feed
    readers need them); otherwise relative to the feed, which is enough for a preview."""
    changes = view.changes_newest_first()
    updated = changes[0][1].date if changes else (view.ed.date or
                                                  view.ed.document.edition + "-01-01")
    base = (site_url.rstrip("/") + f"/{view.lang}/{view.ed.id}/") if site_url else "./"
    with page_errors(view.ed.folder / "document.yaml", f"the {view.lang} feed"):
        return environment().get_template("feed.xml.jinja").render(
            **view.globals, changes=changes, base=base, updated=updated)


def handbook(edition: Edition, ctx: DocContext, lang: str, *, font: str,
             data_date: str) -> str:
    """The print HTML of one language's PDF handbook."""
    status = status_text(ctx, lang)
    if ctx.successor is not None:
        status += " · " + t("superseded_by", lang, title=filters.tr(ctx.successor.name, lang))
    with page_errors(edition.folder / "document.yaml", f"the {lang} PDF handbook"):
        return _handbook(edition, ctx, lang, font, data_date, status)


def _handbook(edition: Edition, ctx: DocContext, lang: str, font: str, data_date: str,
              status: str) -> str:
    return environment().get_template("handbook.html.jinja").render(
        lang=lang, html_lang=HTML_LANG, ed=edition, doc=edition.document, ctx=ctx,
        year=edition.document.edition, rec=edition.reconciliation, font=font, zh_font=font,
        data_date=data_date, status=status, lv=filters.level_words(edition.level, lang),
        p=punct(lang))


def root(lib: Library) -> str:
    """The site's top page: sends readers to the Chinese library, links both languages."""
    return environment().get_template("root.html.jinja").render(
        title=filters.plain_title(lib.file.title.zh),
        title_en=filters.plain_title(lib.file.title.text("en")))


def not_found(lib: Library, langs: tuple[str, ...], root: str) -> str:
    """The "not found" page, in `langs` (the site's own /404.html has both): what happened,
    a search form and the library's main pages. A host shows it at any depth, so its links
    start from the site's root path `root` (/ or the site URL's path)."""
    site = " · ".join(filters.plain_title(filters.tr(lib.file.title, lang)) for lang in langs)
    return environment().get_template("not_found.html.jinja").render(
        langs=langs, html_lang=HTML_LANG, site=site, root=root, t=t)


def admin(lib: Library, guides: dict[str, str]) -> str:
    """The web editor's page (/admin/): what it is for, in both languages, until the editor
    (Decap CMS) has started and replaces it; `guides`: the editors' guide's address in each
    language, relative to the page."""
    return environment().get_template("admin.html.jinja").render(
        html_lang=HTML_LANG, site=filters.plain_title(lib.file.title.zh), guides=guides, t=t)


def redirect(target: str, title: str, lang: str, canonical: str | None) -> str:
    """A page at an address published before, that sends readers on to where its content is
    now: canonical link, meta refresh, and a script that keeps the query and the fragment."""
    return environment().get_template("redirect.html.jinja").render(
        target=target, title=title, html_lang=HTML_LANG[lang], canonical=canonical or target)
