"""Digests of what a build reads, taken without loading any of it (standard library only):
the generator's version, and the inputs of a whole build. So the command line can tell that
the site is already built from these very files before it imports the pipeline (0.6 s)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.settings import Settings

SOURCES = ("generator", "calculators", "docs")  # the generator's own files
FILES = ("mkdocs.yml", "CONTRIBUTING.md", "CONTRIBUTING.zh.md")
PACKAGES = ("mkdocs", "mkdocs-material", "pagefind", "pagefind-bin-extended", "jinja2", "markdown",
            "pymdown-extensions", "weasyprint", "lxml", "pypinyin")


def digest(*parts: Any) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else json.dumps(
            part, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()[:32]


def files_digest(paths: Iterable[Path], root: Path) -> str:
    return digest(*[item for p in sorted(paths)
                    for item in (p.relative_to(root).as_posix().encode(), p.read_bytes())])


def generator_version(root: Path) -> str:
    """Changes whenever the code, a template, an asset or a rendering package changes."""
    paths = [p for folder in SOURCES for p in (root / folder).rglob("*")
             if p.is_file() and "__pycache__" not in p.parts]
    paths += [root / f for f in FILES if (root / f).is_file()]
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    return digest(files_digest(paths, root), versions)


@dataclass(frozen=True)
class Inputs:
    """Everything a build reads: the generator (its version) and, in `digest`, the settings
    and every file of the data too."""
    version: str
    digest: str


def build_inputs(settings: Settings) -> Inputs:
    version = generator_version(settings.root)
    data = [p for p in settings.data.rglob("*") if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(settings.data).parts)]
    return Inputs(version, digest(version, sorted((k, str(v)) for k, v in vars(settings).items()),
                                  files_digest(data, settings.data)))
