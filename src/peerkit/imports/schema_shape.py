"""The group schema as the import reads it: key order, field names, what may be left out.

The schema is the one description of a group file; the import derives from it
the order keys are written in and which refused values are optional (left out
with a warning) rather than required (the row is skipped).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from peerkit.load.validate import is_valid, python_validator
from peerkit.model.schemas import schema_for

Path = tuple[str | int, ...]


def schema_at(path: Path) -> dict[str, Any]:
    """The schema of the field at ``path`` (a list index steps into the list's items)."""
    schema = schema_for("group")
    for part in path:
        schema = schema["items"] if isinstance(part, int) else schema["properties"][part]
    return schema


def schema_keys(path: Path) -> list[str]:
    """The fields of the object at ``path``, in the schema's order."""
    return list(schema_at(path).get("properties", {}))


def field_name(path: Path) -> str:
    """ "schedule[2].opens_at", as the project's messages name a field (lists count from 1)."""
    return "".join(
        f"[{p + 1}]" if isinstance(p, int) else ("." if i else "") + p for i, p in enumerate(path)
    )


def ordered(data: Mapping[str, Any], path: Path = ()) -> dict[str, Any]:
    """Keys in the order the schema lists them: the order of the hand-written files."""
    order = schema_keys(path)
    result: dict[str, Any] = {}
    for key in sorted(data, key=lambda k: order.index(k) if k in order else len(order)):
        value = data[key]
        if isinstance(value, Mapping) and key in order:
            value = ordered(value, (*path, key))
        elif isinstance(value, list) and key in order:
            value = [ordered(v, (*path, key, 0)) if isinstance(v, Mapping) else v for v in value]
        result[key] = value
    return result


def plain(value: Any) -> Any:
    """Plain data with dates as text, as the group loader hands a file to the schema."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return value


def refused_optional(data: Mapping[str, Any]) -> tuple[Path, str] | None:
    """The first value the schema refuses that could simply be left out, and why.

    Most imported groups are valid: the compiled validator says so in a few
    microseconds, and the Python one, which words the problems, is asked only then
    (it took a fifth of an import's time)."""
    values = plain(data)
    if is_valid("group", values):
        return None
    for err in _leaf_errors(_validator().iter_errors(values)):
        path = tuple(err.absolute_path)
        if path and _optional(path):
            return path, err.message
    return None


def remove(data: Any, path: Path) -> None:
    for part in path[:-1]:
        data = data[part]
    del data[path[-1]]


def _optional(path: Path) -> bool:
    """A field its parent does not require, or one entry of a list of words."""
    parent = schema_at(path[:-1])
    last = path[-1]
    if isinstance(last, int):
        return parent.get("items", {}).get("type") == "string"
    return last not in parent.get("required", ())


def _validator() -> Draft202012Validator:
    """The loader's own: the same formats and the same linear uniqueItems."""
    return python_validator("group")


def _leaf_errors(errors: Iterator[ValidationError]) -> Iterator[ValidationError]:
    for err in errors:
        if err.validator == "allOf" and err.context:
            yield from _leaf_errors(iter(err.context))
        else:
            yield err
