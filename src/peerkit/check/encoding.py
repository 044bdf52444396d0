"""Text that was saved in one encoding and read in another: "CafÃ©", "Â£2", "donâ€™t".

A UTF-8 file opened as Windows-1252 and saved again, or a spreadsheet pasted from
one, turns every accented letter and symbol into two or three others. Nothing
else in a listing or a story looks like that, so every text of every file is
looked at, and the repair is suggested when it reads back as UTF-8.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from peerkit.check.rule import Finding, RuleContext, rule
from peerkit.load.diagnostics import Severity
from peerkit.model.site import Site

_GARBLED = re.compile(r"[ÂÃ][\u0080-\u00bf]|â€[\u0080-\u00bf\u0152-\u2122]")


def _repaired(text: str) -> str | None:
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return None


def _texts(
    data: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, (*path, index))


def _garbled(text: str) -> tuple[int, str] | None:
    """Where the first garbled letters are, and what to say of them."""
    match = _GARBLED.search(text)
    if match is None:
        return None
    start = text.rfind(" ", 0, match.start()) + 1
    end = text.find(" ", match.end())
    word = text if len(text) <= 80 else text[start : end if end >= 0 else len(text)]
    repaired = _repaired(word)
    hint = f": did you mean {repaired!r}?" if repaired and repaired != word else ""
    return match.start(), (
        f"{word!r} looks garbled, as text saved in one encoding and read in another"
        f" does{hint} Save the file as UTF-8 and write the letters again"
    )


@rule("records", Severity.WARNING)
def double_encoded_text(site: Site, context: RuleContext) -> Iterator[Finding]:
    for record in (*site.topics, *site.records()):
        yield from context.findings.of("double_encoded_text", record, _garbled_in)


def _garbled_in(record: Any) -> Iterator[Finding]:
    """One file's findings: every text of every file is looked at (see the module)."""
    source = record.source
    for path, text in _texts(source.located.data):
        found = _garbled(text)
        if found is not None:
            line, col = source.value_at(*path)
            name = ".".join(str(p) for p in path)
            yield Finding(source.path, line, col, f"{name}: {found[1]}")
    body = getattr(record, "body", None)
    found = _garbled(body) if body else None
    if body and found is not None:
        offset = found[0]
        line = record.body_line + body.count("\n", 0, offset)
        yield Finding(source.path, line, offset - body.rfind("\n", 0, offset), found[1])
