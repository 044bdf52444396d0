"""Absolute addresses of the site's pages, for formats that are read off the site."""

from __future__ import annotations

from urllib.parse import urlsplit

from peerkit.model.settings import Settings


def absolute(settings: Settings, path: str) -> str | None:
    """The page's full address, or None when the site's own address is not configured."""
    if not settings.site_url:
        return None
    return settings.site_url.rstrip("/") + "/" + path


def host(settings: Settings) -> str | None:
    """The site's host name ("groups.example.org"), when its address is configured."""
    return urlsplit(settings.site_url).hostname if settings.site_url else None
