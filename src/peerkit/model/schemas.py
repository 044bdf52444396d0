"""The JSON Schemas shipped with the package, one per record type.

They are the single source of truth for what a content file may hold:
validation here, and (later) the content-format docs and editor completion.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal, get_args

RecordKind = Literal["story", "tip", "group", "topics", "crisis"]


def schema_text(kind: RecordKind) -> str:
    """The schema file as shipped: what the site's editor settings copy, byte for byte."""
    return resources.files("peerkit.model").joinpath("schemas", f"{kind}.json").read_text("utf-8")


def schema_texts() -> dict[RecordKind, str]:
    return {kind: schema_text(kind) for kind in get_args(RecordKind)}


def _read(kind: RecordKind) -> dict[str, Any]:
    return json.loads(schema_text(kind))


_SCHEMAS: Mapping[RecordKind, dict[str, Any]] = MappingProxyType(
    {kind: _read(kind) for kind in get_args(RecordKind)}
)


def schema_for(kind: RecordKind) -> dict[str, Any]:
    """The kind's schema, read once at import; callers must not change it."""
    return _SCHEMAS[kind]
