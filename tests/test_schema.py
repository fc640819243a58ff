import json

from generator.cli import SCHEMA_FILE
from generator.schema import FILE_MODELS, json_schema_text
from tests.conftest import ROOT


def test_exported_schema_is_up_to_date() -> None:
    path = ROOT / SCHEMA_FILE
    assert path.read_text(encoding="utf-8") == json_schema_text(), (
        "schema/policy-data.schema.json is stale: run `python -m generator schema`")


def test_schema_forbids_unknown_keys_everywhere() -> None:
    schema = json.loads(json_schema_text())
    for name, definition in schema["$defs"].items():
        if definition.get("type") == "object":
            assert definition.get("additionalProperties") is False, name
    assert {f"{k}-file" for k in FILE_MODELS} <= set(schema["$defs"])


def test_every_field_is_documented_or_obvious() -> None:
    """Fields of facts carry descriptions: the schema is the editors' reference."""
    schema = json.loads(json_schema_text())
    incentive = schema["$defs"]["Incentive"]["properties"]
    for key in ("quote", "amount", "max_amount", "rate", "base", "threshold"):
        assert "description" in incentive[key] or "anyOf" in incentive[key], key
