"""Two audiences, one site: which hand-written pages visitors' search may show.

The guides for contributors and organisations (how to write a story, the safe
messaging checks, configuration, the hostile-input table) quote the very words a
person in crisis may type, out of the context that makes them safe to read. So a
page says who it is for in its front matter, ``audience: contributors`` or
``audience: organisations``, and visitors' search (Material's index and Pagefind's
alike) leaves it out; an organisation's own guide pages are marked the same way.
A page that says nothing is for visitors.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

KEY = "audience"
VISITORS = "visitors"
AUDIENCES = (VISITORS, "contributors", "organisations")


class AudienceError(ValueError):
    """A page names an audience Peerkit does not know; the message says which exist."""


def for_visitors(meta: Mapping[str, Any]) -> bool:
    """Whether a page with this front matter belongs in visitors' search."""
    value = meta.get(KEY, VISITORS)
    if value not in AUDIENCES:
        raise AudienceError(
            f"{KEY}: {value!r} is not one of {', '.join(AUDIENCES)}"
            " (a page for contributors or organisations is left out of visitors' search)"
        )
    return value == VISITORS
