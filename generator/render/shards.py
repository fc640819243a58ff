"""Where the search indexes sit: the documents' pages are indexed in shards of a few
documents, a shard per language, at /<lang>/pagefind/<k>/ (the library's own pages in the
first). The library's search page merges the shards; outputs/site.py builds them."""

from __future__ import annotations

# Documents per shard, in library order (so the editions of a series mostly share one). A
# query loads every shard's index: an index per document made the first query over a
# 40-document library take 1.4 s; one index for all makes a change anywhere index the whole
# library again (about 2 ms a page). Measured: bench/bench_library.py.
SEARCH_SHARD = 8


def search_shards(documents: list[str]) -> list[list[str]]:
    """The documents whose pages each search index holds (the library's own pages are in the
    first); its folder is `search_bundle(k)` under the language's folder."""
    return [documents[i : i + SEARCH_SHARD] for i in range(0, len(documents), SEARCH_SHARD)] \
        or [[]]


def search_bundle(k: int) -> str:
    return f"pagefind/{k}/"
