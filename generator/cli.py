"""Command line: `python -m generator COMMAND`. Each command is `main(argv) -> exit code`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.schema import json_schema_text
from generator.validate import Unreadable, read_edition

DATA = Path("policy_data")
SCHEMA_FILE = Path("schema/policy-data.schema.json")


def editions(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "document.yaml").is_file())


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every edition; print every problem as path:line:col: message."""
    folders = [Path(p) for p in args.folders] or editions(DATA)
    worst = 0
    for folder in folders:
        try:
            _, problems = read_edition(folder)
        except Unreadable as exc:
            for p in exc.problems:
                print(p, file=sys.stderr)
            worst = 2
            continue
        errors = [p for p in problems if not p.note]
        for p in problems:
            print(p, file=sys.stderr if not p.note else sys.stdout)
        if errors:
            worst = max(worst, 1)
            print(f"{folder}: {len(errors)} problem(s)", file=sys.stderr)
        else:
            print(f"{folder}: ok ({len(problems)} known note(s))")
    return worst


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schema for YAML editors (or, with --check, fail if it is stale)."""
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
    """Build the site into site/ (both languages, open data)."""
    from generator.build import BuildOptions, main_build

    opts = BuildOptions(out=Path(args.out), site_url=args.site_url, pdf=args.pdf,
                        edition=Path(args.edition) if args.edition else None)
    return main_build(opts)


def cmd_pdf(args: argparse.Namespace) -> int:
    """Typeset site/pdf/handbook-zh.pdf and handbook-en.pdf from the data."""
    from generator.build import BuildOptions, load, source_date_epoch
    from generator.pdf import write_pdfs
    from generator.problems import DataError

    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch())
    try:
        for path in write_pdfs(load(BuildOptions()), Path(args.out)):
            print(f"wrote {path}")
    except DataError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        return 1
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Build, serve at http://127.0.0.1:8000 and rebuild when a source file changes."""
    from generator.serve import serve

    return serve(args.host, args.port)


def cmd_fmt(args: argparse.Namespace) -> int:
    """Normalize YAML layout (or, with --check, list the files that are not formatted)."""
    from generator.fmt import run

    paths = [Path(p) for p in args.paths] or [DATA]
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


def cmd_diff(args: argparse.Namespace) -> int:
    """Clause-level differences between two edition folders, as text or JSON."""
    from generator.diff import as_json, as_text, diff

    eds = []
    for folder in (args.old, args.new):
        try:
            ed, problems = read_edition(Path(folder))
        except Unreadable as exc:
            for p in exc.problems:
                print(p, file=sys.stderr)
            return 2
        if ed is None:
            for p in problems:
                print(p, file=sys.stderr)
            return 1
        eds.append(ed)
    result = diff(eds[0], eds[1])
    sys.stdout.write(as_json(result) if args.json else as_text(result))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="validate policy data, e.g. `python -m generator check`")
    c.add_argument("folders", nargs="*", help="edition folders (default: all in policy_data/)")
    c.set_defaults(func=cmd_check)
    s = sub.add_parser("schema", help="export JSON Schema, e.g. `python -m generator schema`")
    s.add_argument("--output", default=str(SCHEMA_FILE))
    s.add_argument("--check", action="store_true", help="fail when the file is stale")
    s.set_defaults(func=cmd_schema)
    b = sub.add_parser("build", help="build the site, e.g. `python -m generator build`")
    b.add_argument("--out", default="site")
    b.add_argument("--site-url", default=os.environ.get("SITE_URL", "http://127.0.0.1:8000/"))
    b.add_argument("--edition", help="edition folder (default: the last in policy_data/)")
    b.add_argument("--pdf", action="store_true", help="also typeset the PDF handbooks")
    b.set_defaults(func=cmd_build)
    f = sub.add_parser("pdf", help="typeset the PDF handbooks, e.g. `python -m generator pdf`")
    f.add_argument("--out", default="site/pdf")
    f.set_defaults(func=cmd_pdf)
    m = sub.add_parser("fmt", help="format YAML, e.g. `python -m generator fmt --check`")
    m.add_argument("paths", nargs="*", help="files or folders (default: policy_data/)")
    m.add_argument("--check", action="store_true", help="change nothing; fail if unformatted")
    m.set_defaults(func=cmd_fmt)
    d = sub.add_parser("diff", help="compare editions, e.g. `python -m generator diff OLD NEW`")
    d.add_argument("old")
    d.add_argument("new")
    d.add_argument("--json", action="store_true", help="machine-readable output")
    d.set_defaults(func=cmd_diff)
    v = sub.add_parser("serve", help="preview with reload, e.g. `python -m generator serve`")
    v.add_argument("--host", default="127.0.0.1")
    v.add_argument("--port", type=int, default=8000)
    v.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args))
