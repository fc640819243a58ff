"""The machine-readable outputs are cached like the other open data: a build from the same
documents makes no Akoma Ntoso file, data file or identifier page again (a build for another
site address makes only the identifier pages again: their canonical links name it), and the
output is the same bytes."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import build
from tests.conftest import settings_for


def entries(work: Path) -> dict[str, set[str]]:
    cache = work / "cache"
    return {kind: {p.name for p in (cache / kind).iterdir()} for kind in
            ("akn", "eli", "data", "api")}


def test_a_second_build_reuses_every_machine_readable_output(tmp_path: Path) -> None:
    work = tmp_path / "work"
    build(settings_for(tmp_path / "a", work, site_url=None))
    first = entries(work)
    assert all(first.values()), first
    build(settings_for(tmp_path / "b", work, site_url=None))
    assert entries(work) == first
    for rel in ("data/jiande-2025/akn/jiande-2025-zho.xml", "data/openapi.json",
                "data/jiande-2025/clauses/14.json",
                "eli/cn/jiande/2025/jianzhenghan-20/art_14/eng/index.html"):
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
    build(settings_for(tmp_path / "c", work, site_url="http://127.0.0.1:8001/"))
    after = entries(work)
    assert after["akn"] == first["akn"] and after["data"] == first["data"]
    assert after["eli"] > first["eli"]  # the identifier pages' canonical links changed
