"""The formats `email`, `uri` and `date`, as Peerkit accepts them: stricter than the RFCs.

Both validators check formats through these functions, so they cannot disagree
about a value. The RFCs allow what no person types into a listing and what
breaks the places a value goes: RFC 5322 allows a quoted local part
(``"?bcc=x@evil.example"@example.org``), which turned a ``mailto:`` link into one
that copied a visitor's message to a stranger; RFC 3986 parsers in the wild
accept a line break that ends a calendar line. What is refused here:

- email: anything but letters, digits and ``. _ + - '`` before the @ (no quotes,
  no ``? & = # % /`` that mean something in a ``mailto:``), a domain of letters,
  digits and hyphens with a dot, no IP literal, no control or space anywhere;
- uri: anything but an http or https address with a host name, no space,
  control, separator or invisible character, no ``" < > \\ ^ ` { | }``, and a
  ``%`` only before two hex digits;
- date: anything but YYYY-MM-DD of a real day between 1900 and 2999: the years
  at the ends of the calendar make date arithmetic in the exports overflow.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from urllib.parse import urlsplit

from jsonschema import FormatChecker

EARLIEST_YEAR = 1900
LATEST_YEAR = 2999

_LOCAL = re.compile(r"[\w'+-]+(\.[\w'+-]+)*\Z")
_LABEL = re.compile(r"(?!-)[^\W_](?:[\w-]{0,61}[^\W_])?\Z")
_TOP_LABEL = re.compile(r"(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59})\Z", re.IGNORECASE)
_URI_FORBIDDEN = frozenset('"<>\\^`{|}')
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_PORT = re.compile(r":\d{1,5}\Z")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
# Not text anyone means to type: controls, separators, invisible format characters.
_UNSEEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Zs", "Cs", "Co", "Cn"})


def _has_unseen(text: str) -> bool:
    return not text.isascii() and any(unicodedata.category(c) in _UNSEEN for c in text)


def _is_host(host: str) -> bool:
    """A domain name with at least one dot; international names in letters or as xn--."""
    labels = host.split(".")
    if len(host) > 253 or len(labels) < 2:
        return False
    return all(_LABEL.match(label) for label in labels) and bool(_TOP_LABEL.match(labels[-1]))


def is_email(value: object) -> bool:
    """An address a person would write on a poster: local@domain.tld, nothing quoted."""
    if not isinstance(value, str):
        return True  # the schema's "type" speaks to that
    if len(value) > 254 or value.count("@") != 1 or _has_unseen(value):
        return False
    local, domain = value.split("@")
    return len(local) <= 64 and bool(_LOCAL.match(local)) and _is_host(domain)


def is_uri(value: object) -> bool:
    """An http or https address with a host, and nothing a browser or a parser would bend."""
    if not isinstance(value, str):
        return True
    if not value.isprintable() or _has_unseen(value) or " " in value:
        return False
    if _URI_FORBIDDEN.intersection(value) or _PERCENT.search(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or not value.lower().startswith(
        f"{parts.scheme.lower()}://"
    ):
        return False
    authority = parts.netloc
    if "@" in authority:
        return False  # https://trusted.example@evil.example/ names the second host
    host = _PORT.sub("", authority)
    return _is_host(host.rstrip(".").lower())


def is_date(value: object) -> bool:
    """YYYY-MM-DD, a real day, in a year the exports can count from and to."""
    if not isinstance(value, str):
        return True
    if not _DATE.match(value):
        return False
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return False
    return EARLIEST_YEAR <= day.year <= LATEST_YEAR


RULES: Mapping[str, str] = MappingProxyType(
    {
        "email": "an address such as name@example.org, with no quotes, spaces or ? & = # % /",
        "uri": "an http or https address such as https://example.org/page, with no spaces,"
        " quotes, line breaks or user name before the site's name",
        "date": f"a real day between {EARLIEST_YEAR} and {LATEST_YEAR}, written YYYY-MM-DD",
    }
)
"""What each format asks for, in a contributor's words."""

FORMATS: Mapping[str, Callable[[object], bool]] = MappingProxyType(
    {
        "email": is_email,
        "uri": is_uri,
        "date": is_date,
    }
)
"""Every format the schemas use, by name: given to both validators."""


def format_checker() -> FormatChecker:
    """The Python validator's checker, knowing exactly the formats above and no others."""
    checker = FormatChecker(formats=())
    for name, check in FORMATS.items():
        checker.checks(name)(check)
    return checker
