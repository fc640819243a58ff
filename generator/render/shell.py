"""The page shell: each page's content wrapped in Material for MkDocs' page structure, written
by the generator itself (no MkDocs run, no Markdown step).

The structure is Material 9.8's `base.html` with the features `mkdocs.yml` turns on (instant
navigation, pruned navigation, section index pages, back-to-top): the header, the drawer with
the navigation of the part, the table of contents from the headings the page templates write,
the footer, and Material's compiled CSS and JavaScript from the installed, pinned
mkdocs-material package (`material_assets`, copied into the site by the site output). Its
interface strings are Material's own, read from the package's language files.

`tests/test_shell.py` compares a clause page of this shell with a real mkdocs-material build
of the same content, so a drift from Material's structure is caught.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import material
from markupsafe import Markup, escape

from generator.render.jinja import environment, page_url, relative

MATERIAL = Path(material.__file__).resolve().parent / "templates"
HEADING = re.compile(r"<h([1-6])([^>]*)>(.*?)</h\1>", re.S)
ID_ATTR = re.compile(r'\sid="([^"]*)"')
TAG = re.compile(r"<[^>]+>")
# A page template's JSON-LD goes into the head: Material's instant navigation re-runs the
# scripts of the content, and a block in the article would read as its text.
LD_JSON = re.compile(r'<script type="application/ld\+json">.*?</script>\n?', re.S)
H_TAG = re.compile(r"<h[^>]*>")  # the tags whose ids a heading's slug must not take


@dataclass(frozen=True)
class Theme:
    """What `mkdocs.yml` configures for every page: read once at the edge (settings.py)."""

    features: tuple[str, ...]
    extra_css: tuple[str, ...]
    extra_javascript: tuple[str, ...]


@dataclass(frozen=True)
class NavItem:
    """An entry of the navigation: a page (`url` relative to the part's root, `` for its
    home) or a section (its `children`; `index` its index page, when it has one)."""

    title: str
    url: str | None = None
    children: tuple[NavItem, ...] = ()
    index: NavItem | None = None

    def contains(self, url: str) -> bool:
        return self.url == url or any(c.contains(url) for c in self.children)

    def first_url(self) -> str:
        first = self.children[0]
        return first.first_url() if first.children else str(first.url)


@dataclass(frozen=True)
class Part:
    """What every page of one part of the site shares (a document, or the library's own
    pages, in one language)."""

    lang: str
    html_lang: str
    site_name: str
    nav: tuple[NavItem, ...]
    theme: Theme
    extra: dict[str, Any]  # the labels and paths of `extra`
    site_url: str | None  # the part's absolute address, for canonical links

    @cached_property
    def written(self) -> dict[tuple[Any, ...], str]:
        """Navigation items already written, for the pages of a folder (nav_html)."""
        return {}

    @cached_property
    def neighbours(self) -> dict[str, tuple[str | None, str | None]]:
        """Each page of the navigation -> the pages before and after it (reading order)."""
        urls = [it.url for it in flat(self.nav) if it.url is not None]
        return {u: (urls[i - 1] if i else None, urls[i + 1] if i + 1 < len(urls) else None)
                for i, u in enumerate(urls)}


@dataclass(frozen=True)
class Toc:
    level: int
    id: str
    title: str
    children: list[Toc]


def navigation(nav: list[Any], titles: dict[str, str]) -> tuple[NavItem, ...]:
    """The page table's navigation (`pages.navigation`: `{title: path}` entries, sections as
    `{title: [index path, entries...]}`) as items; `titles` gives an index page's title."""
    def item(entry: Any) -> NavItem:
        if isinstance(entry, str):
            return NavItem(titles.get(page_url(entry), entry), page_url(entry))
        (title, value), = entry.items()
        if isinstance(value, str):
            return NavItem(title, page_url(value))
        children = tuple(item(v) for v in value)
        index = children[0] if isinstance(value[0], str) else None
        return NavItem(title, None, children, index)

    return tuple(item(e) for e in nav)


def flat(items: tuple[NavItem, ...]) -> list[NavItem]:
    """Every page of the navigation in reading order (for previous / next links)."""
    out: list[NavItem] = []
    for it in items:
        if it.url is not None:
            out.append(it)
        out.extend(flat(it.children))
    return out


def headings(content: str) -> tuple[str, list[Toc]]:
    """The content with an id and a permalink on every heading of the page's outline (as
    Python-Markdown's `toc` extension writes them, with its slugs), and the table of contents
    they make. A heading marked `data-ph-raw` (a heading inside a block: a task list, the
    finder's results) stays as it is and out of the table of contents."""
    from markdown.extensions.toc import slugify, unique

    used: set[str] = {i for tag in H_TAG.findall(content) for i in ID_ATTR.findall(tag)}
    flat_toc: list[Toc] = []

    def fix(m: re.Match[str]) -> str:
        level, attrs, inner = int(m[1]), m[2], m[3]
        if attrs.startswith(" data-ph-raw"):  # a heading inside a block of the page: as it is
            return f"<h{level}{attrs.removeprefix(' data-ph-raw')}>{inner}</h{level}>"
        text = TAG.sub("", inner).strip()
        found = ID_ATTR.search(attrs)
        if found:
            hid = found[1]
        else:
            hid = unique(slugify(str(Markup(text).unescape()), "-"), used)
            attrs = f' id="{hid}"' + attrs
        flat_toc.append(Toc(level, hid, text, []))
        link = f'<a class="headerlink" href="#{hid}" title="Permanent link">&para;</a>'
        return f"<h{level}{attrs}>{inner}{link}</h{level}>"

    content = HEADING.sub(fix, content)
    root: list[Toc] = []
    stack: list[Toc] = []
    for entry in flat_toc:
        while stack and stack[-1].level >= entry.level:
            stack.pop()
        (stack[-1].children if stack else root).append(entry)
        stack.append(entry)
    return content, root


@cache
def material_strings(lang: str) -> dict[str, str]:
    """Material's interface strings in `lang` (its language files are a Jinja dict)."""
    text = (MATERIAL / "partials" / "languages" / f"{lang}.html").read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([\w.]+)": "((?:[^"\\]|\\.)*)"', text, re.M))


@cache
def icon(name: str) -> Markup:
    return Markup((MATERIAL / ".icons" / "material" / f"{name}.svg").read_text(
        encoding="utf-8").strip())


@cache
def material_assets() -> dict[str, Path]:
    """The compiled CSS and JavaScript of the installed mkdocs-material, and its favicon:
    site path (`assets/...`) -> file. Nothing of it is committed."""
    assets = MATERIAL / "assets"
    out = {f"assets/stylesheets/{p.name}": p
           for p in (assets / "stylesheets").glob("main.*.min.css")}
    out |= {f"assets/javascripts/{p.name}": p
            for p in (assets / "javascripts").glob("bundle.*.min.js")}
    out["assets/images/favicon.png"] = assets / "images" / "favicon.png"
    return out


def asset(kind: str) -> str:
    return next(k for k in material_assets() if k.startswith(f"assets/{kind}"))


def page(part: Part, url: str, title: str, description: str, content: str,
         indexed: bool = True) -> str:
    """A complete page of `part` at `url` (relative to the part's root): Material's structure
    around `content` (the page template's HTML); `indexed`: in the search index."""
    ld = "".join(m[0] for m in LD_JSON.finditer(content))
    content = LD_JSON.sub("", content)
    content, toc = headings(content)
    if not any(t.level == 1 for t in toc) and "<h1" not in content:
        content = f"<h1>{escape(title)}</h1>\n" + content
    before, after = part.neighbours.get(url, (None, None))

    def rel(to: str) -> str:
        return shortest(url, to)

    strings = material_strings(part.lang)
    first = toc[0] if toc else None
    inner = first.children if first is not None and first.level == 1 else toc
    skip = f"#{first.id}" if first is not None else None
    return environment().get_template("layout.html.jinja").render(
        part=part, hb=part.extra, url=url, title=title, description=description,
        content=Markup(content), ld=Markup(ld), indexed=indexed, toc=inner, skip=skip,
        lang_t=strings, rel=rel,
        base=relative(url, "").rstrip("/") or ".",
        canonical=(part.site_url.rstrip("/") + "/" + url) if part.site_url else None,
        previous=rel(before) if before is not None else None,
        next=rel(after) if after is not None else None,
        nav=Markup(nav_html(part, url, inner, rel, strings)),
        toc_html=Markup(toc_html(inner, strings, leaf=is_leaf(part.nav, url))),
        css=rel(asset("stylesheets/main")), js=rel(asset("javascripts/bundle")),
        favicon=rel("assets/images/favicon.png"), icon=icon,
        config=json.dumps(config(part, url, strings), sort_keys=True).replace("<", "\\u003c"),
    )


def shortest(here: str, to: str) -> str:
    """The shortest link from the page at `here` to `to` (both relative to the part's root,
    folder URLs ending in /), as MkDocs writes them: `../15/`, `./`, `../..`."""
    if to.startswith(("../", "http:", "https:")) or "." in to.rsplit("/", 1)[-1]:
        return relative(here, to)  # outside the part, or a file: from the part's root
    rel = posixpath.relpath("/" + to, "/" + here)
    return "./" if rel == "." else rel if rel.endswith("..") else rel + "/"


def config(part: Part, url: str, strings: dict[str, str]) -> dict[str, Any]:
    """Material's `__config`: what its JavaScript reads."""
    keys = ("clipboard.copy", "clipboard.copied", "search.result.placeholder",
            "search.result.none", "search.result.one", "search.result.other",
            "search.result.more.one", "search.result.more.other",
            "search.result.term.missing", "select.version")
    return {"base": relative(url, "").rstrip("/") or ".", "features": list(part.theme.features),
            "translations": {k: strings.get(k, k) for k in keys}, "search": None,
            "annotate": None, "tags": None, "version": None}


def is_leaf(items: tuple[NavItem, ...], url: str) -> bool:
    """Whether the page is a page of the navigation, not a section's index page: only such a
    page has the `__toc` toggle its table of contents' title is a label for."""
    return any((it.url == url and not it.children) or
               (it.children and is_leaf(tuple(c for c in it.children if c is not it.index), url))
               for it in items)


def toc_html(toc: list[Toc], strings: dict[str, str], leaf: bool = True) -> str:
    """Material's `partials/toc.html` (its title a label for `__toc` only where that toggle
    is written: a section's index page has none)."""
    title = escape(strings["toc"])
    if not toc:
        return f'<nav class="md-nav md-nav--secondary" aria-label="{title}">\n</nav>'

    def items(entries: list[Toc]) -> str:
        out = []
        for e in entries:
            sub = ""
            if e.children:
                sub = (f'<nav class="md-nav" aria-label="{escape(e.title)}">'
                       f'<ul class="md-nav__list">{items(e.children)}</ul></nav>')
            out.append(f'<li class="md-nav__item"><a href="#{e.id}" class="md-nav__link">'
                       f'<span class="md-ellipsis">{e.title}</span></a>{sub}</li>')
        return "\n".join(out)

    label_for = ' for="__toc"' if leaf else ""
    return (f'<nav class="md-nav md-nav--secondary" aria-label="{title}">'
            f'<label class="md-nav__title"{label_for}><span class="md-nav__icon md-icon">'
            f'</span>{title}</label><ul class="md-nav__list" data-md-component="toc" '
            f'data-md-scrollfix>{items(toc)}</ul></nav>')


def nav_html(part: Part, url: str, toc: list[Toc], rel: Any, strings: dict[str, str]) -> str:
    """Material's `partials/nav.html` with `navigation.prune` and `navigation.indexes`: the
    open section is written whole, every other section as a link to its first page."""
    features = part.theme.features
    prune = "navigation.prune" in features

    def content(title: str) -> str:
        return f'<span class="md-ellipsis">{escape(title)}</span>'

    # An item off the page's path is written alike on every page of the same folder: it is
    # written once per folder (its links are relative, so the folder and depth are the key).
    folder = (url.rstrip("/").rpartition("/")[0], url.count("/"))

    def render(it: NavItem, path: str, level: int) -> str:
        active = it.contains(url)
        if active or (it.children and not prune):
            return written(it, path, level, active)
        key = (id(it), path, folder, (it.first_url() if it.children else it.url or "")
               .startswith(url))
        out = part.written.get(key)
        if out is None:
            out = part.written[key] = written(it, path, level, active)
        return out

    def written(it: NavItem, path: str, level: int, active: bool) -> str:
        cls = "md-nav__item" + (" md-nav__item--active" if active else "")
        if it.children:
            if prune and not active:
                return (f'<li class="{cls} md-nav__item--pruned md-nav__item--nested">'
                        f'<a href="{rel(it.first_url())}" class="md-nav__link">'
                        f'{content(it.title)}<span class="md-nav__icon md-icon"></span></a>'
                        "</li>")
            index = it.index if "navigation.indexes" in features else None
            head = (f'<input class="md-nav__toggle md-toggle " type="checkbox" id="{path}"'
                    f'{" checked" if active else ""}>')
            if index is None:
                head += (f'<label class="md-nav__link" for="{path}" id="{path}_label" '
                         f'tabindex="0">{content(it.title)}<span class="md-nav__icon '
                         'md-icon"></span></label>')
            else:
                on = " md-nav__link--active" if index.url == url else ""
                head += (f'<div class="md-nav__link md-nav__container"><a href="'
                         f'{rel(index.url)}" class="md-nav__link{on}">{content(it.title)}</a>')
                if len(it.children) > 1:
                    head += (f'<label class="md-nav__link{on}" for="{path}" id="{path}_label"'
                             ' tabindex="0"><span class="md-nav__icon md-icon"></span>'
                             "</label>")
                head += "</div>"
            kids = "".join(render(c, f"{path}_{i}", level + 1)
                           for i, c in enumerate(it.children, 1) if c is not index)
            return (f'<li class="{cls} md-nav__item--nested">{head}<nav class="md-nav" '
                    f'data-md-level="{level}" aria-labelledby="{path}_label" aria-expanded="'
                    f'{json.dumps(active)}"><label class="md-nav__title" for="{path}"><span '
                    f'class="md-nav__icon md-icon"></span>{escape(it.title)}</label><ul '
                    f'class="md-nav__list" data-md-scrollfix>{kids}</ul></nav></li>')
        if it.url == url:
            out = f'<li class="{cls}"><input class="md-nav__toggle md-toggle" type="checkbox" ' \
                'id="__toc">'
            if toc:
                out += (f'<label class="md-nav__link md-nav__link--active" for="__toc">'
                        f'{content(it.title)}<span class="md-nav__icon md-icon"></span>'
                        "</label>")
            out += (f'<a href="./" class="md-nav__link md-nav__link--active">'
                    f'{content(it.title)}</a>')
            if toc:
                out += toc_html(toc, strings)
            return out + "</li>"
        return (f'<li class="{cls}"><a href="{rel(it.url)}" class="md-nav__link">'
                f"{content(it.title)}</a></li>")

    home = part.extra["to_lang_root"]
    items = "".join(render(it, f"__nav_{i}", 1) for i, it in enumerate(part.nav, 1))
    return (f'<nav class="md-nav md-nav--primary" aria-label="{escape(strings["nav"])}" '
            f'data-md-level="0"><label class="md-nav__title" for="__drawer"><a href="'
            f'{rel(home)}" title="{escape(part.site_name)}" '
            f'class="md-nav__button md-logo" aria-label="{escape(part.site_name)}" '
            f'data-md-component="logo">{icon("library")}</a>{escape(part.site_name)}</label>'
            f'<ul class="md-nav__list" data-md-scrollfix>{items}</ul></nav>')


LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


def theme(mkdocs_yml: str) -> Theme:
    """The theme `mkdocs.yml` configures (its text, read by the driver)."""
    from ruamel.yaml import YAML

    config = YAML(typ="safe").load(mkdocs_yml) or {}
    return Theme(tuple(config.get("theme", {}).get("features", ())),
                 tuple(config.get("extra_css", ())), tuple(config.get("extra_javascript", ())))


def extra(lang: str, dev: bool, document: str | None, name: str | None,
          banner: dict[str, Any] | None) -> dict[str, Any]:
    """What the shell shows on every page of a part: labels, the paths between the parts
    (relative to the part's root), a document's status and PDF."""
    from generator.render.i18n import HTML_LANG, t
    from generator.settings import LANGS

    return {
        "lang": lang, "dev": dev,
        "to_site_root": "../../" if document else "../",
        "to_lang_root": "../" if document else "",
        "part_path": f"{document}/" if document else "",
        "languages": [{"lang": code, "name": LANGUAGE_NAMES[code], "html_lang": HTML_LANG[code]}
                      for code in LANGS],
        "search": True, "search_label": t("search", lang), "menu_label": t("menu", lang),
        "print_label": t("printed_from", lang), "filter_label": t("document", lang),
        "document": name, "banner": banner,
        "pdf": f"../../pdf/{document}-{lang}.pdf" if document else None,
        "pdf_label": t("pdf", lang),  # "PDF 手册": the format is in the name
    }
