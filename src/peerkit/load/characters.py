"""Characters that content may not hold, however they were written.

A double-quoted YAML escape can make what no editor can type: "\\ud800" is half
of a UTF-16 surrogate pair, not a character, and the build then fails when a
page or a feed is written as UTF-8. The direction overrides U+202D and U+202E
make the letters after them show in reverse, so that a reviewer and a visitor
can read something other than what is written (the "Trojan Source" trick);
text in right-to-left scripts never needs them.
"""

from __future__ import annotations

import re
import unicodedata

_OVERRIDES = "\u202d\u202e"
_OVERRIDE = re.compile(f"[{_OVERRIDES}]")
_UNUSABLE = re.compile(f"[{_OVERRIDES}\ud800-\udfff]")


def first_override(text: str) -> int | None:
    """The index of the first direction override in ``text``, if any."""
    found = _OVERRIDE.search(text)
    return found.start() if found else None


def first_unusable(text: str) -> int | None:
    """The index of the first override or lone surrogate in ``text``, if any."""
    found = _UNUSABLE.search(text)
    return found.start() if found else None


def why_unusable(char: str) -> str:
    """Why ``char`` (one that `first_unusable` found) is refused, for a contributor."""
    code = f"U+{ord(char):04X}"
    if char in _OVERRIDES:
        return f"{code} {unicodedata.name(char)} makes the text after it show in reverse; remove it"
    return (
        f"{code} is half of a UTF-16 surrogate pair, not a character: write the"
        " character itself instead of \\u escapes"
    )
