"""The whole site from its records: every generated page and file."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from pathlib import Path

from peerkit.model.records import Group, Topic
from peerkit.model.settings import Settings
from peerkit.model.site import Site
from peerkit.render.directory_data import directory_files
from peerkit.render.exports.hsds import hsds_files
from peerkit.render.exports.ical import calendar_files
from peerkit.render.exports.meeting_guide import meeting_guide_feed
from peerkit.render.feed import story_feed
from peerkit.render.group_feed import group_feeds
from peerkit.render.groups import (
    STALE_AFTER,
    by_region,
    group_pages,
    groups_index_page,
    region_pages,
)
from peerkit.render.languages import records_in
from peerkit.render.memo import RenderMemo, files_state
from peerkit.render.page import GeneratedFile, GeneratedPage, PageMaker
from peerkit.render.page_facts import PageFacts
from peerkit.render.schema_files import schema_files
from peerkit.render.stories import stories_index_pages, story_pages
from peerkit.render.templating import make_environment
from peerkit.render.tips import tip_pages, tips_index_page
from peerkit.render.topics import filed, topic_pages, topics_index_page
from peerkit.translations import Words

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class RenderedSite:
    """A site's pages, their addresses from their language's folder (the site's root
    but on a site built in several languages), and its files, from the site's root."""

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
    site: Site,
    settings: Settings,
    today: date,
    memo: RenderMemo | None = None,
    facts: PageFacts | None = None,
) -> tuple[GeneratedPage, ...]:
    """Every page of the site (of ``settings.language``'s copy, on a site built in
    several), in the order they are listed and built. With ``facts`` (`peerkit build`'s
    cache), a page known from the last build is not rendered until its HTML is asked for.
    """
    visible = records_in(site.published(settings.drafts_shown), settings)
    # The pages that list groups are given the day (`_maker`); the others are not, so
    # that a story kept from yesterday's build is still kept (`page_facts`).
    listing = _maker(settings, memo, today, facts)
    reading = _maker(settings, memo, None, facts)
    topics = {t.slug: t for t in visible.topics}
    stories = {s.slug: s for s in visible.stories}
    regions = _regions(visible.groups, memo)
    on_topic = filed(visible)
    others = (
        *stories_index_pages(visible.stories, topics, reading, settings.stories_per_page),
        *tip_pages(visible.tips, topics, stories, reading),
        tips_index_page(visible.tips, visible.topics, reading),
        groups_index_page(regions, listing),
        *region_pages(regions, topics, listing),
        *group_pages(
            visible.groups,
            topics,
            listing,
            today,
            settings,
            tuple(t for t in visible.tips if t.for_first_timers),
        ),
        *topic_pages(visible, on_topic, listing),
        topics_index_page(visible, on_topic, reading),
    )
    return (*story_pages(visible.stories, topics, reading, settings), *others)


def _maker(
    settings: Settings,
    memo: RenderMemo | None,
    today: date | None = None,
    facts: PageFacts | None = None,
) -> PageMaker:
    """What renders pages; with ``today``, lists of groups flag the listings not
    checked for a year, and print the day they were made."""
    words = Words(settings.language)
    env = make_environment(
        settings.template_dirs,
        words,
        settings.language,
        default_language=settings.default_language,
        folder=settings.language_folder,
        compiled=memo.compiled if memo is not None else None,
    )
    if today is not None:
        env.globals["stale_before"] = today - STALE_AFTER
        env.globals["build_day"] = today
    return PageMaker(env, settings.site_name, memo, words, facts, today)


def site_files(
    site: Site, settings: Settings, memo: RenderMemo | None = None
) -> Iterator[GeneratedFile]:
    """Every file that is not a page: the feeds, the directory's data and exports, the
    schemas. One at a time where they allow it, so that a writer need not hold them all.

    On a site built in several languages, the feeds and the group finder's data are
    the language's (they carry its words) and go beside its pages; the exports and
    the schemas are the same in every language: only the default's render makes
    them, at the site's root.
    """
    yield from story_files(site, settings, memo)
    yield from directory_site_files(site, settings, memo)


def story_files(
    site: Site, settings: Settings, memo: RenderMemo | None = None
) -> tuple[GeneratedFile, ...]:
    """The stories' feed: the one file not made from the directory alone."""
    visible = records_in(site.published(settings.drafts_shown), settings)
    feed = _kept(memo, ("feed", visible.stories), lambda: (story_feed(visible.stories, settings),))
    return tuple(_in_folder(file, settings.language_folder) for file in feed)


def directory_inputs(site: Site, settings: Settings) -> tuple[tuple[Group, ...], tuple[Topic, ...]]:
    """Every record `directory_site_files` reads, besides ``settings``: the visible groups
    and topics. The same inputs (and Peerkit) give the same files, byte for byte."""
    visible = records_in(site.published(settings.drafts_shown), settings)
    return visible.groups, visible.topics


def directory_site_files(
    site: Site, settings: Settings, memo: RenderMemo | None = None
) -> Iterator[GeneratedFile]:
    """The files made from the directory (`directory_inputs`) and settings alone: the
    groups' feeds, the finder's data, the exports and the schemas."""
    groups, topics = directory_inputs(site, settings)
    folder = settings.language_folder
    regions = _regions(groups, memo)
    groups_feeds = _kept(
        memo, ("group feeds", groups), lambda: tuple(group_feeds(regions, settings))
    )
    data = _streamed(
        memo,
        ("directory data", groups, topics),
        lambda: directory_files(regions, topics, settings),
    )
    for file in chain(groups_feeds, data):
        yield _in_folder(file, folder)
    if folder:
        return
    yield from _streamed(
        memo,
        ("directory exports", groups, topics),
        lambda: _directory_exports(regions, groups, topics, settings),
    )
    yield from schema_files()


def _in_folder(file: GeneratedFile, folder: str) -> GeneratedFile:
    return GeneratedFile(folder + file.path, file.content) if folder else file


def _directory_exports(
    regions: dict[str, list[Group]],
    groups: Sequence[Group],
    topics: Sequence[Topic],
    settings: Settings,
) -> Iterator[GeneratedFile]:
    # HSDS first: its objects are the largest thing the exports hold at once, and a
    # build's other processes are smallest early (the pages and the search index
    # come later); at 20,000 groups the exports process
    # then peaks at 180 MB beside the pages and the indexer, not at 280 MB.
    yield from hsds_files(groups, topics, settings)
    yield meeting_guide_feed(groups, settings)
    yield from calendar_files(regions, settings)


def _regions(groups: tuple[Group, ...], memo: RenderMemo | None) -> dict[str, list[Group]]:
    """`by_region`, which sorts every group by its week: under `peerkit serve`, last
    build's, if the groups are the same."""
    if memo is None:
        return by_region(groups)
    return memo.get(("regions", groups), lambda: by_region(groups))


def _streamed(
    memo: RenderMemo | None, key: Hashable, make: Callable[[], Iterable[GeneratedFile]]
) -> Iterable[GeneratedFile]:
    """``make()``'s files one at a time, or under `peerkit serve` all of last build's."""
    return make() if memo is None else memo.get(key, lambda: tuple(make()))


def _kept(
    memo: RenderMemo | None, key: Hashable, make: Callable[[], tuple[GeneratedFile, ...]]
) -> tuple[GeneratedFile, ...]:
    return make() if memo is None else memo.get(key, make)
