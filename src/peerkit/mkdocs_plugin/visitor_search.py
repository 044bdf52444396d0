"""What the plugin does for issue 13's visitor in crisis: who a page's search is for,
and where the "cover your tracks" page the theme links to is."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from peerkit.search.audience import AudienceError, for_visitors

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


def tracks_url(files: Files) -> str | None:
    """Where the "cover your tracks" page is, for the theme's templates; None without one."""
    tracks = files.get_file_from_path(TRACKS_PAGE)
    return tracks.url if tracks is not None else None
