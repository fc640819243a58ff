"""The last stage, swap: everything is written into a staging folder beside the output, and
the output is replaced (two renames on one file system) only when the whole build succeeded.
A failed build leaves the previous site exactly as it was.

The inputs of the site in place are recorded (`record`) beside the build cache: a build whose
inputs are those of the site in place (`unchanged`) has nothing to do, as `make` would say."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.cache import digest


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A fresh staging folder; swapped in for `out` if the block completes, removed if not."""
    out = out.resolve()
    stage = out.with_name(f".{out.name}.stage")
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    swap_in(stage, out)


def swap_in(stage: Path, out: Path) -> None:
    """Replace `out` with `stage`: the old site stays whole until the new one is complete.
    The old site is then renamed aside and deleted by a separate `rm` process, so a build
    of thousands of pages does not wait for the deletion (a leftover is deleted next time)."""
    for left in out.parent.glob(f".{out.name}.old-*"):
        forget(left)
    old = out.with_name(f".{out.name}.old-{os.getpid()}-{time.monotonic_ns()}")
    if out.exists():
        # Keep the PDFs of the previous build if this build made none (`make site` adds them).
        if (out / "pdf").is_dir() and not (stage / "pdf").exists():
            shutil.copytree(out / "pdf", stage / "pdf")
        out.rename(old)
    stage.rename(out)
    if old.exists():
        forget(old)


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
