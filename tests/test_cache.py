"""The build cache (generator/cache.py): a rebuild builds only what an edit reaches, and what
it takes from the cache is what a fresh build would have made."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from generator.outputs.eli import own_folders
from generator.pipeline import build
from generator.problems import DataError
from tests.conftest import DATA, DOC, doc_page, settings_for

pytestmark = pytest.mark.site

CHAPTER = Path(DOC) / "chapters" / "03-services.yaml"
OLD, NEW = "Support car trade-ins (trading in", "Support car trade-ins, as revised (trading in"


def tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def parts(work: Path) -> set[str]:
    return {p.name for p in (work / "cache" / "parts").iterdir() if (p / ".complete").is_file()}


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, Path, Path]:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    out, work = tmp_path / "site", tmp_path / "work"
    build(settings_for(out, work, data=data))
    return data, out, work


def test_nothing_changed_builds_nothing_and_gives_the_same_site(
        library: tuple[Path, Path, Path]) -> None:
    data, out, work = library
    before, kept = tree(out), parts(work)
    build(settings_for(out, work, data=data))
    assert parts(work) == kept
    assert tree(out) == before


def test_an_english_fix_builds_the_english_pages_only(library: tuple[Path, Path, Path],
                                                      tmp_path: Path) -> None:
    data, out, work = library
    chapter = data / CHAPTER
    text = chapter.read_text(encoding="utf-8")
    assert text.count(OLD) == 1, "the test edits clause 14's English; update OLD"
    before, kept = tree(out), parts(work)
    chapter.write_text(text.replace(OLD, NEW), encoding="utf-8")
    build(settings_for(out, work, data=data))

    built = parts(work) - kept
    assert len(built) == 1, f"one part (the English pages of {DOC}) should be built: {built}"
    assert 'lang="en"' in (work / "cache" / "parts" / built.pop() / "index.html").read_text(
        encoding="utf-8")
    after = tree(out)
    changed = {k for k in after if after[k] != before.get(k)}
    assert f"en/{DOC}/clauses/14/index.html" in changed
    assert not [k for k in changed if k.startswith(f"zh/{DOC}/") and k.endswith(".html")]
    assert "as revised" in doc_page(out, "en", "clauses/14").read_text(encoding="utf-8")

    # and what the cache gave is what a build from nothing gives
    fresh = tmp_path / "fresh"
    build(settings_for(fresh / "site", fresh / "work", data=data))
    assert tree(fresh / "site") == after


def test_each_yaml_file_is_kept_once(library: tuple[Path, Path, Path]) -> None:
    """The parsed-file cache holds one entry per file: an edited file replaces its own."""
    data, out, work = library
    chapter = data / CHAPTER
    text = chapter.read_text(encoding="utf-8")
    for new in (text.replace(OLD, NEW), text):
        chapter.write_text(new, encoding="utf-8")
        build(settings_for(out, work, data=data))
        kept = list((work / "cache" / "yaml").rglob("*.pickle"))
        yaml_files = [p for p in data.rglob("*.yaml") if p.name != "library.yaml"]
        assert len(kept) == len(yaml_files)


def edit(data: Path, old: str, new: str) -> None:
    chapter = data / CHAPTER
    text = chapter.read_text(encoding="utf-8")
    assert text.count(old) == 1, "the test edits clause 14's English; update OLD"
    chapter.write_text(text.replace(old, new), encoding="utf-8")


def test_an_unchanged_document_folder_is_moved_from_the_spare(
        library: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """The site before last is kept as the spare; a build takes from it, by one rename, each
    document folder whose part is unchanged, each unchanged folder of old addresses' pages,
    the web editor's folders and the permanent addresses' (staging.reuse), and the site it
    makes is the one a build from nothing makes."""
    data, out, work = library
    spare = out.with_name(f".{out.name}.spare")
    first_zh = (out / "zh" / DOC).stat().st_ino
    old = [out / "zh" / "clauses", out / "en" / "units" / "commerce-bureau",  # old addresses
           out / "admin", out / "assets" / "editor",  # the web editor, its screenshots
           out / "eli"]  # the permanent addresses (one document's only, here)
    first_old = [p.stat().st_ino for p in old]
    edit(data, OLD, NEW)
    build(settings_for(out, work, data=data))
    assert spare.is_dir() and (spare / "zh" / DOC).stat().st_ino == first_zh
    second_zh = (out / "zh" / DOC).stat().st_ino  # linked afresh: no spare yet
    edit(data, NEW, OLD.replace("Support", "Supporting"))
    build(settings_for(out, work, data=data))
    # the Chinese pages did not change: their folder is the first build's, moved twice
    assert (out / "zh" / DOC).stat().st_ino == first_zh
    assert [p.stat().st_ino for p in old] == first_old  # those folders, likewise
    assert (out / "en" / "units" / "index.html").is_file()  # the library's, beside them
    assert (out / "en" / DOC).stat().st_ino != (spare / "en" / DOC).stat().st_ino
    assert (spare / "zh" / DOC).stat().st_ino == second_zh  # the spare is the site before
    assert "Supporting car trade-ins" in doc_page(out, "en", "clauses/14").read_text(
        encoding="utf-8")
    fresh = tmp_path / "fresh"
    build(settings_for(fresh / "site", fresh / "work", data=data))
    assert tree(out) == tree(fresh / "site")


def test_a_spare_folder_that_changed_is_not_taken(library: tuple[Path, Path, Path],
                                                  tmp_path: Path) -> None:
    """A spare folder replaced since it was recorded (another inode: a build stopped between
    two renames, or a hand at work) is not trusted; nor is one a failed build took."""
    data, out, work = library
    edit(data, OLD, NEW)
    build(settings_for(out, work, data=data))
    spare = out.with_name(f".{out.name}.spare")
    folder = spare / "zh" / DOC
    shutil.copytree(folder, tmp_path / "copy")
    shutil.rmtree(folder)
    (tmp_path / "copy" / "stray.html").write_text("not of this build", encoding="utf-8")
    (tmp_path / "copy").rename(folder)
    edit(data, NEW, OLD.replace("Support", "Supporting"))
    build(settings_for(out, work, data=data))
    assert not (out / "zh" / DOC / "stray.html").exists()

    # a failed build moved folders from the spare into its stage, then threw it away
    before = tree(out)
    (data / DOC / "chapters" / "99-broken.yaml").write_text("clauses: [\n", encoding="utf-8")
    with pytest.raises(DataError):
        build(settings_for(out, work, data=data))
    assert tree(out) == before  # the site in place is whole
    (data / DOC / "chapters" / "99-broken.yaml").unlink()
    edit(data, OLD.replace("Support", "Supporting"), OLD)
    build(settings_for(out, work, data=data))
    fresh = tmp_path / "fresh"
    build(settings_for(fresh / "site", fresh / "work", data=data))
    assert tree(out) == tree(fresh / "site")


def test_a_folder_of_permanent_addresses_is_taken_whole_only_if_one_document_has_it() -> None:
    owners = {"eli/cn/a/2025/20/index.html": "a", "eli/cn/a/2025/20/art_1/index.html": "a",
              "eli/cn/a/2024/9/index.html": "b", "eli/cn/a/index.html": "a",
              "eli/cn/b/2025/1/index.html": "c"}
    assert own_folders(owners) == {
        "eli/cn/a/2025/20/index.html": "eli/cn/a/2025/",
        "eli/cn/a/2025/20/art_1/index.html": "eli/cn/a/2025/",
        "eli/cn/a/2024/9/index.html": "eli/cn/a/2024/",
        "eli/cn/b/2025/1/index.html": "eli/cn/b/"}  # eli/cn/a/index.html: in a shared folder
