"""The JSON Schemas shipped with the package, one per record type.

They are the single source of truth for what a content file may hold:
validation here, and (later) the content-format docs and editor completion.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, Literal

RecordKind = Literal["story", "tip", "group", "topics", "crisis"]


@cache
def schema_for(kind: RecordKind) -> dict[str, Any]:
    text = resources.files("peerkit.model").joinpath("schemas", f"{kind}.json").read_text("utf-8")
    return json.loads(text)
