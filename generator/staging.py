"""The last stage, swap: everything is written into a staging folder beside the output, and
the output is replaced (two renames on one file system) only when the whole build succeeded.
A failed build leaves the previous site exactly as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


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
