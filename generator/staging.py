"""The last stage, swap: everything is written into a staging folder beside the output, and
the output is replaced (two renames on one file system) only when the whole build succeeded.
A failed build leaves the previous site exactly as it was."""

from __future__ import annotations

import shutil
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
    """Replace `out` with `stage`: the old site stays whole until the new one is complete."""
    old = out.with_name(out.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        # Keep the PDFs of the previous build if this build made none (`make site` adds them).
        if (out / "pdf").is_dir() and not (stage / "pdf").exists():
            shutil.copytree(out / "pdf", stage / "pdf")
        out.rename(old)
    stage.rename(out)
    if old.exists():
        shutil.rmtree(old)
