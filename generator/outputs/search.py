"""Search, part of the site output: per-language settings for Material's search plugin (the
jieba user dictionary, the client-side separator) and two fixes applied to the built site
(amounts as one token in the index; two patches to Material's search worker).

Material's search plugin segments Chinese with jieba at build time; the browser only splits
queries on `separator`. So the separator must also split where jieba splits but a reader
does not type a space: between digits and Chinese (50万元 -> 50, 万元) and at ASCII brackets
inside Chinese text ((REITs) -> REITs).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from generator.data.model import Edition

# Whitespace, zero-width space (jieba's joiner), CJK and ASCII punctuation; then the
# boundaries between a digit and a non-digit (lookarounds are supported by Material's
# tokenizer, which applies the expression to the whole string).
_PUNCT = r"[\s\u200b\u3000\-、。，．？！；：,:;!?()（）\[\]【】“”\"'《》〔〕/+|]+"
SEPARATOR = {
    # A "." splits unless a digit follows (1.5万元 keeps 1.5). Amounts stay whole: the index
    # is post-processed so that 50万元 is one token (join_amounts), as a reader types it.
    "zh": _PUNCT + r"|\.(?!\d)",
    # Hyphenated words stay whole (trade-in, high-tech): "in" alone is a stop word.
    "en": r"[\s\u200b,:;!?=\[\]()\"'/|]+|\.(?!\d)",
}


def jieba_user_dict(ed: Edition) -> str:
    """Glossary terms and unit names as whole jieba words (a high frequency wins the split)."""
    words = {g.zh for g in ed.glossary}
    for u in ed.units:
        words.add(u.name.zh)
        words.update(u.aliases)
    lines = [f"{w} 100000 n" for w in sorted(words) if w and " " not in w]
    return "\n".join(lines) + "\n"


def configure(plugin_config: Any, lang: str, dict_path: Path) -> None:
    """Set Material's search plugin for `lang` (before its own on_config reads the settings).
    English keeps Material's default pipeline (no stemmer): queries get a trailing wildcard,
    and lunr does not stem wildcard terms, so a stemmed index misses "postdoctoral*"."""
    plugin_config.lang = [lang]
    plugin_config.separator = SEPARATOR[lang]
    if lang == "zh":
        plugin_config.jieba_dict_user = str(dict_path)


def fix_built_site(site_dir: Path, lang: str) -> None:
    """After MkDocs: amounts joined in the Chinese index, the search worker patched."""
    if lang == "zh":
        index = site_dir / "search" / "search_index.json"
        index.write_text(join_amounts(index.read_text(encoding="utf-8")), encoding="utf-8")
    patch_search_worker(site_dir)


# Material's experimental Chinese query segmentation (search worker, `segment()`) looks up
# every substring query[i:j] in the index with j < len(query), so the last character of a
# query never belongs to a segment: 高新技术企业 becomes 高*, 新*, 技术* and the whole term,
# indexed as one token through the jieba user dictionary, is never asked for. Upstream:
# src/templates/assets/javascripts/integrations/search/query/segment/index.ts. We patch the
# built worker to include the end (j <= len) and fail the build if the code has changed.
_SEGMENT_LOOP = re.compile(
    r"for\(let (\w)=(\w)\+1;\1<(\w)\.length;\1\+\+\)\3\.slice\(\2,\1\)in (\w)"
)


# The query lexer splits terms on lunr's default separator (whitespace and hyphen) before
# Material splits them with the configured one, so "trade-in" is searched as trade* and in*
# (which matches every word starting with "in"). Patched so the lexer splits on whitespace
# only and the configured separator alone decides the rest.
_SEPARATOR_SET = re.compile(r"lunr\.tokenizer\.separator=new RegExp\((\w)\.separator\)")

# jieba segments only Han runs, so the index holds "50" and "万元" apart; a reader types
# 50万元. Joining them makes the amount one token (and 5000万元 no longer matches 50万元).
_AMOUNT = re.compile(
    r"(\d)\u200b(万美元|亿美元|万元|亿元|美元|元|万|亿)(?=\u200b|[^\u4e00-\u9fff]|$)")


def join_amounts(index_json: str) -> str:
    """The search index with amounts joined in every entry's title and text."""
    data = json.loads(index_json)
    for doc in data["docs"]:
        for key in ("title", "text"):
            doc[key] = _AMOUNT.sub(r"\1\2", doc[key])
    return json.dumps(data, separators=(",", ":"))


class WorkerPatchError(Exception):
    pass


def patch_search_worker(site_lang_dir: Path) -> Path:
    workers = sorted((site_lang_dir / "assets" / "javascripts" / "workers").glob("search.*.js"))
    workers = [w for w in workers if w.suffix == ".js"]
    if len(workers) != 1:
        raise WorkerPatchError(f"expected one search worker in {site_lang_dir}, found "
                               f"{len(workers)}")
    text = workers[0].read_text(encoding="utf-8")
    patched, count = _SEGMENT_LOOP.subn(
        lambda m: m.group(0).replace(f"{m.group(1)}<{m.group(3)}.length",
                                     f"{m.group(1)}<={m.group(3)}.length"), text)
    if count != 1:
        raise WorkerPatchError(f"{workers[0].name}: Material's query segmentation loop was "
                               f"found {count} times, not once; check whether the upgrade fixed "
                               "it and update generator/search.py")
    patched, count = _SEPARATOR_SET.subn(
        lambda m: m.group(0) + ",lunr.QueryLexer.termSeparator=/\\s+/", patched)
    if count != 1:
        raise WorkerPatchError(f"{workers[0].name}: Material's separator set-up was found "
                               f"{count} times, not once; update generator/search.py")
    workers[0].write_text(patched, encoding="utf-8")
    return workers[0]
