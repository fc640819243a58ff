"""The web editor's configuration (`python -m generator cms-config`) is made from the schema:
every field of a data file is in its form, what the published Chinese fixes is read-only,
choices are selects of the schema's values or the document's own units, and the form checks
a pattern as the schema does."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from generator.cli import main
from generator.cms import READONLY, config
from generator.data import schema
from generator.data.library import Library


def fields(form: list[dict[str, Any]], *path: str) -> dict[str, Any]:
    """The field at `path` (names) in a list of form fields."""
    field: dict[str, Any] = {"fields": form}
    for name in path:
        field = next(f for f in field["fields"] if f["name"] == name)
    return field


def names(model: type[BaseModel]) -> set[str]:
    return set(model.model_fields)


def form_of(cfg: dict[str, Any], document: str, file: str) -> list[dict[str, Any]]:
    collection = next(c for c in cfg["collections"] if c["name"] == document)
    return next(f for f in collection["files"] if f["name"] == file)["fields"]  # type: ignore[no-any-return]


def test_every_file_of_every_document_has_its_form(library: Library) -> None:
    cfg = config(library, "owner/name", "main")
    assert cfg["publish_mode"] == "editorial_workflow" and cfg["backend"]["name"] == "github"
    for ed in library.documents:
        collection = next(c for c in cfg["collections"] if c["name"] == ed.id)
        files = {f["file"] for f in collection["files"]}
        for rel in ("units.yaml", "glossary.yaml", "changes.yaml", "amendments.yaml"):
            assert f"policy_data/{ed.id}/{rel}" in files
        chapters = {f for f in files if "/chapters/" in f}
        assert len(chapters) == len(ed.chapters)
        for f in files:  # each names a file of the document, or one the editor creates
            assert f.startswith(f"policy_data/{ed.id}/")


def test_a_unit_form_has_every_schema_field(library: Library) -> None:
    ed = library.documents[0]
    form = form_of(config(library, "o/n", "main"), ed.id, "units")
    unit = fields(form, "units")
    assert {f["name"] for f in unit["fields"]} == names(schema.Unit)
    contact = fields(form, "units", "contact")
    assert {f["name"] for f in contact["fields"]} == names(schema.Contact)
    assert not (unit["allow_add"] or unit["allow_remove"] or unit["allow_reorder"])


def test_what_the_published_text_fixes_is_read_only(library: Library) -> None:
    ed = library.documents[0]
    cfg = config(library, "o/n", "main")
    units = form_of(cfg, ed.id, "units")
    assert fields(units, "units", "id")["widget"] == READONLY
    assert fields(units, "units", "name", "zh")["widget"] == READONLY
    assert fields(units, "units", "name", "en")["widget"] == "string"
    # what the project adds is editable, its Chinese too
    assert fields(units, "units", "contact", "address", "zh")["widget"] == "string"
    chapter = form_of(cfg, ed.id, "chapter-1")
    clause = fields(chapter, "clauses")
    assert fields(chapter, "clauses", "title", "zh")["widget"] == READONLY
    assert fields(chapter, "clauses", "title", "en")["widget"] == "string"
    assert fields(chapter, "clauses", "number")["widget"] == READONLY
    assert fields(chapter, "clauses", "incentives", "quote")["widget"] == READONLY
    assert clause["allow_add"] is False
    # the project's own files: nothing read-only
    changes = form_of(cfg, ed.id, "changes")
    assert READONLY not in yaml.safe_dump(changes)


def test_choices_are_selects_from_the_schema_and_the_data(library: Library) -> None:
    ed = library.documents[0]
    cfg = config(library, "o/n", "main")
    kind = fields(form_of(cfg, ed.id, "units"), "units", "kind")
    assert kind["widget"] == "select"
    assert kind["options"] == [k.value for k in schema.UnitKind]
    amendment = fields(form_of(cfg, ed.id, "amendments"), "amendments", "kind")
    assert amendment["options"] == [k.value for k in schema.AmendmentKind]
    date = fields(form_of(cfg, ed.id, "amendments"), "amendments", "date")
    assert date["pattern"][0] == r"^\d{4}-\d{2}-\d{2}$"
    units = fields(form_of(cfg, ed.id, "chapter-1"), "clauses", "responsible_units")
    assert [o["value"] for o in units["options"]] == [u.id for u in ed.units]


def test_the_form_checks_a_phone_as_the_schema_does(library: Library) -> None:
    ed = library.documents[0]
    phone = fields(form_of(config(library, "o/n", "main"), ed.id, "units"),
                   "units", "contact", "phone")
    pattern, message = phone["pattern"]
    assert re.search(pattern, "0571-64712345") and not re.search(pattern, "call us")
    assert "0571-64712345" in message
    unit = {"id": "x", "name": {"zh": "某局", "en": "A bureau"}, "kind": "bureau"}
    schema.Unit.model_validate({**unit, "contact": {"phone": "0571-64712345"}})
    with pytest.raises(ValidationError, match=r"contact\.phone"):  # refused as the form does
        schema.Unit.model_validate({**unit, "contact": {"phone": "call us"}})


def test_the_command_writes_the_configuration(tmp_path: Path) -> None:
    out = tmp_path / "admin" / "config.yml"
    assert main(["cms-config", "--repo", "owner/name", "--out", str(out)]) == 0
    cfg = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert cfg["backend"]["repo"] == "owner/name"
    assert cfg["collections"]


def test_the_published_configuration_writes_each_form_once(built_site: Path) -> None:
    """/admin/config.yml names a form written before instead of writing it again (a YAML
    anchor and its aliases, which Decap reads): the eight chapters' forms are one, as are the
    units' selects. A 40-document library wrote 21 MB of the same fields, in 27 s."""
    text = (built_site / "admin" / "config.yml").read_text("utf-8")
    cfg = yaml.safe_load(text)
    (collection,) = cfg["collections"]
    chapters = [f for f in collection["files"] if f["name"].startswith("chapter-")]
    assert len(chapters) == 8
    assert all(f["fields"] == chapters[0]["fields"] for f in chapters)
    anchors = re.findall(r"fields: &(\w+)", text)
    assert any(text.count(f"fields: *{a}") == 7 for a in anchors), anchors
    assert len(text) < 200_000
