"""The web editor, /admin/: Decap CMS from the pinned npm package (its compiled files in
node_modules/decap-cms/dist/, copied into the site at build time, never committed), the
configuration generated from the data schema and the library (cms.py), the project's
`readonly` and `bilingual` widgets (docs/admin/admin.js) and the page that loads them
(render.admin); and the editors' guide's screenshots of it (docs/editor/, at /assets/editor/).

The page is for editors, not readers: `noindex`, in no sitemap, no search index and no
navigation. Nothing on it makes a request before an editor logs in: on the published site the
editor logs in to GitHub and every save is a pull request (the editorial workflow); on
localhost it talks to the local backend `make cms` starts (decap-server on a scratch clone).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator import render, staging
from generator.cms import config, schema_defs
from generator.fingerprint import digest
from generator.outputs.assets import compact
from generator.outputs.job import Job
from generator.problems import DataError, Problem

DIST = Path("node_modules") / "decap-cms" / "dist"
FOLDER = "admin"
GUIDE_IMAGES = "assets/editor"  # docs/editor/*.png, the editors' guide shows them


def bundle(dist: Path) -> list[Path]:
    """Decap's files the page loads: its bundle, the chunks it loads on demand, the WebAssembly
    two of them load, and the licence notice."""
    return sorted(p for p in dist.iterdir() if p.is_file() and (
        p.name in ("decap-cms.js", "decap-cms.js.LICENSE.txt")
        or p.name.endswith(".decap-cms.js") or p.suffix == ".wasm"))


def data_path(job: Job) -> str:
    """The data folder as the repository names it (policy_data)."""
    data, root = job.settings.data.resolve(), job.settings.root.resolve()
    return data.relative_to(root).as_posix() if data.is_relative_to(root) else data.name


def write(job: Job, stage: Path) -> None:
    dist = job.settings.root / DIST
    if not (dist / "decap-cms.js").is_file():
        raise DataError([Problem(str(DIST), 1, 1, "the web editor (npm package decap-cms) is "
                                 "not installed: run `make install`")])
    script = job.settings.docs / "admin" / "admin.js"
    # the schema's definitions, which only the generator's code changes, from the cache
    defs = job.cache.memo()(("web editor: the schema's definitions",), schema_defs)
    cfg = config(job.library, job.settings.repo, job.settings.branch, data=data_path(job),
                 local=job.settings.cms_local, auth=job.settings.cms_auth, defs=defs)
    # libyaml's writer where there is one (the same text, four times as fast as PyYAML's)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    first = job.library.documents[0].id if job.library.documents else None
    guides = {lang: f"../{lang}/{first}/editors/" if first else f"../{lang}/"
              for lang in ("zh", "en")}
    texts = {"admin.js": compact(script.read_text(encoding="utf-8"), ".js"),
             "config.yml": yaml.dump(cfg, Dumper=dumper, allow_unicode=True, sort_keys=False,
                                     width=100),
             "index.html": render.admin(job.library, guides)}
    # each folder: the files copied into it, the texts written into it
    folders = {FOLDER + "/": ({path.name: path for path in bundle(dist)}, texts)}
    shots = job.settings.docs / "editor"  # the guide's screenshots of the editor
    if shots.is_dir():
        folders[GUIDE_IMAGES + "/"] = ({png.name: png for png in sorted(shots.glob("*.png"))},
                                       {})
    # each folder taken from the site before last where it is unchanged (staging.reuse):
    # Decap's hundred files are not copied again for every build
    keys = {}
    for folder, (copies, written) in folders.items():
        stats = {name: path.stat() for name, path in copies.items()}
        keys[folder] = digest("web editor", written, sorted(
            (name, str(copies[name]), st.st_size, st.st_mtime_ns) for name, st in stats.items()))
    moved = staging.reuse(stage, job.settings.work, keys)
    for folder, (copies, written) in folders.items():
        if folder in moved:
            continue
        (stage / folder).mkdir(parents=True, exist_ok=True)
        for name, path in copies.items():
            shutil.copyfile(path, stage / folder / name)
        for name, text in written.items():
            (stage / folder / name).write_text(text, encoding="utf-8")
