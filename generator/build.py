"""Build the site: validate, render both languages, run MkDocs per language, swap in atomically.

I/O lives here. Everything is built into a staging folder; `site/` is replaced only when the
whole build succeeded, so a failed build leaves the previous site as it was.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import jinja2

from generator.export import data_files
from generator.i18n import HTML_LANG, LANGS, t
from generator.model import Edition
from generator.problems import DataError, Problem
from generator.render import Renderer, environment
from generator.search import (
    WorkerPatchError,
    jieba_user_dict,
    join_amounts,
    patch_search_worker,
    search_config,
)
from generator.validate import read_edition

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
NAV_GROUP = 50


@dataclass(frozen=True)
class BuildOptions:
    data_root: Path = ROOT / "policy_data"
    edition: Path | None = None
    out: Path = ROOT / "site"
    work: Path = ROOT / ".build"
    site_url: str = DEFAULT_SITE_URL
    dev: bool = False  # `make serve`: adds the live-reload script
    pdf: bool = False  # `make site`: typeset both PDF handbooks too


def edit_base() -> str | None:
    """Base URL for "edit" links: set HANDBOOK_EDIT_URL, or GitHub Actions' own variables."""
    if os.environ.get("HANDBOOK_EDIT_URL"):
        return os.environ["HANDBOOK_EDIT_URL"].rstrip("/")
    server, repo = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if server and repo:
        ref = os.environ.get("GITHUB_HEAD_REF") or os.environ.get("GITHUB_REF_NAME") or "main"
        return f"{server}/{repo}/blob/{ref}"
    return None


def pick_edition(opts: BuildOptions) -> Path:
    if opts.edition is not None:
        return opts.edition
    folders = sorted(p for p in opts.data_root.iterdir() if (p / "document.yaml").is_file())
    if not folders:
        raise DataError([Problem(str(opts.data_root), 1, 1, "no edition folder with a "
                                 "document.yaml; add policy_data/<document>/")])
    return folders[-1]


def load(opts: BuildOptions) -> Edition:
    ed, problems = read_edition(pick_edition(opts))
    errors = [p for p in problems if not p.note]
    if errors or ed is None:
        raise DataError(errors)
    return ed


def template_problem(exc: Exception) -> Problem:
    """`template:line: message` for a Jinja error, from its traceback."""
    name, line = "generator/templates", 1
    if isinstance(exc, jinja2.TemplateSyntaxError):
        name, line = f"generator/templates/{exc.name}", exc.lineno
    else:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith(".jinja"):
                rel = Path(frame.filename).resolve()
                name = str(rel.relative_to(ROOT)) if rel.is_relative_to(ROOT) else str(rel)
                line = frame.lineno or 1
                break
    return Problem(name, line, 1, f"template error: {exc}; fix the template")


def compact(text: str, suffix: str) -> str:
    """Our own CSS and JS without comments, indentation and blank lines (the sources stay
    readable; pages transfer less). Only whole-line // comments are dropped, so nothing that
    merely contains // is touched."""
    if suffix == ".css":
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(ln for ln in lines if ln and not (suffix == ".js" and ln.startswith("//"))
                     ) + "\n"


def mkdocs_config(lang: str, opts: BuildOptions, docs: Path, site_dir: Path,
                  nav: list[Any], dict_path: Path) -> dict[str, Any]:
    base = urlparse(opts.site_url).path.rstrip("/")
    return {
        "site_name": t("site_name", lang),
        "site_url": opts.site_url.rstrip("/") + f"/{lang}/",
        "docs_dir": str(docs),
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "strict": True,
        "theme": {
            "name": "material",
            "language": lang,
            "font": False,
            "custom_dir": str(ROOT / "docs" / "overrides"),
            "features": ["navigation.instant", "navigation.prune", "navigation.indexes",
                         "navigation.top", "search.highlight"],
            "palette": {"scheme": "default", "primary": "indigo", "accent": "indigo"},
        },
        "extra": {
            "generator": False,
            "handbook_lang": lang,
            "html_lang": HTML_LANG[lang],
            "pdf": f"{base}/pdf/handbook-{lang}.pdf",
            "pdf_label": t("pdf", lang) + " (PDF)",
            "dev_reload": opts.dev,
            "alternate": [
                {"name": "中文", "link": f"{base}/zh/", "lang": "zh"},
                {"name": "English", "link": f"{base}/en/", "lang": "en"},
            ],
        },
        "extra_css": ["assets/handbook.css"],
        # Our scripts are loaded by the pages that use them (tables, calculators, finder).
        "extra_javascript": [],
        "markdown_extensions": ["attr_list", "md_in_html", "tables", "admonition",
                                {"toc": {"permalink": True}}],
        "plugins": [{"search": search_config(lang, dict_path)}],
        "nav": nav,
        "validation": {"links": {"absolute_links": "ignore", "unrecognized_links": "warn"}},
    }


def nav_for(ed: Edition, lang: str) -> list[Any]:
    from generator.filters import heading, plain_title

    def tr(text: Any, lang: str) -> str:
        from generator.filters import tr as translate

        return plain_title(translate(text, lang))

    nav: list[Any] = [{t("home", lang): "index.md"}]
    for ch in ed.chapters:
        items: list[Any] = [f"chapters/{ch.number}/index.md"]
        entries = [{f"{t('clause', lang, n=c.number)} {heading(tr(c.title, lang))}":
                    f"clauses/{c.number}.md"} for c in ch.clauses]
        if len(entries) <= NAV_GROUP:
            items += entries
        else:
            # Material writes the open section into every page: keep sections small.
            for i in range(0, len(entries), NAV_GROUP):
                group = ch.clauses[i : i + NAV_GROUP]
                label = t("clause_range", lang, a=group[0].number, b=group[-1].number)
                items.append({label: entries[i : i + NAV_GROUP]})
        nav.append({f"{t('chapter', lang, n=ch.number)} {tr(ch.title, lang)}": items})
    units: list[Any] = ["units/index.md"] + [{tr(u.name, lang): f"units/{u.id}.md"}
                                             for u in ed.units]
    nav.append({t("units", lang): units})
    if ed.calculators:
        calcs: list[Any] = ["calculators/index.md"]
        calcs += [{tr(k.title, lang): f"calculators/{k.id}.md"} for k in ed.calculators]
        calcs.append({t("finder", lang): "finder.md"})
        nav.append({t("calculators", lang): calcs})
    for key, page in (("budget", "budget.md"), ("incentives", "incentives.md"),
                      ("targets", "targets.md"), ("whats_new", "changes.md"),
                      ("data", "data.md"), ("editors_guide", "editors.md")):
        nav.append({t(key, lang): page})
    return nav


def write_files(folder: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in sorted(files.items()):
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@contextmanager
def quiet_mkdocs() -> Iterator[list[str]]:
    """Collect MkDocs warnings (strict mode turns them into a failure) and drop its INFO."""
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                warnings.append(record.getMessage())

    log = logging.getLogger("mkdocs")
    handler = Collect()
    old_level, old_handlers, old_prop = log.level, log.handlers[:], log.propagate
    log.handlers = [handler]
    log.setLevel(logging.INFO)
    log.propagate = False
    try:
        yield warnings
    finally:
        log.handlers, log.propagate = old_handlers, old_prop
        log.setLevel(old_level)


def run_mkdocs(config_file: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with quiet_mkdocs() as warnings:
        try:
            cfg = load_config(config_file=str(config_file))
            mkdocs_build(cfg)
        except (MkDocsException, SystemExit) as exc:
            detail = "; ".join(warnings) or str(exc)
            raise DataError([Problem(str(config_file), 1, 1,
                                     f"MkDocs build failed: {detail}")]) from exc
    if warnings:
        raise DataError([Problem(str(config_file), 1, 1, f"MkDocs warning: {w}")
                         for w in warnings])


def build_language(job: tuple[str, Path, Path]) -> list[Problem]:
    """One language: MkDocs, then the search fixes. Returns problems instead of raising, so
    it can run in a worker process."""
    lang, config_file, site_dir = job
    try:
        run_mkdocs(config_file)
        index = site_dir / "search" / "search_index.json"
        if lang == "zh":
            index.write_text(join_amounts(index.read_text(encoding="utf-8")), encoding="utf-8")
        patch_search_worker(site_dir)
    except DataError as exc:
        return exc.problems
    except WorkerPatchError as exc:
        return [Problem("generator/search.py", 1, 1, str(exc))]
    return []


def _warm_worker() -> None:
    """Runs in each language worker as soon as it is forked, while the parent still
    validates and renders: the slow imports and jieba's dictionary load overlap that work."""
    import jieba
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()


@contextmanager
def language_workers(count: int) -> Iterator[Any]:
    """A pool of `count` forked, warmed workers, or None where forking is not possible."""
    import multiprocessing

    if count > 1 and (os.cpu_count() or 1) > 1 and "fork" in \
            multiprocessing.get_all_start_methods():
        with multiprocessing.get_context("fork").Pool(count, initializer=_warm_worker) as pool:
            yield pool
    else:
        yield None


def build_languages(jobs: list[tuple[str, Path, Path]], pool: Any) -> None:
    """Both languages at once, one per core when a pool is given."""
    results = pool.map(build_language, jobs) if pool is not None else \
        [build_language(job) for job in jobs]
    problems = [p for result in results for p in result]
    if problems:
        raise DataError(problems)


def source_date_epoch() -> str:
    """Builds of one commit are byte-identical: dates come from the commit, not the clock."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
        return out or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def root_index(opts: BuildOptions) -> str:
    return environment().get_template("root.html.jinja").render(
        title=t("site_name", "zh"), title_en=t("site_name", "en"))


def build(opts: BuildOptions) -> Path:
    """Build the whole site into opts.out. Raises DataError with file:line problems."""
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with language_workers(len(LANGS)) as pool:
        return _build(opts, pool)


def _build(opts: BuildOptions, pool: Any) -> Path:
    ed = load(opts)
    try:
        renderers = {lang: Renderer(ed, lang, edit_base()) for lang in LANGS}
        rendered: dict[str, dict[str, str]] = {}
        for lang, r in renderers.items():
            rendered[lang] = r.pages()
            rendered[lang]["feed.xml"] = r.feed(opts.site_url)
        root_html = root_index(opts)
    except jinja2.TemplateError as exc:
        raise DataError([template_problem(exc)]) from exc

    opts.work.mkdir(parents=True, exist_ok=True)
    # Staged beside the output, on the same file system, so the swap is two renames.
    out = opts.out.resolve()
    stage = out.with_name(f".{out.name}.stage")
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    dict_path = opts.work / "jieba-user.txt"
    dict_path.write_text(jieba_user_dict(ed), encoding="utf-8")
    hand = ROOT / "docs"
    configs = []
    for lang in LANGS:
        docs = opts.work / lang / "docs"
        if docs.exists():
            shutil.rmtree(docs)
        shutil.copytree(hand / "assets", docs / "assets",
                        ignore=None if opts.dev else shutil.ignore_patterns("dev-reload.js"))
        if (hand / lang).is_dir():
            shutil.copytree(hand / lang, docs, dirs_exist_ok=True)
        for script in ("engine.js", "ui.js"):
            shutil.copy(ROOT / "calculators" / script, docs / "assets" / f"calc-{script}")
        for asset in ("handbook.css", "handbook.js", "calc-engine.js", "calc-ui.js"):
            path = docs / "assets" / asset
            path.write_text(compact(path.read_text(encoding="utf-8"), path.suffix),
                            encoding="utf-8")
        write_files(docs, dict(rendered[lang]))
        config = mkdocs_config(lang, opts, docs, stage / lang, nav_for(ed, lang), dict_path)
        config_file = opts.work / lang / "mkdocs.yml"
        # JSON is valid YAML, and json needs no extra dependency.
        config_file.write_text(json.dumps(config, ensure_ascii=False, indent=1),
                               encoding="utf-8")
        configs.append((lang, config_file, stage / lang))
    build_languages(configs, pool)
    write_files(stage / "data", dict(data_files(ed)))
    if opts.pdf:
        from generator.pdf import write_pdfs

        try:
            write_pdfs(ed, stage / "pdf")
        except jinja2.TemplateError as exc:
            raise DataError([template_problem(exc)]) from exc
    (stage / "index.html").write_text(root_html, encoding="utf-8")
    (stage / ".nojekyll").write_text("", encoding="utf-8")
    swap_in(stage, out)
    return out


def swap_in(stage: Path, out: Path) -> None:
    """Replace `out` with `stage`: the old site stays whole until the new one is complete."""
    old = out.with_name(out.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        # Keep the PDFs of the previous build if this build made none (`make site` adds them).
        if (out / "pdf").is_dir() and not (stage / "pdf").exists():
            shutil.copytree(out / "pdf", stage / "pdf")
        out.rename(old)
    stage.rename(out)
    if old.exists():
        shutil.rmtree(old)


def main_build(opts: BuildOptions) -> int:
    try:
        build(opts)
    except DataError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        print(f"build failed; {opts.out} was left as it was", file=sys.stderr)
        return 1
    print(f"built {opts.out}")
    return 0
