"""MkDocs hooks (mkdocs.yml `hooks:`): the thin glue between MkDocs and the generator.

With `python -m generator build` (`make site`, `make serve`) each part's pages are already
rendered and `extra.handbook.pages` says where. With plain `mkdocs build` / `mkdocs serve`,
one document in one language (`extra.handbook.document`, `extra.handbook.lang`) is loaded,
validated and rendered here, from the same pipeline, and `policy_data/`, the templates and
the guides are watched.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from generator import pipeline, render
from generator.outputs import site
from generator.outputs.assets import own_assets
from generator.outputs.job import Part
from generator.problems import DataError
from generator.render.i18n import HTML_LANG
from generator.settings import Settings, documents


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    hb: dict[str, Any] = config.extra["handbook"]
    if not hb.get("pages"):
        hb.update(standalone(Path(config.config_file_path).parent, config))
    meta = json.loads((Path(hb["pages"]).parent / "site.json").read_text(encoding="utf-8"))
    config.site_name, config.nav = meta["site_name"], meta["nav"]
    config.theme["language"] = hb["lang"]
    config.extra.update({"generator": False, "html_lang": HTML_LANG[hb["lang"]],
                         "homepage": hb["to_lang_root"]})  # the logo leads to the library
    return config


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Keep Material's compiled templates between builds (each part is a build of its own)."""
    cache = config.extra["handbook"].get("template_cache")
    if cache:
        Path(cache).mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(cache)
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    hb = config.extra["handbook"]
    pages = Path(hb["pages"])
    for uri in sorted((p.relative_to(pages).as_posix() for p in pages.rglob("*")
                       if p.is_file()), key=walk_order):
        files.append(File.generated(config, uri, abs_src_path=str(pages / uri)))
    assets = own_assets(Path(hb["docs"]), Path(hb["calculators"]), hb["dev"])
    hand = {f"assets/{p.name}" for p in (Path(hb["docs"]) / "assets").iterdir()}
    for old in [f for f in files if f.src_uri in hand]:
        files.remove(old)  # replaced by the compacted copies (dev-reload.js only in serve)
    for uri, text in assets.items():
        files.append(File.generated(config, uri, content=text))
    return files


def walk_order(uri: str) -> tuple[tuple[str, ...], bool, str]:
    """The order MkDocs reads a docs folder in (a folder's files before its subfolders,
    index.md first), which the sitemap follows."""
    *folders, name = uri.split("/")
    return tuple(folders), name != "index.md", name


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    """Material labels its table of contents `for="__toc"` on section index pages, where it
    writes no `__toc` control (invalid HTML, Nu Html Checker): such a label names nothing."""
    if 'for="__toc"' in output and 'id="__toc"' not in output:
        output = output.replace('<label class="md-nav__title" for="__toc">',
                                '<label class="md-nav__title">')
    return output


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    for path in config.extra["handbook"].get("watch", []):
        if os.path.exists(path):
            server.watch(path)
    return server


def standalone(root: Path, config: MkDocsConfig) -> dict[str, Any]:
    """Plain `mkdocs build` / `mkdocs serve`: load and validate the library, render one
    document in one language, write it where on_files reads it, and say what to watch."""
    hb = config.extra["handbook"]
    data = root / hb.get("data", "policy_data")
    settings = Settings(root=root, data=data, document=data, out=Path(config.site_dir),
                        work=root / ".build" / "mkdocs", site_url=None, edit_base=None,
                        source_date=0)
    library, problems = pipeline.read_library(data, settings.source_date)
    errors = [p for p in problems if p.fails]
    if errors or library is None:
        raise DataError(errors)
    doc_id = hb.get("document") or (library.root.id if library.root else
                                    documents(data)[-1].name)
    ctx = render.context(library, library.by_id[doc_id])
    rendered = render.document(library.by_id[doc_id], ctx, hb["lang"], edit_base=None,
                               site_url=None,
                               guide=settings.guide(hb["lang"]).read_text(encoding="utf-8"))
    part = Part(hb["lang"], doc_id, "mkdocs")
    pages = site.write_rendered(rendered, settings.work / hb["lang"])
    extra = site.theme_extra(settings, rendered, part, ctx)
    # Served alone, the document sits at the root: the library and the other language are
    # not there, so their links are left out.
    extra.update({"pages": str(pages), "languages": [], "to_lang_root": "", "pdf": None,
                  "search": False,
                  "watch": [str(p) for p in (data, root / "generator" / "render" / "templates",
                                             settings.calculators, settings.guide("en"),
                                             settings.guide("zh"))]})
    return extra
