"""A text file's bytes as text, line by line, the way spreadsheets really save them.

A sheet saved as "CSV UTF-8" can still hold a line pasted from an older file in
Windows-1252 ("Café" as one byte 0xE9). Decoding the whole file one way or the
other garbles one part of it ("CafÃ©", "Â£2"), so each line is read as UTF-8 first
(a byte-order mark is dropped) and only a line that is not UTF-8 as Windows-1252.
"""

from __future__ import annotations

from dataclasses import dataclass

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Decoded:
    text: str
    windows_lines: tuple[int, ...]
    """The lines (from 1) that were not UTF-8 and were read as Windows-1252."""


def decode_lines(raw: bytes) -> Decoded:
    body = raw.removeprefix(_BOM)
    lines = body.splitlines(keepends=True)
    parts: list[str] = []
    windows: list[int] = []
    for number, line in enumerate(lines, start=1):
        try:
            parts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            # Five bytes mean nothing in Windows-1252; they become U+FFFD, not a failure.
            parts.append(line.decode("cp1252", errors="replace"))
            windows.append(number)
    return Decoded("".join(parts), tuple(windows))


def line_list(numbers: tuple[int, ...], most: int = 10) -> str:
    """ "3, 7 and 12", or the first ``most`` and how many more."""
    shown = [str(n) for n in numbers[:most]]
    if len(numbers) > most:
        return f"{', '.join(shown)} and {len(numbers) - most} more"
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
