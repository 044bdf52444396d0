"""Rules that look across records: what a single file's schema cannot know.

Each rule is a small function from the site to diagnostics, so a rule can be
read, tested and (later) switched off on its own.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from functools import cache

from peerkit.check.safety import SAFETY_RULES
from peerkit.load.diagnostics import Diagnostic, error, warning
from peerkit.model.records import Group, Site, Story, Tip
from peerkit.render.urls import slugify

Rule = Callable[[Site, date], Iterator[Diagnostic]]


def check_site(site: Site, today: date, rules: Iterable[Rule] | None = None) -> list[Diagnostic]:
    """All cross-record problems; ``today`` is passed in so that checks are repeatable."""
    found: list[Diagnostic] = []
    for rule in rules if rules is not None else ALL_RULES:
        found.extend(rule(site, today))
    return found


def unknown_topics(site: Site, today: date) -> Iterator[Diagnostic]:
    known = {t.slug for t in site.topics}
    if not known:
        return
    records: list[Story | Tip | Group] = [*site.stories, *site.tips, *site.groups]
    for record in records:
        for index, topic in enumerate(record.topics):
            if topic not in known:
                line, col = record.source.value_at("topics", index)
                yield error(
                    record.source.path,
                    line,
                    col,
                    f"unknown topic {topic!r}; topics in content/topics.yml: {', '.join(sorted(known))}",
                )


def duplicate_slugs(site: Site, today: date) -> Iterator[Diagnostic]:
    kinds: list[tuple[str, Iterable[Story | Tip | Group]]] = [
        ("story", site.stories),
        ("tip", site.tips),
        ("group", site.groups),
    ]
    for kind, records in kinds:
        first: dict[str, str] = {}
        for record in records:
            if record.slug in first:
                line, col = record.source.value_at("slug")
                yield error(
                    record.source.path,
                    line,
                    col,
                    f"duplicate {kind} slug {record.slug!r}: {first[record.slug]} has it too;"
                    " give one of them another 'slug' or file name",
                )
            else:
                first[record.slug] = record.source.path
    seen: set[str] = set()
    for topic in site.topics:
        if topic.slug in seen:
            line, col = topic.source.value_at("slug")
            yield error(topic.source.path, line, col, f"duplicate topic slug {topic.slug!r}")
        seen.add(topic.slug)


def unknown_related_stories(site: Site, today: date) -> Iterator[Diagnostic]:
    stories = {s.slug: s for s in site.stories}
    for tip in site.tips:
        for index, slug in enumerate(tip.related_stories):
            story = stories.get(slug)
            if story is None or story.status == "draft":
                line, col = tip.source.value_at("related_stories", index)
                reason = "is a draft" if story else "does not exist"
                yield error(tip.source.path, line, col, f"related story {slug!r} {reason}")


def stale_groups(site: Site, today: date) -> Iterator[Diagnostic]:
    limit = today - timedelta(days=365)
    for group in site.groups:
        if group.status == "published" and group.last_verified < limit:
            line, col = group.source.value_at("last_verified")
            yield warning(
                group.source.path,
                line,
                col,
                f"listing last checked on {group.last_verified.isoformat()}, over 12 months ago:"
                " check it with the group and update last_verified",
            )


def consent_after_publication(site: Site, today: date) -> Iterator[Diagnostic]:
    for story in site.stories:
        if story.consent.date > story.date:
            line, col = story.source.value_at("consent", "date")
            yield error(
                story.source.path,
                line,
                col,
                "consent is dated after the story's publication date: record when the writer"
                " agreed before publishing",
            )


@cache
def _known_timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def meeting_times(site: Site, today: date) -> Iterator[Diagnostic]:
    for group in site.groups:
        for index, meeting in enumerate(group.schedule):
            path = group.source.path
            if meeting.closes_at <= meeting.opens_at:
                line, col = group.source.value_at("schedule", index, "closes_at")
                yield error(
                    path,
                    line,
                    col,
                    f"meeting ends at {meeting.closes_at}, not after it starts at"
                    f" {meeting.opens_at}",
                )
            if meeting.timezone not in _known_timezones():
                line, col = group.source.value_at("schedule", index, "timezone")
                yield error(
                    path,
                    line,
                    col,
                    f"unknown time zone {meeting.timezone!r} (use a name such as Europe/London)",
                )
            if meeting.dtstart and meeting.freq == "WEEKLY":
                weekday = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[meeting.dtstart.weekday()]
                if weekday not in meeting.byday:
                    line, col = group.source.value_at("schedule", index, "dtstart")
                    yield error(
                        path,
                        line,
                        col,
                        f"dtstart {meeting.dtstart.isoformat()} is not one of this meeting's days"
                        f" ({', '.join(meeting.byday)}): give the date of a real meeting",
                    )
            ordinals = [day[:-2] for day in meeting.byday]
            line, col = group.source.value_at("schedule", index, "byday")
            if meeting.freq == "WEEKLY" and any(ordinals):
                yield error(
                    path,
                    line,
                    col,
                    "a weekly meeting takes plain days (TU), not 2TU: use freq MONTHLY",
                )
            if meeting.freq == "MONTHLY" and not all(ordinals):
                yield error(
                    path,
                    line,
                    col,
                    "a monthly meeting needs which weekday of the month: 2TU is the"
                    " second Tuesday, -1FR the last Friday",
                )


def region_spellings(site: Site, today: date) -> Iterator[Diagnostic]:
    """Two spellings of one region share a page; say so, so the listing can be made consistent."""
    first: dict[str, Group] = {}
    for group in site.groups:
        other = first.setdefault(slugify(group.region), group)
        if other.region != group.region:
            field = ("location", "region") if group.location else ("region",)
            line, col = group.source.value_at(*field)
            yield warning(
                group.source.path,
                line,
                col,
                f"region {group.region!r} is spelt {other.region!r} in {other.source.path};"
                " both are listed under one region: use one spelling",
            )


ALL_RULES: tuple[Rule, ...] = (
    unknown_topics,
    duplicate_slugs,
    unknown_related_stories,
    stale_groups,
    consent_after_publication,
    meeting_times,
    region_spellings,
    *SAFETY_RULES,
)
