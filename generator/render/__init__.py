"""Stage 4, render: pure functions from the model to text.

`language(...)` gives one language's pages (Markdown with HTML blocks, by the page table in
`pages`), its navigation and its Atom feed; `handbook(...)` the print HTML of the PDF;
`root(...)` the page at the top of the site. One Jinja environment (`jinja`), one filters
module (`filters`), interface strings in `i18n`. Data text is always HTML-escaped, and
headings go through the `md` filter so Markdown punctuation in data stays literal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.data.model import Edition
from generator.data.schema import Library
from generator.render import filters
from generator.render.i18n import HTML_LANG
from generator.render.jinja import environment, front_matter, page_url, relative
from generator.render.pages import Page, navigation, pages
from generator.render.view import View


@dataclass(frozen=True)
class Rendered:
    """One language of the site, ready for an output to write."""

    lang: str
    site_name: str
    pages: dict[str, str]  # Markdown path -> text
    nav: list[Any]
    feed: str


def page_text(view: View, page: Page) -> str:
    here = page_url(page.path)
    return front_matter(title=page.title) + environment().get_template(page.type.template).render(
        **view.globals, **page.type.context(view, page.item),
        rel=lambda to: relative(here, to), rel_root=lambda to: relative(here, "../" + to))


def language(edition: Edition, library: Library, lang: str, *, edit_base: str | None,
             site_url: str, guide: str) -> Rendered:
    view = View(edition, library, lang, edit_base, guide)
    all_pages = list(pages(view))
    return Rendered(
        lang=lang,
        site_name=filters.tr(library.title, lang),
        pages={p.path: page_text(view, p) for p in all_pages},
        nav=navigation(view, all_pages),
        feed=feed(view, site_url),
    )


def feed(view: View, site_url: str) -> str:
    """Atom feed of the change log, with absolute URLs as feed readers need."""
    changes = view.changes_newest_first()
    updated = changes[0][1].date if changes else view.ed.document.edition + "-01-01"
    base = site_url.rstrip("/") + f"/{view.lang}/"
    return environment().get_template("feed.xml.jinja").render(
        **view.globals, changes=changes, base=base, updated=updated)


def handbook(edition: Edition, lang: str, *, font: str, data_date: str) -> str:
    """The print HTML of one language's PDF handbook."""
    return environment().get_template("handbook.html.jinja").render(
        lang=lang, html_lang=HTML_LANG, ed=edition, doc=edition.document,
        year=edition.document.edition, rec=edition.reconciliation, font=font, zh_font=font,
        data_date=data_date)


def root(library: Library) -> str:
    """The site's top page: sends readers to the Chinese site, links both."""
    return environment().get_template("root.html.jinja").render(
        title=library.title.zh, title_en=library.title.text("en"))

