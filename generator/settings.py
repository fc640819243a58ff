"""Settings: everything a run needs to know, decided once at the edge (the command line, or
the MkDocs hooks) and passed down. Nothing below the CLI reads `os.environ`, the clock, git
or the current folder."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

LANGS = ("zh", "en")
CMS_LOCAL = "http://127.0.0.1:8081/api/v1"  # the web editor's local backend, as `make cms` runs it


@dataclass(frozen=True)
class Settings:
    root: Path  # the checkout: mkdocs.yml, docs/, calculators/, CONTRIBUTING*.md
    data: Path  # library.yaml and one folder per document
    document: Path  # the document folder this site is built from
    out: Path  # where the site goes (replaced whole, only when the build succeeds)
    work: Path  # scratch space of the build (.build/)
    site_url: str | None  # where the site is published (feeds, sitemaps, canonical links);
    # None for a preview: every link stays relative
    edit_base: str | None  # URL that "edit" links append `path#Lline` to; None: no links
    source_date: int  # seconds since 1970 of the data (SOURCE_DATE_EPOCH): builds repeat
    pdf: bool = False  # also typeset the PDF handbooks
    dev: bool = False  # `make serve`: add the live-reload script
    repo: str | None = None  # the GitHub repository (owner/name) the web editor (/admin/)
    # saves to as pull requests; None: only the local editor (`make cms`) works
    branch: str = "main"  # the branch those pull requests go to
    cms_local: str = CMS_LOCAL  # the local editor's backend (`make cms`)
    cms_auth: str | None = None  # the OAuth service the editor logs in to GitHub through

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def calculators(self) -> Path:
        return self.root / "calculators"

    def guide(self, lang: str) -> Path:
        """The editors' guide in `lang`, published as the site's editors' page."""
        return self.root / ("CONTRIBUTING.md" if lang == "en" else f"CONTRIBUTING.{lang}.md")


def documents(data: Path) -> list[Path]:
    """The document folders of a data folder, in name order."""
    return sorted(p for p in data.iterdir()
                  if not p.name.startswith(".") and (p / "document.yaml").is_file())


def edit_base(environ: Mapping[str, str]) -> str | None:
    """Base URL for "edit" links: HANDBOOK_EDIT_URL, or GitHub Actions' own variables."""
    if environ.get("HANDBOOK_EDIT_URL"):
        return environ["HANDBOOK_EDIT_URL"].rstrip("/")
    server, repo = environ.get("GITHUB_SERVER_URL"), environ.get("GITHUB_REPOSITORY")
    if server and repo:
        ref = environ.get("GITHUB_HEAD_REF") or environ.get("GITHUB_REF_NAME") or "main"
        return f"{server}/{repo}/blob/{ref}"
    return None


def repository(environ: Mapping[str, str]) -> str | None:
    """The GitHub repository (owner/name) of the web editor: HANDBOOK_REPO, or GitHub
    Actions' own GITHUB_REPOSITORY."""
    repo = environ.get("HANDBOOK_REPO") or environ.get("GITHUB_REPOSITORY") or ""
    return repo.strip() or None


def source_date(environ: Mapping[str, str], root: Path) -> int:
    """SOURCE_DATE_EPOCH, or the time of the checkout's last commit: builds of one commit are
    byte-identical because dates come from the commit, not the clock."""
    if environ.get("SOURCE_DATE_EPOCH"):
        return int(environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, check=True,
                             capture_output=True, text=True).stdout.strip()
        return int(out or 0)
    except (OSError, ValueError, subprocess.CalledProcessError):
        return 0
