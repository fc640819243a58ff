"""Where the search indexes sit: the documents' pages are indexed in shards of a few
documents, a shard per language, at /<lang>/pagefind/<k>/ (the library's own pages in the
first). The library's search page merges the shards; outputs/site.py builds them."""

from __future__ import annotations

from itertools import groupby

# At most this many documents to a shard, a series never split (the documents are in library
# order, by series): a change to an edition (its text, or what its neighbours say of it)
# re-indexes one shard. A query loads every shard's index: an index per document made the
# first query over a 40-document library take 1.4 s; one index for all makes a change
# anywhere index the whole library again (about 2 ms a page). Measured:
# bench/bench_library.py.
SEARCH_SHARD = 8


def search_shards(documents: list[tuple[str, str]]) -> list[list[str]]:
    """The documents ((id, series) in library order) whose pages each search index holds
    (the library's own pages are in the first); its folder is `search_bundle(k)` under the
    language's folder."""
    shards: list[list[str]] = [[]]
    for _, group in groupby(documents, key=lambda d: d[1]):
        members = [doc for doc, _ in group]
        if shards[-1] and len(shards[-1]) + len(members) > SEARCH_SHARD:
            shards.append([])
        shards[-1].extend(members)
    return shards


def search_bundle(k: int) -> str:
    return f"pagefind/{k}/"
