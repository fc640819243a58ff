"""The site's own CSS and JS: the hand-written files of docs/assets/ and the calculator engine
and UI of calculators/, compacted for the page (the sources stay readable)."""

from __future__ import annotations

import re
from pathlib import Path


def compact(text: str, suffix: str) -> str:
    """Without comments, indentation and blank lines. Only whole-line // comments are
    dropped, so nothing that merely contains // is touched."""
    if suffix == ".css":
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(ln for ln in lines if ln and not (suffix == ".js" and ln.startswith("//"))
                     ) + "\n"


def own_assets(docs: Path, calculators: Path, dev: bool) -> dict[str, str]:
    """`assets/<name>` -> compacted text. The live-reload script only in `make serve`."""
    sources = {f"assets/{p.name}": p for p in sorted((docs / "assets").iterdir())
               if p.suffix in (".css", ".js") and (dev or p.name != "dev-reload.js")}
    sources |= {f"assets/calc-{name}": calculators / name
                for name in ("engine.js", "ui.js", "finder.js")}
    return {uri: compact(path.read_text(encoding="utf-8"), path.suffix)
            for uri, path in sources.items()}
