"""Theme blocks rendered once for every generated page of a folder, not once a page.

Material renders its sidebars (the whole site navigation and the page's table of
contents) for every page. A page Peerkit generates is in no navigation section and
has no table of contents, so nothing in those sidebars depends on the page except
where its links are relative to: every story page, or every group page of a region,
gets the same sidebars, byte for byte. At tens of thousands of pages, rendering
them once a folder saves a tenth of the build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Hashable

from markupsafe import Markup
from mkdocs.structure.pages import Page

META_KEY = "peerkit_shared"
"""The page.meta entry that main.html reads: the key of the page's shared blocks."""


class SharedBlocks:
    """The blocks rendered so far in one build, by block name and page folder."""

    def __init__(self) -> None:
        self._rendered: dict[Hashable, Markup] = {}

    def __call__(self, key: Hashable, render: Callable[[], Markup]) -> Markup:
        if key not in self._rendered:
            self._rendered[key] = render()
        return self._rendered[key]


def mark_shared(page: Page) -> None:
    """Let main.html share the sidebars of ``page`` with the other pages of its folder.

    Called for generated pages that the navigation does not list (a section's index
    page is listed, and marked active in it), and only while they have no table of
    contents: the sidebars would otherwise differ from page to page.
    """
    if len(page.toc) == 0:
        folder = posixpath.dirname(page.url.rstrip("/"))
        page.meta[META_KEY] = folder
