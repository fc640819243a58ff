"""Bad input: every problem found, each naming the file, the line, what was expected and what
was found, and what to do."""

from __future__ import annotations

from pathlib import Path

from generator.problems import Problem, display_path


class InputError(Exception):
    def __init__(self, path: Path, line: int, message: str,
                 more: list[Problem] | None = None) -> None:
        self.problems = [Problem(display_path(path), line, 1, message), *(more or [])]
        self.problem = self.problems[0]
        super().__init__("\n".join(map(str, self.problems)))

    @classmethod
    def of(cls, problems: list[Problem]) -> InputError:
        first, *rest = problems
        err = cls.__new__(cls)
        err.problems = [first, *rest]
        err.problem = first
        Exception.__init__(err, "\n".join(map(str, err.problems)))
        return err


def problem(path: Path, line: int, message: str) -> Problem:
    return Problem(display_path(path), line, 1, message)
