"""A page Peerkit generates skips MkDocs' Markdown conversion and ends up the same."""

from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from peerkit.mkdocs_plugin.generated_pages import MarkdownFreePage
from tests.conftest import REPO


def _rendered(kind: type[Page], markdown: str) -> Page:
    config = load_config(str(REPO / "mkdocs.yml"))
    file = File("stories/a-story.md", None, config.site_dir, config.use_directory_urls)
    file.content_string = markdown
    page = kind(None, file, config)
    page.read_source(config)
    page.render(config, Files([]))
    return page


def _state(page: Page) -> tuple[object, ...]:
    links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
    return page.content, str(page.toc), page.title, page.present_anchor_ids, links


def test_empty_page_is_what_mkdocs_makes_of_empty_markdown() -> None:
    assert _state(_rendered(MarkdownFreePage, "")) == _state(_rendered(Page, ""))


def test_page_with_markdown_is_still_converted() -> None:
    ours = _rendered(MarkdownFreePage, "# A heading\n\nSome *words*.\n")
    assert _state(ours) == _state(_rendered(Page, "# A heading\n\nSome *words*.\n"))
    assert "<em>words</em>" in (ours.content or "")
