"""Read YAML safely and remember where every key and item sits (file:line:col).

ruamel's round-trip loader keeps positions and comments; it constructs only plain maps,
sequences and scalars here: any explicit tag (`!!python/object`, `!foo`) is refused, as are
files over MAX_BYTES and nesting deeper than MAX_DEPTH.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from generator.problems import Problem, display_path

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32


@dataclass(frozen=True)
class YamlFile:
    """A loaded YAML file: plain Python data plus the ruamel tree for positions."""

    path: Path
    data: Any
    tree: Any

    @property
    def name(self) -> str:
        return display_path(self.path)

    def position(self, loc: Sequence[int | str]) -> tuple[int, int]:
        """1-based (line, col) of the deepest node on `loc` that exists."""
        node = self.tree
        line, col = 1, 1
        if isinstance(node, (CommentedMap, CommentedSeq)):
            line, col = node.lc.line + 1, node.lc.col + 1
        for key in loc:
            if isinstance(node, CommentedMap) and key in node:
                kl, kc = node.lc.key(key)
                line, col = kl + 1, kc + 1
                node = node[key]
            elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
                il, ic = node.lc.item(key)
                line, col = il + 1, ic + 1
                node = node[key]
            else:
                continue  # pydantic adds union branch names to locations; skip them
        return line, col

    def problem(self, loc: Sequence[int | str], message: str, note: bool = False) -> Problem:
        line, col = self.position(loc)
        return Problem(self.name, line, col, message, note)


class LoadError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _plain(node: Any, path: Path, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise LoadError(Problem(display_path(path), 1, 1,
                                f"nesting deeper than {MAX_DEPTH} levels; flatten the data"))
    tag = getattr(node, "tag", None)
    tag_value = getattr(tag, "value", None) if tag is not None else None
    if tag_value:
        line = getattr(getattr(node, "lc", None), "line", 0) + 1
        raise LoadError(Problem(display_path(path), line, 1,
                                f"YAML tag {tag_value} is not allowed; write plain values"))
    if isinstance(node, dict):
        return {str(k): _plain(v, path, depth + 1) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v, path, depth + 1) for v in node]
    if isinstance(node, float):
        return Decimal(repr(float(node)))
    if isinstance(node, bool) or node is None or isinstance(node, int):
        return node
    if isinstance(node, datetime.date):
        return node.isoformat()
    return str(node)


def load_yaml(path: Path) -> YamlFile:
    name = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(Problem(name, 1, 1, f"file is {size} bytes, over the "
                                    f"{MAX_BYTES}-byte limit; split it or remove the bulk"))
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(Problem(name, 1, 1, f"not UTF-8 ({exc.reason}); save it as UTF-8")) from exc
    except OSError as exc:
        raise LoadError(Problem(name, 1, 1, f"cannot read: {exc.strerror}")) from exc
    yaml = YAML(typ="rt")
    try:
        tree = yaml.load(raw)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        col = mark.column + 1 if mark else 1
        what = exc.problem or exc.context or "invalid YAML"
        raise LoadError(Problem(name, line, col, f"YAML syntax error: {what}; check indentation, "
                                "colons and quotes on this line")) from exc
    except (YAMLError, RecursionError) as exc:
        raise LoadError(Problem(name, 1, 1, f"cannot parse YAML: {exc}")) from exc
    if tree is None:
        raise LoadError(Problem(name, 1, 1, "file is empty; it must hold a mapping"))
    data = _plain(tree, path)
    if not isinstance(data, dict):
        raise LoadError(Problem(name, 1, 1, "top level must be a mapping of keys to values"))
    return YamlFile(path, data, tree)
