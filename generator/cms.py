"""`python -m generator cms-config`: the web editor's configuration (Decap CMS), made from the
data schema (data/schema.py) and the library, so a field added to the schema appears in the
form without hand-editing.

Pure: `config(library, repo, branch)` -> the configuration as data. Each document of the
library has collections for its units, glossary, change log, amendments, chapters and
calculators, each a file collection over the document's YAML file. Every field comes from the
schema: a text in both languages is a group of its `zh` and `en`; a choice from a fixed list
is a select of the schema's values; a unit named by a clause is a select of the document's own
units; a pattern is checked in the form with the schema's description as the message; the
schema's description is the field's hint.

What the published Chinese text fixes (the Chinese of a clause, a unit or an incentive, a
quote, a number, an id that other files name) is shown read-only (`readonly`, the widget the
editor's page registers; a text in both languages is `bilingual`: its Chinese read-only beside
its English, which can be edited), and the lists the text fixes (units, clauses, incentives) cannot
gain, lose or reorder items. The change log, the amendments and the glossary are the
project's own: every field can be edited and items added.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from generator.data import schema
from generator.data.library import Library
from generator.settings import CMS_LOCAL

READONLY = "readonly"  # the editor page's widget: shows the value, never writes it
BILINGUAL = "bilingual"  # the editor page's widget: a fixed zh beside the editable en
FIXED_KEYS = {"zh", "quote", "id", "number", "value", "amount", "rate", "cap", "min", "max"}
# The files whose content the published text fixes, and those the project writes itself.
FIXED_FILES = {"units", "chapter", "calculators"}
LISTS_OF_THE_TEXT = {"units", "clauses", "incentives", "targets", "budgets", "figures",
                     "paragraphs"}
UNIT_LISTS = {"responsible_units", "lead_units", "units"}  # lists of unit ids
# What the project adds to a fixed file, all of it editable (a unit's contact, a review note).
FREE = {"contact", "review", "note", "notes", "aliases"}


@cache
def schema_defs() -> dict[str, Any]:
    """The schema's definitions, each file kind's as `<kind>-file` (made once a process; a
    build keeps them in its cache: outputs/admin.py)."""
    return schema.json_schema()["$defs"]  # type: ignore[no-any-return]


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = {**defs[node["$ref"].rsplit("/", 1)[-1]],
                **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _optional(node: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """(the node without its `null` alternative, whether it may be left out)."""
    options = node.get("anyOf")
    if options and any(o.get("type") == "null" for o in options):
        rest = [o for o in options if o.get("type") != "null"]
        inner = rest[0] if len(rest) == 1 else {"anyOf": rest}
        merged = {**inner, **{k: v for k, v in node.items() if k not in ("anyOf", "default")}}
        return merged, True
    return node, "default" in node


def _hint(node: dict[str, Any]) -> dict[str, str]:
    text = " ".join(str(node.get("description", "")).split())
    return {"hint": text} if text else {}


class Fields:
    """The form fields of one file kind, for one document (its unit ids for the selects)."""

    def __init__(self, units: list[tuple[str, str]], fixed: bool, defs: dict[str, Any]
                 ) -> None:
        self.defs, self.fixed = defs, fixed
        # one list for every select of units: written once in config.yml, named elsewhere
        self.units = [{"label": label, "value": uid} for uid, label in units]

    def of(self, node: dict[str, Any], fixed: bool | None = None, optional: bool = False
           ) -> list[dict[str, Any]]:
        """The fields of an object. Those of an `optional` one are never required in the
        form: the form cannot say "required when the object is given", and an empty optional
        object (a contact's address) must not stop a save; `check` still requires them."""
        node = _resolve(node, self.defs)
        required = set() if optional else set(node.get("required", []))
        fixed = self.fixed if fixed is None else fixed
        return [self.field(name, sub, name in required, fixed and name not in FREE)
                for name, sub in node.get("properties", {}).items()]

    def summary(self, items: dict[str, Any]) -> dict[str, str]:
        """A folded item's line: its first field (an id, a clause number) and, when it has
        one, its Chinese name or title (`finance-bureau · 市财政局`)."""
        props = items["properties"]
        first = next(iter(props))
        named = next((n for n in ("name", "title", "label", "term")
                      if n in props and "zh" in _resolve(_optional(_resolve(
                          props[n], self.defs))[0], self.defs).get("properties", {})), None)
        return {"summary": f"{{{{fields.{first}}}}} · {{{{fields.{named}.zh}}}}"} if named \
            else {}

    def field(self, name: str, node: dict[str, Any], required: bool, fixed: bool
              ) -> dict[str, Any]:
        node, optional = _optional(_resolve(node, self.defs))
        node = _resolve(node, self.defs)  # the branch left once `null` is taken out
        base: dict[str, Any] = {"name": name, "label": name.replace("_", " "),
                                "required": required and not optional, **_hint(node)}
        kind = node.get("type")
        numeric = kind in ("integer", "number") or (
            "anyOf" in node and any(o.get("type") == "number" for o in node["anyOf"]))
        if fixed and (name in FIXED_KEYS or numeric):
            return {**base, "widget": READONLY}
        if name in UNIT_LISTS and kind == "array" and \
                _resolve(node.get("items", {}), self.defs).get("type") == "string":
            return {**base, "widget": "select", "multiple": True,
                    "options": self.units,
                    **({"widget": READONLY} if fixed else {})}
        if "enum" in node:
            return {**base, "widget": "select", "options": [str(v) for v in node["enum"]]}
        if kind == "object" and "properties" in node:
            fields = self.of(node, fixed, optional=not base["required"])
            if fixed and set(node["properties"]) == {"zh", "en", "pending"}:
                # a text the published Chinese fixes: zh read-only beside the editable en
                pending = _resolve(_optional(_resolve(node["properties"]["pending"],
                                                      self.defs))[0], self.defs)
                return {**base, "widget": BILINGUAL, "fields": fields,
                        "pending_options": [str(v) for v in pending.get("enum", [])]}
            return {**base, "widget": "object", "collapsed": False, "fields": fields}
        if kind == "array":
            items = _resolve(node.get("items", {}), self.defs)
            listed: dict[str, Any] = {**base, "widget": "list"}
            if fixed and name in LISTS_OF_THE_TEXT:
                listed |= {"allow_add": False, "allow_remove": False, "allow_reorder": False}
            if items.get("type") == "object" and "properties" in items:
                return {**listed, "fields": self.of(items, fixed), "collapsed": True,
                        **self.summary(items)}
            return {**listed, "field": self.field(name, items, True, fixed) | {"label": name}}
        if kind == "boolean":
            return {**base, "widget": "boolean"}
        if kind in ("integer", "number"):  # a clause number, written as a number, not "14"
            return {**base, "widget": "number",
                    "value_type": "int" if kind == "integer" else "float",
                    **({"min": node["minimum"]} if "minimum" in node else {})}
        if kind == "string":
            out = {**base, "widget": "string"}
            if "pattern" in node:
                out["pattern"] = [node["pattern"], base.get("hint") or f"must match "
                                  f"{node['pattern']}"]
            return out
        return {**base, "widget": "code" if kind is None else "string"}


def _file(name: str, label: str, path: str, kind: str, units: list[tuple[str, str]],
          made: dict[tuple[str, tuple[tuple[str, str], ...]], list[dict[str, Any]]],
          defs: dict[str, Any]) -> dict[str, Any]:
    """A file of the form. Files of one kind with the same units share one list of fields
    (`made`): config.yml writes it once and names it after (a YAML anchor and its aliases),
    so a library of 40 documents is not 20 MB of the same fields (eight chapters a document,
    and documents with the same units)."""
    key = (kind, tuple(units))
    if key not in made:
        made[key] = Fields(units, kind in FIXED_FILES, defs).of(defs[f"{kind}-file"])
    return {"name": name, "label": label, "file": path, "fields": made[key]}


def config(library: Library, repo: str | None, branch: str, data: str = "policy_data",
           local: str = CMS_LOCAL, auth: str | None = None,
           defs: dict[str, Any] | None = None) -> dict[str, Any]:
    """The Decap CMS configuration of `library`, whose data folder is `data` in the GitHub
    repository `repo` (owner/name; None when not known: only the local editor works) at
    `branch`. On localhost the editor talks to the local backend at `local` instead
    (decap-server, `make cms`), and saves to a scratch clone. `auth`: the OAuth service
    that logs editors in to GitHub (its `base_url`; the client secret stays there). `defs`:
    the schema's definitions (`schema_defs`), when the caller has them."""
    defs = schema_defs() if defs is None else defs
    collections = []
    made: dict[tuple[str, tuple[tuple[str, str], ...]], list[dict[str, Any]]] = {}
    for ed in library.documents:
        folder = f"{data}/{ed.id}"
        units = [(u.id, f"{u.name.zh} · {u.name.en or u.id}") for u in ed.units]
        title = ed.name.text("zh")
        files = [_file("units", "单位 Units", f"{folder}/units.yaml", "units", units, made, defs),
                 _file("glossary", "术语 Glossary", f"{folder}/glossary.yaml", "glossary",
                       units, made, defs),
                 _file("changes", "修改记录 Change log", f"{folder}/changes.yaml", "changes",
                       units, made, defs),
                 _file("amendments", "修订 Amendments", f"{folder}/amendments.yaml",
                       "amendments", units, made, defs)]
        if "calculators.yaml" in ed.files:
            files.append(_file("calculators", "计算器 Calculators",
                               f"{folder}/calculators.yaml", "calculators", units, made, defs))
        for chapter in ed.chapters:
            rel = ed.chapter_files[chapter.number].path.relative_to(ed.folder).as_posix()
            files.append(_file(f"chapter-{chapter.number}",
                               f"第{chapter.number}章 {chapter.title.zh}",
                               f"{folder}/{rel}", "chapter", units, made, defs))
        collections.append({"name": ed.id, "label": f"{title} ({ed.id})",
                            "extension": "yaml", "format": "yaml", "delete": False,
                            "files": files})
    return {
        "backend": {"name": "github", **({"repo": repo} if repo else {}), "branch": branch,
                    **({"base_url": auth} if auth else {}),
                    "squash_merges": True, "cms_label_prefix": "cms/"},
        "publish_mode": "editorial_workflow",
        "local_backend": {"url": local, "allowed_hosts": ["localhost", "127.0.0.1"]},
        "media_folder": "docs/assets/cms",
        "public_folder": "/assets/cms",
        "locale": "zh_Hans",
        "editor": {"preview": False},
        "collections": collections,
    }
