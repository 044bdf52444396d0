"""The Atom feed of new stories (RFC 4287).

Entries carry the summary and the content warnings, not the story itself: a
feed reader would show a hard story without the fold the site puts it behind.
"""

from __future__ import annotations

from collections.abc import Sequence

from peerkit.model.records import Story
from peerkit.model.settings import Settings
from peerkit.render import urls
from peerkit.render.atom import AtomEntry, Feed, atom_document
from peerkit.render.page import GeneratedFile
from peerkit.render.stories import newest_first

FEED_SIZE = 20


def story_feed(stories: Sequence[Story], settings: Settings) -> GeneratedFile:
    entries = []
    for story in newest_first(stories)[:FEED_SIZE]:
        summary = story.summary
        if story.content_warnings:
            summary = f"Content warning: {', '.join(story.content_warnings)}. {summary}"
        entries.append(
            AtomEntry(
                title=story.title,
                link=urls.story(story.slug),
                updated=story.date,
                published=story.date,
                author=story.author or "Anonymous",
                summary=summary,
            )
        )
    feed = Feed(urls.FEED, f"{settings.site_name}: new stories")
    return GeneratedFile(feed.path, atom_document(feed, urls.STORIES, entries, settings))
