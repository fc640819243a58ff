"""Where the search indexes sit: shards of a few documents, a shard per language, at
/<lang>/pagefind/<k>/ (the library's own pages in the first), and the language's one index
at /<lang>/pagefind/, the one the search page loads. Pagefind indexes the library's own pages
and each series apart (outputs/site.py); the shards and the language's index are merged from
those (outputs/search_merge.py)."""

from __future__ import annotations

from itertools import groupby

# At most this many documents to a shard, a series never split (the documents are in library
# order, by series): a change to an edition (its text, or what its neighbours say of it)
# re-indexes its series (Pagefind takes about 2 ms a page), then the merges join the words of
# its shard and of the language again (a fraction of a second). Loading the shards one by
# one in the page made the first query over a 40-document library take 0.9 s with 7 shards,
# 1.4 s with a shard per document; the merged index about 0.3 s. Measured: bench/bench_library.py.
SEARCH_SHARD = 8
SEARCH_INDEX = "pagefind/"  # the language's one index, merged from its shards


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
