"""The last stage, swap: everything is written into a staging folder beside the output, and
the output is replaced (two renames on one file system) only when the whole build succeeded.
A failed build leaves the previous site exactly as it was.

The inputs of the site in place are recorded (`record`) beside the build cache: a build whose
inputs are those of the site in place (`unchanged`) has nothing to do, as `make` would say.

The site before is not deleted but kept aside, as the spare (`.<out>.spare`), with a record
of the folders in it that an output filled whole, each with the key of what it holds (a
document's part, a folder of old addresses' pages, the web editor, one document's ELI
pages: `reuse`): the next build moves each such folder whose key is unchanged into its
stage, one rename instead of hundreds of folders made and files linked. Only the spare is
taken from, never the site in place, which stays whole until the swap. Each folder's record
names its inode and time, so a record that outlived its folder (a build stopped between two
renames) is not trusted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.fingerprint import digest


@contextmanager
def staged(out: Path, work: Path) -> Iterator[Path]:
    """A fresh staging folder; swapped in for `out` if the block completes, removed if not.
    `work` keeps the records of the folders the site and its spare hold (`reuse`)."""
    out = out.resolve()
    stage = out.with_name(f".{out.name}.stage")
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    _records(work, out, "stage").unlink(missing_ok=True)
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    swap_in(stage, out, work)


def reuse(stage: Path, work: Path, wanted: dict[str, str]) -> set[str]:
    """Move into `stage` each folder `wanted` names (its path in the site -> the key of what
    it holds) that the spare holds with that key, and return their paths; the others are
    the caller's to fill, and no other writer may write into any of them. Records that the
    stage holds all the wanted folders."""
    out = _out_of(stage)
    spare = out.with_name(f".{out.name}.spare")
    held = _read(_records(work, out, "spare"))
    moved = set()
    for rel, key in wanted.items():
        folder = spare / rel
        if held.get(rel) == [key, *identity(folder)]:
            (stage / rel).parent.mkdir(parents=True, exist_ok=True)
            folder.rename(stage / rel)
            moved.add(rel)
    record = _records(work, out, "stage")
    _write(record, _read(record) | {rel: [key] for rel, key in wanted.items()})
    return moved


def swap_in(stage: Path, out: Path, work: Path) -> None:
    """Replace `out` with `stage`: the old site stays whole until the new one is complete.
    The old site is then kept as the spare; the spare before it (what `reuse` did not take
    of it) is renamed aside and deleted by a separate `rm` process, so a build of thousands
    of pages does not wait for the deletion (a leftover is deleted next time)."""
    for left in out.parent.glob(f".{out.name}.old-*"):
        forget(left)
    spare = out.with_name(f".{out.name}.spare")
    staged_parts = {rel: [v[0], *identity(stage / rel)]
                    for rel, v in _read(_records(work, out, "stage")).items()}
    site_parts = _read(_records(work, out, "site"))
    for which in ("spare", "site", "stage"):  # no record may outlive its folders' move
        _records(work, out, which).unlink(missing_ok=True)
    if spare.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}-{time.monotonic_ns()}")
        spare.rename(old)
        forget(old)
    if out.exists():
        # Keep the PDFs of the previous build if this build made none (`make site` adds them).
        if (out / "pdf").is_dir() and not (stage / "pdf").exists():
            shutil.copytree(out / "pdf", stage / "pdf")
        out.rename(spare)
        _write(_records(work, out, "spare"), site_parts)
    stage.rename(out)
    _write(_records(work, out, "site"), staged_parts)


def _out_of(stage: Path) -> Path:
    return stage.with_name(stage.name.removeprefix(".").removesuffix(".stage"))


def _records(work: Path, out: Path, which: str) -> Path:
    """What `which` (the site in `out`, its spare, the stage) holds, by folder."""
    return work / "built" / f"{digest(str(out.resolve()))}.{which}.json"


def identity(folder: Path) -> list[int]:
    """A folder's inode and modification time: the same folder, with the same entries (the
    site's folder is another one after every build that swapped a new site in)."""
    try:
        st = folder.stat()
    except OSError:
        return [-1, -1]
    return [st.st_ino, st.st_mtime_ns]


def _read(path: Path) -> dict[str, list[Any]]:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return {}


def _write(path: Path, record: dict[str, list[Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
    tmp.replace(path)


def forget(folder: Path) -> None:
    """Delete `folder` in the background (an `rm -rf` the shell leaves running, which
    outlives this process), or here when there is no shell."""
    if shutil.which("sh") and subprocess.run(
            ["sh", "-c", 'rm -rf -- "$1" </dev/null >/dev/null 2>&1 &', "sh", str(folder)],
            check=False).returncode == 0:
        return
    shutil.rmtree(folder, ignore_errors=True)


def _record_of(out: Path, work: Path) -> Path:
    return work / "built" / digest(str(out.resolve()))


def unchanged(out: Path, work: Path, inputs: str) -> bool:
    """Whether the site in `out` was built from exactly these inputs."""
    try:
        return out.is_dir() and _record_of(out, work).read_text(encoding="utf-8") == inputs
    except OSError:
        return False


def record(out: Path, work: Path, inputs: str) -> None:
    """Remember the inputs of the site just swapped into `out`."""
    path = _record_of(out, work)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(inputs, encoding="utf-8")
    tmp.replace(path)
