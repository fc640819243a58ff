import json

from generator.cli import SCHEMA_FILE
from generator.data.schema import FILE_MODELS, json_schema_text
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


OBVIOUS = {"id", "kind", "zh", "en"}  # named by their type or documented on the model


def test_every_field_of_a_fact_is_documented() -> None:
    """Fields of facts carry descriptions: the schema is the editors' reference (YAML editors
    show them on hover)."""
    schema = json.loads(json_schema_text())
    undocumented = [f"{model}.{key}" for model in ("Incentive", "Target", "Figure",
                                                   "BudgetItem", "Threshold", "Rule")
                    for key, prop in schema["$defs"][model]["properties"].items()
                    if key not in OBVIOUS and not prop.get("description")]
    assert undocumented == []
