"""Meeting times as iCalendar (RFC 5545): one .ics a group and one a region.

A calendar app turns each recurring meeting into events in the visitor's own
calendar, kept in the meeting's own time zone, so a meeting at 18:30 in London
stays at 18:30 across a clock change. The series starts at the first meeting on
or after the day the listing was last checked, and DTSTAMP is that day too: no
build time goes in, so two builds of the same content give the same bytes.
Groups that meet only by arrangement have no times to put in a calendar.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from functools import cache
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from peerkit.encode import calendar_text
from peerkit.model.records import Group, Meeting
from peerkit.model.settings import Settings
from peerkit.render import urls
from peerkit.render.exports import links
from peerkit.render.exports.vtimezone import vtimezone
from peerkit.render.occurrences import next_occurrences
from peerkit.render.page import GeneratedFile
from peerkit.render.schedule_words import describe_meeting
from peerkit.translations import Words

FILE_NAME = "calendar.ics"
PRODID = "-//Peerkit//Peerkit group directory//EN"


def group_calendar_path(group: Group) -> str:
    return urls.group(group.region, group.slug) + FILE_NAME


def region_calendar_path(region: str) -> str:
    return urls.region(region) + FILE_NAME


def calendar_files(regions: dict[str, list[Group]], settings: Settings) -> Iterator[GeneratedFile]:
    """A calendar for every group that has meetings, and one for every region that has any.

    Each group's events are serialised once and go into both its own calendar and its
    region's: serialising is most of the cost, and a national directory has tens of
    thousands of groups.
    """
    zone_texts = _ZoneTexts()
    for name, groups in regions.items():
        events = {group.slug: _events(group, settings) for group in groups if group.schedule}
        for group in groups:
            if group.schedule:
                title = _title(settings, group.name)
                yield GeneratedFile(
                    group_calendar_path(group),
                    _calendar(title, [events[group.slug]], zone_texts),
                )
        if events:
            title = f"Groups in {name}" if name != "Online" else "Online groups"
            if settings.discreet_calendar:
                title = Words(settings.language)("calendar.discreet_calendar")
            yield GeneratedFile(
                region_calendar_path(name), _calendar(title, events.values(), zone_texts)
            )


def first_meeting(group: Group, meeting: Meeting, site_timezone: str) -> tuple[datetime, datetime]:
    """The (start, end) the series starts from: the first meeting on or after last_verified."""
    zone = meeting.zone(site_timezone)
    anchor = datetime.combine(group.last_verified, time(), tzinfo=ZoneInfo(zone))
    return next_occurrences(meeting, anchor, 1, site_timezone)[0]


@dataclass(frozen=True)
class _Events:
    """One group's VEVENTs, serialised, and the first day each time zone is needed from."""

    ical: bytes
    earliest: dict[str, date]


def _events(group: Group, settings: Settings) -> _Events:
    ical = []
    earliest: dict[str, date] = {}
    for index, meeting in enumerate(group.schedule, start=1):
        start, end = first_meeting(group, meeting, settings.timezone)
        ical.append(_event(group, index, meeting, start, end, settings).to_ical())
        zone = meeting.zone(settings.timezone)
        earliest[zone] = min(earliest.get(zone, start.date()), start.date())
    return _Events(b"".join(ical), earliest)


_BEGIN = b"BEGIN:VCALENDAR\r\n"
_END = b"END:VCALENDAR\r\n"


class _ZoneTexts:
    """Each time zone's VTIMEZONE text, worked out once for the calendars of one build."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, int], bytes] = {}

    def text(self, tzid: str, year: int) -> bytes:
        key = (tzid, year)
        if key not in self._texts:
            self._texts[key] = vtimezone(tzid, date(year, 1, 1)).to_ical()
        return self._texts[key]


def _calendar(title: str, groups: Iterable[_Events], zone_texts: _ZoneTexts) -> bytes:
    """The calendar's own lines, its VTIMEZONEs, then the events: what Calendar.to_ical
    writes, put together from parts serialised once."""
    events = []
    earliest: dict[str, date] = {}
    for group in groups:
        events.append(group.ical)
        for tzid, day in group.earliest.items():
            earliest[tzid] = min(earliest.get(tzid, day), day)
    zones = [zone_texts.text(tzid, earliest[tzid].year) for tzid in sorted(earliest)]
    return _head() + _name_line(title) + b"".join(zones) + b"".join(events) + _END


@cache
def _head() -> bytes:
    """Every calendar's first lines, up to its name: the same in each of them."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    text = calendar.to_ical()
    assert text.endswith(_END)
    return text[: -len(_END)]


def _name_line(title: str) -> bytes:
    """The calendar's X-WR-CALNAME line, as icalendar writes it last among the calendar's
    own properties (after those of its canonical order that `_head` writes)."""
    calendar = Calendar()
    # An X- property is not escaped by icalendar unless it is given as TEXT.
    calendar.add("x-wr-calname", calendar_text.text(title))
    text = calendar.to_ical()
    assert text.startswith(_BEGIN) and text.endswith(_END)
    return text[len(_BEGIN) : -len(_END)]


def _title(settings: Settings, name: str) -> str:
    """A meeting's title: the group's name, or "Meeting" where the site asks for
    discreet calendars (`Settings.discreet_calendar`)."""
    if settings.discreet_calendar:
        return Words(settings.language)("calendar.discreet_title")
    return name


def _event(
    group: Group, index: int, meeting: Meeting, start: datetime, end: datetime, settings: Settings
) -> Event:
    event = Event()
    event.add("uid", f"{index}.{group.slug}@{links.host(settings) or 'peerkit'}")
    event.add("dtstamp", datetime.combine(group.last_verified, time(), tzinfo=timezone.utc))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("rrule", _rrule(meeting))
    skipped = [
        datetime.combine(day, start.timetz().replace(tzinfo=None), tzinfo=start.tzinfo)
        for day in meeting.except_dates
        if day >= start.date()
    ]
    if skipped:
        event.add("exdate", skipped)
    event.add("summary", calendar_text.text(_title(settings, group.name)))
    event.add("location", calendar_text.text(_where(group)))
    if group.location and group.location.latitude is not None:
        event.add("geo", (group.location.latitude, group.location.longitude))
    address = _address(group, settings)
    if address:
        event.add("url", address)
    event.add("description", calendar_text.text(_description(group, meeting, settings)))
    return event


def _rrule(meeting: Meeting) -> dict[str, object]:
    rule: dict[str, object] = {"freq": meeting.freq, "byday": [str(d) for d in meeting.byday]}
    if meeting.except_months:
        # A month's break: the months it does meet, which BYMONTH can say for any rule.
        rule["bymonth"] = [m for m in range(1, 13) if m not in meeting.except_months]
    if meeting.interval > 1:
        rule["interval"] = meeting.interval
        if meeting.freq == "WEEKLY":
            rule["wkst"] = "MO"
    return rule


def _where(group: Group) -> str:
    if group.location is None:
        return "Online"
    loc = group.location
    return ", ".join(part for part in (loc.venue, loc.address, loc.town) if part)


def _address(group: Group, settings: Settings) -> str | None:
    """Where the event links to: the join link online, else the group's page."""
    if group.online and group.online.url:
        return group.online.url
    page = links.absolute(settings, urls.group(group.region, group.slug))
    return page or (group.contact.url if group.contact else None)


def _description(group: Group, meeting: Meeting, settings: Settings) -> str:
    when = f"{describe_meeting(meeting)} ({meeting.zone(settings.timezone)} time)."
    lines = [group.description, "", f"When: {when}"]
    if meeting.notes:
        lines.append(meeting.notes)
    if group.by_arrangement:
        lines.append(f"Also by arrangement: {group.by_arrangement}")
    if group.location:
        loc = group.location
        place = [loc.venue, loc.address, loc.town, loc.postcode]
        lines.append("Where: " + ", ".join(part for part in place if part))
        if loc.directions:
            lines.append(f"Finding the room: {loc.directions}")
    if group.online:
        joining = [group.online.platform, group.online.url, group.online.details]
        lines.append("Online: " + ". ".join(part for part in joining if part))
    if group.cost:
        lines.append(f"Cost: {group.cost}")
    if group.accessibility:
        lines.append("Accessibility: " + "; ".join(group.accessibility))
    if group.contact:
        c = group.contact
        lines.append("Contact: " + ", ".join(p for p in (c.name, c.email, c.phone, c.url) if p))
    if group.organisation:
        lines.append(f"Run by: {group.organisation}")
    lines.append(f"Listing last checked: {group.last_verified.isoformat()}")
    page = links.absolute(settings, urls.group(group.region, group.slug))
    if page:
        lines.append(page)
    return "\n".join(lines)
