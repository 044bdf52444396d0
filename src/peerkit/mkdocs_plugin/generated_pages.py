"""MkDocs' `Page` for a page Peerkit rendered, without MkDocs' Markdown machinery.

MkDocs converts every page's Markdown with a new `markdown.Markdown` made for it,
every extension set up anew: some 7 ms a page, a fifth of MkDocs' own work on a
site of stories and groups. A page Peerkit generates has no Markdown for MkDocs (its
HTML comes in `on_page_content`), so converting its empty text only builds that
machinery to throw it away. This page sets what the conversion of empty text sets:
no content, no headings, no anchors, no links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

_PAGE_GLOBALS = Page.__init__.__globals__
"""The module namespace in which MkDocs' `Page.__init__` looks up `get_build_date`."""

_PLAIN_PATH = re.compile(r"(?:[\w~%-][\w.~%-]*/)*")
"""Folder names that `urljoin` leaves as they are: no dot segments, spaces or queries."""
_PLAIN_BASE = re.compile(r"https?://[^\s?#]+")


class MarkdownFreePage(Page):
    def _set_canonical_url(self, base: str | None) -> None:
        """As MkDocs' own, without `urljoin` for an address made of plain folder names
        below a plain site address (every generated page's): joining them is then
        putting one after the other. `urljoin` was a second and a half at 26,000 pages."""
        url = self.url
        if not base or not _PLAIN_BASE.fullmatch(base) or not _PLAIN_PATH.fullmatch(url):
            super()._set_canonical_url(base)
            return
        if not base.endswith("/"):
            base += "/"
        self.canonical_url = base + url
        self.abs_url = urlsplit(base).path + url

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown:
            # Not the empty text the plugin hands over: convert it as MkDocs would.
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


@contextmanager
def one_build_date() -> Iterator[None]:
    """Pages made inside take the build's date from one look at the clock.

    MkDocs' `Page` asks for the date (the clock, or SOURCE_DATE_EPOCH) anew for each
    page: half a second at 26,000 pages, for the same day, on every build."""
    ask = _PAGE_GLOBALS.get("get_build_date")
    if ask is None:
        yield
        return
    date = ask()
    _PAGE_GLOBALS["get_build_date"] = lambda: date
    try:
        yield
    finally:
        _PAGE_GLOBALS["get_build_date"] = ask
