"""A synthetic library for scale runs: 40 documents made from the real one.

    python bench/library.py DATA [--documents 40]

14 issuers (a city and its 13 districts and counties), each with a yearly series of two or
three editions; a newer edition supersedes the one before and raises clause 1's cap, so
comparisons and edition links have something to show. Every document is valid: `check`
passes and the site builds. About 10,000 pages in both languages.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.data.reconstruct import reconstruct_zh  # noqa: E402
from generator.pipeline import read_edition  # noqa: E402

REAL = ROOT / "policy_data" / "jiande-2025"
PLACES = ["city", "d01", "d02", "d03", "d04", "d05", "d06", "d07", "d08", "d09", "d10", "d11",
          "d12", "d13"]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make(data: Path, documents: int = 40) -> list[Path]:
    if data.exists():
        shutil.rmtree(data)
    data.mkdir(parents=True)
    editions: list[tuple[str, int]] = []  # (place, edition number)
    for i in range(documents):
        editions.append((PLACES[i % len(PLACES)], i // len(PLACES)))
    library = ["title: {zh: 某市政策库, en: Policy library of a city}", "issuers:"]
    library += [f"  - {{id: {p}, name: {{zh: 某地{p}人民政府, en: People's Government of {p}}}}}"
                for p in PLACES]
    library.append("series:")
    library += [f"  - {{id: {p}-policy, issuer: {p}, title: {{zh: 某地{p}若干政策, "
                f"en: Policies of {p}}}}}" for p in PLACES]
    (data / "library.yaml").write_text("\n".join(library) + "\n", encoding="utf-8")
    folders = []
    for place, n in editions:
        doc_id = f"{place}-{2024 + n}"
        folder = data / doc_id
        shutil.copytree(REAL, folder)
        (folder / "changes.yaml").unlink()
        doc = folder / "document.yaml"
        replace(doc, "id: jiande-2025", f"id: {doc_id}")
        replace(doc, "series: jiande-economic-policy", f"series: {place}-policy")
        replace(doc, "supersedes:\n", f"supersedes: {place}-{2023 + n}\n" if n else
                "supersedes: null\n")
        replace(doc, 'edition: "2025"', f'edition: "{2024 + n}"')
        if n:  # a newer edition has its own 文号 and registration number (its identifiers)
            replace(doc, "value: {zh: 建政函〔2025〕20号, en: \"Jian Zheng Han [2025] No. 20\"}",
                    f"value: {{zh: 建政函〔2025〕{20 + n}号, "
                    f"en: \"Jian Zheng Han [2025] No. {20 + n}\"}}")
            replace(doc, "value: AJDD00-2025-0001", f"value: AJDD00-2025-{1 + n:04d}")
        if n:  # a newer edition raises clause 1's cap by 10万元 per edition
            ch1 = folder / "chapters" / "01-science-technology.yaml"
            cap = 20 + 10 * n
            for old, new in (("给予最高20万元奖励", f"给予最高{cap}万元奖励"),
                             ("给予最高20万元奖励", f"给予最高{cap}万元奖励")):
                replace(ch1, old, new)
            replace(ch1, "up to CNY 200,000; a high-tech",
                    f"up to CNY {cap * 10_000:,}; a high-tech")
            replace(ch1, "        max_amount: 200000\n", f"        max_amount: {cap * 10_000}\n")
            edition, problems = read_edition(folder)
            assert edition is not None, problems
            (folder / "source.zh.txt").write_text(reconstruct_zh(edition), encoding="utf-8")
        folders.append(folder)
    return folders


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("data", type=Path)
    p.add_argument("--documents", type=int, default=40)
    args = p.parse_args()
    print(f"{len(make(args.data, args.documents))} documents in {args.data}")
