"""The web editor (/admin/, Decap CMS): its YAML writer and the layout restored after it; the
page the site publishes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page

from generator.cli import main
from generator.cms import config
from generator.data.library import Library
from tests.conftest import DATA, ROOT, free_port, git


def field_orders(library: Library) -> list[dict[str, object]]:
    """Every file the editor edits that exists (amendments.yaml is made by the first
    amendment recorded), with its top-level field order (what Decap sorts by)."""
    cfg = config(library, "owner/name", "main", data=DATA.name)
    return [{"path": f["file"], "sortedKeys": [x["name"] for x in f["fields"]]}
            for c in cfg["collections"] for f in c["files"] if (ROOT / f["file"]).is_file()]


def test_decaps_own_writer_then_restore_changes_nothing(library: Library, tmp_path: Path
                                                        ) -> None:
    files = field_orders(library)
    assert len(files) >= 12  # units, glossary, changes, amendments, calculators, 8 chapters
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"root": str(ROOT), "files": files}), encoding="utf-8")
    run = subprocess.run(["node", "--test", str(ROOT / "tests" / "cms")], capture_output=True,
                         text=True, check=False, cwd=ROOT,
                         env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                              "CMS_JOB": str(job), "PYTHON": sys.executable})
    assert run.returncode == 0, (run.stdout + run.stderr)[-4000:]
    assert re.search(r"^# pass 2$", run.stdout, re.M), run.stdout[-2000:]


# ---- the editor in Chromium, against decap-server on a scratch repository ----------------

BROWSER_MARK = re.compile(r"^<!-- browser walkthrough: ([\w-]+) -->$", re.M)
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.M | re.S)


def browser_walkthroughs(name: str) -> dict[str, list[tuple[str, str]]]:
    """The guide's "edit in the browser" walkthroughs: name -> its blocks (`browser` steps,
    then the `diff` the pull request shows)."""
    text = (ROOT / name).read_text(encoding="utf-8")
    parts = BROWSER_MARK.split(text)
    return {walk: BLOCK.findall(body.split("\n## ", 1)[0].split("\n<!-- ", 1)[0])
            for walk, body in zip(parts[1::2], parts[2::2], strict=True)}


WALKS = browser_walkthroughs("CONTRIBUTING.md")


def test_both_guides_show_the_same_browser_walkthroughs() -> None:
    assert set(WALKS) == {"contact", "english-title", "amendment"}
    assert browser_walkthroughs("CONTRIBUTING.zh.md") == WALKS


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int]]:
    """A scratch repository of the data (never the checkout: decap-server runs `git add .`)
    and decap-server in git mode on it, on loopback: (repository, port)."""
    repo = tmp_path_factory.mktemp("cms-repo")
    shutil.copytree(DATA, repo / DATA.name)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "the data as published")
    port = free_port()
    log = tmp_path_factory.mktemp("cms-log") / "decap-server.log"
    out = log.open("w", encoding="utf-8")
    server = subprocess.Popen(
        ["node", str(ROOT / "node_modules" / "decap-server" / "dist" / "index.js")],
        cwd=repo, stdout=out, stderr=subprocess.STDOUT, text=True,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "MODE": "git",
             "GIT_REPO_DIRECTORY": str(repo), "BIND_HOST": "127.0.0.1", "PORT": str(port),
             "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
             "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"})
    end = time.monotonic() + 30
    while "listening on" not in log.read_text(encoding="utf-8"):
        if server.poll() is not None or time.monotonic() > end:
            out.close()
            pytest.fail(f"decap-server did not start: {log.read_text(encoding='utf-8')}")
        time.sleep(0.1)
    try:
        yield repo, port
    finally:
        server.terminate()
        server.wait()
        out.close()


class Editor:
    """The web editor in a Chromium page, logged in to the local backend; records every
    request that leaves loopback."""

    def __init__(self, page: Page, origin: str, port: int) -> None:
        self.page, self.origin, self.port = page, origin, port
        self.outside: list[str] = []
        backend = f"http://127.0.0.1:{port}/"

        def route(r):  # type: ignore[no-untyped-def]
            url = r.request.url
            if url.startswith(f"{origin}/admin/config.yml"):
                # the published configuration, pointed at this test's decap-server
                got = r.fetch()
                r.fulfill(response=got, body=got.text().replace(
                    "http://127.0.0.1:8081/", backend))
            elif url.startswith((origin, backend, "data:", "blob:")):
                r.continue_()
            else:
                self.outside.append(url)
                r.abort()

        page.route("**/*", route)
        page.goto(f"{origin}/admin/")
        page.get_by_role("button", name="登录").click()
        page.locator("#nc-root header").wait_for()

    def open(self, collection: str, file: str) -> None:
        self.page.goto(f"{self.origin}/admin/#/collections/{collection}/entries/{file}")
        self.page.get_by_role("button", name="保存").wait_for()

    def item(self, label: str) -> Locator:
        """A list item by its label's first field (an id, a clause number), expanded."""
        item = self.page.locator("div[class*=SortableListItem]").filter(
            has=self.page.locator("div[class*=NestedObjectLabel]", has_text=re.compile(
                rf"^\s*{re.escape(label)}(\s+·|\s*$)"))).first
        item.locator("button").first.click()
        return item

    def field(self, within: Locator, path: str) -> Locator:
        """The control of a field inside `within`, by its path of names (`title › en`)."""
        *outer, last = [p.strip() for p in path.split("›")]
        for name in outer:
            within = within.locator("div[class*=ControlContainer]").filter(
                has=self.page.locator(f"label[for^='{name}-field']")).first
        return within.locator(f"input[id^='{last}-field'], textarea[id^='{last}-field']").first

    def save(self) -> None:
        self.page.get_by_role("button", name="保存").click()


def run_steps(editor: Editor, steps: str) -> Locator | None:
    """A `browser` block: `open: <collection> <file>`, `item: <label>` (unfold a list item),
    `add: <list>` (a new item at the end of that list, in the item unfolded or the page),
    `field: <path>`, `type: <text>`, `choose: <option>` (in a select), `save`. Returns the
    last field."""
    item: Locator | None = None
    control: Locator | None = None
    added = 0
    for line in filter(None, (ln.strip() for ln in steps.splitlines())):
        verb, _, arg = line.partition(":")
        arg = arg.strip()
        if verb == "open":
            editor.open(*arg.split())
        elif verb == "item":
            item = editor.item(arg)
        elif verb == "add":
            within = item if item is not None else editor.page.locator("body")
            adds = re.compile(rf"^新增\s*{re.escape(arg)}")  # Decap's "add <list>" button
            within.get_by_role("button", name=adds).first.click()
            # the new item, pinned: `.last` alone would move to the items added inside it
            added += 1
            within.locator("div[class*=SortableListItem]").last.evaluate(
                f"e => e.setAttribute('data-ph-added', '{added}')")
            item = editor.page.locator(f"[data-ph-added='{added}']")
        elif verb == "choose":
            assert control is not None, "`choose` before `field`"
            control.click()
            editor.page.get_by_role("option", name=arg, exact=True).click()
        elif verb == "field":
            control = editor.field(item if item is not None else editor.page.locator("body"),
                                   arg)
        elif verb == "type":
            assert control is not None, "`type` before `field`"
            control.fill(arg)
        elif verb == "save":
            editor.save()
        else:
            pytest.fail(f"unknown step {line!r}")
    return control


def draft_branch(repo: Path, collection: str, file: str, timeout: float = 20) -> str | None:
    """The editorial workflow's branch of a saved draft, once decap-server has made it."""
    branch = f"cms/{collection}/{file}"
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        # made, committed to, and left: decap-server checks the branch out to commit
        if git(repo, "branch", "--list", branch).strip() and \
                git(repo, "rev-list", "--count", f"main..{branch}").strip() != "0" and \
                git(repo, "branch", "--show-current").strip() == "main":
            return branch
        time.sleep(0.2)
    return None


def restore_branch(repo: Path, branch: str) -> dict[str, list[str] | None]:
    """What the cms workflow does on the draft's branch: `fmt --like main`, then `amend`,
    committed; `check` and `fmt --check` must pass. The pull request's files -> their
    changed lines (None for a new file)."""
    data = str(repo / DATA.name)
    git(repo, "checkout", "-q", branch)
    try:
        assert main(["--data", data, "fmt", "--like", "main", data]) == 0
        assert main(["--data", data, "amend"]) == 0
        git(repo, "-c", "user.name=CI", "-c", "user.email=ci@example.org", "commit", "-q",
            "-am", "Keep the YAML layout (fmt --like main) and follow the amendments")
        assert main(["--data", data, "check"]) == 0
        assert main(["fmt", "--check", data]) == 0
        status = git(repo, "diff", "main", "--name-status", "--", DATA.name)
        out: dict[str, list[str] | None] = {}
        for line in status.splitlines():
            kind, path = line.split("\t", 1)
            diff = git(repo, "diff", "main", "--unified=0", "--", path)
            out[path] = None if kind == "A" else [
                ln for ln in diff.splitlines()
                if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    finally:
        git(repo, "checkout", "-q", "main")
    return out


def expected(diffs: list[str]) -> dict[str, list[str] | None]:
    """The guide's `diff` blocks: file -> its changed lines (None: a new file, whose lines
    the editor's form wrote and `check` judges)."""
    out: dict[str, list[str] | None] = {}
    for block in diffs:
        header, *lines = block.splitlines()
        path = header.removeprefix("# ")
        new = path.endswith(" (new file)")
        out[path.removesuffix(" (new file)")] = None if new else \
            [ln for ln in lines if ln[:1] in "+-"]
    return out


@pytest.fixture
def editor(chromium, site_server: str, scratch: tuple[Path, int]):  # type: ignore[no-untyped-def]
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    ed = Editor(page, site_server, scratch[1])
    yield ed
    context.close()
    assert ed.outside == [], ed.outside


@pytest.mark.parametrize("walk", sorted(WALKS))
def test_a_browser_walkthrough_is_a_pull_request_of_the_changed_lines(
        editor: Editor, scratch: tuple[Path, int], walk: str) -> None:
    repo = scratch[0]
    (steps_kind, steps), *diffs = WALKS[walk]
    assert steps_kind == "browser" and diffs and all(k == "diff" for k, _ in diffs)
    opened = next(ln for ln in steps.splitlines() if ln.startswith("open:"))
    collection, file = opened.partition(":")[2].split()
    run_steps(editor, steps)
    branch = draft_branch(repo, collection, file)
    assert branch is not None, "saving made no draft (no cms/… branch)"
    got, want = restore_branch(repo, branch), expected([d for _, d in diffs])
    assert set(got) == set(want), "the pull request changes other files than the guide shows"
    for path, lines in want.items():
        assert (got[path] is None) == (lines is None), f"{path}: new in one, not the other"
        if lines is not None and got[path] is not None:
            assert len(got[path]) == len(lines) and all(  # a paragraph may be cut with …
                g.startswith(w[:-1]) if w.endswith("…") else g == w
                for g, w in zip(got[path], lines, strict=True)), (path, got[path])


def test_the_published_chinese_cannot_be_changed(editor: Editor) -> None:
    editor.open("jiande-2025", "units")
    item = editor.item("finance-bureau")
    zh = editor.field(item, "name › zh")
    assert zh.input_value() == "市财政局"
    assert zh.get_attribute("readonly") is not None
    zh.press("End")
    editor.page.keyboard.type("局")
    assert zh.input_value() == "市财政局"
    uid = editor.field(item, "id")
    assert uid.get_attribute("readonly") is not None and uid.input_value() == "finance-bureau"
    en = editor.field(item, "name › en")  # the English is the project's: it can be edited
    assert en.get_attribute("readonly") is None


def test_an_invalid_phone_is_refused_in_the_form(editor: Editor, scratch: tuple[Path, int]
                                                 ) -> None:
    drafts = git(scratch[0], "for-each-ref", "refs/heads/cms/")  # the drafts and their commits
    editor.open("jiande-2025", "units")
    item = editor.item("taxation-bureau")
    editor.field(item, "contact › phone").fill("call the front desk")
    editor.save()
    # Decap's "does not match the pattern", with the schema's own words for the field
    message = item.get_by_text(re.compile(r"不满足模式\s*Telephone number as published", re.I))
    message.wait_for()
    assert editor.page.get_by_text("含未保存的修改").is_visible()  # "unsaved changes"
    editor.page.wait_for_timeout(1500)  # what a save would have taken
    assert git(scratch[0], "for-each-ref", "refs/heads/cms/") == drafts  # nothing was saved


def test_the_published_editor_page(built_site: Path) -> None:
    """/admin/ loads Decap from the site itself, is kept out of search engines, and its
    configuration is the one the schema makes."""
    import yaml
    from bs4 import BeautifulSoup

    admin = built_site / "admin"
    page = BeautifulSoup((admin / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    scripts = [s["src"] for s in page.find_all("script", src=True)]
    assert scripts == ["decap-cms.js", "admin.js"]
    assert all((admin / s).is_file() for s in scripts)
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000  # the package's, not a stub
    cfg = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert cfg["publish_mode"] == "editorial_workflow"
    assert cfg["local_backend"]["url"].startswith("http://127.0.0.1:")
    assert "admin" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_editor_page_has_no_accessibility_violations(chromium, site_server: str) -> None:
    """axe on the page we write (its introduction, before Decap replaces the view): Decap's
    own interface is Decap's."""
    from tests.test_accessibility import axe_violations

    context = chromium.new_context(viewport={"width": 375, "height": 800}, has_touch=True)
    page = context.new_page()
    page.route("**/decap-cms.js", lambda r: r.abort())  # our page alone, as without Decap
    page.goto(f"{site_server}/admin/")
    assert page.locator("#ph-admin-intro h1").first.inner_text() == "网页编辑器"
    violations = axe_violations(page)
    context.close()
    assert violations == []


def test_make_cms_edits_a_scratch_clone_on_loopback(tmp_path: Path) -> None:
    """`make cms`: decap-server in git mode on a clone of the last commit (never the working
    tree), the preview of that clone with /admin/ pointed at it, both on 127.0.0.1 only; both
    stop together."""
    import socket
    import threading
    import urllib.request

    scratch = tmp_path / "cms" / "repo"
    port, backend = free_port(), free_port()
    status = git(ROOT, "status", "--porcelain")
    proc = subprocess.Popen([sys.executable, "-m", "generator", "cms", "--port", str(port),
                             "--backend-port", str(backend), "--scratch", str(scratch)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    assert proc.stdout is not None
    seen = []
    for line in proc.stdout:
        seen.append(line)
        if line.startswith("serving "):
            break
    else:
        pytest.fail("make cms did not start: " + "".join(seen))
    drain = threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True)  # type: ignore[union-attr]
    drain.start()  # keep reading what it prints, so it never blocks on a full pipe
    try:
        assert git(scratch, "rev-parse", "HEAD") == git(ROOT, "rev-parse", "HEAD")
        ask = urllib.request.Request(f"http://127.0.0.1:{backend}/api/v1",
                                     data=b'{"action": "info"}',
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(ask, timeout=10) as r:
            info = json.loads(r.read())
        assert info["type"] == "local_git" and "editorial_workflow" in info["publish_modes"]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/config.yml",
                                    timeout=10) as r:
            cfg = r.read().decode("utf-8")
        assert f"url: http://127.0.0.1:{backend}/api/v1" in cfg
        # loopback only: the machine's other addresses do not answer
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
            u.connect(("192.0.2.1", 9))  # no packet is sent: only the route is looked up
            outside = u.getsockname()[0]  # this machine's address on its network
        if not outside.startswith("127."):
            for p in (port, backend):
                with socket.socket() as s, pytest.raises(OSError):
                    s.settimeout(2)
                    s.connect((outside, p))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        drain.join(timeout=10)
        proc.stdout.close()
    with socket.socket() as s, pytest.raises(OSError):
        s.connect(("127.0.0.1", backend))  # decap-server stopped with it
    assert git(ROOT, "status", "--porcelain") == status  # the working tree was not touched


def test_the_guide_shows_the_editor_as_it_is(built_site: Path) -> None:
    """Each browser walkthrough shows its screenshot (bench/editor_screenshots.py makes them),
    in the repository and on the site's editors' pages."""
    from bs4 import BeautifulSoup

    for guide in ("CONTRIBUTING.md", "CONTRIBUTING.zh.md"):
        text = (ROOT / guide).read_text(encoding="utf-8")
        shown = re.findall(r"!\[[^\]]+\]\((docs/editor/[\w-]+\.png)\)", text)
        assert sorted(shown) == sorted(f"docs/editor/{w}.png" for w in WALKS)
        assert all((ROOT / s).is_file() for s in shown)
    for lang in ("zh", "en"):
        page = built_site / lang / "jiande-2025" / "editors" / "index.html"
        imgs = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("img")
        srcs = [i["src"] for i in imgs if "editor/" in i["src"]]
        assert len(srcs) == len(WALKS) and all(i.get("alt") for i in imgs)
        assert all((page.parent / s).resolve().is_file() for s in srcs), srcs
