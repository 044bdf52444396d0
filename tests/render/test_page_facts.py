"""`peerkit build` keeps each generated page's facts under a key of the records it shows:
a page known from the last build comes back with the same facts, and is rendered only
when its HTML is asked for, to the same HTML; a changed record renders again only the
pages that show it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from peerkit.model.settings import Settings
from peerkit.render.page import GeneratedPage
from peerkit.render.page_facts import FACTS_FILE, PageFacts
from peerkit.render.site import site_pages
from tests.conftest import TODAY, SiteBuilder

SETTINGS = Settings(site_name="Test")


def _site(make_site: SiteBuilder) -> SiteBuilder:
    make_site.story("first-story", {"title": "The first story"})
    make_site.story("second-story", {"title": "The second story"})
    make_site.tip("a-tip")
    make_site.group("a-group")
    return make_site


def _pages(
    site: SiteBuilder, folder: Path, day=TODAY
) -> tuple[PageFacts, dict[str, GeneratedPage]]:  # type: ignore[no-untyped-def]
    loaded, _ = site.load()
    facts = PageFacts(folder, SETTINGS)
    pages = {page.url: page for page in site_pages(loaded, SETTINGS, day, facts=facts)}
    facts.save()
    return facts, pages


def _facts(page: GeneratedPage) -> tuple[object, ...]:
    return (page.url, page.title, page.description, page.jsonld, page.on_a_list,
            page.directory, page.next_meetings, page.feeds, page.body_key)  # fmt: skip


def test_known_pages_come_back_unrendered_with_the_same_facts_and_html(
    make_site: SiteBuilder, tmp_path: Path
) -> None:
    site = _site(make_site)
    first, cold = _pages(site, tmp_path)
    assert first.rendered > 0
    assert all(page.later is None for page in cold.values())

    again, warm = _pages(site, tmp_path)

    assert again.rendered == 0
    assert warm.keys() == cold.keys()
    put_off = [url for url, page in warm.items() if page.later is not None]
    assert len(put_off) == first.rendered
    for url in put_off:
        assert warm[url].html == ""
        assert _facts(warm[url]) == _facts(cold[url])
        assert warm[url].body() == cold[url].html


def test_an_edited_story_renders_only_the_pages_that_show_it(
    make_site: SiteBuilder, tmp_path: Path
) -> None:
    site = _site(make_site)
    _, cold = _pages(site, tmp_path)
    site.story("first-story", {"title": "The first story"}, body="Edited since.\n")

    facts, warm = _pages(site, tmp_path)

    rendered = {url for url, page in warm.items() if page.later is None}
    assert "stories/first-story/" in rendered
    assert "stories/second-story/" not in rendered
    assert warm["stories/first-story/"].body_key != cold["stories/first-story/"].body_key
    assert 0 < facts.rendered < len([p for p in cold.values() if p.body_key])


def test_the_next_day_keeps_the_stories_and_renders_the_group_lists(
    make_site: SiteBuilder, tmp_path: Path
) -> None:
    site = _site(make_site)
    _pages(site, tmp_path)

    _, warm = _pages(site, tmp_path, TODAY + timedelta(days=1))

    assert warm["stories/first-story/"].later is not None
    group = next(url for url in warm if url.startswith("groups/") and url.count("/") == 3)
    assert warm[group].later is None


def test_a_damaged_facts_file_renders_every_page(make_site: SiteBuilder, tmp_path: Path) -> None:
    site = _site(make_site)
    first, _ = _pages(site, tmp_path)
    path = tmp_path / FACTS_FILE
    data = path.read_bytes()
    path.write_bytes(data[:32] + bytes(len(data) - 32))

    again, warm = _pages(site, tmp_path)

    assert again.rendered == first.rendered
    assert all(page.later is None for page in warm.values())
