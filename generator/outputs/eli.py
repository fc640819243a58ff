"""The permanent identifiers, resolvable on a static site: each ELI address of every document
(data/identifiers.py: its work, expressions, clauses, registration number) is a folder whose
page sends readers on to the page it names (the same small page as legacy.py's: canonical
link, meta refresh, a script that keeps the query and the fragment), and each Akoma Ntoso
manifestation address (…/zho/akn.xml) is a link to the same bytes as the published file:
a static host cannot redirect a file.

A document's pages are made once per document and identifiers (and the site's address,
which the canonical links name), kept in the cache and linked into each build.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from generator import render, staging
from generator.data.identifiers import Identifiers
from generator.data.library import Library
from generator.data.model import Edition
from generator.fingerprint import digest
from generator.outputs.job import Job, write_files


def document_identifiers(library: Library, ed: Edition) -> Identifiers:
    return library.identifiers(ed)


def redirect_pages(ed: Edition, ids: Identifiers, site_url: str | None) -> dict[str, str]:
    """The page of each ELI address that lands on a page: path of its index.html -> HTML."""
    base = site_url.rstrip("/") + "/" if site_url else None
    out = {}
    for address, target in ids.addresses().items():
        if not address.endswith("/"):
            continue
        lang = target.split("/", 1)[0]
        link = posixpath.relpath(target, address) + "/"
        out[f"{address}index.html"] = render.redirect(link, ed.name.text(lang), lang,
                                                     f"{base}{target}" if base else None)
    return out


def write(job: Job, stage: Path) -> None:
    files: dict[str, tuple[str, Path]] = {}  # address's file -> (its document, its source)
    entries: dict[str, str] = {}  # document -> the key of its redirect pages in the cache
    for ed in job.library.documents:  # their works are different: checks/library.py
        ids = document_identifiers(job.library, ed)
        key = digest(job.version, "eli", repr(ids), ed.name.model_dump(),
                     job.settings.site_url)
        entry = job.cache.root / "eli" / key
        entries[ed.id] = key
        pages = None
        if not (entry / ".complete").is_file():
            pages = redirect_pages(ed, ids, job.settings.site_url)
            write_files(entry, dict(pages))
            (entry / ".complete").write_text("", encoding="utf-8")
        for address, target in ids.addresses().items():
            if address.endswith("/"):
                files[f"{address}index.html"] = (ed.id, entry / f"{address}index.html")
            else:
                files[address] = (ed.id, stage / target)
    # A folder that holds one document's addresses only is taken from the site before last
    # where it holds the same pages (staging.reuse): thousands of one-page folders. A page
    # is known by its name and the key of its cache entry (what the pages say); the files'
    # links, which change with the files, are linked again.
    folders = own_folders({name: doc for name, (doc, _) in files.items()})
    by_folder: dict[str, list[str]] = {}
    for name in files:
        by_folder.setdefault(folders.get(name, ""), []).append(name)
    moved = staging.reuse(stage, job.settings.work, {
        folder: digest("eli", sorted((n, entries[files[n][0]] if n.endswith("/index.html")
                                      else None) for n in names))
        for folder, names in by_folder.items() if folder})
    for folder, names in by_folder.items():
        for name in names:
            path, source = stage / name, files[name][1]
            if folder in moved:
                if name.endswith("/index.html"):
                    continue
                path.unlink()
            path.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, path)


def own_folders(owners: dict[str, str]) -> dict[str, str]:
    """For each file (path -> the document it is of), the outermost of its folders that holds
    that document's files only; a file in no such folder is left out."""
    docs: dict[str, set[str]] = {}
    for name, doc in owners.items():
        parts = name.split("/")
        for n in range(1, len(parts)):
            docs.setdefault("/".join(parts[:n]), set()).add(doc)
    out = {}
    for name in owners:
        parts = name.split("/")
        for n in range(1, len(parts)):
            folder = "/".join(parts[:n])
            if len(docs[folder]) == 1:
                out[name] = folder + "/"
                break
    return out
