"""Story pages and the paginated stories index."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence

from peerkit.model.records import Story, Topic
from peerkit.model.settings import Settings
from peerkit.render import urls
from peerkit.render.jsonld import story_article
from peerkit.render.markdown_text import markdown_to_safe_html, plain_text
from peerkit.render.page import GeneratedPage, PageMaker

WORDS_PER_MINUTE = 200


def newest_first(stories: Sequence[Story]) -> list[Story]:
    return sorted(stories, key=lambda s: (s.date, s.slug), reverse=True)


def reading_minutes(body_html: str) -> int:
    return max(1, math.ceil(len(plain_text(body_html).split()) / WORDS_PER_MINUTE))


def story_pages(
    stories: Sequence[Story], topics: dict[str, Topic], maker: PageMaker, settings: Settings
) -> Iterable[GeneratedPage]:
    def pages(part: Sequence[Story]) -> Iterator[GeneratedPage]:
        for story in part:
            filed = tuple(topics[t] for t in story.topics if t in topics)
            yield maker.cached(("story", story, filed), _story_page, story, filed, maker, settings)

    return maker.batched("stories", stories, tuple(topics.items()), pages)


def _story_page(
    story: Story, topics: tuple[Topic, ...], maker: PageMaker, settings: Settings
) -> GeneratedPage:
    body = markdown_to_safe_html(story.body)
    return maker.make(
        urls.story(story.slug),
        story.title,
        "story.html",
        description=story.summary,
        jsonld=story_article(
            story,
            settings.site_url,
            settings.site_name,
            settings.language,
            settings.language_folder,
        ),
        story=story,
        body_html=body,
        minutes=reading_minutes(body),
        topics=list(topics),
    )


def stories_index_pages(
    stories: Sequence[Story], topics: dict[str, Topic], maker: PageMaker, per_page: int
) -> Iterator[GeneratedPage]:
    """Newest first, ``per_page`` a page, so no page grows with the collection."""
    ordered = newest_first(stories)
    count = max(1, math.ceil(len(ordered) / per_page))
    filed = tuple(topics.items())
    for number in range(1, count + 1):
        shown = tuple(ordered[(number - 1) * per_page : number * per_page])
        key = ("stories index", number, count, len(ordered), shown, filed)
        yield maker.cached(key, _index_page, shown, topics, number, count, len(ordered), maker)


def _index_page(
    shown: tuple[Story, ...],
    topics: dict[str, Topic],
    number: int,
    count: int,
    total: int,
    maker: PageMaker,
) -> GeneratedPage:
    t = maker.words
    title = t("stories.title")
    return maker.make(
        urls.stories_page(number),
        title if number == 1 else t("page.numbered", title=title, number=number, count=count),
        "stories_index.html",
        description=t("stories.description"),
        stories=list(shown),
        topics=topics,
        number=number,
        count=count,
        total=total,
    )
