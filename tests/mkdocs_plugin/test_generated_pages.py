"""A page Peerkit generates skips MkDocs' Markdown conversion and ends up the same."""

from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from peerkit.mkdocs_plugin.generated_pages import MarkdownFreePage, one_build_date
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


def test_pages_made_together_share_one_look_at_the_date(monkeypatch) -> None:
    config = load_config(str(REPO / "mkdocs.yml"))
    asked = []
    monkeypatch.setitem(
        Page.__init__.__globals__, "get_build_date", lambda: asked.append(1) or "2026-12-07"
    )

    def page(name: str) -> Page:
        file = File(f"stories/{name}.md", None, config.site_dir, config.use_directory_urls)
        return MarkdownFreePage(None, file, config)

    with one_build_date():
        made = [page(f"story-{n}") for n in range(5)]
    assert len(asked) == 1
    assert {p.update_date for p in made} == {"2026-12-07"}
    page("after")
    assert len(asked) == 2, "the date is asked for again once the pages are made"
