"""What every output gets: the model, its rendering and the settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.data.model import Edition
from generator.data.schema import Library
from generator.render import Rendered
from generator.settings import Settings


@dataclass(frozen=True)
class Job:
    edition: Edition
    library: Library
    rendered: dict[str, Rendered]  # language -> its pages, navigation and feed
    settings: Settings
    workers: Any = None  # the site's MkDocs worker processes, started by the driver


def write_files(folder: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in sorted(files.items()):
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
