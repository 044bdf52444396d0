"""The group directory: overview by region, a page per region, a page per group."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, time, timedelta, timezone

from peerkit.model.records import Group, Tip, Topic
from peerkit.model.settings import Settings
from peerkit.render import urls
from peerkit.render.directory_data import schedule_data
from peerkit.render.exports.group_jsonld import group_jsonld
from peerkit.render.exports.ical import group_calendar_path, region_calendar_path
from peerkit.render.group_feed import directory_feed, region_feed
from peerkit.render.occurrences import next_occurrences
from peerkit.render.page import GeneratedPage, PageMaker
from peerkit.render.report_link import report_link
from peerkit.render.schedule_words import sort_key, week_order

STALE_AFTER = timedelta(days=365)


def by_region(groups: Sequence[Group]) -> dict[str, list[Group]]:
    """Regions by name, each with its groups in the order people scan a week."""
    by_address: dict[str, list[Group]] = {}
    for group in groups:
        by_address.setdefault(urls.slugify(group.region), []).append(group)
    regions: dict[str, list[Group]] = {}
    for items in by_address.values():
        # Names that make the same address are one region ("North West", "North west");
        # `peerkit check` warns about the spelling. The most used spelling names it.
        spellings = sorted(
            {g.region for g in items}, key=lambda n: (-sum(g.region == n for g in items), n)
        )
        regions[spellings[0]] = sorted(
            items, key=lambda g: (week_order(g.schedule), g.name.casefold())
        )
    return dict(sorted(regions.items(), key=lambda item: item[0].casefold()))


FIRST_RESULTS = 10
"""Groups the finder's page lists in its HTML, in the region pages' order: on a slow
connection they show before the finder's script and data arrive, which then take over.
They depend on no clock (the script sorts by the next meeting), so the page is right
whenever it is read."""


def groups_index_page(regions: dict[str, list[Group]], maker: PageMaker) -> GeneratedPage:
    first = [group for groups in regions.values() for group in groups[:FIRST_RESULTS]]
    return maker.make(
        urls.GROUPS,
        maker.words("groups.title"),
        "groups_index.html",
        description=maker.words("groups.description"),
        directory=True,
        feeds=(directory_feed(maker.site_name, maker.words),),
        regions=regions,
        total=sum(len(items) for items in regions.values()),
        first_groups=first[:FIRST_RESULTS],
    )


REGION_PAGE_SIZE = 100
"""Groups a region page lists: a national directory puts thousands in one region, and
a page of them all would be megabytes on a phone. The group finder on /groups/
searches them all; the region's pages list them in week order, a hundred a page."""


def topic_titles(
    groups: Sequence[Group], topics: Mapping[str, Topic]
) -> tuple[tuple[str, str], ...]:
    """The titles of the topics ``groups`` are filed under, by slug: a printed list is
    read by people, who know "Grief and loss", not "grief". Only these topics, so that
    a page's cache key changes when one of its own topics is renamed, not another."""
    used = dict.fromkeys(slug for group in groups for slug in group.topics)
    return tuple((slug, topics[slug].title) for slug in used if slug in topics)


def region_pages(
    regions: dict[str, list[Group]], topics: Mapping[str, Topic], maker: PageMaker
) -> Iterator[GeneratedPage]:
    for name, items in regions.items():
        count = max(1, math.ceil(len(items) / REGION_PAGE_SIZE))
        for number in range(1, count + 1):
            shown = tuple(items[(number - 1) * REGION_PAGE_SIZE : number * REGION_PAGE_SIZE])
            has_calendar = any(group.schedule for group in items)
            titles = topic_titles(shown, topics)
            yield maker.cached(
                ("region", name, number, count, len(items), has_calendar, shown, titles),
                _region_page,
                name,
                shown,
                number,
                count,
                len(items),
                has_calendar,
                titles,
                maker,
            )


def _region_page(
    name: str,
    shown: tuple[Group, ...],
    number: int,
    count: int,
    total: int,
    has_calendar: bool,
    titles: tuple[tuple[str, str], ...],
    maker: PageMaker,
) -> GeneratedPage:
    t = maker.words
    title = t("region.title", region=name) if name != "Online" else t("region.title_online")
    return maker.make(
        urls.region_page(name, number),
        title if number == 1 else t("page.numbered", title=title, number=number, count=count),
        "region.html",
        description=t("region.description", region=name),
        directory=True,
        feeds=(region_feed(name, maker.site_name, maker.words),),
        region=name,
        groups=list(shown),
        total=total,
        number=number,
        count=count,
        has_calendar=has_calendar,
        calendar=region_calendar_path(name),
        topic_titles=dict(titles),
    )


UPCOMING_COUNT = 3


def _upcoming(group: Group, today: date, site_timezone: str) -> list[tuple[datetime, datetime]]:
    """The next few meetings from the build day on, soonest first."""
    start = datetime.combine(today, time(), tzinfo=timezone.utc)
    found = [
        o for m in group.schedule for o in next_occurrences(m, start, UPCOMING_COUNT, site_timezone)
    ]
    return sorted(found)[:UPCOMING_COUNT]


def group_pages(
    groups: Sequence[Group],
    topics: dict[str, Topic],
    maker: PageMaker,
    today: date,
    settings: Settings,
    first_time_tips: tuple[Tip, ...] = (),
) -> Iterable[GeneratedPage]:
    """``first_time_tips`` are the tips for first-timers that "What to expect" links to."""

    def pages(part: Sequence[Group]) -> Iterator[GeneratedPage]:
        for group in part:
            filed = tuple(topics[t] for t in group.topics if t in topics)
            yield maker.cached(
                ("group", group, filed, first_time_tips),
                _group_page,
                group,
                filed,
                maker,
                today,
                settings,
                first_time_tips,
            )

    return maker.batched("groups", groups, (tuple(topics.items()), first_time_tips), pages)


def _group_page(
    group: Group,
    topics: tuple[Topic, ...],
    maker: PageMaker,
    today: date,
    settings: Settings,
    first_time_tips: tuple[Tip, ...],
) -> GeneratedPage:
    return maker.make(
        urls.group(group.region, group.slug),
        group.name,
        "group.html",
        description=group.description[:300],
        jsonld=group_jsonld(group, settings, [topic.title for topic in topics]),
        on_a_list=True,
        group=group,
        calendar=group_calendar_path(group),
        topics=list(topics),
        meetings=sorted(group.schedule, key=sort_key),
        upcoming=_upcoming(group, today, settings.timezone),
        schedule_data=schedule_data(group.schedule, settings.timezone),
        built=today,
        next_meetings=bool(group.schedule),
        report=report_link(group, settings, maker.words("group.report_subject")),
        site_timezone=settings.timezone,
        stale=today - group.last_verified > STALE_AFTER,
        first_time_tips=first_time_tips,
    )
