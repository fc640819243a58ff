"""What a YAML parser error means, in an editor's words.

The parser says `expected <block end>, but found '<block mapping start>'`; an editor needs
"line 95 is indented 2 more spaces than `quote:` on line 94 above it". `explain` looks at the
lines around the parser's mark and names the mistake: indentation, a `: ` inside an unquoted
text, an unclosed bracket or quote, a tab, a key given twice. Used by the loader (`check`)
and by `fmt`, so both print the same `path:line:col: message`.
"""

from __future__ import annotations

import re

from ruamel.yaml.error import MarkedYAMLError

_KEY = re.compile(r"^(\s*)(?:-\s+)?([^\s#:][^:#]*?):(?:\s|$)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_column(line: str) -> int:
    """Indentation of the line's key: after the dash of a list item (`  - id: x` -> 4)."""
    ind = _indent(line)
    rest = line[ind:]
    if rest.startswith("- "):
        return ind + 2 + _indent(rest[2:])
    return ind


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _previous(lines: list[str], at: int) -> int | None:
    """Index of the nearest line above `at` that holds something (not blank, not a comment)."""
    return next((i for i in range(at - 1, -1, -1) if _content(lines[i])), None)


def _label(line: str) -> str:
    """How to name a line: its key (`quote:`), its list dash (`- id:`), or its start."""
    stripped = line.strip()
    m = _KEY.match(line)
    if m:
        return f"`{'- ' if stripped.startswith('- ') else ''}{m.group(2).strip()}:`"
    return f"`{stripped[:20]}{'…' if len(stripped) > 20 else ''}`"


def _spaces(n: int) -> str:
    return f"{n} space{'' if n == 1 else 's'}"


def _levels(lines: list[str], at: int) -> list[tuple[int, int]]:
    """(indentation, line index) of the keys that are open above line `at`, innermost first:
    the levels a line there may line up with."""
    out: list[tuple[int, int]] = []
    limit = None
    for i in range(at - 1, -1, -1):
        if not _content(lines[i]):
            continue
        ind = _indent(lines[i])
        if lines[i].lstrip().startswith("- "):
            # a list item opens two levels: the dash's and its first key's
            inner = ind + 2 + _indent(lines[i].lstrip()[2:])
            if limit is None or inner < limit:
                out.append((inner, i))
                limit = inner
        if limit is None or ind < limit:
            out.append((ind, i))
            limit = ind
        if ind == 0:
            break
    return out


def explain(text: str, exc: MarkedYAMLError) -> tuple[int, int, str]:
    """(line, col, message), 1-based, for a parser or constructor error on `text`."""
    lines = text.splitlines() or [""]
    mark = exc.problem_mark or exc.context_mark
    at = min(mark.line, len(lines) - 1) if mark else 0
    col = (mark.column + 1) if mark else 1
    problem, context = exc.problem or "", exc.context or ""
    start = exc.context_mark.line if exc.context_mark else at
    line = lines[at] if at < len(lines) else ""
    n = at + 1

    if "duplicate key" in problem:
        key = re.search(r'duplicate key "([^"]*)"', problem)
        name = key.group(1) if key else "?"
        first = next((i + 1 for i in range(start, at) if _KEY.match(lines[i])
                      and _KEY.match(lines[i]).group(2).strip() == name  # type: ignore[union-attr]
                      and _indent(lines[i]) == _indent(line)), None)
        where = f" (first on line {first})" if first else ""
        return n, _indent(line) + 1, (f"key `{name}` is given twice in the same mapping{where}; "
                                      "keep one")
    if "\t" in line[: max(_indent(line) + 1, 1)] or "'\\t'" in problem:
        return n, line.index("\t") + 1 if "\t" in line else 1, (
            f"line {n} is indented with a tab; indent with spaces only")
    if "quoted scalar" in context:
        q = lines[start][exc.context_mark.column] if exc.context_mark else '"'
        return start + 1, (exc.context_mark.column + 1 if exc.context_mark else 1), (
            f"the {q} opened on line {start + 1} is never closed; end the text with {q}")
    if "flow sequence" in context or "flow mapping" in context:
        opener, closer = ("[", "]") if "sequence" in context else ("{", "}")
        return start + 1, (exc.context_mark.column + 1 if exc.context_mark else 1), (
            f"the `{opener}` on line {start + 1} is not closed; end it with `{closer}` on the "
            "same line, and quote texts that contain `,` or `:`")
    prev = _previous(lines, at)
    if "mapping values are not allowed" in problem:
        key = _KEY.match(line)
        colon = mark.column if mark else 0
        if key and key.end(2) < colon:  # `zh: 甲: 乙`: a second `: ` on a key's line
            return n, col, (f"line {n} has `: ` inside an unquoted text, which YAML reads as a "
                            "new key; put the whole text in quotes (\"…\")")
        if prev is not None and _indent(line) > _key_column(lines[prev]):
            more = _indent(line) - _key_column(lines[prev])
            return n, _indent(line) + 1, (
                f"line {n} is indented {more} more space{'' if more == 1 else 's'} than "
                f"{_label(lines[prev])} on line {prev + 1} above it, so YAML reads it as part "
                f"of that line's value; indent it {_spaces(_key_column(lines[prev]))}, like "
                f"{_label(lines[prev])}")
        return n, col, (f"line {n} has `: ` where YAML expects a plain value; put the text in "
                        "quotes (\"…\") or check the indentation")
    if ("expected <block end>" in problem or "did not find expected" in problem) \
            and prev is not None:
        ind = _indent(line)
        levels = _levels(lines, at)
        if ind not in {lvl for lvl, _ in levels} and levels:
            lvl, i = min(levels, key=lambda li: (abs(li[0] - ind), -li[0]))
            diff = ind - lvl
            how = f"{_spaces(abs(diff))} {'more' if diff > 0 else 'fewer'}"
            return n, ind + 1, (f"line {n} is indented {how} than {_label(lines[i])} on line "
                                f"{i + 1}, and lines up with no key above it; indent it "
                                f"{_spaces(lvl)}, like {_label(lines[i])}")
        if "'-'" in problem or "'?'" in problem or "block collection" in context:
            return n, ind + 1, (f"line {n} is a key where the list above it expects `- ` items; "
                                "start it with `- ` or indent it under an item")
    what = problem or context or "invalid YAML"
    return n, col, (f"YAML cannot read line {n} ({what}); check the indentation, colons and "
                    "quotes on this line")
