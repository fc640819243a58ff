"""The templates' compiled form (render/jinja.py CompiledTemplates): kept between processes,
taken only while its template is as it was, and never a reason for a build to fail."""

from __future__ import annotations

from pathlib import Path

from jinja2 import DictLoader, Environment, FileSystemLoader

from generator.render.jinja import CompiledTemplates


def test_a_template_is_compiled_once_and_again_when_it_changes(tmp_path: Path) -> None:
    source, compiled = tmp_path / "templates", tmp_path / "compiled"
    source.mkdir()
    (source / "page.html.jinja").write_text("one {{ n }}", encoding="utf-8")

    def render() -> str:  # a new environment: as in a new process
        env = Environment(loader=FileSystemLoader(source),
                          bytecode_cache=CompiledTemplates(compiled))
        return env.get_template("page.html.jinja").render(n=1)

    assert render() == "one 1"
    (kept,) = compiled.iterdir()
    stamp = kept.stat().st_mtime_ns
    assert render() == "one 1" and kept.stat().st_mtime_ns == stamp  # taken, not written
    (source / "page.html.jinja").write_text("two {{ n }}", encoding="utf-8")
    assert render() == "two 1"


def test_a_folder_that_is_a_file_compiles_as_before(tmp_path: Path) -> None:
    """A folder that cannot be made or written (a file in its way: root, as on these
    machines, writes into read-only folders)."""
    (tmp_path / "compiled").write_text("", encoding="utf-8")
    env = Environment(loader=DictLoader({"a": "{{ 1 + 1 }}"}),
                      bytecode_cache=CompiledTemplates(tmp_path / "compiled"))
    assert env.get_template("a").render() == "2"
