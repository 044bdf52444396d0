"""Slugs for new files: readable, plain ASCII, and never one already in use."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

MAX_LENGTH = 60
_APOSTROPHES = re.compile("['\u2019\u02bc]")


def ascii_slug(text: str, max_length: int = MAX_LENGTH) -> str:
    """ "My son's worry, & me" -> "my-sons-worry-and-me"; "" if no Latin letter or digit.

    Content slugs must match ``[a-z0-9]+(-[a-z0-9]+)*`` (they become file names
    and web addresses), so accents are dropped and other scripts left out; the
    caller falls back to a dated slug. Long titles are cut at a word.
    """
    plain = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text).replace("&", " and "))
    words = re.findall(r"[a-z0-9]+", plain.encode("ascii", "ignore").decode().lower())
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > max_length:
            break
        slug = longer
    return slug or (words[0][:max_length] if words else "")


def unique_slug(base: str, taken: Collection[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... the first that no file or record uses."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
