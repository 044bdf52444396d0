"""Contact details as the address of a link: ``mailto:`` and ``tel:``.

The schema already refuses an email address with a quote, a ``?`` or a line
break (`load.formats`), but a link is built here all the same as RFC 6068 says,
so that no character of the address can end it early and start headers
(``?bcc=``, ``&body=``) of the visitor's message: everything but the @ and the
characters that mean nothing in a URL is percent-encoded.
"""

from __future__ import annotations

import re
from urllib.parse import quote

_NOT_DIALLED = re.compile(r"[^0-9]")
_NOT_KEYED = re.compile(r"[^0-9,*#]")


def mailto(address: str) -> str:
    """``mailto:`` and the address, with nothing in it read as a header or a second address."""
    return "mailto:" + quote(address, safe="@")


def tel(number: str) -> str:
    """``tel:`` and the digits, with the + of an international number: nothing else is
    dialled. What follows a comma (a dial-in's pauses and meeting code, "84512345#") is
    kept as the phone keys it, with # encoded so that it does not end the address."""
    stripped = number.strip()
    plus = "+" if stripped.startswith("+") else ""
    dialled, comma, keyed = stripped.partition(",")
    code = _NOT_KEYED.sub("", comma + keyed).replace("#", "%23")
    return f"tel:{plus}{_NOT_DIALLED.sub('', dialled)}{code}"
