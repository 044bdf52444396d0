"""Whether a name is an IANA time zone, asked the way the renderers will use it."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def is_time_zone(name: str) -> bool:
    """True if ``ZoneInfo(name)`` works: what every calendar and "next meeting" needs."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
