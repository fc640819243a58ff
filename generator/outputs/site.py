"""The site output: each part of the site written from the pages in memory, into the build
cache, then the staging folder assembled from the parts by hard links.

A part is a document in one language (/<lang>/<id>/) or the library's own pages in one
language (/<lang>/). Its pages arrive complete (render/shell.py wraps them in Material's page
structure); this module writes them with Material's compiled CSS and JavaScript, the site's
own assets, the part's feed and sitemap; then the search indexes (`search.py`): one of the
library's own pages and one of each series, per language, fed from the same pages in memory
and built again only when the text they hold changed, merged into the published shards of a
few documents (render/shards.py) and into each language's one index, the one the search page
loads (`search_merge.py`). No MkDocs run and no Markdown step.

A part is cached under a key made of what its pages say (outputs/job.py). A part whose pages
changed starts from its previous version by hard links, and only the pages whose bytes
changed are written: a one-clause fix writes its few pages. An unchanged library of
thousands of pages is put together in moments.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
from collections.abc import Generator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from generator import staging
from generator.cache import Cache
from generator.fingerprint import digest
from generator.outputs import search, search_merge
from generator.outputs.assets import own_assets
from generator.outputs.job import Job, Part, mapper
from generator.render import Rendered, shards
from generator.render.jinja import page_url
from generator.render.shell import material_assets
from generator.settings import LANGS, Settings


def write(job: Job, stage: Path) -> Generator[None, None, None]:
    """The parts' pages into the cache and the stage, then (`yield`: the other outputs are
    written while Pagefind indexes) the search indexes. A generator: the driver finishes
    it after the other outputs, or closes it, which stops the indexing, if they fail."""
    settings, cache = job.settings, job.cache
    assets = shared_assets(settings, cache.root)
    todo = {p.key for p in job.parts if p.key in job.rendered and not cache.has(p.key)}
    indexes = search_indexes(job)
    # The library's own pages, and each series, have a search index of their own in each
    # language (what an edit re-renders together: an edition and its neighbours), built
    # again only when the text of its pages changed: Pagefind indexes it in its own process
    # (one per core, each fed by a thread) as soon as its parts are written, while the next
    # parts are written here. Smaller units cost Pagefind more in all (measured: 8 documents
    # as 8 indexes, 1.8 s of its time; as one, 1.4 s).
    of: dict[tuple[str, str | None], str] = {}  # (lang, document) -> its search index
    count = search.processes()
    with ExitStack() as stack, ThreadPoolExecutor(count) as indexer:
        pool = job.workers.searchers() if job.workers is not None else \
            stack.enter_context(closing(search.Pagefinds(count)))
        done, made = [], set()
        for unit in search_units(job):
            feeds = {p.key: write_part(job.rendered[p.key], p, settings, assets, cache)
                     for p in unit if p.key in todo}
            # an index is its pages' texts at their addresses: two documents of the same
            # text (a reissue with only its id changed) are two indexes
            key = digest("pagefind", search.NOT_INDEXED,
                         [(p.path, read_key(cache.part(p.key))) for p in unit])
            if key not in made:
                done.append(indexer.submit(index_unit, key, unit, feeds, cache, pool))
                made.add(key)
            of |= {(p.lang, p.document): key for p in unit}
        for part in job.parts:  # the library's own first: the documents' folders go inside
            if part.document is None:
                link_tree(cache.part(part.key), stage / part.path)
        documents = [p for p in job.parts if p.document is not None]
        # a document's folder as the site before last had it, where its part is unchanged
        moved = staging.reuse(stage, settings.work, {p.path: p.key for p in documents})
        with ThreadPoolExecutor(4) as links:  # each is a `cp` process: run a few at once
            list(links.map(lambda p: link_tree(cache.part(p.key), stage / p.path),
                           [p for p in documents if p.path not in moved]))
        yield
        for finish in done:
            finish.result()
    # the shards, and each language's one index, merged from their parts' indexes, across
    # the workers when there are several to merge
    def held(parts: list[Part]) -> list[str]:  # the indexes of the parts, in order
        return list(dict.fromkeys(of[(p.lang, p.document)] for p in parts))

    langs = list(dict.fromkeys(p.lang for p in job.parts))
    keys = merged_indexes(cache, [held(parts) for _, parts in indexes]
                          + [held([p for p in job.parts if p.lang == lang]) for lang in langs],
                          job.workers)
    shard_keys, merged = keys[:len(indexes)], dict(zip(langs, keys[len(indexes):],
                                                       strict=True))
    for lang, key in merged.items():
        link_tree(cache.root / "search" / key, stage / lang / shards.SEARCH_INDEX)
    for (folder, _), key in zip(indexes, shard_keys, strict=True):
        link_tree(cache.root / "search" / key, stage / folder)
    cache.keep({p.key for p in job.parts})
    forget_indexes(cache.root / "search", {*of.values(), *shard_keys, *merged.values()})


def merged_indexes(cache: Cache, merges: list[list[str]], workers: Any) -> list[str]:
    """For each list of index keys, the key of the index merged from them
    (search_merge.py), merged unless the cache has it. One index is its own merge."""
    keys = [ks[0] if len(ks) == 1 else digest("merged", ks) for ks in merges]
    todo = {key: [cache.root / "search" / k for k in ks]
            for key, ks in zip(keys, merges, strict=True) if len(ks) > 1
            and not (cache.root / "search" / key / ".complete").is_file()}
    list(mapper(workers, len(todo))(merge_into, [(sources, cache.root / "search" / key)
                                                 for key, sources in todo.items()]))
    return keys


def merge_into(task: tuple[list[Path], Path]) -> None:
    search_merge.replace(*task)


def search_indexes(job: Job) -> list[tuple[str, list[Part]]]:
    """Each search index's folder in the site and the parts whose pages it holds: per
    language, the library's own pages and the documents of each shard (render/shards.py)."""
    by = {(p.lang, p.document): p for p in job.parts}
    groups = shards.search_shards([(d.id, d.document.series) for d in job.library.documents])
    out = []
    for lang in LANGS:
        if (lang, None) not in by:
            continue
        for k, ids in enumerate(groups):
            parts = ([by[(lang, None)]] if k == 0 else []) + [by[(lang, d)] for d in ids]
            out.append((f"{lang}/{shards.search_bundle(k)}", parts))
    return out


def search_units(job: Job) -> list[list[Part]]:
    """The parts each search index holds: the library's own pages in each language, then
    each document's in each language, in library order."""
    by = {(p.lang, p.document): p for p in job.parts}
    units = [[by[(lang, None)]] for lang in LANGS if (lang, None) in by]
    return units + [[by[(lang, d.id)]] for d in job.library.documents for lang in LANGS]


def index_unit(key: str, parts: list[Part], feeds: dict[str, dict[str, str]], cache: Cache,
               pagefinds: search.Pagefinds) -> None:
    """A search index of `parts` into the cache, unless the text of their pages is as it
    was: the pages of the parts written in this build from memory (`feeds`), the others'
    from the cache; each at its address in the language's folder, as the shards and the
    language's index hold it."""
    index = cache.root / "search" / key
    if (index / ".complete").is_file():
        return
    pages: dict[str, str] = {}
    for part in parts:
        feed = feeds.get(part.key)
        if feed is None:
            feed = json.loads((cache.part(part.key) / ".feed").read_text(encoding="utf-8"))
        prefix = part.document + "/" if part.document else ""
        pages |= {prefix + rel: text for rel, text in feed.items()}
    scratch = index.with_name(f".{key}.{os.getpid()}.tmp")
    shutil.rmtree(scratch, ignore_errors=True)
    pagefind = pagefinds.get()
    try:
        pagefind.index(pages, scratch)
    except BaseException:
        pagefinds.put(pagefind, failed=True)
        raise
    pagefinds.put(pagefind)
    search_merge.prepare(scratch)  # while the others are indexed
    (scratch / ".complete").write_text("", encoding="utf-8")
    shutil.rmtree(index, ignore_errors=True)
    scratch.rename(index)


def shared_assets(settings: Settings, root: Path) -> Path:
    """Material's compiled assets and the site's own, once per content, in the cache: every
    part links them."""
    own = own_assets(settings.docs, settings.calculators, settings.dev)
    material = material_assets()
    key = digest(sorted(own.items()), sorted((k, str(v), v.stat().st_mtime_ns)
                                             for k, v in material.items()))
    folder = root / "assets" / key
    if (folder / ".complete").is_file():
        return folder
    tmp = folder.with_name(f".{key}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    for rel, source in material.items():
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, tmp / rel)
    for rel, text in own.items():
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / rel).write_text(text, encoding="utf-8")
    (tmp / ".complete").write_text("", encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp.rename(folder)
    return folder


def files_of(rendered: Rendered, part: Part, settings: Settings) -> dict[str, bytes]:
    """Everything of a part but its assets and search index: the pages, the feed, the
    sitemap (plain and gzipped, as MkDocs wrote them)."""
    files = {output_path(rel): html.encode("utf-8") for rel, html in rendered.pages.items()}
    if rendered.feed is not None:
        files["feed.xml"] = rendered.feed.encode("utf-8")
    sitemap = sitemap_xml(rendered, part, settings).encode("utf-8")
    files["sitemap.xml"] = sitemap
    files["sitemap.xml.gz"] = gzip.compress(sitemap, mtime=settings.source_date)
    return files


def sitemap_xml(rendered: Rendered, part: Part, settings: Settings) -> str:
    base = (settings.site_url.rstrip("/") + "/" + part.path) if settings.site_url else None
    day = datetime.fromtimestamp(settings.source_date, UTC).strftime("%Y-%m-%d")
    urls = []
    for rel in sorted(rendered.pages, key=sitemap_order):
        url = page_url(rel)
        urls.append(f"    <url>\n         <loc>{base + url if base else 'None'}</loc>\n"
                    f"         <lastmod>{day}</lastmod>\n    </url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(urls) + "\n</urlset>")


def sitemap_order(rel: str) -> tuple[tuple[str, ...], bool, str]:
    """The order of a docs folder's walk, which the sitemaps have always followed (a
    folder's pages before its subfolders', index first)."""
    *folders, name = rel.split("/")
    return tuple(folders), name != "index.md", name


def output_path(rel: str) -> str:
    """The page table's `clauses/14.md` -> `clauses/14/index.html`."""
    return page_url(rel) + "index.html"


def write_part(rendered: Rendered, part: Part, settings: Settings, assets: Path, cache: Cache
               ) -> dict[str, str]:
    """The part's files into the cache: the assets by hard links, every file whose bytes are
    those of the part's previous version linked to it, only the others written (a one-clause
    fix writes its few pages), and what search reads of its pages (`.feed`, with its digest
    in `.search`), which it returns."""
    out = cache.part(part.key)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    link_tree(assets, tmp)
    previous = cache.latest(part.lang, part.document)
    old = previous if previous is not None and (previous / ".complete").is_file() else None
    for rel, data in files_of(rendered, part, settings).items():
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if old is not None and same_bytes(old / rel, data):
            os.link(old / rel, path)
        else:
            path.write_bytes(data)
    feed = search_texts(rendered) if rendered.searchable is None else rendered.searchable
    (tmp / ".feed").write_text(json.dumps(feed, ensure_ascii=False, sort_keys=True),
                               encoding="utf-8")
    (tmp / ".search").write_text(digest(feed), encoding="utf-8")
    (tmp / ".complete").write_text("", encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    cache.set_latest(part.lang, part.document, part.key)
    return feed


def search_texts(rendered: Rendered) -> dict[str, str]:
    """What search reads of each page of a part (its file in the part -> search.searchable),
    for the pages search indexes."""
    return {output_path(rel): text for rel, html in rendered.pages.items()
            if (text := search.searchable(html)) is not None}


def read_key(part: Path) -> str | None:
    try:
        return (part / ".search").read_text(encoding="utf-8")
    except OSError:
        return None


def forget_indexes(folder: Path, keep: set[str | None]) -> None:
    """Drop the cached search indexes no part of this build uses."""
    if folder.is_dir():
        for entry in folder.iterdir():
            if entry.name not in keep and not entry.name.startswith("."):
                shutil.rmtree(entry, ignore_errors=True)


CACHE_ONLY = (".complete", ".feed", ".search",  # a cached part's marker, its search text,
              search_merge.SEGMENTS)  # what a search shard gives the merge


def same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def link_tree(source: Path, target: Path) -> None:
    """Hard-link every file of `source` into `target` (copy where links are impossible)."""
    target.mkdir(parents=True, exist_ok=True)
    if shutil.which("cp") and subprocess.run(  # GNU cp: thousands of links at C speed
            ["cp", "-al", "--", f"{source}/.", str(target)], capture_output=True,
            check=False).returncode == 0:
        for marker in CACHE_ONLY:
            (target / marker).unlink(missing_ok=True)
        return
    for folder, _, names in os.walk(source):
        rel = Path(folder).relative_to(source)
        (target / rel).mkdir(parents=True, exist_ok=True)
        for name in names:
            if name in CACHE_ONLY and not rel.parts:
                continue
            src, dst = Path(folder) / name, target / rel / name
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)
