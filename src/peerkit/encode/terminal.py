"""Text for a terminal or a CI log: one printed line stays one line of plain text.

`peerkit check` prints what strangers wrote (addresses, quoted values, file
names). A raw line break would let a value start a line of its own, which
GitHub Actions reads as a workflow command (``::error file=…::``) that forges an
annotation; an ESC or a C1 control starts a terminal escape sequence that can
rewrite the screen or the window title; U+2028, U+0085 and the direction
overrides break or reorder a line in editors and log viewers. Every one of them
is written as a visible escape (``\\n``, ``\\x1b``, ``\\u2028``) instead.
"""

from __future__ import annotations

import re
import unicodedata

# Categories that are never plain text on a terminal: controls (C0, DEL, C1),
# format characters (direction marks and overrides, zero-width ones), line and
# paragraph separators, surrogates, private use and unassigned code points.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
_BACKSLASH_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Printable ASCII is by far the most common case; it is passed through unread.
_PLAIN = re.compile(r"[ -~]*\Z")


def _escape(char: str) -> str:
    if char in _BACKSLASH_ESCAPES:
        return _BACKSLASH_ESCAPES[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(text: str) -> str:
    """``text`` with every character a terminal or a log would act on written as an escape.

    A backslash is left as it is: the escapes are for a person to read, not to be
    decoded again, and doubling every backslash of a Windows path would hurt more
    than it helps.
    """
    if _PLAIN.match(text):
        return text
    return "".join(
        _escape(char) if unicodedata.category(char) in _UNSAFE_CATEGORIES else char for char in text
    )
