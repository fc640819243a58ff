"""What a process of the generator's own sets for itself: the command line's process
(`python -m generator`) and each worker of a build. Never set for in-process callers (the
tests, the MkDocs adapter): they keep Python's defaults."""

from __future__ import annotations

import gc
import os
import sys

# The cyclic garbage collector's thresholds for a build: a build makes millions of small
# objects that live until it ends (the models, the pages), and with Python's defaults
# (700, 10, 10) the collector walks them again and again to free almost nothing. Measured on
# the 40-document library: unpickling its 40 models 0.8 s -> 0.25 s, a one-clause rebuild
# 4.0 s -> 2.9 s. The collector still runs; reference counting frees everything else.
GC_THRESHOLDS = (100_000, 50, 100)


def collect_less() -> None:
    """This process's collector set for a build (the command line's process and each
    worker's)."""
    gc.set_threshold(*GC_THRESHOLDS)


def leave(code: int) -> None:
    """End the command line's process with `code` once its output is written, without
    freeing its objects one by one: Python's own exit does, and took 0.25-0.4 s after a
    build (pypinyin's dictionaries alone hold millions of objects). Every command has closed
    its files, worker pools and temporary folders by then (`with` blocks)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away (`| head`), a closed stream
            pass
    os._exit(code)
