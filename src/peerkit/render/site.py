"""The whole site from its records: every generated page and file."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from peerkit.model.records import Group, Site, Topic
from peerkit.model.settings import Settings
from peerkit.render.directory_data import directory_files
from peerkit.render.exports.hsds import hsds_files
from peerkit.render.exports.ical import calendar_files
from peerkit.render.exports.meeting_guide import meeting_guide_feed
from peerkit.render.feed import story_feed
from peerkit.render.groups import by_region, group_pages, groups_index_page, region_pages
from peerkit.render.memo import RenderMemo, files_state
from peerkit.render.page import GeneratedFile, GeneratedPage, PageMaker
from peerkit.render.schema_files import schema_files
from peerkit.render.stories import stories_index_pages, story_pages
from peerkit.render.templating import make_environment
from peerkit.render.tips import tip_pages, tips_index_page
from peerkit.render.topics import topic_pages, topics_index_page
from peerkit.translations import Words

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class RenderedSite:
    pages: tuple[GeneratedPage, ...]
    files: tuple[GeneratedFile, ...]


def render_site(
    site: Site, settings: Settings, today: date, memo: RenderMemo | None = None
) -> RenderedSite:
    """Pure: the same site, settings and day give the same pages, byte for byte.

    With a ``memo`` (`peerkit serve`), pages and exports made from unchanged records
    are taken from the previous build instead of being rendered again.
    """
    if memo is not None:
        memo.start((settings, today, files_state((*settings.template_dirs, TEMPLATES))))
    pages = site_pages(site, settings, today, memo)
    files = tuple(site_files(site, settings, memo))
    if memo is not None:
        memo.finish()
    return RenderedSite(pages, files)


def site_pages(
    site: Site, settings: Settings, today: date, memo: RenderMemo | None = None
) -> tuple[GeneratedPage, ...]:
    """Every page of the site, in the order they are listed and built."""
    visible = site.published()
    words = Words(settings.language)
    env = make_environment(settings.template_dirs, words, settings.language)
    maker = PageMaker(env, settings.site_name, memo, words)
    topics = {t.slug: t for t in visible.topics}
    stories = {s.slug: s for s in visible.stories}
    regions = by_region(visible.groups)
    return (
        *story_pages(visible.stories, topics, maker, settings),
        *stories_index_pages(visible.stories, topics, maker, settings.stories_per_page),
        *tip_pages(visible.tips, topics, stories, maker),
        tips_index_page(visible.tips, visible.topics, maker),
        groups_index_page(regions, maker),
        *region_pages(regions, maker),
        *group_pages(visible.groups, topics, maker, today, settings),
        *topic_pages(visible.topics, visible.stories, visible.tips, visible.groups, maker),
        topics_index_page(visible.topics, visible.stories, visible.tips, visible.groups, maker),
    )


def site_files(
    site: Site, settings: Settings, memo: RenderMemo | None = None
) -> Iterator[GeneratedFile]:
    """Every file that is not a page: the feed, the directory's data and exports, the
    schemas. One at a time where they allow it, so that a writer need not hold them all."""
    visible = site.published()
    yield from _kept(
        memo, ("feed", visible.stories), lambda: (story_feed(visible.stories, settings),)
    )
    regions = by_region(visible.groups)
    exports = _directory_exports(regions, visible.groups, visible.topics, settings)
    if memo is None:
        yield from exports
    else:
        key = ("directory exports", visible.groups, visible.topics)
        yield from memo.get(key, lambda: tuple(exports))
    yield from schema_files()


def _directory_exports(
    regions: dict[str, list[Group]],
    groups: Sequence[Group],
    topics: Sequence[Topic],
    settings: Settings,
) -> Iterator[GeneratedFile]:
    yield from calendar_files(regions, settings)
    yield from directory_files(regions, topics, settings)
    yield from hsds_files(groups, topics, settings)
    yield meeting_guide_feed(groups, settings)


def _kept(
    memo: RenderMemo | None, key: Hashable, make: Callable[[], tuple[GeneratedFile, ...]]
) -> tuple[GeneratedFile, ...]:
    return make() if memo is None else memo.get(key, make)
