"""JSON from a file to import, read with a bound on how deeply it nests.

Python's JSON reader recurses once a level: a file of a hundred thousand ``[``
raises RecursionError, and a few hundred levels get through it only to make the
mapping recurse as deep. No import format nests more than a handful of levels
(an HSDS service, its locations, their addresses), so anything deeper is
refused before it is read, with a message instead of a traceback.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 32
_OPEN_CLOSE_OR_STRING = re.compile(r'[\[\]{}]|"(?:[^"\\]|\\.)*"')


class JsonProblem(ValueError):
    """Why a text is not JSON an import can read, in a person's words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def nesting_depth(text: str) -> int:
    """How deeply brackets nest outside strings, in one linear pass."""
    depth = deepest = 0
    for match in _OPEN_CLOSE_OR_STRING.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def load_json(text: str) -> Any:
    """The JSON value of ``text``; raises JsonProblem if it is not JSON or nests too deeply."""
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise JsonProblem(f"JSON nested {depth} levels deep; an import reads at most {MAX_DEPTH}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonProblem(f"JSON that cannot be read (line {exc.lineno}: {exc.msg})") from exc
