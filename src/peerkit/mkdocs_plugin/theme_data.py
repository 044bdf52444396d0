"""What the theme's templates know of the site (the crisis lines, the exit, labels):
one value, handed to MkDocs as the `peerkit` global by the plugin, and written into
mkdocs.yml's `extra` for an engine that runs no plugin (`peerkit pages`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from peerkit.mkdocs_plugin.config import PeerkitConfig
from peerkit.model.records import Crisis, CrisisLine
from peerkit.search.crisis_terms import crisis_terms
from peerkit.translations import Words


def theme_data(
    crisis: Crisis, config: PeerkitConfig, language: str, tracks_url: str | None
) -> dict[str, Any]:
    """Plain data only (strings, lists, mappings), so that any template engine reads it:
    Zensical's has none of Python's string methods, so a crisis line's host is worked
    out here rather than in the template."""
    return {
        "exit_url": config.exit_url,
        "country": config.country,
        "crisis": {"intro": crisis.intro, "lines": [_line(line) for line in crisis.lines]},
        "labels": Words(language).prefixed("theme"),
        "search": config.search,
        "footer_links": [{"title": link.title, "url": link.url} for link in config.footer_links],
        "crisis_terms": list(crisis_terms(language, config.crisis_terms)),
        "tracks_url": tracks_url,
    }


def _line(line: CrisisLine) -> dict[str, Any]:
    """The line's fields, and the host its web address shows as (without "www.")."""
    host = urlsplit(line.url).hostname or "" if line.url else ""
    return {**line.__dict__, "host": host.removeprefix("www.")}
