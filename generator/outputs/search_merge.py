"""Search, the library's one index: the shards' Pagefind indexes (search.py: a few documents
each, cheap to build again when one of them changes) merged into one index per language, the
index the search page loads. A first query then loads one index's metadata and the few
chunks its words fall in, not every shard's (bench/bench_library.py measures both).

Merging reads the files Pagefind wrote and writes files of the same format (the pinned
Pagefind's; its pagefind/src/index/): gzipped `pagefind_dcd` + CBOR.

    pagefind.<lang>_<h>.pf_meta    [version, [[fragment, word count]], [[from, to, chunk]],
                                    [[filter, file]], sorts, [meta field]]
    index/<lang>_<h>.pf_index      [[[word, [[page step, locations, meta locations]], []]]]
    filter/<lang>_<h>.pf_filter    [filter, [[value, [page]]]]
    fragment/<lang>_<h>.pf_fragment  a page's text and metadata (JSON)

The merged index numbers each shard's pages after the previous shards'. A word's pages are
written as steps from the page before (the first from 0), so a shard's list of a word is
kept byte for byte but for its first step, which now starts from the previous shards' last
page: merging a word is joining bytes. What a shard gives the merge (`Segments`) is read
from its files once and cached beside them. The words are chunked again as Pagefind chunks
them (about 20,000 locations a chunk, `bounds` the shortest prefixes that tell a chunk from
its neighbours); a filter value's pages are joined; the fragments are the shards' own
files, linked.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import itertools
import json
import marshal
import os
import shutil
from pathlib import Path
from typing import Any

import cbor2

from generator.problems import DataError, Problem

MAGIC = b"pagefind_dcd"
CHUNK = 20000  # locations a chunk of the word index holds (Pagefind's `chunk_index`;
# a word on a page counts its locations, its meta locations and 1)
META_FIELDS = 6  # the fields of a pf_meta in the Pagefind whose format this reads
SEGMENTS = ".segments"  # in a shard's folder: what it gives the merge (not part of the site)

# one language of one shard: its pages [[fragment, word count]], its filters
# {filter: {value: [page]}} and each word's
# (first step, the rest of the first page's entry, the other entries, entries, last page,
#  locations + entries)
Segments = tuple[list[list[Any]], dict[str, dict[str, list[int]]],
                 dict[str, tuple[int, bytes, bytes, int, int, int]]]


def merge(shards: list[Path], out: Path) -> None:
    """The Pagefind indexes in the folders `shards` merged into one index in `out` (new)."""
    entries = [json.loads((s / "pagefind-entry.json").read_text(encoding="utf-8"))
               for s in shards]
    versions = {e["version"] for e in entries}
    if len(versions) != 1:
        _fail(shards[0], f"the search indexes were made by several Pagefinds: {versions}")
    out.mkdir(parents=True)
    for name in os.listdir(shards[0]):  # Pagefind's scripts, styles and WebAssembly
        if (shards[0] / name).is_file() and not name.startswith(".") \
                and name != "pagefind-entry.json" and not name.endswith(".pf_meta"):
            os.link(shards[0] / name, out / name)
    for folder in ("index", "fragment", "filter"):
        (out / folder).mkdir()
    languages = {}
    for lang in sorted({lang for e in entries for lang in e["languages"]}):
        having = [(s, e["languages"][lang]) for s, e in zip(shards, entries, strict=True)
                  if lang in e["languages"]]
        metas = [read(s / f"pagefind.{e['hash']}.pf_meta") for s, e in having]
        for (shard, _), meta in zip(having, metas, strict=True):
            if len(meta) != META_FIELDS or meta[4]:
                _fail(shard, "this Pagefind's index format (or its sort orders) is not the "
                      "one generator/outputs/search_merge.py reads: pin the Pagefind it was "
                      "made for")
        fields = sorted({f for meta in metas for f in meta[5]})
        meta_hash, count = merge_language(
            lang, [(s, segments(s, e["hash"], meta, fields))
                   for (s, e), meta in zip(having, metas, strict=True)], fields,
            metas[0][0], out)
        languages[lang] = {"hash": meta_hash, "wasm": having[0][1]["wasm"],
                           "page_count": count}
    entry = {"version": versions.pop(), "languages": languages,
             "include_characters": entries[0]["include_characters"]}
    (out / "pagefind-entry.json").write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def merge_language(lang: str, shards: list[tuple[Path, Segments]], fields: list[str],
                   version: str, out: Path) -> tuple[str, int]:
    pages: list[list[Any]] = []
    fragments: dict[str, str] = {}  # a fragment's name in the merged index -> its file
    offsets = []
    filters: dict[str, dict[str, list[int]]] = {}
    for folder, (own_pages, own_filters, _) in shards:
        offsets.append(len(pages))
        fragment_folder = os.path.join(folder, "fragment")
        for name, count in own_pages:
            pages.append([_fragment(lang, os.path.join(fragment_folder, f"{name}.pf_fragment"),
                                    name, fragments), count])
        for f, values in own_filters.items():
            into = filters.setdefault(f, {})
            for value, on in values.items():
                into.setdefault(value, []).extend(p + offsets[-1] for p in on)
    into_fragments = os.path.join(out, "fragment")
    for name, source in fragments.items():
        os.link(source, os.path.join(into_fragments, f"{name}.pf_fragment"))
    # each word's entries, shard after shard: a shard's own words only (a word is on a few
    # documents' pages, and a library has dozens of documents)
    joined: dict[str, list[Any]] = {}  # word -> [last page, entries, locations, pieces]
    for (_, (_, _, own)), offset in zip(shards, offsets, strict=True):
        for word, (first, first_rest, rest, n, end, locations) in own.items():
            acc = joined.get(word)
            if acc is None:
                acc = joined[word] = [0, 0, 0, []]
            acc[3] += [b"\x83", _head(0, offset + first - acc[0]), first_rest, rest]
            acc[0], acc[1], acc[2] = offset + end, acc[1] + n, acc[2] + locations
    encoded: list[tuple[str, bytes, int]] = []
    for word in sorted(joined):
        _, count, size, pieces = joined[word]
        text = word.encode("utf-8")
        encoded.append((word, b"".join([b"\x83", _head(3, len(text)), text, _head(4, count),
                                        *pieces, b"\x80"]), size))
    chunks: list[list[str]] = []
    for group in chunked(encoded):
        data = b"".join([MAGIC, b"\x81", _head(4, len(group)), *(w[1] for w in group)])
        chunks.append([group[0][0], group[-1][0], _write(out / "index", lang, data,
                                                          ".pf_index")])
    for a, b in itertools.pairwise(chunks):
        a[1], b[0] = bounds(a, b)
    filter_files = [[f, _write(out / "filter", lang, MAGIC + cbor2.dumps(
        [f, [[v, on] for v, on in sorted(filters[f].items())]]), ".pf_filter")]
        for f in sorted(filters)]
    data = MAGIC + cbor2.dumps([version, pages, chunks, filter_files, [], fields])
    meta_hash = f"{lang}_{hashlib.sha1(data).hexdigest()[:len(lang) + 8]}"
    (out / f"pagefind.{meta_hash}.pf_meta").write_bytes(gzip.compress(data, mtime=0))
    return meta_hash, len(pages)


def prepare(shard: Path) -> None:
    """What a shard gives the merge, read as soon as Pagefind has written it (while other
    shards are indexed), for an index of the shard's own metadata fields (the usual case:
    a merge of other fields reads it again)."""
    entry = json.loads((shard / "pagefind-entry.json").read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta = read(shard / f"pagefind.{language['hash']}.pf_meta")
        if len(meta) == META_FIELDS:
            segments(shard, language["hash"], meta, meta[5])


def segments(shard: Path, meta_hash: str, meta: list[Any], fields: list[str]) -> Segments:
    """What one language of a shard (its pf_meta `meta`) gives the merge into an index of
    the metadata `fields`, read from its files once and kept beside them (a shard's folder
    never changes once complete)."""
    kept = shard / SEGMENTS
    key = (meta_hash, tuple(fields))
    try:
        known = marshal.loads(kept.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        known = {}
    if key in known:
        return known[key]  # type: ignore[no-any-return]
    # A page's meta locations name a field by its place in the index's list, as -(place + 1)
    # before the field's locations: another list (a shard without pages of images) moves them.
    remap = {-i - 1: -fields.index(f) - 1 for i, f in enumerate(meta[5])}
    words: dict[str, tuple[int, bytes, bytes, int, int, int]] = {}
    for _, _, chunk in meta[2]:
        try:
            _scan(_raw(shard / "index" / f"{chunk}.pf_index"), words,
                  None if all(k == v for k, v in remap.items()) else remap)
        except (IndexError, ValueError) as e:
            _fail(shard / "index" / f"{chunk}.pf_index", "this word index is not written as "
                  f"generator/outputs/search_merge.py reads it ({e}): pin the Pagefind "
                  "it was made for")
    filters: dict[str, dict[str, list[int]]] = {}
    for _, file in meta[3]:
        name, values = read(shard / "filter" / f"{file}.pf_filter")
        filters[name] = {v: on for v, on in values}
    out: Segments = (meta[1], filters, words)
    scratch = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
    scratch.write_bytes(marshal.dumps(known | {key: out}))
    scratch.replace(kept)
    return out


def chunked(words: list[tuple[str, bytes, int]]) -> list[list[tuple[str, bytes, int]]]:
    """The sorted words in chunks of about CHUNK locations (Pagefind's `chunk_index`)."""
    chunks: list[list[tuple[str, bytes, int]]] = []
    chunk: list[tuple[str, bytes, int]] = []
    size = 0
    for word in words:
        size += word[2]
        chunk.append(word)
        if size >= CHUNK:
            chunks.append(chunk)
            chunk, size = [], 0
    if chunk:
        chunks.append(chunk)
    return chunks


def bounds(a: list[str], b: list[str]) -> tuple[str, str]:
    """Where chunk `a` ([from, last word, file]) ends and the next, `b` ([first word, ...]),
    begins: each word cut to the shortest prefix that tells it from the other, but a's last
    word kept whole where its prefix would sort before a's own `from` (the bounds Pagefind
    1.5.2 writes; tests/test_search_merge.py compares them)."""
    last, first = a[1], b[0]
    end = last[:_common(last, first) + 1]
    return end if end >= a[0] else last, first[:_common(first, last) + 1]


def _common(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


@functools.cache  # the same small numbers again and again: page steps, counts, lengths
def _head(major: int, n: int) -> bytes:
    """A CBOR head: the major type and a length or an unsigned number, shortest form."""
    if n < 24:
        return bytes([major << 5 | n])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | extra]) + n.to_bytes(size, "big")
    raise ValueError(n)


def _raw(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MAGIC):
        _fail(path, "not a Pagefind index file")
    return data


def read(path: Path) -> Any:
    return cbor2.loads(_raw(path)[len(MAGIC):])


# bytes an integer takes, by its first byte (CBOR major types 0 and 1; 0 for the others)
_SIZE = bytes(({24: 2, 25: 3, 26: 5, 27: 9}.get(b & 31, 1 if b & 31 < 24 else 0)
               if b >> 5 < 2 else 0) for b in range(256))


def _scan(data: bytes, words: dict[str, tuple[int, bytes, bytes, int, int, int]],
          remap: dict[int, int] | None) -> None:
    """The words of one chunk (`pagefind_dcd` + [[word, [page entry], []]]) read from its
    bytes: each word's first page step, the bytes of the rest of its first entry and of its
    other entries, how many entries, its last page and its size in locations. Read as bytes
    (not decoded and encoded again), the entries are kept as they are, ten times faster;
    only a `remap` of the meta fields' places writes their meta locations again."""
    i = len(MAGIC)
    if data[i] != 0x81:
        raise ValueError("not one list of words")
    count, i = _uint(data, i + 1, 4)
    for _ in range(count):
        if data[i] != 0x83:
            raise ValueError("a word is not [word, pages, []]")
        length, i = _uint(data, i + 1, 3)
        word = data[i:i + length].decode("utf-8")
        pages, i = _uint(data, i + length, 4)
        if not pages:
            raise ValueError(f"the word {word!r} is on no page")
        first = last = size = 0
        entries: list[tuple[int, bytes]] = []  # with a remap: each entry's step and the rest
        start = i
        for n in range(pages):
            if data[i] != 0x83:
                raise ValueError("a page entry is not [page, locations, meta locations]")
            step, i = _uint(data, i + 1, 0)
            last += step
            begin = i
            items, i = _skip_integers(data, i)
            size += items + 1
            if remap is None:
                items, i = _skip_integers(data, i)
                size += items
            else:
                locations, meta_start = data[begin:i], i
                items, i = _skip_integers(data, i)
                size += items
                meta_locs = data[meta_start:i]
                if items:  # most entries have none
                    meta_locs = cbor2.dumps([remap.get(x, x) if x < 0 else x
                                             for x in cbor2.loads(meta_locs)])
                entries.append((step, locations + meta_locs))
            if n == 0:
                first, first_rest, start = step, data[begin:i], i
        if data[i] != 0x80:
            raise ValueError(f"the word {word!r} has data this merge does not know")
        if remap is None:
            words[word] = (first, first_rest, data[start:i], pages, last, size)
        else:  # the entries written again
            words[word] = (first, entries[0][1], b"".join(
                b"\x83" + _head(0, st) + rest for st, rest in entries[1:]), pages, last, size)
        i += 1


def _skip_integers(data: bytes, i: int) -> tuple[int, int]:
    """How many integers the CBOR array at data[i] holds, and where it ends."""
    items, i = _uint(data, i, 4)
    for _ in range(items):
        width = _SIZE[data[i]]
        if not width:
            raise ValueError("a location is not an integer")
        i += width
    return items, i


def _uint(data: bytes, i: int, major: int) -> tuple[int, int]:
    """The number (or length) in the CBOR head at data[i] of the given major type, and
    where the head ends."""
    head = data[i]
    if head >> 5 != major:
        raise ValueError(f"major type {head >> 5} where {major} was expected")
    low = head & 31
    if low < 24:
        return low, i + 1
    width = {24: 1, 25: 2, 26: 4, 27: 8}.get(low)
    if width is None:
        raise ValueError("an indefinite length")
    return int.from_bytes(data[i + 1:i + 1 + width], "big"), i + 1 + width


def _write(folder: Path, lang: str, data: bytes, suffix: str) -> str:
    digest = hashlib.sha1(data).hexdigest()
    length = 7
    while (folder / f"{lang}_{digest[:length]}{suffix}").exists():
        length += 1  # another file has the short name: a longer one
    name = f"{lang}_{digest[:length]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, compresslevel=6, mtime=0))
    return name


def _fragment(lang: str, path: str, name: str, taken: dict[str, str]) -> str:
    """A page's fragment under its name, or under a longer one when another shard's page
    has that name (Pagefind names a fragment by 7 digits of its hash)."""
    if name in taken and _bytes(taken[name]) != _bytes(path):
        name = f"{lang}_{hashlib.sha1(_bytes(path)).hexdigest()}"
    taken.setdefault(name, path)
    return name


def _bytes(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _fail(path: Path, message: str) -> None:
    raise DataError([Problem(str(path), 1, 1, message)])


def replace(shards: list[Path], folder: Path) -> None:
    """Merge into `folder` by way of a scratch folder beside it, so that no reader of the
    cache sees half an index."""
    scratch = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
    shutil.rmtree(scratch, ignore_errors=True)
    merge(shards, scratch)
    (scratch / ".complete").write_text("", encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    scratch.rename(folder)
