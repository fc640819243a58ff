"""`python -m generator fmt`: one layout for every YAML file, with ruamel's round trip.

Comments, key order, flow style and the quoting of texts are kept; indentation (mappings 2,
sequences 4 with the dash at 2) and line width are fixed. `--check` changes nothing and
fails, naming each file, when one is not formatted. Formatting twice changes nothing.
"""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML

WIDTH = 4096  # never fold a long published text: a folded plain scalar is hard to review


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = WIDTH
    yaml.allow_unicode = True
    return yaml


def format_text(text: str) -> str:
    yaml = _yaml()
    data = yaml.load(text)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def yaml_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml") if p.is_file())


def run(paths: list[Path], check: bool) -> tuple[list[Path], list[str]]:
    """(files that are or were not formatted, errors). Writes only when not `check`."""
    changed: list[Path] = []
    errors: list[str] = []
    files = [f for p in paths for f in (yaml_files(p) if p.is_dir() else [p])]
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            formatted = format_text(text)
        except Exception as exc:
            errors.append(f"{path}: cannot format: {exc}".replace("\n", " "))
            continue
        if formatted != text:
            changed.append(path)
            if not check:
                path.write_text(formatted, encoding="utf-8")
    return changed, errors
