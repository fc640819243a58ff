"""A synthetic document for scale runs: the real document's clauses repeated and renumbered.

`python bench/synthetic.py DATA --clauses 2500` writes a data folder (library.yaml and one
valid document folder, JSON being YAML) and prints the document folder.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from generator.data.model import Edition
from generator.data.reconstruct import reconstruct_zh
from generator.data.schema import Chapter
from generator.pipeline import read_edition

ROOT = Path(__file__).resolve().parent.parent


def make(data: Path, clauses: int) -> Path:
    ed, _ = read_edition(ROOT / "policy_data" / "jiande-2025")
    assert ed is not None
    per_chapter = [len(ch.clauses) for ch in ed.chapters]
    scale = clauses / sum(per_chapter)
    if data.exists():
        shutil.rmtree(data)
    out = data / "synthetic"
    (out / "chapters").mkdir(parents=True)
    shutil.copy(ROOT / "policy_data" / "library.yaml", data / "library.yaml")
    for name in ("document.yaml", "units.yaml", "glossary.yaml", "calculators.yaml"):
        shutil.copy(ed.folder / name, out / name)
    number = 0
    chapters = []
    for i, ch in enumerate(ed.chapters):
        want = round(sum(per_chapter[: i + 1]) * scale) - number
        repeated = []
        for k in range(want):
            source = ch.clauses[k % len(ch.clauses)]
            number += 1
            repeated.append(source.model_copy(update={"number": number}))
        chapters.append(ch.model_copy(update={"clauses": repeated}))
    for ch in chapters:
        data = Chapter.model_validate(ch.model_dump()).model_dump(mode="json", exclude_none=True)
        (out / "chapters" / f"{ch.number:02d}.yaml").write_text(
            json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    synthetic = Edition(folder=out, document=ed.document, chapters=tuple(chapters),
                        units=ed.units, glossary=ed.glossary, source_text="")
    (out / "source.zh.txt").write_text(reconstruct_zh(synthetic), encoding="utf-8")
    return out


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("out", type=Path)
    p.add_argument("--clauses", type=int, default=2500)
    args = p.parse_args()
    print(make(args.out, args.clauses))
