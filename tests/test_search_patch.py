"""The two patches to Material's search worker, against the worker of the installed Material:
an upgrade that changes the patched code fails here in seconds, not in a site build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import material
import pytest

from generator.outputs.search import WorkerPatchError, join_amounts, patch_search_worker

WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def copy_worker(tmp_path: Path) -> Path:
    found = [p for p in WORKERS.glob("search.*.js") if p.suffix == ".js"]
    assert len(found) == 1, found
    site = tmp_path / "site"
    (site / "assets" / "javascripts" / "workers").mkdir(parents=True)
    shutil.copy(found[0], site / "assets" / "javascripts" / "workers" / found[0].name)
    return site


def test_the_installed_worker_is_patched_once_each(tmp_path: Path) -> None:
    site = copy_worker(tmp_path)
    before = next((site / "assets/javascripts/workers").iterdir()).read_text(encoding="utf-8")
    patched = patch_search_worker(site).read_text(encoding="utf-8")
    assert "lunr.QueryLexer.termSeparator=/\\s+/" in patched
    assert patched.count("<=") == before.count("<=") + 1  # the segment loop reaches the end


def test_a_changed_worker_stops_the_build(tmp_path: Path) -> None:
    site = copy_worker(tmp_path)
    worker = next((site / "assets/javascripts/workers").iterdir())
    worker.write_text(worker.read_text(encoding="utf-8").replace("lunr.tokenizer.separator=",
                                                                 "lunr.tokenizer.sep="), "utf-8")
    with pytest.raises(WorkerPatchError, match="separator set-up was found 0 times"):
        patch_search_worker(site)


def test_amounts_become_one_token() -> None:
    index = {"docs": [{"title": "50\u200b万元", "text": "最高\u200b20\u200b万元\u200b奖励"}]}
    joined = json.loads(join_amounts(json.dumps(index)))
    assert joined["docs"] == [{"title": "50万元", "text": "最高\u200b20万元\u200b奖励"}]
