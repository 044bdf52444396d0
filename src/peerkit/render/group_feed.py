"""Atom feeds of new and changed groups: one for the whole directory, one a region.

A listing carries one date, ``last_verified``: the day someone last checked it
with the group. An entry's ``updated`` is that day and its id is the group's page,
so a feed reader shows a group it has not seen as new and one whose date moved as
changed. A listing edited without its date moved is not flagged as changed: the
guide for editors asks them to set the date whenever they change a listing. There
is no ``published``: no field says when a group was first listed.

The feeds live together in groups/feeds/, beside an empty sitemap. Material's script
fetches ``sitemap.xml`` from the folder of every ``<link rel="alternate">`` in a
page's head (it is made for a page's other languages); beside a feed in a region's
folder that was a missing file and a console error on every visit. One empty,
valid sitemap answers for all the feeds, a hundred bytes the browser keeps.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from peerkit.model.records import Group
from peerkit.model.settings import Settings
from peerkit.render import urls
from peerkit.render.atom import AtomEntry, Feed, atom_document
from peerkit.render.page import GeneratedFile
from peerkit.render.schedule_words import describe_meeting, join_words
from peerkit.translations import Words

FEED_SIZE = 50
"""Entries a feed keeps, the most lately checked: an import or a yearly check moves
many listings on one day, and a reader polls now and then."""

ONLINE_REGION = "Online"
EMPTY_SITEMAP = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
)


def directory_feed(site_name: str, words: Words) -> Feed:
    return Feed(urls.GROUPS_FEED, words("feed.groups", site=site_name))


def region_feed(region: str, site_name: str, words: Words) -> Feed:
    if region == ONLINE_REGION:
        return Feed(urls.region_feed(region), words("feed.region_online", site=site_name))
    return Feed(urls.region_feed(region), words("feed.region", site=site_name, region=region))


def group_feeds(regions: dict[str, list[Group]], settings: Settings) -> Iterator[GeneratedFile]:
    """The directory's feed, then each region's, then the sitemap Material asks for."""
    words = Words(settings.language)
    everyone = [group for items in regions.values() for group in items]
    feed = directory_feed(settings.site_name, words)
    yield _feed_file(feed, urls.GROUPS, everyone, settings, words)
    for name, items in regions.items():
        feed = region_feed(name, settings.site_name, words)
        yield _feed_file(feed, urls.region(name), items, settings, words)
    yield GeneratedFile(f"{urls.GROUP_FEEDS}sitemap.xml", EMPTY_SITEMAP)


def _feed_file(
    feed: Feed, alternate: str, groups: Sequence[Group], settings: Settings, words: Words
) -> GeneratedFile:
    latest = sorted(groups, key=lambda g: (-g.last_verified.toordinal(), g.name.casefold(), g.slug))
    entries = [_entry(group, settings, words) for group in latest[:FEED_SIZE]]
    content = atom_document(feed, alternate, entries, settings, author=settings.site_name)
    return GeneratedFile(feed.path, content)


def _entry(group: Group, settings: Settings, words: Words) -> AtomEntry:
    """What the group is, where and when it meets: what a reader needs to decide to open it."""
    parts = [group.description.strip(), words("feed.where", place=_place(group, words))]
    times = _times(group, settings, words)
    if times:
        parts.append(words("feed.when", times=times))
    return AtomEntry(
        title=group.name,
        link=urls.group(group.region, group.slug),
        updated=group.last_verified,
        summary=" ".join(parts),
    )


def _place(group: Group, words: Words) -> str:
    places = []
    if group.location:
        places.append(", ".join(p for p in (group.location.venue, group.location.town) if p))
    if group.online:
        places.append(words("feed.online", platform=group.online.platform))
    return join_words(places, words)


def _times(group: Group, settings: Settings, words: Words) -> str:
    said = []
    for meeting in group.schedule:
        sentence = describe_meeting(meeting, words)
        zone = meeting.zone(settings.timezone)
        if zone != settings.timezone:
            sentence += " " + words("group.zone_time", zone=zone)
        said.append(sentence)
    if group.by_arrangement:
        said.append(words("group.by_arrangement_details", details=group.by_arrangement))
    return "; ".join(said)
