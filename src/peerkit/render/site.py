"""The whole site from its records: every generated page and file."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from peerkit.model.records import Site
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
    visible = site.published()
    words = Words(settings.language)
    env = make_environment(settings.template_dirs, words, settings.language)
    maker = PageMaker(env, settings.site_name, memo, words)
    topics = {t.slug: t for t in visible.topics}
    stories = {s.slug: s for s in visible.stories}
    regions = by_region(visible.groups)
    pages = [
        *story_pages(visible.stories, topics, maker, settings),
        *stories_index_pages(visible.stories, topics, maker, settings.stories_per_page),
        *tip_pages(visible.tips, topics, stories, maker),
        tips_index_page(visible.tips, visible.topics, maker),
        groups_index_page(regions, maker),
        *region_pages(regions, maker),
        *group_pages(visible.groups, topics, maker, today, settings),
        *topic_pages(visible.topics, visible.stories, visible.tips, visible.groups, maker),
        topics_index_page(visible.topics, visible.stories, visible.tips, visible.groups, maker),
    ]
    files = [
        *_kept(memo, ("feed", visible.stories), lambda: (story_feed(visible.stories, settings),)),
        *_kept(
            memo,
            ("directory exports", visible.groups, visible.topics),
            lambda: (
                *calendar_files(regions, settings),
                *directory_files(regions, visible.topics, settings),
                *hsds_files(visible.groups, visible.topics, settings),
                meeting_guide_feed(visible.groups, settings),
            ),
        ),
        *schema_files(),
    ]
    if memo is not None:
        memo.finish()
    return RenderedSite(tuple(pages), tuple(files))


def _kept(
    memo: RenderMemo | None, key: Hashable, make: Callable[[], tuple[GeneratedFile, ...]]
) -> tuple[GeneratedFile, ...]:
    return make() if memo is None else memo.get(key, make)
