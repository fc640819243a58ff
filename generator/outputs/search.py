"""Search, part of the site output: each part of the site (a document or the library's own
pages, in one language) gets its own Pagefind index beside its pages (`pagefind/`), built by
Pagefind's extended binary (it segments Chinese). An index is chunked: a query loads a few
small files, whatever the size of the library, and nothing loads before a search.

The library's search page merges the library's index with every document's, so the indexes
are cached and rebuilt with their part only.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pagefind_bin_extended

from generator.problems import DataError, Problem

BINARY = Path(pagefind_bin_extended.__file__).parent / "pagefind_extended"
# Not content: permalink marks, edit links, previous/next links, the status line, hints.
NOT_INDEXED = ".headerlink, .ph-anchor, .ph-edit, .ph-prevnext, .ph-status-banner, .ph-hint, " \
    ".ph-lang-paths, .ph-pdf-link, .ph-history, .ph-last-changed, noscript"


def index(site_dir: Path) -> None:
    """Index the HTML of one built part in place (site_dir/pagefind/)."""
    run = subprocess.run([str(BINARY), "--site", str(site_dir), "--output-subdir", "pagefind",
                          "--exclude-selectors", NOT_INDEXED, "--silent"],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise DataError([Problem(str(site_dir), 1, 1, "Pagefind could not index the pages: "
                                 f"{(run.stderr or run.stdout).strip()[:500]}")])
