"""The root output: /index.html sends readers to the Chinese library (without JavaScript),
/sitemap.xml lists the sitemap of every part, /404.html and /<lang>/404.html are the "not
found" pages (with a search form and the library's pages),
and /.nojekyll keeps GitHub Pages from hiding folders."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from generator import render
from generator.outputs.job import Job
from generator.settings import LANGS


def write(job: Job, stage: Path) -> None:
    (stage / "index.html").write_text(render.root(job.library), encoding="utf-8")
    (stage / ".nojekyll").write_text("", encoding="utf-8")
    # a static host shows /404.html when lost; each language has its own too
    root = urllib.parse.urlsplit(job.settings.site_url).path if job.settings.site_url else "/"
    root = root if root.endswith("/") else root + "/"
    (stage / "404.html").write_text(render.not_found(job.library, LANGS, root), encoding="utf-8")
    for lang in LANGS:
        if (stage / lang).is_dir():
            (stage / lang / "404.html").write_text(render.not_found(job.library, (lang,), root),
                                                   encoding="utf-8")
    base = job.settings.site_url.rstrip("/") + "/" if job.settings.site_url else ""
    maps = [f"  <sitemap><loc>{base}{p.path}sitemap.xml</loc></sitemap>" for p in job.parts
            if (stage / p.path / "sitemap.xml").is_file()]
    (stage / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(maps) + "\n</sitemapindex>\n", encoding="utf-8")
