"""MkDocs' `Page` for a page Peerkit rendered, without MkDocs' Markdown machinery.

MkDocs converts every page's Markdown with a new `markdown.Markdown` made for it,
every extension set up anew: some 7 ms a page, a fifth of MkDocs' own work on a
site of stories and groups. A page Peerkit generates has no Markdown for MkDocs (its
HTML comes in `on_page_content`), so converting its empty text only builds that
machinery to throw it away. This page sets what the conversion of empty text sets:
no content, no headings, no anchors, no links.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class MarkdownFreePage(Page):
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
