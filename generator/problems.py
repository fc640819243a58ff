"""Problems found in policy data, reported as `path:line:col: what is wrong, and how to fix it`."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    message: str
    note: bool = False  # a known, recorded discrepancy: reported but not a failure
    todo: bool = False  # a pending translation or a review mark: fails only `check --strict`

    @property
    def fails(self) -> bool:
        return not (self.note or self.todo)

    def __str__(self) -> str:
        prefix = "note: " if self.note else "to do: " if self.todo else ""
        return f"{self.path}:{self.line}:{self.col}: {prefix}{self.message}"


class DataError(Exception):
    """Raised by a stage when the data cannot go further; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems

    def __reduce__(self) -> tuple[type[DataError], tuple[list[Problem]]]:
        return type(self), (self.problems,)  # raised in a worker process, re-raised here


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def did_you_mean(word: str, choices: Sequence[str]) -> str | None:
    """The one choice close enough to `word` to be what was meant, or None."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None
