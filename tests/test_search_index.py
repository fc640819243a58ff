"""What the search indexes hold: each page once (not the tools, not the comparisons, one copy
of the editors' guide), only its content, a few documents to an index, and an index is built
again only when the text it holds changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.outputs import search
from generator.pipeline import build
from generator.render import shards
from generator.settings import LANGS
from tests.conftest import settings_for

NOT_SEARCHED = ("compare", "finder")


def indexed_pages(part: Path) -> dict[str, bool]:
    """Each page of a part (its folder relative to the part) -> whether search indexes it."""
    return {p.parent.relative_to(part).as_posix(): "data-pagefind-body" in p.read_text("utf-8")
            for p in part.rglob("index.html") if "pagefind" not in p.parts}


@pytest.mark.parametrize("lang", LANGS)
def test_each_page_is_indexed_once(library_site: Path, lang: str) -> None:
    documents = sorted(p for p in (library_site / lang).iterdir() if (p / "clauses").is_dir())
    assert len(documents) >= 2
    guides = 0
    indexed = sum(indexed_pages(library_site / lang).values())  # the library's and documents'
    for part in documents:
        pages = indexed_pages(part)
        assert pages["clauses/1"] and pages["."] and pages["units"]
        left_out = sorted(p for p, yes in pages.items() if not yes)
        assert [p for p in left_out if p.split("/")[0] not in (*NOT_SEARCHED, "editors")] == []
        if (part / "compare").is_dir():  # an edition of a series: no comparison searched
            assert any(p.startswith("compare/") for p in left_out)
        guides += pages["editors"]
    assert guides == 1  # the same guide in every document: found once
    index = library_site / lang / "pagefind"
    folders = sorted(p for p in index.iterdir() if p.is_dir() and p.name.isdigit())
    assert len(folders) == 1  # three documents: one shard
    counts = []
    for shard in [index, *folders]:  # the merged index, the shards it is merged from
        entry = json.loads((shard / "pagefind-entry.json").read_text("utf-8"))
        (language,) = entry["languages"].values()
        counts.append(language["page_count"])
    assert counts == [indexed, indexed]
    library = indexed_pages(library_site / lang)
    assert not library["search"] and not library["benefits"]  # the search page, the finder
    assert library["."] and library["units"]


def test_a_search_index_holds_a_few_whole_series(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shards, "SEARCH_SHARD", 3)
    docs = [("a-26", "a"), ("a-25", "a"), ("b-25", "b"), ("c-26", "c"), ("c-25", "c"),
            ("c-24", "c"), ("d-25", "d"), ("e-26", "e"), ("e-25", "e"), ("e-24", "e"),
            ("e-23", "e")]
    assert shards.search_shards(docs) == [["a-26", "a-25", "b-25"], ["c-26", "c-25", "c-24"],
                                          ["d-25"], ["e-26", "e-25", "e-24", "e-23"]]
    assert shards.search_shards([]) == [[]]  # the library's own pages still have an index
    assert shards.search_bundle(2) == "pagefind/2/"


def test_search_reads_only_content() -> None:
    page = ('<html lang="zh" class="no-js"><head><title>第1条 · 甲</title></head><body>'
            '<nav>菜单 导航</nav><article><div data-pagefind-body data-pagefind-meta="文件:甲">'
            '<h1>第1条</h1><p>支持企业<a class="headerlink" href="#x">¶</a></p>'
            '<ol class="ph-history"><li>2024年版</li></ol>'
            '<h2 id="timeline">本条在各版本中</h2><ol class="ph-timeline"><li>2023年版</li></ol>'
            '<p class="ph-meta ph-other-editions"><a href="../x/">上一版本</a></p>'
            '<details class="ph-full-text"><p>第2条全文</p></details>'
            '<form class="ph-calc" data-spec="{&quot;rules&quot;: 1}"><label>金额</label></form>'
            '<p><span data-pagefind-index-attrs="data-t" data-t="amt500x" class="x">500元</span>'
            '</p></div><p class="ph-pdf-link">PDF</p></article></body></html>')
    text = search.searchable(page)
    assert text is not None
    assert '<html lang="zh">' in text and "<title>第1条 · 甲</title>" in text
    assert 'data-pagefind-meta="文件:甲"' in text and "<h1>第1条</h1>" in text
    assert "支持企业" in text
    assert "<label>金额</label>" in text  # a calculator's own words, not its rules
    assert '<span data-pagefind-index-attrs="data-t" data-t="amt500x">500元</span>' in text
    for gone in ("菜单", "¶", "2024年版", "PDF", "本条在各版本中", "2023年版", "上一版本",
                 "第2条全文", "data-spec", "rules", 'class="x"', "href"):
        assert gone not in text, gone
    assert search.searchable(page.replace(" data-pagefind-body", "")) is None


def test_an_index_is_built_again_only_when_its_text_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another site address changes every page (canonical links), not one searchable word:
    every part is written again, and no index is built again."""
    calls: list[Path] = []
    real = search.Pagefind.index

    def counted(self: search.Pagefind, pages: dict[str, str], folder: Path) -> None:
        calls.append(folder)
        real(self, pages, folder)

    monkeypatch.setattr(search.Pagefind, "index", counted)
    work = tmp_path / "work"
    build(settings_for(tmp_path / "a", work, site_url="http://127.0.0.1:8000/"))
    first = len(calls)
    assert first == 2 * len(LANGS)  # per language: the library's own pages, the document
    build(settings_for(tmp_path / "b", work, site_url="http://127.0.0.1:8001/"))
    assert len(calls) == first
    canonical = (tmp_path / "b" / "zh" / "jiande-2025" / "index.html").read_text("utf-8")
    assert "127.0.0.1:8001" in canonical
    index = tmp_path / "b" / "zh" / "pagefind" / "0" / "pagefind-entry.json"
    assert index.is_file()
    assert not [p for p in (tmp_path / "b").rglob(".*") if p.name in (".feed", ".search")]


def test_documents_of_the_same_text_have_their_own_indexes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two documents whose pages read the same (a reissue with only its id changed) in two
    indexes: each index sends readers to its own document, and the two are built apart (the
    40-document bench library hung when they were taken for one)."""
    import gzip
    import shutil

    from tests.conftest import FIXTURES

    monkeypatch.setattr(shards, "SEARCH_SHARD", 1)
    data = tmp_path / "data"
    data.mkdir()
    library = (FIXTURES / "library.yaml").read_text("utf-8")
    (data / "library.yaml").write_text(
        library + "".join(f"  - id: test-policy-{n}\n    issuer: test-city\n    title: "
                          "{zh: 测试市若干政策, en: Test City policies}\n" for n in (2, 3)),
        encoding="utf-8")
    docs = (("mini", "test-policy"), ("minib", "test-policy-2"), ("minic", "test-policy-3"))
    for name, series in docs:
        shutil.copytree(FIXTURES / "mini", data / name)
        doc = data / name / "document.yaml"
        doc.write_text(doc.read_text("utf-8").replace("id: mini\n", f"id: {name}\n").replace(
            "series: test-policy\n", f"series: {series}\n"), encoding="utf-8")
    build(settings_for(tmp_path / "site", tmp_path / "work", data=data))
    for lang in LANGS:
        urls = {}
        for k in (0, 1, 2):  # the first also holds the library's own pages, the guide
            fragments = (tmp_path / "site" / lang / "pagefind" / str(k) / "fragment").iterdir()
            first = {json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd"):])["url"]
                     .split("/")[1] for f in fragments}
            urls[k] = first & {name for name, _ in docs}
        assert sorted(urls.values(), key=sorted) == [{"mini"}, {"minib"}, {"minic"}], urls


def test_an_output_that_fails_while_pagefind_indexes_stops_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other outputs are written while Pagefind indexes (site.write yields); one that
    fails stops the indexing: every Pagefind process started is ended, and the site in
    place is as it was."""
    from generator.outputs import admin
    from generator.problems import DataError, Problem

    started, ended = [], []
    real_init, real_close = search.Pagefind.__init__, search.Pagefind.close

    def init(self: search.Pagefind) -> None:
        real_init(self)
        started.append(self.proc)

    def close(self: search.Pagefind) -> None:
        real_close(self)
        ended.append(self.proc)

    def broken(job: object, stage: Path) -> None:
        raise DataError([Problem("docs/admin/admin.js", 1, 1, "broken on purpose")])

    monkeypatch.setattr(search.Pagefind, "__init__", init)
    monkeypatch.setattr(search.Pagefind, "close", close)
    monkeypatch.setattr(admin, "write", broken)
    from generator import outputs
    monkeypatch.setattr(outputs, "admin", admin)
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the site in place", encoding="utf-8")
    with pytest.raises(DataError, match="broken on purpose"):
        build(settings_for(out, tmp_path / "work"))
    assert started and {p.pid for p in ended} == {p.pid for p in started}
    assert all(proc.poll() is not None for proc in started)
    assert [p.name for p in out.iterdir()] == ["index.html"]


def test_a_kept_pool_indexes_every_build_with_the_same_warm_pagefind_processes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make serve` keeps its worker pool between builds, and with it the Pagefind processes:
    a rebuild does not start Pagefind again (nor load its Chinese dictionary again, 0.18 s).
    They end with the pool. A Pagefind process that failed is not used again."""
    import shutil

    from generator.outputs.job import workers
    from tests.conftest import FIXTURES

    started: list[search.Pagefind] = []
    real_init = search.Pagefind.__init__

    def init(self: search.Pagefind) -> None:
        real_init(self)
        started.append(self)

    monkeypatch.setattr(search.Pagefind, "__init__", init)
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "library.yaml", data / "library.yaml")
    shutil.copytree(FIXTURES / "mini", data / "mini")
    chapter = data / "mini" / "chapters" / "01-science.yaml"
    settings = settings_for(tmp_path / "site", tmp_path / "work", data=data)
    with workers(len(LANGS), fork=False) as pool:
        assert pool is not None
        build(settings, pool)
        first = list(started)
        assert len(first) == search.processes()
        text = chapter.read_text("utf-8")
        chapter.write_text(text.replace("Science and technology innovation",
                                        "Science and technology innovation policy", 1), "utf-8")
        build(settings, pool)
        assert started == first  # none started for the rebuild
        assert all(p.proc.poll() is None for p in first)
        broken = pool.searchers().get()
        pool.searchers().put(broken, failed=True)  # as index_unit does when indexing fails
        assert broken.proc.poll() is not None
        again = pool.searchers().get()
        assert again is not broken
        pool.searchers().put(again)
    assert all(p.proc.poll() is not None for p in started)
    pages = json.dumps(sorted(str(p) for p in (tmp_path / "site").rglob("index.html")))
    assert "mini" in pages
