"""Bad input: one error naming the file, the line and what was expected."""

from __future__ import annotations

from pathlib import Path

from generator.problems import Problem, display_path


class InputError(Exception):
    def __init__(self, path: Path, line: int, message: str) -> None:
        self.problem = Problem(display_path(path), line, 1, message)
        super().__init__(str(self.problem))
