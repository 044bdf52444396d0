"""A draft shows in the preview of `peerkit serve`, marked, and nowhere in a build; a
story whose writer withdrew consent shows nowhere: no page, feed, search index,
sitemap or export holds a word of it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.commands import run_peerkit
from tests.conftest import SiteBuilder

DRAFT_WORD = "Quillfeather"
WITHDRAWN_WORD = "Marrowvale"


def _site(make_site: SiteBuilder) -> None:
    make_site.configure()
    make_site.story("published-one", {"title": "A published story"})
    make_site.story(
        "the-draft", {"title": f"The {DRAFT_WORD} draft", "status": "draft"}, body="Draft text.\n"
    )
    make_site.story(
        "the-withdrawn",
        {"title": f"The {WITHDRAWN_WORD} story", "status": "withdrawn"},
        body=f"Words from {WITHDRAWN_WORD}.\n",
    )


def _every_text(folder: Path) -> str:
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace") for path in folder.rglob("*") if path.is_file()
    )


def test_a_build_holds_neither_the_draft_nor_the_withdrawn_story(make_site: SiteBuilder) -> None:
    _site(make_site)
    built = run_peerkit(make_site.root, "build")
    assert built.returncode == 0, built.stdout + built.stderr

    everything = _every_text(make_site.root / "site")
    assert "A published story" in everything
    assert DRAFT_WORD not in everything
    assert WITHDRAWN_WORD not in everything
    assert (make_site.root / "site" / "stories" / "feed.xml").is_file()
    assert (make_site.root / "site" / "search" / "search_index.json").is_file()


def test_the_preview_shows_the_draft_marked_and_never_the_withdrawn_story(
    make_site: SiteBuilder, tmp_path: Path
) -> None:
    _site(make_site)
    config = load_config(str(make_site.root / "mkdocs.yml"), site_dir=str(tmp_path / "preview"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)

    page = (tmp_path / "preview" / "stories" / "the-draft" / "index.html").read_text("utf-8")
    assert f"The {DRAFT_WORD} draft" in page
    assert "<strong>Draft.</strong> This story is a draft: only this preview shows it" in page
    assert WITHDRAWN_WORD not in _every_text(tmp_path / "preview")


def test_withdrawn_is_a_status_a_story_may_have(make_site: SiteBuilder) -> None:
    make_site.story("gone", {"status": "withdrawn"})
    make_site.story("unknown", {"status": "removed"})

    messages = [d.message for d in make_site.errors()]

    assert messages == ["status: 'removed' is not allowed; use one of: draft, published, withdrawn"]
