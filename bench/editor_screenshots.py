"""Screenshots of the web editor for the editors' guide: each "edit in the browser"
walkthrough of CONTRIBUTING.md is performed in Chromium (1280 x 900) against decap-server on
a scratch repository, as the tests perform it, and the form is photographed just before
保存 Save, at the last field the walkthrough fills. Writes docs/editor/<walkthrough>.png,
which both guides show; run it again when the editor or the walkthroughs change:

    .venv/bin/python bench/editor_screenshots.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import browser, served  # noqa: E402
from tests.conftest import DATA, free_port, git  # noqa: E402
from tests.test_cms_editor import WALKS, Editor, run_steps  # noqa: E402

OUT = ROOT / "docs" / "editor"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        site = base / "site"
        subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(site),
                        "--work", str(base / "work")], cwd=ROOT, check=True)
        repo = base / "repo"
        shutil.copytree(DATA, repo / DATA.name)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", ".")
        git(repo, "commit", "-q", "-m", "the data as published")
        port = free_port()
        log = (base / "decap.log").open("w")
        server = subprocess.Popen(
            ["node", str(ROOT / "node_modules" / "decap-server" / "dist" / "index.js")],
            cwd=repo, stdout=log, stderr=subprocess.STDOUT,
            env={"PATH": "/usr/bin:/bin", "MODE": "git", "GIT_REPO_DIRECTORY": str(repo),
                 "BIND_HOST": "127.0.0.1", "PORT": str(port)})
        time.sleep(2)
        OUT.mkdir(parents=True, exist_ok=True)
        try:
            with served(site) as origin, browser() as b:
                for walk, blocks in sorted(WALKS.items()):
                    steps = blocks[0][1]
                    before_save = steps.rsplit("save", 1)[0]
                    context = b.new_context(viewport={"width": 1280, "height": 900})
                    editor = Editor(context.new_page(), origin, port)
                    field = run_steps(editor, before_save)
                    if field is not None:
                        field.scroll_into_view_if_needed()
                        editor.page.evaluate("() => window.scrollBy(0, -120)")
                    editor.page.screenshot(path=str(OUT / f"{walk}.png"))
                    print(f"wrote {(OUT / f'{walk}.png').relative_to(ROOT)}")
                    context.close()
        finally:
            server.terminate()
            server.wait()
            log.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
