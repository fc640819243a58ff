"""The library's one search index, merged from its shards (generator/outputs/search_merge.py),
is the index Pagefind builds of all the shards' pages at once: the same pages, fragments,
words on the same pages at the same locations, filters, metadata fields and chunk bounds.
Compared decoded, page by page through the fragments' addresses (the merge numbers the pages
shard after shard, Pagefind in the order it is given them)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from generator.outputs import search, search_merge

LANGUAGE = {"zh": "zh-hans", "en": "en"}


def decoded(index: Path) -> dict[str, Any]:
    """An index as what it says, whatever the pages' numbers."""
    entry = json.loads((index / "pagefind-entry.json").read_text("utf-8"))
    (language,) = entry["languages"].values()
    meta = search_merge.read(index / f"pagefind.{language['hash']}.pf_meta")
    fragments = {}
    urls = []
    for name, _ in meta[1]:
        data = gzip.decompress((index / "fragment" / f"{name}.pf_fragment").read_bytes())
        url = json.loads(data[len(search_merge.MAGIC):])["url"]
        urls.append(url)
        fragments[url] = data
    words: dict[str, list[tuple[Any, ...]]] = {}
    for _, _, chunk in meta[2]:
        (chunk_words,) = search_merge.read(index / "index" / f"{chunk}.pf_index")
        for word, on, extra in chunk_words:
            page = 0
            for step, locations, meta_locations in on:
                page += step
                words.setdefault(word, []).append((urls[page], tuple(locations),
                                                   tuple(meta_locations)))
            assert extra == []
    filters = {}
    for name, file in meta[3]:
        f, values = search_merge.read(index / "filter" / f"{file}.pf_filter")
        assert f == name
        filters[f] = {v: sorted(urls[p] for p in on) for v, on in values}
    return {"pages": language["page_count"], "urls": sorted(urls), "fragments": fragments,
            "words": {w: sorted(on) for w, on in words.items()}, "filters": filters,
            "fields": meta[5], "sorts": meta[4], "bounds": [c[:2] for c in meta[2]],
            "word count": sorted(count for _, count in meta[1])}


def merged_and_whole(shards: list[dict[str, str]], folder: Path) -> tuple[dict[str, Any],
                                                                          dict[str, Any]]:
    with search.Pagefind() as pagefind:
        for k, pages in enumerate(shards):
            pagefind.index(pages, folder / str(k))
        pagefind.index({rel: html for pages in shards for rel, html in pages.items()},
                       folder / "whole")
    search_merge.merge([folder / str(k) for k in range(len(shards))], folder / "merged")
    return decoded(folder / "merged"), decoded(folder / "whole")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_merged_index_is_the_index_of_all_the_pages(library_site: Path, tmp_path: Path,
                                                        lang: str) -> None:
    """The library's pages in shards (its own, and each document's), merged."""
    shards: dict[str, dict[str, str]] = {}
    for page in sorted((library_site / lang).rglob("index.html")):
        rel = page.relative_to(library_site / lang)
        if "pagefind" in rel.parts or (text := search.searchable(page.read_text("utf-8"))) \
                is None:
            continue
        group = rel.parts[0] if (library_site / lang / rel.parts[0] / "clauses").is_dir() \
            else ""
        shards.setdefault(group, {})[rel.as_posix()] = text
    assert len(shards) >= 3
    merged, whole = merged_and_whole([shards[k] for k in sorted(shards)], tmp_path)
    assert len(whole["bounds"]) > 3  # enough words for several chunks, and their bounds
    assert merged["pages"] == whole["pages"] == sum(len(s) for s in shards.values())
    for key in whole:
        assert merged[key] == whole[key], key


def test_shards_of_other_metadata_are_merged_with_their_fields_in_place(
        tmp_path: Path) -> None:
    """A shard whose pages carry more metadata names more fields, so every other shard's
    meta locations move to the merged list's places."""
    def page(n: int, more: bool) -> str:
        chapter = '<p data-pagefind-meta="作者">甲市人民政府</p>' if more else ""
        return (f'<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>第{n}条 '
                f'支持企业</title></head><body><div data-pagefind-body data-pagefind-meta='
                f'"文件:甲"><h1>第{n}条 支持企业</h1>{chapter}<p>支持企业技术改造，奖励{n}万元。'
                f'</p></div></body></html>')
    shards = [{f"a/{n}/index.html": page(n, False) for n in (1, 2)},
              {f"b/{n}/index.html": page(n, True) for n in (3, 4)},
              {f"c/{n}/index.html": page(n, False) for n in (5, 6)}]
    merged, whole = merged_and_whole(shards, tmp_path)
    own = [decoded(tmp_path / str(k))["fields"] for k in range(3)]
    assert own[0] != own[1] and set(own[0]) < set(own[1])  # the case this test is about
    assert own[0].index("文件") != whole["fields"].index("文件")  # a field moved
    assert any(ml for on in whole["words"].values() for _, _, ml in on)
    for key in whole:
        assert merged[key] == whole[key], key


def test_a_merge_reads_each_shard_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    """What a shard gives the merge is kept beside it: merging again (another shard changed)
    does not read the shard's words again, and gives the same bytes."""
    pages = [{f"{s}/{n}/index.html": f'<html lang="en"><head><title>Clause {n}</title></head>'
              f'<body><div data-pagefind-body><h1>Clause {n}</h1><p>Subsidy {s} of {n} '
              f'yuan</p></div></body></html>' for n in range(3)} for s in "ab"]
    with search.Pagefind() as pagefind:
        for k, p in enumerate(pages):
            pagefind.index(p, tmp_path / str(k))
    shards = [tmp_path / "0", tmp_path / "1"]
    search_merge.merge(shards, tmp_path / "first")
    assert all((s / search_merge.SEGMENTS).is_file() for s in shards)
    scans: list[bytes] = []
    real = search_merge._scan
    monkeypatch.setattr(search_merge, "_scan", lambda data, *a: scans.append(data) or
                        real(data, *a))
    search_merge.merge(shards, tmp_path / "again")
    assert scans == []
    for f in (tmp_path / "first").rglob("*"):
        if f.is_file():
            assert f.read_bytes() == (tmp_path / "again" / f.relative_to(
                tmp_path / "first")).read_bytes(), f


def test_a_pagefind_whose_format_is_another_is_refused(tmp_path: Path) -> None:
    """A Pagefind of another index format (a new field) stops the build with a clear
    message, not a broken search."""
    from generator.problems import DataError

    pages = {"a/index.html": '<html lang="en"><head><title>A</title></head><body>'
             '<div data-pagefind-body><p>Subsidy</p></div></body></html>'}
    with search.Pagefind() as pagefind:
        pagefind.index(pages, tmp_path / "0")
    entry = json.loads((tmp_path / "0" / "pagefind-entry.json").read_text("utf-8"))
    meta = tmp_path / "0" / f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
    import cbor2

    value = search_merge.read(meta)
    meta.write_bytes(gzip.compress(search_merge.MAGIC + cbor2.dumps([*value, []])))
    with pytest.raises(DataError, match="pin the Pagefind"):
        search_merge.merge([tmp_path / "0"], tmp_path / "merged")


def test_chunk_bounds_are_pagefinds(tmp_path: Path) -> None:
    """Pages of random words from a small alphabet and of random frequencies, so that chunks
    end at many kinds of neighbours (`19` | `2`, `9b9` | `a`, `50` | `500`, ...): the merge
    cuts the chunks where Pagefind does and bounds them as Pagefind does (a wrong bound
    sends a query to the wrong chunk, and it finds nothing)."""
    import random

    seen = 0
    with search.Pagefind() as pagefind:
        for trial in range(40):
            rnd = random.Random(trial)
            vocabulary = sorted({"".join(rnd.choice("ab19") for _ in range(rnd.randint(1, 4)))
                                 for _ in range(40)})
            words = [w for w in vocabulary for _ in range(rnd.choice([1, 5, 50, 500, 3000,
                                                                       8000]))]
            rnd.shuffle(words)
            half = len(words) // 2
            shards = [{f"{k}/index.html": f'<html lang="en"><head><title>T</title></head>'
                       f'<body><div data-pagefind-body><p>{" ".join(part)}</p></div></body>'
                       '</html>'} for k, part in enumerate((words[:half], words[half:]))]
            folder = tmp_path / str(trial)
            for k, pages in enumerate(shards):
                pagefind.index(pages, folder / str(k))
            pagefind.index(shards[0] | shards[1], folder / "whole")
            search_merge.merge([folder / "0", folder / "1"], folder / "merged")
            merged, whole = decoded(folder / "merged"), decoded(folder / "whole")
            assert merged["bounds"] == whole["bounds"], trial
            assert merged["words"] == whole["words"], trial
            seen += len(whole["bounds"])
    assert seen > 100  # chunks enough to have met every kind of bound
