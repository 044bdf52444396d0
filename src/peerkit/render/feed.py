"""The Atom feed of new stories (RFC 4287).

Entries carry the summary and the content warnings, not the story itself: a
feed reader would show a hard story without the fold the site puts it behind.
The feed's ``updated`` is the newest story's date, not the build time, so two
builds of the same content give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from peerkit.model.records import Story
from peerkit.model.settings import Settings
from peerkit.render import urls
from peerkit.render.page import GeneratedFile
from peerkit.render.stories import newest_first

FEED_SIZE = 20
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    """Escaped text with the characters XML 1.0 forbids left out."""
    return escape(_NOT_XML.sub("", value))


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _absolute(settings: Settings, path: str) -> str:
    """The address of a page of the feed's language (its folder on a site built in several)."""
    path = settings.language_folder + path
    if settings.site_url:
        return settings.site_url.rstrip("/") + "/" + path
    return f"urn:peerkit:{path}"


def story_feed(stories: Sequence[Story], settings: Settings) -> GeneratedFile:
    entries = newest_first(stories)[:FEED_SIZE]
    updated = _stamp(entries[0].date) if entries else "1970-01-01T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(settings.language)}>',
        f"  <title>{_text(settings.site_name)}: new stories</title>",
        f"  <id>{escape(_absolute(settings, urls.FEED))}</id>",
        f"  <updated>{updated}</updated>",
        f'  <link rel="self" href={quoteattr(_absolute(settings, urls.FEED))}/>',
        f'  <link rel="alternate" href={quoteattr(_absolute(settings, urls.STORIES))}/>',
    ]
    for story in entries:
        link = _absolute(settings, urls.story(story.slug))
        summary = story.summary
        if story.content_warnings:
            summary = f"Content warning: {', '.join(story.content_warnings)}. {summary}"
        lines += [
            "  <entry>",
            f"    <title>{_text(story.title)}</title>",
            f"    <id>{escape(link)}</id>",
            f'    <link rel="alternate" href={quoteattr(link)}/>',
            f"    <published>{_stamp(story.date)}</published>",
            f"    <updated>{_stamp(story.date)}</updated>",
            f"    <author><name>{_text(story.author or 'Anonymous')}</name></author>",
            f"    <summary>{_text(summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return GeneratedFile(urls.FEED, ("\n".join(lines) + "\n").encode("utf-8"))
