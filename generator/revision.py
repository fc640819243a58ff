"""The data folder as it was at a git revision, for `check --against REV` and
`diff --against REV`. Called by the CLI only: like `settings`, this is the edge that reads
git; everything below it is given folders.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from pathlib import Path


class NoRevision(Exception):
    """The revision cannot be read: no git, not a checkout, unknown revision, no data there.
    The message says which, in a few words."""


def _git(folder: Path, *args: str) -> bytes:
    git = shutil.which("git")
    if git is None:
        raise NoRevision("git is not installed")
    run = subprocess.run([git, "-C", str(folder), *args], capture_output=True, check=False)
    if run.returncode != 0:
        raise NoRevision(run.stderr.decode("utf-8", "replace").strip().splitlines()[-1]
                         if run.stderr.strip() else f"git {args[0]} failed")
    return run.stdout


def data_at(data: Path, rev: str, into: Path) -> Path:
    """Extract `data` (a folder inside a git checkout) as it was at `rev` into `into`, and
    return the extracted folder. Raises NoRevision when that cannot be done."""
    if not data.is_dir():
        raise NoRevision(f"{data} is not a folder")
    try:
        _git(data, "rev-parse", "--show-toplevel")
    except NoRevision as exc:
        raise NoRevision("not a git checkout (no history to compare with)") from exc
    prefix = _git(data, "rev-parse", "--show-prefix").decode().strip() or "."
    try:
        _git(data, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except NoRevision as exc:
        raise NoRevision(f"revision {rev} not found") from exc
    top = Path(_git(data, "rev-parse", "--show-toplevel").decode().strip())
    try:
        archive = _git(top, "archive", "--format=tar", rev, "--", prefix)
    except NoRevision as exc:
        raise NoRevision(f"{prefix} did not exist at {rev}") from exc
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / prefix


def describe(data: Path, rev: str) -> str:
    """`rev` with its short commit id, for messages: `origin/main (1a2b3c4)`."""
    try:
        short = _git(data, "rev-parse", "--short", f"{rev}^{{commit}}").decode().strip()
    except NoRevision:
        return rev
    return rev if short.startswith(rev) else f"{rev} ({short})"
