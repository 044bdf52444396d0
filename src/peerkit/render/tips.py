"""Tip pages and the tips index, grouped by topic."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from peerkit.model.records import Story, Tip, Topic
from peerkit.render import urls
from peerkit.render.markdown_text import markdown_to_safe_html
from peerkit.render.page import GeneratedPage, PageMaker


def by_title(tips: Sequence[Tip]) -> list[Tip]:
    return sorted(tips, key=lambda t: (t.title.casefold(), t.slug))


def tip_pages(
    tips: Sequence[Tip], topics: dict[str, Topic], stories: dict[str, Story], maker: PageMaker
) -> Iterator[GeneratedPage]:
    for tip in tips:
        filed = tuple(topics[t] for t in tip.topics if t in topics)
        related = tuple(stories[s] for s in tip.related_stories if s in stories)
        yield maker.cached(("tip", tip, filed, related), _tip_page, tip, filed, related, maker)


def _tip_page(
    tip: Tip, topics: tuple[Topic, ...], related: tuple[Story, ...], maker: PageMaker
) -> GeneratedPage:
    return maker.make(
        urls.tip(tip.slug),
        tip.title,
        "tip.html",
        description=tip.summary,
        tip=tip,
        body_html=markdown_to_safe_html(tip.body),
        topics=list(topics),
        related=list(related),
    )


INDEX_TIPS_PER_TOPIC = 10
"""The tips index shows this many under each topic and links to the topic's page for
the rest, so that it stays small with hundreds of tips."""


def tips_index_page(
    tips: Sequence[Tip], topics: Sequence[Topic], maker: PageMaker
) -> GeneratedPage:
    filed: dict[str, list[Tip]] = {}
    for tip in tips:
        for slug in dict.fromkeys(tip.topics):
            filed.setdefault(slug, []).append(tip)
    sections = [(topic, by_title(filed[topic.slug])) for topic in topics if topic.slug in filed]
    return maker.make(
        urls.TIPS,
        maker.words("tips.title"),
        "tips_index.html",
        description=maker.words("tips.description"),
        sections=[(topic, items[:INDEX_TIPS_PER_TOPIC], len(items)) for topic, items in sections],
    )
