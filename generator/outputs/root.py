"""The root output: /index.html sends readers to the Chinese library (without JavaScript),
/sitemap.xml lists the sitemap of every part, /404.html is the library's "not found" page,
and /.nojekyll keeps GitHub Pages from hiding folders."""

from __future__ import annotations

from pathlib import Path

from generator import render
from generator.outputs.job import Job


def write(job: Job, stage: Path) -> None:
    (stage / "index.html").write_text(render.root(job.library), encoding="utf-8")
    (stage / ".nojekyll").write_text("", encoding="utf-8")
    if (stage / "zh" / "404.html").is_file():  # a static host shows /404.html when lost
        (stage / "404.html").write_bytes((stage / "zh" / "404.html").read_bytes())
    base = job.settings.site_url.rstrip("/") + "/" if job.settings.site_url else ""
    maps = [f"  <sitemap><loc>{base}{p.path}sitemap.xml</loc></sitemap>" for p in job.parts
            if (stage / p.path / "sitemap.xml").is_file()]
    (stage / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(maps) + "\n</sitemapindex>\n", encoding="utf-8")
