"""A page per topic, gathering its stories, tips and groups, and the topics index.

A topic page must stay small however large the site grows (a national directory
puts thousands of groups under one topic): it shows the newest stories and the
first tips up to a cap, with links to the full lists, and once a topic has more
groups than fit in a table, their count in each region instead of every listing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol, TypeVar

from peerkit.model.kinds import KINDS
from peerkit.model.records import Topic
from peerkit.model.site import Site
from peerkit.render import urls
from peerkit.render.groups import by_region, topic_titles
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


Filed = dict[str, dict[str, list[Any]]]
"""For each kind (by its plural), each topic's records of that kind (`filed`)."""


def filed(site: Site) -> Filed:
    """Worked out once for the topics' pages and their index: a walk over every record."""
    return {kind.plural: by_topic(getattr(site, kind.plural)) for kind in KINDS}


def topic_pages(site: Site, on_topic: Filed, maker: PageMaker) -> Iterator[GeneratedPage]:
    """A page per topic of ``site`` (its visible records), with what is filed under it."""
    topics = {topic.slug: topic for topic in site.topics}
    for topic in site.topics:
        its = {plural: tuple(found.get(topic.slug, ())) for plural, found in on_topic.items()}
        titles = topic_titles(its["groups"], topics)
        key = ("topic", topic, titles, *its.values())
        yield maker.cached(key, _topic_page, topic, its, titles, maker)


def _topic_page(
    topic: Topic,
    filed: dict[str, tuple[Any, ...]],
    titles: tuple[tuple[str, str], ...],
    maker: PageMaker,
) -> GeneratedPage:
    stories, tips, groups = filed["stories"], filed["tips"], filed["groups"]
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
        topic_titles=dict(titles),
    )


def topics_index_page(site: Site, on_topic: Filed, maker: PageMaker) -> GeneratedPage:
    """Every topic with how many records of each kind it has, kind after kind."""
    counts = {
        topic.slug: {plural: len(found.get(topic.slug, ())) for plural, found in on_topic.items()}
        for topic in site.topics
    }
    return maker.make(
        urls.TOPICS,
        maker.words("topics.title"),
        "topics_index.html",
        description=maker.words("topics.description"),
        topics=site.topics,
        counts=counts,
    )
