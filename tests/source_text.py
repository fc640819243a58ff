"""Split the published source text into its parts, independently of the YAML.

Tests use this to hold the data against the source: a clause's paragraph is found by its
number in the source, not through the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tests.conftest import REAL

_CHAPTER = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
_CLAUSE = re.compile(r"^(\d+)\.(.+)$")


@dataclass
class SourceParts:
    clauses: dict[int, str] = field(default_factory=dict)
    chapter_intros: dict[int, str] = field(default_factory=dict)
    closing: str = ""


def parse_source(text: str | None = None) -> SourceParts:
    text = text if text is not None else (REAL / "source.zh.txt").read_text(encoding="utf-8")
    parts = SourceParts()
    chapter = 0
    in_clauses = False
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        if _CHAPTER.match(line) and "牵头实施" in line:
            chapter += 1
            in_clauses = False
            parts.chapter_intros[chapter] = ""
            continue
        m = _CLAUSE.match(line)
        if chapter and m:
            parts.clauses[int(m.group(1))] = m.group(2)
            in_clauses = True
        elif chapter and not in_clauses:
            parts.chapter_intros[chapter] += line
        elif chapter and in_clauses:
            parts.closing += line
    return parts
