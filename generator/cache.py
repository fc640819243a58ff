"""The build cache (.build/cache/): what a build can reuse from the last one.

- Models: a document's validated model, keyed by the bytes of its files and the
  generator's version. An unchanged document is not loaded or validated again.
- Parts: the built output of one part of the site (a document in one language, or the
  library's own pages in one language), keyed by what its pages say and everything else
  that reaches them: the generator's version (its code, templates, assets and the
  installed MkDocs, Material and Pagefind) and the settings. Only parts whose key changed
  are built again.
- Aliases: for a document's part, the key of its inputs (the document's files and the other
  documents' facts its pages show) -> the key of the part they made, so an unchanged
  document is not even rendered.

Entries are written to a temporary name and renamed, so an interrupted build leaves no half
entry. Nothing here decides what a page says; it only remembers.
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.data.load import YamlFile
from generator.data.model import Edition
from generator.data.schema import without_english
from generator.fingerprint import digest, files_digest
from generator.problems import Problem, display_path


def document_digest(folder: Path) -> str:
    return files_digest((p for p in folder.rglob("*") if p.is_file()), folder)


class Cache:
    def __init__(self, root: Path, version: str = "") -> None:
        self.root = root
        self.version = version  # of the generator: a model pickled by other code is stale

    def _write(self, path: Path, write: Callable[[Path], object]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        if tmp.exists():
            shutil.rmtree(tmp) if tmp.is_dir() else tmp.unlink()
        write(tmp)
        if path.exists():
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        tmp.rename(path)

    # --- validated models ----------------------------------------------------------------
    def _edition_path(self, folder: Path, key: str) -> Path:
        # problems name files as the reader sees them (relative to the working folder)
        where = digest(str(folder.resolve()), str(Path.cwd()), key, self.version)
        return self.root / "models" / f"{folder.name}-{where}.pickle"

    def known_edition(self, folder: Path, key: str | None = None
                      ) -> tuple[Edition | None, list[Problem], str] | None:
        """(model, problems, digest of the folder's files) if the files did not change.
        `key`: that digest, if the caller has it."""
        key = key or document_digest(folder)
        path = self._edition_path(folder, key)
        if path.is_file():
            try:
                edition, problems = pickle.loads(path.read_bytes())
                return edition, problems, key
            except Exception:
                path.unlink()
        return None

    def edition(self, folder: Path, read: Callable[[Path], tuple[Edition | None,
                                                               list[Problem]]]
                ) -> tuple[Edition | None, list[Problem], str]:
        """(model, problems, digest of the folder's files), read only when the files changed.
        The model keeps the position of every key and item (edit links need them), not the
        YAML node trees, whether it was read now or before."""
        key = document_digest(folder)
        known = self.known_edition(folder, key)
        if known is not None:
            return known
        edition, problems = read(folder)
        for old in (self.root / "models").glob(f"{folder.name}-*.pickle"):
            old.unlink(missing_ok=True)
        kept = None if edition is None else replace(
            edition, files={k: f.compact() for k, f in edition.files.items()},
            chapter_files={n: f.compact() for n, f in edition.chapter_files.items()})
        self._write(self._edition_path(folder, key),
                    lambda tmp: tmp.write_bytes(pickle.dumps((kept, problems), protocol=5)))
        if kept is not None:  # here, in the worker that read it, not later in the planner
            self.memo()(chinese_key(key), lambda: chinese_inputs(kept))
        return kept, problems, key

    # --- parsed YAML files ------------------------------------------------------------------
    def parsed(self, parse: Callable[[Path], YamlFile]) -> Callable[[Path], YamlFile]:
        """`parse`, remembering each file by its name and bytes: when one file of a document
        changes, only that file is parsed again. Files that fail to parse are not kept."""

        def get(path: Path) -> YamlFile:
            try:
                raw = path.read_bytes()
            except OSError:
                return parse(path)  # parse reports it
            name = display_path(path)
            folder = self.root / "yaml" / digest(str(path.resolve()))
            entry = folder / f"{digest(self.version, name, raw)}.pickle"
            try:
                known: YamlFile = pickle.loads(entry.read_bytes())
                return known
            except (OSError, pickle.UnpicklingError, EOFError):
                pass
            found = parse(path)
            if folder.is_dir():
                for old in folder.iterdir():
                    old.unlink(missing_ok=True)
            kept = found.compact(with_data=True)
            self._write(entry, lambda tmp: tmp.write_bytes(pickle.dumps(kept, protocol=5)))
            return kept

        return get

    # --- results worth keeping (the comparison of two editions) -------------------------
    def memo(self) -> Callable[[tuple[Any, ...], Callable[[], Any]], Any]:
        """`memo(key, compute)`: compute once per key, across builds (keyed by the generator's
        version too). Keys must name the inputs, e.g. the two editions' file digests."""
        seen: dict[tuple[Any, ...], Any] = {}

        def get(key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
            if key in seen:
                return seen[key]
            path = self.root / "memo" / f"{digest(self.version, *key)}.pickle"
            try:
                value = pickle.loads(path.read_bytes())
            except (OSError, pickle.UnpicklingError, EOFError):
                value = compute()
                self._write(path, lambda tmp: tmp.write_bytes(pickle.dumps(value, protocol=5)))
            seen[key] = value
            return value

        return get

    # --- built parts ---------------------------------------------------------------------
    def part(self, key: str) -> Path:
        return self.root / "parts" / key

    def has(self, key: str) -> bool:
        return (self.part(key) / ".complete").is_file()

    def alias(self, inputs: str) -> str | None:
        """The key of the part last built from these inputs, if it is still in the cache."""
        try:
            key = (self.root / "aliases" / inputs).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return key if self.has(key) else None

    def set_alias(self, inputs: str, key: str) -> None:
        self._write(self.root / "aliases" / inputs,
                    lambda tmp: tmp.write_text(key, encoding="utf-8"))

    def latest(self, lang: str, document: str | None) -> Path | None:
        """The part last built for this language and document (or the library), if it is
        still in the cache: what a new version of the part starts from."""
        try:
            key = (self.root / "latest" / f"{lang}-{document or '_library'}").read_text(
                encoding="utf-8").strip()
        except OSError:
            return None
        return self.part(key) if self.has(key) else None

    def set_latest(self, lang: str, document: str | None, key: str) -> None:
        self._write(self.root / "latest" / f"{lang}-{document or '_library'}",
                    lambda tmp: tmp.write_text(key, encoding="utf-8"))

    def keep(self, keys: set[str]) -> None:
        """Forget parts no longer used (and what led to them), so the cache does not grow
        without end."""
        parts = self.root / "parts"
        if parts.is_dir():
            for entry in parts.iterdir():
                if entry.name not in keys:
                    shutil.rmtree(entry, ignore_errors=True)
        aliases = self.root / "aliases"
        if aliases.is_dir():
            for entry in aliases.iterdir():
                try:
                    if entry.read_text(encoding="utf-8").strip() not in keys:
                        entry.unlink()
                except OSError:
                    pass


def chinese_key(files: str) -> tuple[str, str]:
    """The memo key of `chinese_inputs` of a document whose files have the digest `files`."""
    return ("chinese inputs", files)


def chinese_inputs(ed: Edition) -> str:
    """What the Chinese pages of a document are made of: its data without the English of
    its texts (a Text's `en`), its published text, and where each key and item sits in its
    files (a page's edit link names a line). Chinese pages show no English text
    (tests/test_language_parts.py), so an English fix leaves this as it was and the
    document's Chinese part is not rendered again."""
    data = [ed.document.model_dump(mode="json"),
            *[[m.model_dump(mode="json") for m in models] for models in (
                ed.chapters, ed.units, ed.glossary, ed.calculators, ed.finder, ed.changes,
                ed.amendments)]]
    files = [*sorted(ed.files.items()), *sorted((str(n), f) for n, f in
                                                ed.chapter_files.items())]
    positions = [(name, sorted((f.index if f.index is not None else f.compact().index or {})
                               .items())) for name, f in files]
    return digest(without_english(data), ed.source_text, positions)

