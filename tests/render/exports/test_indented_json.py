"""The exports' JSON is the standard library's, indented two spaces, whatever the text."""

from __future__ import annotations

import json
from typing import Any

import pytest

from peerkit.render.exports.indented_json import indented_json

AWKWARD = [
    'a "quoted" word\\with a backslash',
    "tab\tnewline\nbell\x07 and the last control \x1f",
    "line\u2028and paragraph\u2029separators",
    "Łódź, São Paulo, 東京, مرحبا, a 🫖 and e\u0301",
    "</script><!-- & -->",
    "",
]


def _standard(data: Any, sort_keys: bool = True) -> bytes:
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=sort_keys) + "\n"
    return text.encode("utf-8")


@pytest.mark.parametrize("text", AWKWARD)
def test_text_is_written_as_the_standard_library_writes_it(text: str) -> None:
    data = [{"name": text, "zebra": [1, 2.5, -0.0, None, True], "Ä": {}, "a": []}]
    assert indented_json(data) == _standard(data)


def test_keys_are_sorted_by_code_point_unless_asked_not_to() -> None:
    data = {"é": 1, "z": 2, "Z": 3, "\uff5a": 4, "🫖": 5, "a": {"b": 1, "a": 2}}
    assert indented_json(data) == _standard(data)
    assert indented_json(data, sort_keys=False) == _standard(data, sort_keys=False)


def test_an_escape_rewrites_only_what_it_names() -> None:
    data = {"html": "<b>fish & chips</b>", "other": "Zürich"}
    escaped = indented_json(data, escape=lambda text: text.replace(b"<", b"\\u003c"))
    assert json.loads(escaped) == data
    assert b"<" not in escaped and b">" in escaped
    assert "Zürich".encode() in escaped
