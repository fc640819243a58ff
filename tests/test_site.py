"""The built site: every page type in both languages, faithful text, links, data, offline."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.cli import main, parser
from generator.data.library import Library
from generator.data.model import Edition, responsible_names
from generator.data.numbers import show, zh_numbers
from generator.data.reconstruct import normalize_ws
from generator.pipeline import build
from generator.render import context
from generator.render.filters import money
from generator.render.jinja import environment, template_problem
from generator.render.pages import Page, pages
from generator.render.view import View
from tests.conftest import DOC, FIXTURES, MINI, ROOT, doc_page, settings_for
from tests.html_text import soup, text_of
from tests.number_oracle import en_values, zh_values
from tests.source_text import parse_source

SOURCE = parse_source()
LANGS = ("zh", "en")


def page(site: Path, lang: str, path: str) -> Path:
    """A page of the real document (/<lang>/jiande-2025/<path>/)."""
    return doc_page(site, lang, path)


def table_pages(library: Library, lang: str) -> list[Page]:
    edition = library.by_id[DOC]
    return list(pages(View(edition, context(library, edition), lang, None)))


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_of_the_page_table_is_built(built_site: Path, library: Library,
                                               edition: Edition, lang: str) -> None:
    listed = table_pages(library, lang)
    missing = [p.url for p in listed if not page(built_site, lang, p.url).is_file()]
    assert missing == []
    # the table itself covers the document: every chapter, clause and unit, each once
    urls = [p.url for p in listed]
    assert len(urls) == len(set(urls))
    for want in ([f"chapters/{ch.number}/" for ch in edition.chapters]
                 + [f"clauses/{c.number}/" for c in edition.clauses]
                 + [f"units/{u.id}/" for u in edition.units]):
        assert want in urls, want


@pytest.mark.parametrize("lang", LANGS)
def test_navigation_lists_every_page_once(built_site: Path, library: Library,
                                          edition: Edition, lang: str) -> None:
    """The navigation comes from the same table: every page is reachable from it."""
    listed = table_pages(library, lang)
    html = soup(page(built_site, lang, "clauses/14"))
    linked = {str(a["href"]).rstrip("/")
              for a in html.select("nav.md-nav--primary a.md-nav__link[href]")}
    top = {p.url for p in listed if p.type.nav in ("top", "section")}
    # navigation.prune keeps only the open section's children: every section and top entry
    # is linked from any page, and clause 14's own chapter lists its clauses
    missing = [u for u in top if ("../../" + u).rstrip("/") not in linked]
    assert missing == []
    chapter = edition.chapter_of[14]
    for c in chapter.clauses:
        assert f"../{c.number}" in linked or (c.number == 14 and "." in linked), c.number


@pytest.mark.parametrize("number", sorted(SOURCE.clauses))
def test_zh_clause_page_has_the_published_text(built_site: Path, number: int) -> None:
    html = soup(page(built_site, "zh", f"clauses/{number}"))
    body = text_of(html.select_one(".ph-clause-text"))
    assert body == normalize_ws(f"{number}.{SOURCE.clauses[number]}")
    title = html.title.get_text() if html.title else ""
    assert title.startswith(f"第{number}条 "), title


@pytest.mark.parametrize("number", sorted(SOURCE.clauses))
def test_en_clause_page_carries_the_same_numbers(built_site: Path, number: int) -> None:
    html = soup(page(built_site, "en", f"clauses/{number}"))
    node = html.select_one(".ph-clause-text")
    assert node is not None
    text = node.get_text(" ")
    zh = zh_values(SOURCE.clauses[number])
    en = en_values(text) - {number}  # the clause number itself prefixes the text
    assert sorted(map(show, zh - en)) == [] and sorted(map(show, en - zh)) == []
    original = html.select_one(".ph-original")
    assert original is not None and normalize_ws(SOURCE.clauses[number]) in text_of(original)


@pytest.mark.parametrize("lang", LANGS)
def test_unit_pages_list_exactly_the_clauses_naming_them(built_site: Path, edition: Edition,
                                                         lang: str) -> None:
    expected: dict[str, set[int]] = {u.id: set() for u in edition.units}
    for n, text in SOURCE.clauses.items():
        for name in responsible_names(text) or []:
            expected[edition.unit_by_name[name].id].add(n)
    for uid, numbers in expected.items():
        html = soup(page(built_site, lang, f"units/{uid}"))
        links = html.select(".ph-unit-clauses a")
        found = {int(re.search(r"clauses/(\d+)/", str(a["href"])).group(1))  # type: ignore[union-attr]
                 for a in links}
        assert found == numbers, uid


@pytest.mark.parametrize("lang", LANGS)
def test_budget_page_shows_every_budget_figure(built_site: Path, edition: Edition,
                                               lang: str) -> None:
    html = soup(page(built_site, lang, "budget"))
    text = text_of(html.select_one("article"))
    for _, item in edition.budget_items.values():
        assert normalize_ws(money(item.amount, lang)) in text, item.id
        assert item.quote in text, item.id
    # every money figure of a chapter's budget sentence, as published in the source intro
    for number, intro in SOURCE.chapter_intros.items():
        chapter = edition.chapters[number - 1]
        for budget in chapter.budgets:
            at = intro.find(budget.quote)
            assert at >= 0, budget.id
            written = [tok.text for tok in zh_numbers(budget.quote)
                       if budget.quote[tok.end : tok.end + 1] == "元"]
            assert written, budget.id
            assert all(w + "元" in text for w in written), budget.id
    assert html.select("figure.ph-chart ol.ph-bars li .ph-bar-value")  # the chart, as text
    assert html.select_one("table.ph-reconciliation") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_has_metadata_and_chapters(built_site: Path, edition: Edition,
                                             lang: str) -> None:
    html = soup(page(built_site, lang, ""))
    text = text_of(html.select_one("article"))
    assert html.select_one(".ph-status-banner") is not None
    for key in ("document-number", "issuer", "date-written", "published", "validity"):
        field = next(f for f in edition.document.metadata if f.key == key)
        value = field.value if isinstance(field.value, str) else getattr(field.value, lang)
        assert normalize_ws(value) in text, key
    for ch in edition.chapters:
        assert html.select_one(f'a[href="chapters/{ch.number}/"]') is not None
    assert html.select_one(f'a[href$="pdf/{DOC}-{lang}.pdf"]') is not None


def test_root_redirects_to_zh_without_javascript(built_site: Path) -> None:
    html = soup(built_site / "index.html")
    refresh = html.select_one('meta[http-equiv="refresh"]')
    assert refresh is not None and "url=zh/" in str(refresh["content"])
    assert html.select_one('a[href="zh/"]') is not None
    assert html.select_one("script") is None


def test_open_data_files(built_site: Path, edition: Edition) -> None:
    data = built_site / "data" / DOC
    model = json.loads((data / "policy.json").read_text(encoding="utf-8"))
    assert len([c for ch in model["chapters"] for c in ch["clauses"]]) == len(edition.clauses)
    for name, rows_expected in (("clauses.csv", len(edition.clauses)),
                                ("incentives.csv", len(list(edition.incentives()))),
                                ("targets.csv", len(list(edition.targets()))),
                                ("budget.csv", len(edition.budget_items))):
        raw = (data / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), f"{name} lacks the BOM Excel needs"
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert len(rows) - 1 == rows_expected, name


_EXTERNAL = re.compile(r"^(?:[a-z]+:)?//", re.I)


def _site_files(site: Path, *suffixes: str) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in suffixes)


def test_no_request_leaves_the_site(built_site: Path) -> None:
    offenders = []
    for path in _site_files(built_site, ".html"):
        html = soup(path)
        for tag in html.find_all(["script", "img", "iframe", "source", "audio", "video"]):
            if _EXTERNAL.match(str(tag.get("src", ""))):
                offenders.append(f"{path}: {tag.name} src={tag.get('src')}")
        for tag in html.find_all("link"):
            if _EXTERNAL.match(str(tag.get("href", ""))) and tag.get("rel") not in (
                    ["canonical"], ["alternate"]):
                offenders.append(f"{path}: link href={tag.get('href')}")
    for path in _site_files(built_site, ".css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text(encoding="utf-8")):
            if _EXTERNAL.match(url):
                offenders.append(f"{path}: css url({url})")
    for path in _site_files(built_site, ".js"):
        text = path.read_text(encoding="utf-8")
        for url in re.findall(r"https?://(?:fonts\.googleapis|fonts\.gstatic|unpkg|cdn)[^\"'`\s]*",
                              text):
            if url not in MATERIAL_CONDITIONAL_LOADERS:
                offenders.append(f"{path}: {url}")
    assert offenders == []


# Material's bundle names two scripts it loads only on a condition our site never meets:
# a ResizeObserver polyfill (every supported browser has ResizeObserver) and Mermaid (only
# for `.mermaid` diagrams, which no page has: asserted below). The browser tests also fail on
# any request that leaves the site at run time.
MATERIAL_CONDITIONAL_LOADERS = {
    "https://unpkg.com/resize-observer-polyfill",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
}


def test_no_page_triggers_materials_external_loaders(built_site: Path) -> None:
    pages = [p for p in _site_files(built_site, ".html") if soup(p).select(".mermaid")]
    assert pages == []


def _resolve(site: Path, page_path: Path, href: str) -> tuple[Path, str] | None:
    parsed = urlparse(href)
    if parsed.scheme or parsed.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    rel_page = "/" + page_path.relative_to(site).as_posix()
    target = urlparse(urljoin(rel_page, href))
    path = site / target.path.lstrip("/")
    if target.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, target.fragment


def test_no_broken_internal_link_or_anchor(built_site: Path) -> None:
    broken = []
    ids: dict[Path, set[str]] = {}
    for path in _site_files(built_site, ".html"):
        html = soup(path)
        for a in html.find_all("a", href=True):
            resolved = _resolve(built_site, path, str(a["href"]))
            if resolved is None:
                continue
            target, fragment = resolved
            if target.parent == built_site / "pdf":
                continue  # this site has no PDFs: test_pdf checks these links
            if not target.exists():
                broken.append(f"{path.relative_to(built_site)} -> {a['href']}")
                continue
            if fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {str(t["id"]) for t in soup(target).find_all(id=True)}
                if fragment not in ids[target]:
                    broken.append(f"{path.relative_to(built_site)} -> {a['href']} (anchor)")
    assert broken == []


def test_no_duplicate_ids(built_site: Path) -> None:
    dupes = []
    for path in _site_files(built_site, ".html"):
        seen: set[str] = set()
        for tag in soup(path).find_all(id=True):
            if tag["id"] in seen:
                dupes.append(f"{path}: {tag['id']}")
            seen.add(str(tag["id"]))
    assert dupes == []


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_search_index(built_site: Path, lang: str) -> None:
    """Pagefind's chunked index of the language's pages, in that language, at
    /<lang>/pagefind/ (one document: one shard, /<lang>/pagefind/0/, which is the index);
    no index inside a document's folder, no whole-site JSON index."""
    want = {"zh": "zh-hans", "en": "en"}[lang]
    index = built_site / lang / "pagefind"
    assert sorted(p.name for p in index.iterdir() if p.is_dir()) == [
        "0", "filter", "fragment", "index"]
    entry = json.loads((index / "pagefind-entry.json").read_text("utf-8"))
    assert set(entry["languages"]) == {want}
    assert entry["languages"][want]["page_count"] > 0
    assert (index / "0" / "pagefind-entry.json").read_bytes() == \
        (index / "pagefind-entry.json").read_bytes()
    assert not (built_site / lang / DOC / "pagefind").exists()
    assert not list(built_site.rglob("search_index.json"))


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path, built_site: Path,
                                       site_port: int) -> None:
    again = build(settings_for(tmp_path / "site", tmp_path / "work",
                               site_url=f"http://127.0.0.1:{site_port}/"))
    first, second = _tree(built_site), _tree(again)
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert differ == []


@pytest.mark.site
def test_a_failed_build_leaves_the_previous_site(tmp_path: Path, capsys:
                                                 pytest.CaptureFixture[str]) -> None:
    import shutil

    edition = tmp_path / "data" / "mini"
    shutil.copytree(MINI, edition)
    shutil.copy(FIXTURES / "library.yaml", tmp_path / "data")
    out = tmp_path / "site"
    args = ["--data", str(tmp_path / "data"), "build", "--out", str(out)]
    assert main(args) == 0
    before = _tree(out)
    chapter = edition / "chapters" / "01-science.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        "max_amount: 200000", "max_amount: [oops"), encoding="utf-8")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"{chapter}:" in err and "YAML syntax error" in err
    assert "left as it was" in err
    assert _tree(out) == before


def test_a_template_error_names_the_template_line() -> None:
    import jinja2

    template = environment().get_template("clause.html.jinja")
    with pytest.raises(jinja2.UndefinedError) as info:
        template.render(lang="zh")  # no clause: StrictUndefined stops at its first use
    problem = template_problem(info.value)
    assert problem.path.endswith("generator/render/templates/clause.html.jinja")
    assert problem.line == 1
    assert "template error" in problem.message and "'c' is undefined" in problem.message


@pytest.mark.parametrize("lang", LANGS)
def test_editors_guide_on_the_site_is_the_contributing_guide(built_site: Path,
                                                             lang: str) -> None:
    """One source: the page is CONTRIBUTING(.zh).md, every heading and every command."""
    guide = (ROOT / ("CONTRIBUTING.md" if lang == "en" else "CONTRIBUTING.zh.md")).read_text(
        encoding="utf-8")
    html = soup(page(built_site, lang, "editors"))
    headings = [h.get_text().strip().rstrip("¶") for h in html.select("article h1, article h2")]
    prose = re.sub(r"^```.*?^```$", "", guide, flags=re.M | re.S)  # a `# file` line is no heading
    assert headings == [ln.lstrip("#").strip() for ln in prose.splitlines()
                        if re.match(r"#{1,2} ", ln)]
    code = {c.get_text() for c in html.select("article code")}
    written = BeautifulSoup(markdown.markdown(guide, extensions=["tables", "fenced_code"]),
                            "html.parser")
    assert {c.get_text() for c in written.select("code")} <= code


def test_the_two_guides_have_the_same_structure() -> None:
    """CONTRIBUTING.md and CONTRIBUTING.zh.md stay in step: same sections, same commands and
    file names in the same order."""
    def shape(name: str) -> tuple[int, list[str]]:
        text = (ROOT / name).read_text(encoding="utf-8")
        sections = len(re.findall(r"^## ", text, re.M))
        commands = re.findall(r"`((?:make|python -m|\.venv/bin/)[^`]*)`", text)
        return sections, commands

    assert shape("CONTRIBUTING.md") == shape("CONTRIBUTING.zh.md")


def test_every_cli_command_is_documented() -> None:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    sub = next(a for a in parser()._actions if a.dest == "command")
    for name in sub.choices:  # type: ignore[union-attr]
        assert f"python -m generator {name}" in contributing, name


@pytest.mark.parametrize("lang", LANGS)
def test_every_generated_page_links_its_data(built_site: Path, lang: str) -> None:
    missing = []
    for path in sorted((built_site / lang / DOC).rglob("index.html")):
        rel = path.relative_to(built_site / lang / DOC).as_posix()
        if rel.startswith("editors/"):
            continue  # hand-written guide
        edit = soup(path).select_one(".ph-edit code")
        if edit is None or not re.match(r"policy_data/[\w./-]+\.yaml:\d+$", edit.get_text()):
            missing.append(rel)
    assert missing == []


@pytest.mark.site
def test_plain_mkdocs_builds_the_site(tmp_path: Path, built_site: Path) -> None:
    """What anyone who knows MkDocs types first: `mkdocs build` with the top-level mkdocs.yml
    runs the one driver (pipeline.build) through the hooks: the same site as `make site`."""
    import subprocess

    out = tmp_path / "site"
    from tests.conftest import SOURCE_DATE

    # dated as the test build (a document's status depends on the day)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(SOURCE_DATE)}
    run = subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "-q", "-f",
                          str(ROOT / "mkdocs.yml"), "-d", str(out)], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    doc = out / "zh" / "jiande-2025"
    html = soup(doc / "clauses" / "14" / "index.html")
    assert normalize_ws(SOURCE.clauses[14]) in text_of(html.select_one(".ph-clause-text"))
    assert (doc / "feed.xml").is_file() and (doc / "editors" / "index.html").is_file()
    assert html.html is not None and html.html.get("lang") == "zh-Hans"
    assert (out / "en" / "jiande-2025" / "clauses" / "14" / "index.html").is_file()
    # the same pages as the driver's own build (the test build has a site URL: compare the
    # article, which has no absolute address)
    ours = soup(built_site / "zh" / "jiande-2025" / "clauses" / "14" / "index.html")
    assert len(html.select('head script[type="application/ld+json"]')) == 1
    assert str(html.select_one("article")) == str(ours.select_one("article"))
