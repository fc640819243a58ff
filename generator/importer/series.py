"""Where an imported edition goes in its series: the editions already in the data folder are
read (their document.yaml's `series`, `edition` and `supersedes`), the new one is placed by
its edition year, and the chain of `supersedes` is mended: the new edition replaces the newest
older one, and the oldest newer one now replaces the new one (so the 2024 edition of a series
whose 2025 edition is already in the library is attached behind it). Files are changed in
place, their comments and layout kept (ruamel round trip), and only after the new folder is in
place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from generator.settings import documents


@dataclass(frozen=True)
class Member:
    id: str
    edition: str
    supersedes: str | None
    folder: Path


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def _load(path: Path) -> Any:
    try:
        return _yaml().load(path.read_text(encoding="utf-8"))
    except Exception:  # a broken file of another document is that document's problem
        return None


def members(data: Path, series: str, exclude: str) -> list[Member]:
    """The editions of `series` in the data folder, oldest first."""
    out = []
    for folder in documents(data):
        doc = _load(folder / "document.yaml")
        if not isinstance(doc, dict) or doc.get("series") != series or doc.get("id") == exclude:
            continue
        out.append(Member(str(doc.get("id")), str(doc.get("edition")),
                          doc.get("supersedes"), folder))
    return sorted(out, key=lambda m: m.edition)


@dataclass(frozen=True)
class Placement:
    supersedes: str | None  # what the new edition replaces
    successor: Member | None  # the edition that now replaces the new one


def place(data: Path, series: str, slug: str, edition: str) -> Placement:
    found = members(data, series, slug)
    older = [m for m in found if m.edition < edition]
    newer = [m for m in found if m.edition > edition]
    return Placement(older[-1].id if older else None, newer[0] if newer else None)


def set_supersedes(member: Member, new_id: str) -> None:
    """`supersedes: <new_id>` in the member's document.yaml; every other line as it was (the
    line is replaced, or added under `series:`)."""
    path = member.folder / "document.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next((i for i, ln in enumerate(lines) if re.match(r"^supersedes:", ln)), None)
    if at is not None:
        lines[at] = f"supersedes: {new_id}"
    else:
        after = next((i for i, ln in enumerate(lines) if re.match(r"^series:", ln)), 0)
        lines.insert(after + 1, f"supersedes: {new_id}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
