"""A contributor's text as an iCalendar TEXT value (RFC 5545, 3.3.11).

icalendar escapes the backslash, ``;``, ``,`` and the line feed, and folds long
lines at 75 octets without splitting a character; it passes every other
character through. RFC 5545 forbids control characters in TEXT (all but the
tab), and calendar programs differ on what ends a line: some end one at a lone
carriage return, a form feed, U+0085 NEXT LINE or U+2028 LINE SEPARATOR. So
every kind of line break becomes the one break TEXT can hold (an escaped
``\\n``, which no reader takes for the end of a property), and the other
controls are dropped before icalendar sees the value.
"""

from __future__ import annotations

import re

from icalendar import vText

# C0 controls but the tab, DEL and C1: none may stand in a TEXT value.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def text(value: str) -> vText:
    """``value`` ready for a TEXT property: line breaks as ``\\n``, no other control."""
    # str.splitlines knows every line break: \r\n, \r, \n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029.
    lines = value.splitlines()
    if value[-1:] and value.endswith(tuple("\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029")):
        lines.append("")
    return vText(_CONTROLS.sub("", "\n".join(lines)))
