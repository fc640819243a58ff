"""The models of an imported edition as YAML files, in the layout of `generator fmt` (short
texts and lists in flow style, like the hand-made data), so `fmt --check` passes."""

from __future__ import annotations

import io
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.data.fmt import _yaml, format_text

FLOW_WIDTH = 110  # a mapping or list written on one line when it is this short


def plain(value: Any) -> Any:
    """Model dump -> YAML-ready values: enums as their value, whole decimals as integers."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def data_of(model: BaseModel) -> Any:
    return plain(model.model_dump(mode="python", exclude_defaults=True))


def _size(value: Any) -> int:
    if isinstance(value, dict):
        return sum(len(str(k)) + 2 + _size(v) for k, v in value.items()) + 2
    if isinstance(value, list):
        return sum(_size(v) + 2 for v in value) + 2
    return len(str(value)) + 2


def _scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _layout(value: Any, depth: int = 0) -> Any:
    if isinstance(value, dict):
        node = CommentedMap((k, _layout(v, depth + 1)) for k, v in value.items())
        small = _size(value) + depth * 2 < FLOW_WIDTH and all(
            _scalar(v) or (isinstance(v, dict) and depth > 2) or (isinstance(v, list)
            and all(map(_scalar, v))) for v in value.values())
        if small and depth > 0:
            node.fa.set_flow_style()
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_layout(v, depth + 1) for v in value)
        if all(map(_scalar, value)):
            seq.fa.set_flow_style()
        return seq
    return value


def dump(data: dict[str, Any], comment: str = "") -> str:
    out = io.StringIO()
    _yaml().dump(_layout(data), out)
    head = "".join(f"# {line}\n".replace("# \n", "#\n") for line in comment.splitlines())
    return format_text(head + out.getvalue())
