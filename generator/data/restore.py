"""`python -m generator fmt --like <rev>`: a YAML file rewritten by another program (the web
editor's YAML writer drops comments, expands flow mappings, unfolds `>-` texts, drops quotes,
wraps at 80 columns and reorders keys) is put back into the layout it had at `<rev>`, so its
diff shows only the values that changed.

`restore(old, new)` is pure: the file as it was (`old`, text) and as the program wrote it
(`new`, text) -> the old file with the new values. The old nodes are kept wherever their
value is the same, with their comments, key order, flow style, folding and quoting; a changed
text keeps the old text's style; a key the old file did not have is placed after the key
that precedes it in the new file; an item of a list of mappings is matched by its `id` (else
by its position); a removed key or item is dropped. The result is then formatted as `fmt`
formats every file.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from generator.data import schema
from generator.data.fmt import _yaml, format_text, yaml_problem
from generator.data.load import plain
from generator.data.validate import model_at

# Each data file's schema model, by its name: a new key is placed in the model's field order.
MODELS: dict[str, type[BaseModel]] = {f"{name}.yaml": model for name, model
                                      in schema.FILE_MODELS.items() if name != "chapter"}


def model_for(path: str) -> type[BaseModel] | None:
    """The schema model of a data file (`chapters/*.yaml` are chapters)."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    if name in MODELS:
        return MODELS[name]
    return schema.Chapter if "/chapters/" in "/" + path.replace("\\", "/") else None

_STYLES = (FoldedScalarString, LiteralScalarString, SingleQuotedScalarString,
           DoubleQuotedScalarString)


def styled(old: Any, value: Any) -> Any:
    """`value` (a new scalar) in the style of the `old` one it replaces: folded, literal or
    quoted."""
    if isinstance(value, str):
        for style in _STYLES:
            if isinstance(old, style):
                return style(value)
    return value


def _like(sibling: Any, value: Any) -> Any:
    """A new mapping or list, in the flow or block style of a `sibling` node."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _like(None, v)
        if isinstance(sibling, CommentedMap) and sibling.fa.flow_style():
            out.fa.set_flow_style()
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_like(None, v) for v in value)
        if isinstance(sibling, CommentedSeq) and sibling.fa.flow_style():
            seq.fa.set_flow_style()
        return seq
    return value


Where = tuple[type[BaseModel] | None, tuple[int | str, ...]]  # the file's model, the place


def _merge(old: Any, new: Any, at: Where) -> Any:
    """The old node with the new value."""
    if plain(old) == plain(new):
        return old
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        return _merge_map(old, new, at)
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        return _merge_seq(old, new, at)
    if isinstance(new, (dict, list)):
        return _like(old, new)
    return styled(old, new)


def _order(new: dict[str, Any], at: Where) -> list[str]:
    """The keys of `new` in the schema's field order at that place (else as written)."""
    model, loc = at
    found = model_at(model, loc) if model is not None else None
    if found is None:
        return list(new)
    fields = list(found.model_fields)
    return sorted(new, key=lambda k: fields.index(k) if k in fields else len(fields))


def _merge_map(old: CommentedMap, new: dict[str, Any], at: Where) -> CommentedMap:
    for key in [k for k in old if k not in new]:
        del old[key]
    keys = _order(new, at)
    for i, key in enumerate(keys):
        if key in old:
            old[key] = _merge(old[key], new[key], (at[0], (*at[1], key)))
            continue
        before = next((k for k in reversed(keys[:i]) if k in old), None)
        pos = list(old).index(before) + 1 if before is not None else 0
        sibling = next((v for v in old.values() if isinstance(v, type(new[key]))), None) \
            if isinstance(new[key], (dict, list)) else None
        old.insert(pos, key, _like(sibling, new[key]))
    return old


def _key(item: Any) -> Any:
    return item.get("id") if isinstance(item, dict) else None


def _merge_seq(old: CommentedSeq, new: list[Any], at: Where) -> CommentedSeq:
    """A list of mappings with ids keeps its order and each item's node: an item still there
    is merged with its new value where it was, a new item goes after the item it follows in
    the new list, a removed one is dropped. Other lists are matched by position."""
    model, loc = at
    sibling = old[0] if len(old) else None
    ids = [_key(item) for item in new]
    if len(old) and all(_key(item) is not None for item in old) and all(
            i is not None for i in ids) and len(set(ids)) == len(ids):
        values = dict(zip(ids, new, strict=True))
        keep = [(i, item) for i, item in enumerate(old) if _key(item) in values]
        items = [(_key(item), _merge(item, values[_key(item)], (model, (*loc, i))))
                 for i, item in keep]
        for n, value in enumerate(new):
            if any(k == ids[n] for k, _ in items):
                continue
            placed = [k for k, _ in items]
            prev = next((k for k in reversed(ids[:n]) if k in placed), None)
            items.insert(placed.index(prev) + 1 if prev is not None else 0,
                         (ids[n], _like(sibling, value)))
        merged = [item for _, item in items]
    else:
        merged = [_merge(old[i], value, (model, (*loc, i))) if i < len(old)
                  else _like(sibling, value) for i, value in enumerate(new)]
    comments = dict(old.ca.items)
    where = {id(item): i for i, item in enumerate(old)}
    del old[:]
    old.ca.items.clear()
    for j, item in enumerate(merged):  # the old list object: its comments and flow style
        old.append(item)
        if where.get(id(item)) in comments:
            old.ca.items[j] = comments[where[id(item)]]
    return old


def restore(old: str, new: str, model: type[BaseModel] | None = None) -> str:
    """The file `old` with the values of `new` (both YAML texts), formatted as `fmt` does;
    `model`: the file's schema model (`model_for`), which orders new keys."""
    yaml = _yaml()
    before = yaml.load(old)
    after = YAML(typ="safe", pure=True).load(new)  # YAML 1.2, as the loader reads: `{zh: 甲:乙}`
    merged = _merge(before, after, (model, ()))
    out = io.StringIO()
    yaml.dump(merged, out)
    return format_text(out.getvalue())


def run_like(files: list[Path], rev: str) -> tuple[list[Path], list[str]]:
    """Each file put back into its layout at the git revision `rev` (I/O: git and the files):
    (files changed, errors). A file `rev` did not have is only formatted."""
    changed: list[Path] = []
    errors: list[str] = []
    for path in files:
        found = _git(["rev-parse", "--show-toplevel"], path.resolve().parent)
        if found is None:
            errors.append(f"{path}:1:1: not in a git checkout; `--like` needs the file's "
                          "history")
            continue
        top = found.strip()
        if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], Path(top)) is None:
            errors.append(f"{path}:1:1: `{rev}` is not a revision of this checkout; name a "
                          "branch, tag or commit (e.g. `--like origin/main`)")
            continue
        rel = path.resolve().relative_to(Path(top).resolve()).as_posix()
        before = _git(["show", f"{rev}:{rel}"], Path(top))
        text = path.read_text(encoding="utf-8")
        try:
            after = restore(before, text, model_for(rel)) if before is not None \
                else format_text(text)
        except YAMLError as exc:
            errors.append(yaml_problem(path, text, exc, "fmt --like"))
            continue
        if after != text:
            path.write_text(after, encoding="utf-8")
            changed.append(path)
    return changed, errors


def _git(args: list[str], cwd: Path) -> str | None:
    """git's output, or None when it fails."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", check=False)
    return done.stdout if done.returncode == 0 else None
