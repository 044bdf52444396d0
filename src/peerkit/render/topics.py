"""A page per topic, gathering its stories, tips and groups, and the topics index."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from peerkit.model.records import Group, Story, Tip, Topic
from peerkit.render import urls
from peerkit.render.groups import by_region
from peerkit.render.page import GeneratedPage, PageMaker
from peerkit.render.stories import newest_first
from peerkit.render.tips import by_title


def topic_pages(
    topics: Sequence[Topic],
    stories: Sequence[Story],
    tips: Sequence[Tip],
    groups: Sequence[Group],
    maker: PageMaker,
) -> Iterator[GeneratedPage]:
    for topic in topics:
        yield maker.make(
            urls.topic(topic.slug),
            topic.title,
            "topic.html",
            description=topic.description,
            topic=topic,
            stories=newest_first([s for s in stories if topic.slug in s.topics]),
            tips=by_title([t for t in tips if topic.slug in t.topics]),
            regions=by_region([g for g in groups if topic.slug in g.topics]),
        )


def topics_index_page(
    topics: Sequence[Topic],
    stories: Sequence[Story],
    tips: Sequence[Tip],
    groups: Sequence[Group],
    maker: PageMaker,
) -> GeneratedPage:
    counts = {
        topic.slug: (
            sum(topic.slug in s.topics for s in stories),
            sum(topic.slug in t.topics for t in tips),
            sum(topic.slug in g.topics for g in groups),
        )
        for topic in topics
    }
    return maker.make(
        urls.TOPICS,
        "Topics",
        "topics_index.html",
        description="Stories, tips and groups by topic.",
        topics=topics,
        counts=counts,
    )
