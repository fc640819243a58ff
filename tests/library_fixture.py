"""A library for tests, made as an editor would make it: a copy of policy_data/ (the real
jiande-2025), then the import issue's test editions imported into it with `import`: the next
edition jiande-2026 (--previous jiande-2025, so it supersedes it) and qingxi-2025, another
county's document in the other house style. Never in policy_data/: the published site holds
only real documents."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.cli import main
from tests.conftest import DATA, ROOT

IMPORT = ROOT / "tests" / "fixtures" / "import"


def make_library(base: Path) -> Path:
    """A data folder with library.yaml, jiande-2025, jiande-2026 and qingxi-2025."""
    data = base / "data"
    shutil.copytree(DATA, data)
    for source, slug, previous in (("jiande-2026.docx", "jiande-2026", "jiande-2025"),
                                   ("qingxi-2025.html", "qingxi-2025", None)):
        args = ["import", str(IMPORT / source), "--into", str(data / slug)]
        assert main(args + (["--previous", str(data / previous)] if previous else [])) == 0
    return data
