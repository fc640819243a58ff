"""Search settings per language: jieba user dictionary and the client-side tokenizer.

Material's search plugin segments Chinese with jieba at build time; the browser only splits
queries on `separator`. So the separator must also split where jieba splits but a reader
does not type a space: between digits and Chinese (50万元 -> 50, 万元) and at ASCII brackets
inside Chinese text ((REITs) -> REITs).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.model import Edition

# Whitespace, zero-width space (jieba's joiner), CJK and ASCII punctuation; then the
# boundaries between a digit and a non-digit (lookarounds are supported by Material's
# tokenizer, which applies the expression to the whole string).
_PUNCT = r"[\s\u200b\u3000\-、。，．？！；：,.:;!?()（）\[\]【】“”\"'《》〔〕/+|]+"
SEPARATOR = {
    "zh": _PUNCT + r"|(?<=\d)(?=[^\d\s])|(?<=[^\d\s])(?=\d)",
    "en": r"[\s\u200b\-,:;!?=\[\]()\"'/|]+|\.(?!\d)",
}


def jieba_user_dict(ed: Edition) -> str:
    """Glossary terms and unit names as whole jieba words (a high frequency wins the split)."""
    words = {g.zh for g in ed.glossary}
    for u in ed.units:
        words.add(u.name.zh)
        words.update(u.aliases)
    lines = [f"{w} 100000 n" for w in sorted(words) if w and " " not in w]
    return "\n".join(lines) + "\n"


def search_config(lang: str, dict_path: Path) -> dict[str, Any]:
    config: dict[str, Any] = {"lang": lang, "separator": SEPARATOR[lang]}
    if lang == "zh":
        config["jieba_dict_user"] = str(dict_path)
    else:
        config["pipeline"] = ["stemmer", "stopWordFilter"]
    return config
