"""MkDocs hooks (mkdocs.yml `hooks:`): plain `mkdocs build` and `mkdocs serve` for people who
know MkDocs, as a thin adapter over the one driver. MkDocs builds nothing of its own here:
after its (empty) build, `pipeline.build` writes the whole site, both languages, into
MkDocs' site folder, and `mkdocs serve` watches the data, the templates and the guides.
`python -m generator build` (`make site`, `make serve`) does the same without MkDocs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer

from generator import pipeline
from generator.problems import DataError
from generator.settings import Settings, source_date


def settings_of(config: MkDocsConfig) -> Settings:
    root = Path(config.config_file_path).resolve().parent
    data = root / config.extra.get("handbook", {}).get("data", "policy_data")
    return Settings(root=root, data=data, document=data, out=Path(config.site_dir),
                    work=root / ".build", site_url=config.site_url or None, edit_base=None,
                    source_date=source_date(os.environ, root))


def on_post_build(config: MkDocsConfig) -> None:
    try:
        pipeline.build(settings_of(config))
    except DataError as exc:
        raise PluginError("\n".join(str(p) for p in exc.problems)) from exc


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    settings = settings_of(config)
    for path in (settings.data, settings.root / "generator" / "render" / "templates",
                 settings.calculators, settings.guide("en"), settings.guide("zh")):
        if os.path.exists(path):
            server.watch(str(path))
    return server
