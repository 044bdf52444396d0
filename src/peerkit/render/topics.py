"""A page per topic, gathering its stories, tips and groups, and the topics index.

A topic page must stay small however large the site grows (a national directory
puts thousands of groups under one topic): it shows the newest stories and the
first tips up to a cap, with links to the full lists, and once a topic has more
groups than fit in a table, their count in each region instead of every listing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, TypeVar

from peerkit.model.records import Group, Story, Tip, Topic
from peerkit.render import urls
from peerkit.render.groups import by_region
from peerkit.render.page import GeneratedPage, PageMaker
from peerkit.render.stories import newest_first
from peerkit.render.tips import by_title

STORIES_SHOWN = 20
TIPS_SHOWN = 100
GROUPS_LISTED = 30
"""Up to this many groups a topic page lists them; above it, it counts them by region."""


class _Filed(Protocol):
    @property
    def topics(self) -> tuple[str, ...]: ...


R = TypeVar("R", bound=_Filed)


def by_topic(records: Sequence[R]) -> dict[str, list[R]]:
    """Each topic's records, in one pass over all of them."""
    found: dict[str, list[R]] = {}
    for record in records:
        for slug in dict.fromkeys(record.topics):
            found.setdefault(slug, []).append(record)
    return found


def topic_pages(
    topics: Sequence[Topic],
    stories: Sequence[Story],
    tips: Sequence[Tip],
    groups: Sequence[Group],
    maker: PageMaker,
) -> Iterator[GeneratedPage]:
    stories_on, tips_on, groups_on = by_topic(stories), by_topic(tips), by_topic(groups)
    for topic in topics:
        filed = (
            tuple(stories_on.get(topic.slug, ())),
            tuple(tips_on.get(topic.slug, ())),
            tuple(groups_on.get(topic.slug, ())),
        )
        yield maker.cached(("topic", topic, *filed), _topic_page, topic, *filed, maker)


def _topic_page(
    topic: Topic,
    stories: tuple[Story, ...],
    tips: tuple[Tip, ...],
    groups: tuple[Group, ...],
    maker: PageMaker,
) -> GeneratedPage:
    regions = by_region(groups)
    listed = len(groups) <= GROUPS_LISTED
    return maker.make(
        urls.topic(topic.slug),
        topic.title,
        "topic.html",
        description=topic.description,
        topic=topic,
        stories=newest_first(stories)[:STORIES_SHOWN],
        story_count=len(stories),
        tips=by_title(tips)[:TIPS_SHOWN],
        tip_count=len(tips),
        regions=regions if listed else {},
        region_counts={} if listed else {name: len(items) for name, items in regions.items()},
    )


def topics_index_page(
    topics: Sequence[Topic],
    stories: Sequence[Story],
    tips: Sequence[Tip],
    groups: Sequence[Group],
    maker: PageMaker,
) -> GeneratedPage:
    stories_on, tips_on, groups_on = by_topic(stories), by_topic(tips), by_topic(groups)
    counts = {
        topic.slug: (
            len(stories_on.get(topic.slug, ())),
            len(tips_on.get(topic.slug, ())),
            len(groups_on.get(topic.slug, ())),
        )
        for topic in topics
    }
    return maker.make(
        urls.TOPICS,
        maker.words("topics.title"),
        "topics_index.html",
        description=maker.words("topics.description"),
        topics=topics,
        counts=counts,
    )
