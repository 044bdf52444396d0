"""Rules that look across records: what a single file's schema cannot know.

Each rule is a small function from the site to findings, declared with its
family and severity (`peerkit.check.rule`), so a rule can be read, tested and
(later) switched off on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import timedelta

from peerkit.check.encoding import double_encoded_text
from peerkit.check.html_removed import html_left_out_of_contributions
from peerkit.check.rule import Finding, Rule, RuleContext, rule
from peerkit.check.rule_results import RuleResults
from peerkit.check.safety import SAFETY_RULES
from peerkit.load.diagnostics import Diagnostic, Severity
from peerkit.model.kinds import KINDS
from peerkit.model.records import Group
from peerkit.model.schedule import Weekday, byday_text
from peerkit.model.site import Site
from peerkit.model.timezones import is_time_zone
from peerkit.render.urls import slugify


def check_site(
    site: Site,
    context: RuleContext,
    rules: Iterable[Rule] | None = None,
    results: RuleResults | None = None,
) -> list[Diagnostic]:
    """All cross-record problems; the context's day makes the checks repeatable.
    ``results``: a session's memo of each rule's last findings."""
    chosen = list(rules if rules is not None else ALL_RULES)
    if results is not None:
        return results.check(chosen, site, context)
    found: list[Diagnostic] = []
    for each in chosen:
        found.extend(each(site, context))
    return found


@rule("records", Severity.ERROR)
def unknown_topics(site: Site, context: RuleContext) -> Iterator[Finding]:
    known = {t.slug for t in site.topics}
    if not known:
        return
    for record in (*site.records(), *site.unchecked):
        for index, topic in enumerate(record.topics):
            if topic not in known:
                line, col = record.source.value_at("topics", index)
                yield Finding(
                    record.source.path,
                    line,
                    col,
                    f"unknown topic {topic!r}; topics in content/topics.yml: {', '.join(sorted(known))}",
                )


@rule("records", Severity.ERROR)
def duplicate_slugs(site: Site, context: RuleContext) -> Iterator[Finding]:
    for kind in KINDS:
        first: dict[str, str] = {}
        for record in getattr(site, kind.plural):
            if record.slug in first:
                line, col = record.source.value_at("slug")
                yield Finding(
                    record.source.path,
                    line,
                    col,
                    f"duplicate {kind.name} slug {record.slug!r}: {first[record.slug]} has it too;"
                    " give one of them another 'slug' or file name",
                )
            else:
                first[record.slug] = record.source.path
    seen: set[str] = set()
    for topic in site.topics:
        if topic.slug in seen:
            line, col = topic.source.value_at("slug")
            yield Finding(topic.source.path, line, col, f"duplicate topic slug {topic.slug!r}")
        seen.add(topic.slug)


@rule("records", Severity.ERROR)
def unknown_related_stories(site: Site, context: RuleContext) -> Iterator[Finding]:
    stories = {s.slug: s for s in site.stories}
    for tip in site.tips:
        for index, slug in enumerate(tip.related_stories):
            story = stories.get(slug)
            if story is None or story.status == "draft":
                line, col = tip.source.value_at("related_stories", index)
                reason = "is a draft" if story else "does not exist"
                yield Finding(tip.source.path, line, col, f"related story {slug!r} {reason}")


@rule("records", Severity.WARNING)
def stale_groups(site: Site, context: RuleContext) -> Iterator[Finding]:
    limit = context.today - timedelta(days=365)
    for group in site.groups:
        if group.status == "published" and group.last_verified < limit:
            line, col = group.source.value_at("last_verified")
            yield Finding(
                group.source.path,
                line,
                col,
                f"listing last checked on {group.last_verified.isoformat()}, over 12 months ago:"
                " check it with the group and update last_verified",
            )


@rule("records", Severity.ERROR)
def consent_after_publication(site: Site, context: RuleContext) -> Iterator[Finding]:
    for story in site.stories:
        if story.consent.date > story.date:
            line, col = story.source.value_at("consent", "date")
            yield Finding(
                story.source.path,
                line,
                col,
                "consent is dated after the story's publication date: record when the writer"
                " agreed before publishing",
            )


@rule("schedules", Severity.ERROR)
def meeting_times(site: Site, context: RuleContext) -> Iterator[Finding]:
    yield from context.findings.across("meeting_times", site.groups, _meeting_times)


def _meeting_times(groups: tuple[Group, ...]) -> Iterator[Finding]:
    for group in groups:
        for index, meeting in enumerate(group.schedule):
            path = group.source.path
            if meeting.closes_at == meeting.opens_at:
                line, col = group.source.value_at("schedule", index, "closes_at")
                yield Finding(
                    path,
                    line,
                    col,
                    f"meeting ends at {meeting.closes_at}, the time it starts: give its end"
                    " (a meeting past midnight ends the next day, 23:00 to 00:30)",
                )
            if meeting.timezone is not None and not is_time_zone(meeting.timezone):
                line, col = group.source.value_at("schedule", index, "timezone")
                yield Finding(
                    path,
                    line,
                    col,
                    f"unknown time zone {meeting.timezone!r} (use a name such as Europe/London)",
                )
            if (
                meeting.dtstart
                and meeting.freq == "WEEKLY"
                and Weekday.of(meeting.dtstart) not in meeting.weekdays
            ):
                line, col = group.source.value_at("schedule", index, "dtstart")
                yield Finding(
                    path,
                    line,
                    col,
                    f"dtstart {meeting.dtstart.isoformat()} is not one of this meeting's days"
                    f" ({byday_text(meeting.byday).replace(',', ', ')}): give the date"
                    " of a real meeting",
                )
            ordinals = [day.ordinal for day in meeting.byday]
            line, col = group.source.value_at("schedule", index, "byday")
            if meeting.freq == "WEEKLY" and any(ordinals):
                yield Finding(
                    path,
                    line,
                    col,
                    "a weekly meeting takes plain days (TU), not 2TU: use freq MONTHLY",
                )
            if meeting.freq == "MONTHLY" and not all(ordinals):
                yield Finding(
                    path,
                    line,
                    col,
                    "a monthly meeting needs which weekday of the month: 2TU is the"
                    " second Tuesday, -1FR the last Friday",
                )


LONGEST_USUAL = timedelta(hours=4)
EARLIEST_USUAL = "06:00"


@rule("schedules", Severity.WARNING)
def unusual_meeting_times(site: Site, context: RuleContext) -> Iterator[Finding]:
    """Times that are right for a few groups and a typing slip for most: a meeting of
    more than four hours, or one that starts in the small hours ("7" read as 07:00)."""
    yield from context.findings.across("unusual_meeting_times", site.groups, _unusual_meeting_times)


def _unusual_meeting_times(groups: tuple[Group, ...]) -> Iterator[Finding]:
    for group in groups:
        for index, meeting in enumerate(group.schedule):
            line, col = group.source.value_at("schedule", index, "opens_at")
            if meeting.length > LONGEST_USUAL:
                hours = meeting.length.total_seconds() / 3600
                yield Finding(
                    group.source.path,
                    line,
                    col,
                    f"the meeting lasts {hours:g} hours ({meeting.opens_at} to"
                    f" {meeting.closes_at}): check the times (they are on a 24-hour clock)",
                )
            if meeting.opens_at < EARLIEST_USUAL:
                yield Finding(
                    group.source.path,
                    line,
                    col,
                    f"the meeting starts at {meeting.opens_at}, in the small hours: check the"
                    " time (19:00 is seven in the evening)",
                )


@rule("records", Severity.WARNING)
def possible_duplicate_groups(site: Site, context: RuleContext) -> Iterator[Finding]:
    """Two listings that look like one group: the same source id, or the same name
    meeting at the same times. An import run twice, or a list imported from two
    places, would otherwise show a visitor the same group twice."""
    yield from context.findings.across(
        "possible_duplicate_groups", site.groups, _possible_duplicate_groups
    )


def _possible_duplicate_groups(groups: tuple[Group, ...]) -> Iterator[Finding]:
    by_source: dict[str, Group] = {}
    by_times: dict[tuple[str, frozenset[tuple[str, str, str]]], Group] = {}
    for group in groups:
        if group.source_id:
            first = by_source.setdefault(group.source_id, group)
            if first is not group:
                line, col = group.source.value_at("source_id")
                yield Finding(
                    group.source.path,
                    line,
                    col,
                    f"source_id {group.source_id!r} is also {first.source.path}'s: two"
                    " listings of one group? remove one",
                )
                continue
        times = frozenset((byday_text(m.byday), m.opens_at, m.closes_at) for m in group.schedule)
        if not times:
            continue
        first = by_times.setdefault((" ".join(group.name.casefold().split()), times), group)
        if first is not group:
            line, col = group.source.value_at("name")
            yield Finding(
                group.source.path,
                line,
                col,
                f"{group.name!r} meets at the same times as the listing of the same name in"
                f" {first.source.path}: two listings of one group? remove one, or tell them"
                " apart in the name",
            )


@rule("records", Severity.WARNING)
def region_spellings(site: Site, context: RuleContext) -> Iterator[Finding]:
    """Two spellings of one region share a page; say so, so the listing can be made consistent."""
    yield from context.findings.across("region_spellings", site.groups, _region_spellings)


def _region_spellings(groups: tuple[Group, ...]) -> Iterator[Finding]:
    first: dict[str, Group] = {}
    for group in groups:
        other = first.setdefault(slugify(group.region), group)
        if other.region != group.region:
            field = ("location", "region") if group.location else ("region",)
            line, col = group.source.value_at(*field)
            yield Finding(
                group.source.path,
                line,
                col,
                f"region {group.region!r} is spelt {other.region!r} in {other.source.path};"
                " both are listed under one region: use one spelling",
            )


_EMAIL_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE_NUMBER = re.compile(r"\+?[\d\s().-]{7,24}")


@rule("records", Severity.WARNING)
def contact_name_holds_a_way_to_get_in_touch(site: Site, context: RuleContext) -> Iterator[Finding]:
    """``contact: name:`` is whom to ask for; an address or a number written there shows
    as "ask for 07700 900123", with nothing a visitor can tap to write or call."""
    for group in site.groups:
        name = (group.contact.name or "").strip() if group.contact else ""
        if _EMAIL_ADDRESS.fullmatch(name):
            where, what = "email", "an email address"
        elif _PHONE_NUMBER.fullmatch(name) and sum(c.isdigit() for c in name) >= 7:
            where, what = "phone", "a phone number"
        else:
            continue
        line, col = group.source.value_at("contact", "name")
        yield Finding(
            group.source.path,
            line,
            col,
            f"contact name {name!r} is {what}: put it under contact: {where}: so visitors"
            " can tap it, and give the name (or role) to ask for in name:",
        )


ALL_RULES: tuple[Rule, ...] = (
    unknown_topics,
    duplicate_slugs,
    unknown_related_stories,
    stale_groups,
    consent_after_publication,
    meeting_times,
    unusual_meeting_times,
    region_spellings,
    possible_duplicate_groups,
    contact_name_holds_a_way_to_get_in_touch,
    double_encoded_text,
    html_left_out_of_contributions,
    *SAFETY_RULES,
)
