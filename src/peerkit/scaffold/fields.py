"""One field of a schema at a time: its help text, and whether an answer fits it.

Questions show a field's own description and answers are checked against the
field's own rules, so the scaffold never keeps a second list of what a field
means or allows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from peerkit.model.schemas import RecordKind, schema_for

FieldPath = tuple[str, ...]


def field_schema(kind: RecordKind, path: FieldPath) -> dict[str, Any]:
    """The schema of one field; a path step into a list means its items."""
    node = schema_for(kind)
    for name in path:
        node = node["properties"][name]
        items = node.get("items")
        if (
            node.get("type") == "array"
            and isinstance(items, dict)
            and items.get("type") == "object"
        ):
            node = items
    return node


def describe(kind: RecordKind, path: FieldPath) -> str:
    return str(field_schema(kind, path).get("description", ""))


def field_problem(kind: RecordKind, path: FieldPath, value: Any) -> str | None:
    """None if ``value`` fits the field; otherwise what the field expects."""
    schema = field_schema(kind, path)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    if validator.is_valid(value):
        return None
    maximum = schema.get("maxLength")
    if isinstance(value, str) and maximum and len(value) > maximum:
        return f"too long ({len(value)} characters; at most {maximum})"
    if isinstance(value, str) and not value.strip():
        return "must not be empty"
    return describe(kind, path) or "not valid"


def ordered(kind: RecordKind, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with its fields in the schema's order, nested fields too."""
    return _ordered(schema_for(kind), data)


def _ordered(schema: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = schema.get("properties", {})
    result: dict[str, Any] = {}
    for name in [*properties, *(k for k in data if k not in properties)]:
        if name not in data:
            continue
        value, sub = data[name], properties.get(name, {})
        if isinstance(value, dict):
            value = _ordered(sub, value)
        elif isinstance(value, list) and isinstance(sub.get("items"), dict):
            value = [_ordered(sub["items"], v) if isinstance(v, dict) else v for v in value]
        result[name] = value
    return result


def checked(
    kind: RecordKind, path: FieldPath, convert: Callable[[Any], Any] = lambda value: value
) -> Callable[[Any], Any]:
    """A parser for answers to one field: ``convert``, then the field's own rules."""

    def parse(value: Any) -> Any:
        converted = convert(value.strip() if isinstance(value, str) else value)
        problem = field_problem(kind, path, converted)
        if problem:
            raise ValueError(problem)
        return converted

    return parse
