"""What the plugin does for issue 13's visitor in crisis: who a page's search is for,
the crisis terms and the "cover your tracks" page the theme needs."""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from peerkit.search.audience import AudienceError, for_visitors
from peerkit.search.crisis_terms import crisis_terms

TRACKS_PAGE = "cover-your-tracks.md"
"""The page the footer and the search's crisis card link to, when docs/ has it:
`peerkit init` writes one, and a site that removes it loses only the links."""


def visitors_may_find(page: Page) -> bool:
    """Whether visitors' search may show ``page``; one that is not is left out of
    Material's index here (Pagefind's leaves it out by not marking its content)."""
    try:
        visible = for_visitors(page.meta)
    except AudienceError as exc:
        raise PluginError(f"peerkit: docs/{page.file.src_uri}: error: {exc}") from None
    if not visible:
        page.meta["search"] = {"exclude": True}
    return visible


def theme_globals(files: Files, language: str, extra_terms: list[str]) -> dict[str, Any]:
    """The crisis terms of the page's language (and the site's own) and where the
    "cover your tracks" page is, for the theme's templates."""
    tracks = files.get_file_from_path(TRACKS_PAGE)
    return {
        "crisis_terms": list(crisis_terms(language, extra_terms)),
        "tracks_url": tracks.url if tracks is not None else None,
    }
