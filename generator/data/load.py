"""Stage 1, load: a document folder's files -> raw data that remembers where every key and
item sits (file:line:col). Nothing here knows what the data means; `validate` does.

libyaml (PyYAML's C parser) composes the node tree with every position, about 13 times
faster than ruamel's parser; plain scalars are typed by YAML 1.2's rules as ruamel states
them (`no` is a string), so the data is what ruamel alone would give, and ruamel's parser
reads (or explains) what libyaml cannot. Only plain maps, sequences and scalars are
constructed: any explicit tag (`!!python/object`, `!foo`) is refused, as are files over
MAX_BYTES and nesting deeper than MAX_DEPTH. Formatting (which must keep comments) uses
ruamel's round-trip mode separately.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml as libyaml
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml._yaml import CParser

from generator.data.yaml_errors import explain
from generator.problems import Problem, display_path

REQUIRED = ("document.yaml", "units.yaml", "glossary.yaml", "source.zh.txt")
OPTIONAL = ("calculators.yaml", "changes.yaml", "amendments.yaml")

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
# Implicit tags the resolver gives plain YAML; anything else was written by hand (`!!python/…`).
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in
               ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
# a node tree is libyaml's (PyYAML's) or, where only ruamel's parser reads a file, ruamel's
Node = Any
MAPS = (libyaml.MappingNode, MappingNode)
SEQS = (libyaml.SequenceNode, SequenceNode)
SCALARS = (libyaml.ScalarNode, ScalarNode)


@dataclass(frozen=True)
class YamlFile:
    """A loaded YAML file: plain Python data plus the composed node tree for positions (or,
    once compacted for the build cache, just the position of every key and item)."""

    path: Path
    data: Any
    tree: Node | None
    index: dict[tuple[int | str, ...], tuple[int, int]] | None = None

    @property
    def name(self) -> str:
        return display_path(self.path)

    def compact(self, with_data: bool = False) -> YamlFile:
        """The positions only (and the data, if asked): what pages need (edit links) after
        the checks have run. Much smaller and faster to read back than the node tree."""
        if self.tree is None:  # compact already: its positions are its index
            return YamlFile(self.path, self.data if with_data else None, None, self.index)
        index: dict[tuple[int | str, ...], tuple[int, int]] = {}
        stack: list[tuple[Node, tuple[int | str, ...]]] = []
        if self.tree is not None:
            index[()] = (self.tree.start_mark.line + 1, self.tree.start_mark.column + 1)
            stack.append((self.tree, ()))
        while stack:
            node, loc = stack.pop()
            if isinstance(node, MAPS):
                for k, v in node.value:
                    here = (*loc, k.value)
                    index[here] = (k.start_mark.line + 1, k.start_mark.column + 1)
                    stack.append((v, here))
            elif isinstance(node, SEQS):
                for i, v in enumerate(node.value):
                    index[(*loc, i)] = (v.start_mark.line + 1, v.start_mark.column + 1)
                    stack.append((v, (*loc, i)))
        return YamlFile(self.path, self.data if with_data else None, None, index)

    def position(self, loc: Sequence[int | str]) -> tuple[int, int]:
        """1-based (line, col) of the deepest node on `loc` that exists."""
        if self.tree is None:
            index = self.index or {}
            path: tuple[int | str, ...] = ()
            line, col = index.get((), (1, 1))
            for key in loc:
                if (*path, key) in index:  # pydantic adds union branch names; skip them
                    path = (*path, key)
                    line, col = index[path]
            return line, col
        node: Node = self.tree
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        for key in loc:
            if isinstance(node, MAPS):
                match = next(((k, v) for k, v in node.value if k.value == key), None)
                if match is None:
                    continue  # pydantic adds union branch names to locations; skip them
                line, col = match[0].start_mark.line + 1, match[0].start_mark.column + 1
                node = match[1]
            elif isinstance(node, SEQS) and isinstance(key, int) \
                    and 0 <= key < len(node.value):
                node = node.value[key]
                line, col = node.start_mark.line + 1, node.start_mark.column + 1
        return line, col

    def problem(self, loc: Sequence[int | str], message: str, note: bool = False,
                todo: bool = False) -> Problem:
        line, col = self.position(loc)
        return Problem(self.name, line, col, message, note, todo)


class LoadError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _check_nodes(root: Node, name: str) -> None:
    """Refuse explicit tags and deep nesting before anything is constructed."""
    stack: list[tuple[Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        line = node.start_mark.line + 1
        if depth > MAX_DEPTH:
            raise LoadError(Problem(name, line, 1, f"nesting deeper than {MAX_DEPTH} levels; "
                                    "flatten the data"))
        if node.tag not in _PLAIN_TAGS:
            raise LoadError(Problem(name, line, node.start_mark.column + 1,
                                    f"YAML tag {node.tag} is not allowed; write plain values"))
        if isinstance(node, MAPS):
            for k, v in node.value:
                stack += [(k, depth + 1), (v, depth + 1)]
        elif isinstance(node, SEQS):
            stack += [(v, depth + 1) for v in node.value]
        elif not isinstance(node, SCALARS):
            raise LoadError(Problem(name, line, 1, "unsupported YAML node; write plain values"))


def plain(value: Any) -> Any:
    """YAML data as plain values: string keys, decimals for floats, ISO dates."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


_IMPLICIT = "?"  # a plain scalar, its type decided by YAML 1.2's rules (not libyaml's 1.1)
_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))


class _Composer(CParser):  # type: ignore[misc]
    """libyaml's composer with a resolver that decides nothing: plain scalars are marked
    _IMPLICIT, quoted and block ones are strings; explicit tags stay as written."""

    def descend_resolver(self, *_: Any) -> None:
        pass

    def ascend_resolver(self, *_: Any) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is libyaml.ScalarNode:
            return _IMPLICIT if implicit[0] else _STR
        return _SEQ if kind is libyaml.SequenceNode else _MAP


class _Ruamel(Exception):
    """What only ruamel's own path handles: a merge key, a duplicate or complex key."""


class _Fast:
    """libyaml's node tree (positions kept; about 20 times faster than ruamel's parser),
    plain scalars typed by YAML 1.2's rules as ruamel's resolver states them (`no` is a
    string), and constructed directly: strings, maps and lists here, other scalars by
    ruamel's constructor. The data equals ruamel's (a test compares every data file)."""

    def __init__(self, yaml: YAML) -> None:
        table = yaml.resolver.versioned_resolver
        self.rules = {k: [(str(t), rx) for t, rx in v] for k, v in table.items()}
        self.constructor = yaml.constructor
        self.tags: dict[str, str] = {}

    def tag(self, value: str) -> str:
        tag = self.tags.get(value)
        if tag is None:
            rules = self.rules.get(value[0] if value else "", []) + self.rules.get(None, [])
            tag = next((t for t, rx in rules if rx.match(value)), _STR)
            self.tags[value] = tag
        return tag

    def read(self, raw: str, name: str) -> tuple[Node | None, Any]:
        """The tree and the data; (None, None) where only ruamel's path can read the file:
        what libyaml (YAML 1.1) rejects, such as a colon in a flow-style Chinese text
        ({zh: 甲:乙}), a merge key, a duplicate or complex key."""
        try:
            tree = self.compose(raw)
        except (libyaml.YAMLError, RecursionError):
            return None, None
        if tree is None:
            raise LoadError(Problem(name, 1, 1, "file is empty; it must hold a mapping"))
        _check_nodes(tree, name)
        try:
            return tree, self.construct(tree)
        except _Ruamel:
            return None, None

    def compose(self, raw: str) -> Node | None:
        parser = _Composer(raw)
        try:
            root = parser.get_single_node()
        finally:
            parser.dispose()
        if root is None:
            return None
        stack = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, libyaml.ScalarNode):
                if node.tag == _IMPLICIT:
                    node.tag = self.tag(node.value)
            elif isinstance(node, libyaml.MappingNode):
                for k, v in node.value:
                    stack += (k, v)
            else:
                stack += node.value
        return root

    def construct(self, node: Any) -> Any:
        if isinstance(node, libyaml.ScalarNode):
            if node.tag == _STR:
                return node.value
            return plain(self.constructor.construct_object(
                ScalarNode(node.tag, node.value, node.start_mark, node.end_mark)))
        if isinstance(node, libyaml.SequenceNode):
            return [self.construct(v) for v in node.value]
        out: dict[str, Any] = {}
        keys: set[Any] = set()  # as ruamel compares them (1 and true are the same key)
        for k, v in node.value:
            if not isinstance(k, libyaml.ScalarNode) or k.tag not in _PLAIN_TAGS:
                raise _Ruamel
            key = self.construct(k)
            if key in keys:
                raise _Ruamel
            keys.add(key)
            out[str(key)] = self.construct(v)
        return out


def load_yaml(path: Path) -> YamlFile:
    """Compose with libyaml (fast, positions kept), check, then construct safely."""
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
    yaml = YAML(typ="safe", pure=True)
    try:
        tree, data = _Fast(yaml).read(raw, name)
        if tree is None:  # only ruamel's parser reads it, or explains why not
            tree = yaml.compose(raw)
            if tree is None:
                raise LoadError(Problem(name, 1, 1, "file is empty; it must hold a mapping"))
            _check_nodes(tree, name)
            data = plain(yaml.constructor.construct_document(tree))
    except MarkedYAMLError as exc:
        line, col, message = explain(raw, exc)
        raise LoadError(Problem(name, line, col, f"YAML syntax error: {message}")) from exc
    except (YAMLError, RecursionError) as exc:
        raise LoadError(Problem(name, 1, 1, f"cannot parse YAML: {exc}")) from exc
    if not isinstance(data, dict):
        raise LoadError(Problem(name, 1, 1, "top level must be a mapping of keys to values"))
    return YamlFile(path, data, tree)


class Unreadable(Exception):
    """The folder cannot be read at all (missing folder or file): exit code 2."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems

    def __reduce__(self) -> tuple[type[Unreadable], tuple[list[Problem]]]:
        return Unreadable, (self.problems,)  # raised in a worker, re-raised here


@dataclass(frozen=True)
class Sources:
    """Everything a document folder holds, read but not yet understood. A YAML file that
    cannot be parsed is absent from `files` / `chapters` and reported in `problems`."""

    folder: Path
    files: dict[str, YamlFile]  # document.yaml, units.yaml, glossary.yaml and optional files
    chapters: tuple[YamlFile, ...]
    source_text: str
    problems: tuple[Problem, ...]
    unparsed: frozenset[str]  # names of YAML files that could not be loaded

    @property
    def complete(self) -> bool:
        return not self.unparsed


def read_document(folder: Path, parse: Callable[[Path], YamlFile] = load_yaml) -> Sources:
    """Read a document folder: document.yaml, units.yaml, glossary.yaml, source.zh.txt,
    chapters/*.yaml, and calculators.yaml / changes.yaml / amendments.yaml when present.
    `parse` reads one YAML file (the build passes one that remembers unchanged files)."""
    name = display_path(folder)
    missing = [f for f in REQUIRED if not (folder / f).is_file()]
    chapter_paths = sorted((folder / "chapters").glob("*.yaml"))
    if not folder.is_dir() or missing or not chapter_paths:
        what = (["folder does not exist"] if not folder.is_dir() else
                [f"missing {f}" for f in missing] +
                ([] if chapter_paths else ["no chapters/*.yaml"]))
        raise Unreadable([Problem(name, 1, 1, f"{w}; a document folder needs "
                                  f"{', '.join(REQUIRED)} and chapters/*.yaml") for w in what])
    try:
        source = (folder / "source.zh.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Unreadable([Problem(name, 1, 1, f"cannot read source.zh.txt: {exc}")]) from exc
    problems: list[Problem] = []
    unparsed: set[str] = set()

    def read(path: Path) -> YamlFile | None:
        try:
            return parse(path)
        except LoadError as exc:
            problems.append(exc.problem)
            unparsed.add(path.relative_to(folder).as_posix())
            return None

    names = [f for f in REQUIRED if f.endswith(".yaml")]
    names += [f for f in OPTIONAL if (folder / f).is_file()]
    files = {f: y for f in names if (y := read(folder / f)) is not None}
    chapters = tuple(y for p in chapter_paths if (y := read(p)) is not None)
    return Sources(folder, files, chapters, source, tuple(problems), frozenset(unparsed))
