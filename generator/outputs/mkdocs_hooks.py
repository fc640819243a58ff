"""MkDocs hooks (mkdocs.yml `hooks:`): the thin glue between MkDocs and the generator.

With `python -m generator build` (`make site`, `make serve`) the pages are already rendered
and `extra.handbook.pages` says where. With plain `mkdocs build` / `mkdocs serve`, one
language (`extra.handbook.lang`) is loaded, validated and rendered here, from the same
pipeline, and `policy_data/`, the templates and the guides are watched.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from generator import pipeline, render
from generator.outputs import search, site
from generator.outputs.assets import own_assets
from generator.render.i18n import HTML_LANG, t
from generator.settings import LANGS, LOCAL_SITE_URL, Settings, documents

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


@event_priority(100)  # before Material's search plugin reads its settings
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    hb: dict[str, Any] = config.extra["handbook"]
    if not hb.get("pages"):
        hb.update(standalone(Path(config.config_file_path).parent, config))
    lang = hb["lang"]
    meta = json.loads((Path(hb["pages"]).parent / "site.json").read_text(encoding="utf-8"))
    config.site_name, config.nav = meta["site_name"], meta["nav"]
    config.theme["language"] = lang
    base = urlparse(hb["site_root"]).path.rstrip("/")  # site-absolute links under a sub-path
    config.extra.update({
        "generator": False, "html_lang": HTML_LANG[lang], "dev_reload": hb["dev"],
        "pdf": f"{base}/pdf/handbook-{lang}.pdf", "pdf_label": t("pdf", lang) + " (PDF)",
        "alternate": [{"name": LANGUAGE_NAMES[code], "link": f"{base}/{code}/", "lang": code}
                      for code in LANGS],
    })
    search.configure(config.plugins["material/search"].config, lang, Path(hb["jieba"]))
    return config


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
    index.md first), which the sitemap and the search index follow."""
    *folders, name = uri.split("/")
    return tuple(folders), name != "index.md", name


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    for path in config.extra["handbook"].get("watch", []):
        if os.path.exists(path):
            server.watch(path)
    return server


def on_post_build(config: MkDocsConfig) -> None:
    search.fix_built_site(Path(config.site_dir), config.extra["handbook"]["lang"])


def standalone(root: Path, config: MkDocsConfig) -> dict[str, Any]:
    """Plain `mkdocs build` / `mkdocs serve`: load, validate and render the one language of
    `config.extra.handbook`, write it where the hooks read it, and say what to watch."""
    hb = config.extra["handbook"]
    data = root / hb.get("data", "policy_data")
    settings = Settings(
        root=root, data=data,
        document=data / hb["document"] if hb.get("document") else
        documents(data)[-1],
        out=Path(config.site_dir), work=root / ".build" / "mkdocs",
        site_url=(config.site_url or LOCAL_SITE_URL).rstrip("/").removesuffix(
            f"/{hb['lang']}") + "/",
        edit_base=None, source_date=0)
    edition = pipeline.valid_edition(settings.document)
    library = pipeline.read_library(settings.data)
    rendered = render.language(edition, library, hb["lang"], edit_base=None,
                               site_url=settings.site_url,
                               guide=settings.guide(hb["lang"]).read_text(encoding="utf-8"))
    settings.work.mkdir(parents=True, exist_ok=True)
    (settings.work / "jieba-user.txt").write_text(search.jieba_user_dict(edition), "utf-8")
    pages = site.write_rendered(rendered, settings.work / hb["lang"])
    (pages / "feed.xml").write_text(rendered.feed, encoding="utf-8")  # the feeds output's job
    extra = site.handbook_extra(settings, hb["lang"], pages)
    extra["watch"] = [str(p) for p in (data, root / "generator" / "render" / "templates",
                                       settings.calculators, settings.guide("en"),
                                       settings.guide("zh"))]
    return extra
