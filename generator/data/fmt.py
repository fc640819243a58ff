"""`python -m generator fmt`: one layout for every YAML file, with ruamel's round trip.

Comments, key order, flow style and the quoting of texts are kept; indentation (mappings 2,
sequences 4 with the dash at 2) and line width are fixed. A folded text (`>-`) is unfolded to
one line per paragraph, so a phrase can be searched for in the YAML (a wrapped English
sentence splits it across lines). `--check` changes nothing and fails, naming each file,
when one is not formatted. Formatting twice changes nothing. A file that is not valid YAML is
reported as `path:line:col: message`, in the words `check` uses.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString

from generator.data.yaml_errors import explain

WIDTH = 4096  # never fold a long published text: a folded plain scalar is hard to review


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = WIDTH
    yaml.allow_unicode = True
    return yaml


def _unfold(node: Any) -> None:
    """Forget where folded texts were wrapped: each paragraph is written on one line."""
    if isinstance(node, dict):
        values = list(node.values())
    elif isinstance(node, list):
        values = list(node)
    else:
        return
    for value in values:
        if isinstance(value, FoldedScalarString):
            setattr(value, "fold_pos", [])  # noqa: B010 (not in the type stubs)
        else:
            _unfold(value)


def format_text(text: str) -> str:
    yaml = _yaml()
    data = yaml.load(text)
    _unfold(data)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def yaml_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml") if p.is_file())


def yaml_problem(path: Path, text: str, exc: YAMLError, again: str) -> str:
    """A file that is not valid YAML, as `path:line:col: message`, in the words `check`
    uses; `again`: the command to run once it is fixed."""
    if isinstance(exc, MarkedYAMLError):
        line, col, message = explain(text, exc)
        return (f"{path}:{line}:{col}: YAML syntax error: {message}; fix it, then run "
                f"`{again}` again")
    return f"{path}:1:1: cannot format: {exc}".replace("\n", " ")


def run(paths: list[Path], check: bool) -> tuple[list[Path], list[str]]:
    """(files that are or were not formatted, errors). Writes only when not `check`."""
    changed: list[Path] = []
    errors: list[str] = []
    files = [f for p in paths for f in (yaml_files(p) if p.is_dir() else [p])]
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            formatted = format_text(text)
        except YAMLError as exc:
            errors.append(yaml_problem(path, text, exc, "make fmt"))
            continue
        if formatted != text:
            changed.append(path)
            if not check:
                path.write_text(formatted, encoding="utf-8")
    return changed, errors
