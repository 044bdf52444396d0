"""Atom documents (RFC 4287), for the site's feeds of stories and of groups.

Every feed is written from dated records, never from the clock: the feed's
``updated`` is its newest entry's, so two builds of the same content give the
same bytes. Text from content files goes in as escaped text, with the characters
XML 1.0 forbids left out, so that no value can end an element or break the parse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from peerkit.model.settings import Settings
from peerkit.render import urls

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
NO_ENTRIES_UPDATED = "1970-01-01T00:00:00Z"
"""A feed with no entry still needs an ``updated``: a fixed one, not the build's time."""


@dataclass(frozen=True)
class Feed:
    """What a page's head advertises for feed readers to find (autodiscovery):
    ``path`` from the site's root (of its language's folder), ``title`` plain text."""

    path: str
    title: str


@dataclass(frozen=True)
class AtomEntry:
    """One entry; ``link`` is a site path, made absolute (and the entry's id) on writing.
    Without an ``author`` the entry takes the feed's."""

    title: str
    link: str
    updated: date
    summary: str
    published: date | None = None
    author: str | None = None


def text(value: str) -> str:
    """Escaped text with the characters XML 1.0 forbids left out."""
    return escape(_NOT_XML.sub("", value))


def stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def absolute(settings: Settings, path: str) -> str:
    """The address of a page of the feed's language (its folder on a site built in several);
    without a site_url, a URN: an Atom id must be an absolute IRI, and stay the same."""
    path = settings.language_folder + path
    if settings.site_url:
        return settings.site_url.rstrip("/") + "/" + path
    return f"urn:peerkit:{path}"


def atom_document(
    feed: Feed,
    alternate: str,
    entries: Sequence[AtomEntry],
    settings: Settings,
    author: str | None = None,
) -> bytes:
    """The feed at ``feed.path``, whose web page is ``alternate`` (a site path).

    RFC 4287 wants an author on every entry: ``author`` is the feed's, which entries
    without their own inherit.
    """
    self_link = absolute(settings, feed.path)
    updated = stamp(max(e.updated for e in entries)) if entries else NO_ENTRIES_UPDATED
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(settings.language)}>',
        f"  <title>{text(feed.title)}</title>",
        f"  <id>{escape(self_link)}</id>",
        f"  <updated>{updated}</updated>",
        f'  <link rel="self" href={quoteattr(self_link)}/>',
        f'  <link rel="alternate" href={quoteattr(absolute(settings, alternate))}/>',
    ]
    if author is not None:
        lines.append(f"  <author><name>{text(author)}</name></author>")
    for entry in entries:
        link = absolute(settings, entry.link)
        lines += [
            "  <entry>",
            f"    <title>{text(entry.title)}</title>",
            f"    <id>{escape(link)}</id>",
            f'    <link rel="alternate" href={quoteattr(link)}/>',
        ]
        if entry.published is not None:
            lines.append(f"    <published>{stamp(entry.published)}</published>")
        lines.append(f"    <updated>{stamp(entry.updated)}</updated>")
        if entry.author is not None:
            lines.append(f"    <author><name>{text(entry.author)}</name></author>")
        lines += [f"    <summary>{text(entry.summary)}</summary>", "  </entry>"]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def feed_link(page_url: str, feed: Feed) -> Feed:
    """``feed`` as a page at ``page_url`` links to it, relative: the site works from any
    folder of any host."""
    return Feed(urls.relative(page_url, feed.path), feed.title)
