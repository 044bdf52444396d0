"""Indented JSON files of a whole directory, made without a piece list as large as the file.

The exports are written with ``indent=1``, for people and diffs. With an indent,
`json.dumps` encodes in Python and joins every piece it made at the end: for the
HSDS services of a national directory that is millions of small strings alive at
once, several times the file's size, and the largest part of the exports' peak
memory. Here the same pieces, from the same encoder, are gathered a batch at a
time into the file's bytes: the same bytes as ``json.dumps(...) + "\\n"``, at
little more memory than the file itself.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from typing import Any

BATCH = 1 << 16
"""Characters gathered before they are encoded and added to the file."""


def indented_json(
    data: Any, *, sort_keys: bool = True, escape: Callable[[str], str] | None = None
) -> bytes:
    """``json.dumps(data, ensure_ascii=False, indent=1, sort_keys=sort_keys) + "\\n"``
    in UTF-8; ``escape``, if given, rewrites the text, which it may do a batch at a
    time: it must map each character on its own (`hsds_api`'s ``<``, ``>``, ``&``)."""
    out = io.BytesIO()
    for text in _batches(data, sort_keys):
        out.write((escape(text) if escape else text).encode("utf-8"))
    return out.getvalue()


def _batches(data: Any, sort_keys: bool) -> Iterator[str]:
    encoder = json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=sort_keys)
    pieces: list[str] = []
    size = 0
    for piece in encoder.iterencode(data):
        pieces.append(piece)
        size += len(piece)
        if size >= BATCH:
            yield "".join(pieces)
            pieces.clear()
            size = 0
    pieces.append("\n")
    yield "".join(pieces)
