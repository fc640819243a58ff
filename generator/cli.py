"""Command line: `python -m generator COMMAND`. Each command is `main(argv) -> exit code`.

The build runs these stages (generator/pipeline.py):
  load      data/load.py       a document folder -> raw YAML with file:line positions
  validate  data/validate.py   each file against the schema, then the checks in data/checks/
  model     data/model.py      the cross-referenced edition
  render    render/            pure: edition + language -> pages, navigation, feed, PDF HTML
  outputs   outputs/           site (pages, assets, search per part), feeds, open data, root, PDFs
  swap      staging.py         the new site replaces the old one only when complete
`check` runs load and validate; `build` runs them all. This module is the only one that
reads the environment, the clock or git (through `settings` and `revision`): it turns them
into one `Settings`, or into the folders and date it hands down.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from generator import fingerprint, revision, settings, staging
from generator.problems import DataError, Problem, display_path

if TYPE_CHECKING:
    from generator.data.model import Edition

ROOT = Path(__file__).resolve().parent.parent  # the checkout: mkdocs.yml, docs/, calculators/
DATA = Path("policy_data")
SCHEMA_FILE = Path("schema/policy-data.schema.json")


def make_settings(args: argparse.Namespace, **overrides: object) -> settings.Settings:
    data = Path(args.data)
    document = Path(args.document) if getattr(args, "document", None) else None
    if document is None:
        found = settings.documents(data)
        if not found:
            raise DataError([Problem(str(data), 1, 1, "no document folder with a "
                                     "document.yaml; add policy_data/<document>/")])
        document = found[-1]
    values: dict[str, object] = {
        "root": ROOT, "data": data, "document": document, "out": Path("site"),
        "work": Path(".build"), "site_url": os.environ.get("SITE_URL") or None,
        "edit_base": settings.edit_base(os.environ),
        "repo": settings.repository(os.environ),
        "cms_auth": os.environ.get("HANDBOOK_CMS_AUTH") or None,
        "source_date": settings.source_date(os.environ, ROOT),
    }
    values.update(overrides)
    return settings.Settings(**values)  # type: ignore[arg-type]


def report(problems: list[Problem], strict: bool = False) -> None:
    """Problems to stderr, notes to stdout; to-dos last, as a summary (to stderr when
    `strict` makes them failures)."""
    for p in problems:
        if not p.todo:
            print(p, file=sys.stdout if p.note else sys.stderr)
    todos = [p for p in problems if p.todo]
    if todos:
        out = sys.stderr if strict else sys.stdout
        pending = sum("translation pending" in p.message for p in todos)
        contacts = sum(p.message.startswith("no contact recorded") for p in todos)
        print(f"to do: {pending} translation(s) pending, {len(todos) - pending - contacts} "
              f"review mark(s), {contacts} unit(s) without a contact"
              f"{' (--strict: these fail)' if strict else ''}", file=out)
        for p in todos:
            print(f"  {p}", file=out)


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every document; print every problem as path:line:col: message. With
    --against REV, also fail when something changed since REV without a change-log entry."""
    from generator import pipeline
    from generator.data.load import Unreadable

    if args.list:
        from generator.data.checks import LOCAL, WHOLE

        for check in LOCAL + WHOLE:
            print(f"{check.__module__.rsplit('.', 1)[-1]}.{check.__name__}: "
                  f"{(check.__doc__ or '').strip().splitlines()[0]}")
        return 0
    if not args.folders:  # the whole library: every document and library.yaml, together
        try:
            library, problems = pipeline.read_library(Path(args.data), 0)
        except Unreadable as exc:
            report(exc.problems)
            return 2
        count = len(settings.documents(Path(args.data)))
        if args.against and library is not None and not any(p.fails for p in problems):
            problems += against(Path(args.data), args.against, list(library.documents))
        report(problems, args.strict)
        errors = [p for p in problems if p.fails or (args.strict and p.todo)]
        if errors:
            waiting = ("; the checks across files run once every file loads"
                       if library is None or len(library.documents) < count else "")
            print(f"{args.data}: {len(errors)} problem(s){waiting}", file=sys.stderr)
            return 1
        print(f"{args.data}: ok, {count} document(s) "
              f"({sum(p.note for p in problems)} known note(s))")
        return 0
    worst = 0
    for folder in [Path(p) for p in args.folders]:
        try:
            edition, problems = pipeline.read_edition(folder)
        except Unreadable as exc:
            report(exc.problems)
            worst = 2
            continue
        if args.against and edition is not None and not any(p.fails for p in problems):
            problems += against(folder.parent, args.against, [edition])
        report(problems, args.strict)
        errors = [p for p in problems if p.fails or (args.strict and p.todo)]
        if errors:
            worst = max(worst, 1)
            waiting = ("; the checks across files run once every file loads"
                       if edition is None else "")
            print(f"{folder}: {len(errors)} problem(s){waiting}", file=sys.stderr)
        else:
            print(f"{folder}: ok ({sum(p.note for p in problems)} known note(s))")
    return worst


def against(data: Path, rev: str, editions: list[Edition]) -> list[Problem]:
    """Changes since `rev` that the change log does not record, for each edition (a document
    folder of `data`). One note, and no comparison, when `rev` cannot be read: a fresh clone
    without history, or no such branch."""
    from generator import pipeline
    from generator.data.load import Unreadable
    from generator.editions.changelog import unlogged

    with tempfile.TemporaryDirectory() as scratch:
        try:
            old_data = revision.data_at(data, rev, Path(scratch))
        except revision.NoRevision as exc:
            return [Problem(display_path(data), 1, 1, f"not compared with {rev}: {exc}; the "
                            "change log is not checked against it", note=True)]
        label, today = revision.describe(data, rev), datetime.date.today().isoformat()
        out: list[Problem] = []
        for ed in editions:
            old_folder = old_data / ed.folder.name
            if not (old_folder / "document.yaml").is_file():
                continue  # a new document: nothing to compare with
            try:
                old, _ = pipeline.read_edition(old_folder)
            except Unreadable:
                old = None
            if old is None:
                out.append(Problem(display_path(ed.folder), 1, 1, f"not compared with {rev}: "
                                   "the data there does not load", note=True))
                continue
            out += unlogged(old, ed, label, today)
        return out


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schema for YAML editors (or, with --check, fail if it is stale)."""
    from generator.data.schema import json_schema_text

    out = Path(args.output)
    text = json_schema_text()
    if args.check:
        if not out.is_file() or out.read_text(encoding="utf-8") != text:
            print(f"{out}: stale; run `python -m generator schema` and commit it", file=sys.stderr)
            return 1
        print(f"{out}: up to date")
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site: both languages, feeds, open data (and the PDFs with --pdf)."""
    try:
        s = make_settings(args, out=Path(args.out), pdf=args.pdf, work=Path(args.work),
                          **({"site_url": args.site_url} if args.site_url else {}))
        given = fingerprint.build_inputs(s)
        if not staging.unchanged(s.out, s.work, given.digest):
            from generator import pipeline  # 0.6 s of imports: only for a site out of date

            pipeline.build(s, given=given)
    except DataError as exc:
        report(exc.problems)
        print(f"build failed; {args.out} was left as it was", file=sys.stderr)
        return 1
    print(f"built {s.out}")
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    """Typeset the PDF handbooks of one document into --out."""
    from generator import pipeline
    from generator.outputs.pdf import write_pdfs
    from generator.render import context

    try:
        s = make_settings(args)
        library, problems = pipeline.read_library(s.data, s.source_date)
        errors = [p for p in problems if p.fails]
        if errors or library is None:
            raise DataError(errors)
        edition = library.by_id[s.document.name]
        for path in write_pdfs(edition, context(library, edition), Path(args.out),
                               s.source_date):
            print(f"wrote {path}")
    except DataError as exc:
        report(exc.problems)
        return 1
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    """Write the calculators' rules of one document as rules.json (what the JS engine reads)."""
    from generator import pipeline
    from generator.data.rules import rules_json

    try:
        edition = pipeline.valid_edition(make_settings(args).document)
    except DataError as exc:
        report(exc.problems)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "rules.json").write_text(rules_json(edition), encoding="utf-8")
    print(f"wrote {out / 'rules.json'}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Build, serve at http://127.0.0.1:8000 and rebuild when a source file changes."""
    from generator.serve import serve

    try:
        s = make_settings(args, site_url=f"http://{args.host}:{args.port}/", dev=True)
    except DataError as exc:
        report(exc.problems)
        return 1
    return serve(s, args.host, args.port)


def cmd_amend(args: argparse.Namespace) -> int:
    """Make the clauses follow the amendments recorded in amendments.yaml (data/follow.py)."""
    from generator.data import follow
    from generator.data.load import Unreadable
    from generator.data.read import read_edition

    folders = [Path(f) for f in args.folders] or settings.documents(Path(args.data))
    for folder in folders:
        try:
            edition, problems = read_edition(folder)
        except Unreadable as exc:
            report(exc.problems)
            return 2
        if edition is None:
            report([p for p in problems if p.fails])
            return 1
        for path, done in follow.run(edition):
            print(f"{display_path(path)}: follows its amendments now")
            for line in done:
                print(f"  {line}")
    return 0


def cmd_cms(args: argparse.Namespace) -> int:
    """`make cms`: the web editor on this machine. decap-server (its local backend, git mode)
    runs on a scratch clone of this checkout's last commit in .cms/repo, never on the working
    tree itself (it commits with `git add .`); the preview of that clone's data is served
    with /admin/, both on loopback only. A draft saved in the editor is a branch
    cms/<document>/<file> of the clone; publishing it merges it into the clone's main."""
    import subprocess

    from generator.serve import serve

    scratch = Path(args.scratch) if args.scratch else ROOT / ".cms" / "repo"
    server_js = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
    if not server_js.is_file():
        print("the web editor's local backend (npm decap-server) is not installed: run "
              "`make install`", file=sys.stderr)
        return 2
    if not (scratch / ".git").is_dir():
        scratch.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(scratch)], check=True)
        print(f"made a scratch clone of this checkout's last commit in {scratch}")
    else:
        print(f"editing the scratch clone in {scratch} (delete it to start again from this "
              "checkout's last commit)")
    backend = f"http://127.0.0.1:{args.backend_port}/api/v1"
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(scratch),
           "BIND_HOST": "127.0.0.1", "PORT": str(args.backend_port)}
    proc = subprocess.Popen(["node", str(server_js)], cwd=scratch, env=env)
    try:
        s = make_settings(args, data=scratch / DATA, site_url=f"http://127.0.0.1:{args.port}/",
                          dev=True, cms_local=backend, out=scratch.parent / "site",
                          work=scratch.parent / "work")
        print(f"web editor: http://127.0.0.1:{args.port}/admin/ (log in: no account needed)")
        return serve(s, "127.0.0.1", args.port)
    except DataError as exc:
        report(exc.problems)
        return 1
    finally:
        proc.terminate()
        proc.wait()


def cmd_cms_config(args: argparse.Namespace) -> int:
    """The web editor's configuration, from the schema and the library (YAML on stdout)."""
    import yaml

    from generator.cms import config
    from generator.data.read import read_library

    library, problems = read_library(Path(args.data), 0)
    errors = [p for p in problems if p.fails]
    if errors or library is None:
        report(errors)
        return 1
    text = yaml.safe_dump(config(library, args.repo, args.branch, data=Path(args.data).name),
                          allow_unicode=True, sort_keys=False, width=100)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_fmt(args: argparse.Namespace) -> int:
    """Normalize YAML layout (or, with --check, list the files that are not formatted)."""
    from generator.data.fmt import run

    paths = [Path(p) for p in args.paths] or [Path(args.data)]
    if args.like:
        from generator.data.fmt import yaml_files
        from generator.data.restore import run_like

        files = [f for p in paths for f in (yaml_files(p) if p.is_dir() else [p])]
        changed, errors = run_like(files, args.like)
        for e in errors:
            print(e, file=sys.stderr)
        for path in changed:
            print(f"restored the layout of {path}")
        return 2 if errors else 0
    changed, errors = run(paths, check=args.check)
    for e in errors:
        print(e, file=sys.stderr)
    for path in changed:
        if args.check:
            print(f"{path}: not formatted; run `make fmt`", file=sys.stderr)
        else:
            print(f"formatted {path}")
    if errors:
        return 2
    return 1 if (args.check and changed) else 0


def _edition(folder: Path) -> Edition | int:
    """An edition for `diff`, or the exit code after reporting why it cannot be read."""
    from generator import pipeline
    from generator.data.load import Unreadable

    try:
        ed, problems = pipeline.read_edition(folder)
    except Unreadable as exc:
        report(exc.problems)
        return 2
    if ed is None:
        report(problems)
        return 1
    return ed


def cmd_diff(args: argparse.Namespace) -> int:
    """Differences between two document folders, or between the data and the data at a git
    revision (--against), as text, JSON or Markdown (a pull request's job summary)."""
    from generator.editions.diff import as_json, as_markdown, as_text, diff

    pairs: list[tuple[Path, Path]] = []
    with tempfile.TemporaryDirectory() as scratch:
        if args.against:
            if args.old or args.new:
                print("give OLD NEW or --against REV, not both", file=sys.stderr)
                return 2
            data = Path(args.data)
            try:
                old_data = revision.data_at(data, args.against, Path(scratch))
            except revision.NoRevision as exc:
                print(f"cannot read {data} at {args.against}: {exc}", file=sys.stderr)
                return 2
            pairs = [(old_data / d.name, d) for d in settings.documents(data)
                     if (old_data / d.name / "document.yaml").is_file()]
            label = revision.describe(data, args.against)
        elif args.old and args.new:
            pairs = [(Path(args.old), Path(args.new))]
            label = args.old
        else:
            print("give OLD NEW, or --against REV", file=sys.stderr)
            return 2
        results = []
        for old_folder, new_folder in pairs:
            old, new = _edition(old_folder), _edition(new_folder)
            if isinstance(old, int):
                return old
            if isinstance(new, int):
                return new
            results.append(diff(old, new))
    if args.format == "json":
        sys.stdout.write(as_json(results))
    elif args.format == "markdown":
        sys.stdout.write(as_markdown(results, label, args.preview_url))
    else:
        sys.stdout.write("".join(as_text(r) for r in results))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import a published document (.txt, .docx, saved .html) into a document folder."""
    from generator.importer import InputError, Options, import_document

    issuers = tuple(n.strip() for a in args.issuer for n in re.split(r"[、,，]", a) if n.strip())
    options = Options(issuers=issuers, number=args.number, date=args.date,
                      edition=args.edition, series=args.series, supersedes=args.supersedes,
                      source=args.supplied_from)
    try:
        result = import_document(Path(args.source), Path(args.into),
                                 Path(args.previous) if args.previous else None, args.force,
                                 options)
    except InputError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        print(f"import failed ({len(exc.problems)} problem(s)); nothing was written",
              file=sys.stderr)
        return 1
    except DataError as exc:
        report(exc.problems)
        print("import failed: the result does not pass `check`; nothing was written",
              file=sys.stderr)
        return 1
    except Exception as exc:  # a bug, not the input's fault: say so, in one line, and stop
        print(f"{args.source}:1:1: internal error while importing ({type(exc).__name__}: "
              f"{exc}); nothing was written. This is a bug in the importer: please report it "
              "with the file", file=sys.stderr)
        return 3
    sys.stdout.write(result.report.text())
    print(f"wrote {result.folder} (report: {result.folder / 'import-report.md'})")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", default=str(DATA), help="data folder (default: policy_data)")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="load and validate, e.g. `python -m generator check`")
    c.add_argument("folders", nargs="*", help="document folders (default: all in the data)")
    c.add_argument("--list", action="store_true", help="list the checks and what they hold")
    c.add_argument("--against", metavar="REV", help="git revision of the last published "
                   "state (make check passes the merge base with origin/main): fail when "
                   "something changed since then without a change-log entry")
    c.add_argument("--strict", action="store_true",
                   help="fail on pending translations and review marks too")
    c.set_defaults(func=cmd_check)
    s = sub.add_parser("schema", help="export JSON Schema, e.g. `python -m generator schema`")
    s.add_argument("--output", default=str(SCHEMA_FILE))
    s.add_argument("--check", action="store_true", help="fail when the file is stale")
    s.set_defaults(func=cmd_schema)
    b = sub.add_parser("build", help="all stages into site/, e.g. `python -m generator build`")
    b.add_argument("--out", default="site")
    b.add_argument("--site-url", help="published URL, for feeds, sitemaps and canonical "
                   "links (default: $SITE_URL; none: links stay relative)")
    b.add_argument("--document", help="document folder (default: the last in the data)")
    b.add_argument("--pdf", action="store_true", help="also typeset the PDF handbooks")
    b.add_argument("--work", default=".build", help="scratch space and cache (default .build)")
    b.set_defaults(func=cmd_build)
    f = sub.add_parser("pdf", help="typeset the PDF handbooks, e.g. `python -m generator pdf`")
    f.add_argument("--out", default="site/pdf")
    f.add_argument("--document", help="document folder (default: the last in the data)")
    f.set_defaults(func=cmd_pdf)
    r = sub.add_parser("rules", help="calculator rules as JSON, e.g. `python -m generator rules`")
    r.add_argument("--out", default=".build/calculators")
    r.add_argument("--document", help="document folder (default: the last in the data)")
    r.set_defaults(func=cmd_rules)
    c = sub.add_parser("cms-config", help="the web editor's configuration from the schema, "
                       "e.g. `python -m generator cms-config --repo owner/name`")
    c.add_argument("--repo", default="owner/name", help="the GitHub repository (owner/name)")
    c.add_argument("--branch", default="main")
    c.add_argument("--out", help="write it here (default: standard output)")
    c.set_defaults(func=cmd_cms_config)
    m = sub.add_parser("fmt", help="format YAML, e.g. `python -m generator fmt --check`")
    m.add_argument("paths", nargs="*", help="files or folders (default: the data folder)")
    m.add_argument("--check", action="store_true", help="change nothing; fail if unformatted")
    m.add_argument("--like", metavar="REV", help="put files another YAML writer rewrote (the "
                   "web editor) back into their layout at git revision REV: only the changed "
                   "values differ")
    m.set_defaults(func=cmd_fmt)
    d = sub.add_parser("diff", help="compare editions, e.g. `python -m generator diff OLD NEW`"
                       " or `python -m generator diff --against main`")
    d.add_argument("old", nargs="?", help="old document folder")
    d.add_argument("new", nargs="?", help="new document folder")
    d.add_argument("--against", metavar="REV", help="compare the data folder with itself at "
                   "git revision REV (a branch, tag or commit)")
    d.add_argument("--json", dest="format", action="store_const", const="json",
                   help="machine-readable output (same as --format json)")
    d.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                   help="markdown: a pull request's job summary")
    d.add_argument("--preview-url", help="where the preview is served, for page links in "
                   "the Markdown (e.g. http://127.0.0.1:8000/)")
    d.set_defaults(func=cmd_diff)
    i = sub.add_parser("import", help="a published document into YAML, e.g. `python -m "
                       "generator import notice.docx --into policy_data/city-2026 "
                       "--previous policy_data/city-2025`")
    i.add_argument("source", help="the published text: .txt, .docx or a saved .html page")
    i.add_argument("--into", required=True, help="the new document folder")
    i.add_argument("--previous", help="the previous edition's folder, to carry over from")
    i.add_argument("--force", action="store_true", help="replace --into if it exists")
    i.add_argument("--issuer", action="append", default=[], metavar="NAME",
                   help="who issued it, when the text does not say (no signature, no 发布单位); "
                   "joint issuers separated by 、 or given twice")
    i.add_argument("--number", metavar="文号", help="its 文号, when the text has none")
    i.add_argument("--date", metavar="YYYY-MM-DD", help="its date, when the text has none")
    i.add_argument("--edition", metavar="YEAR", help="its edition, when the text states none "
                   "(else the year of its date)")
    i.add_argument("--series", metavar="ID", help="the series in library.yaml it is an "
                   "edition of (an older edition is attached behind the newer ones)")
    i.add_argument("--supersedes", metavar="ID", help="the edition it replaces (default: the "
                   "newest older edition of its series)")
    i.add_argument("--supplied-from", metavar="WHERE", help="where you found what you supply "
                   "(recorded with it)")
    i.set_defaults(func=cmd_import)
    a = sub.add_parser("amend", help="make the clauses follow the amendments recorded in "
                       "amendments.yaml, e.g. `python -m generator amend`")
    a.add_argument("folders", nargs="*", help="document folders (default: every document)")
    a.set_defaults(func=cmd_amend)
    e = sub.add_parser("cms", help="the web editor on this machine, on a scratch clone, "
                       "e.g. `python -m generator cms` (`make cms`)")
    e.add_argument("--port", type=int, default=8000, help="the preview's port (default 8000)")
    e.add_argument("--backend-port", type=int, default=8081,
                   help="decap-server's port (default 8081)")
    e.add_argument("--scratch", help="the scratch clone (default .cms/repo; made when "
                   "missing)")
    e.set_defaults(func=cmd_cms)
    v = sub.add_parser("serve", help="preview with reload, e.g. `python -m generator serve`")
    v.add_argument("--host", default="127.0.0.1")
    v.add_argument("--port", type=int, default=8000)
    v.add_argument("--document", help="document folder (default: the last in the data)")
    v.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args))
