"""When a meeting next happens, as real moments in its own time zone.

Meeting times are wall-clock times where the group meets ("18:30 in London"),
so dates are stepped in local time and only then given their zone: a weekly
meeting stays at 18:30 across a daylight-saving change, and its UTC time moves.
Its end is its start plus its length, so a meeting past midnight ends the next
day, and one that starts in the hour the clocks skip still lasts as long.
Days its exceptions leave out (a date, a month's break) are skipped.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday, weekdays

from peerkit.model.records import Meeting


def _byweekday(meeting: Meeting) -> list[weekday]:
    return [weekdays[day.weekday](day.ordinal) for day in meeting.byday]


def _anchor(meeting: Meeting, after: date) -> date:
    """Where the recurrence counts from: dtstart when every-other matters, else a week before."""
    if meeting.dtstart is not None:
        return meeting.dtstart
    return after - timedelta(days=7) if meeting.freq == "WEEKLY" else after.replace(day=1)


def next_occurrences(
    meeting: Meeting, after: datetime, count: int, site_timezone: str
) -> list[tuple[datetime, datetime]]:
    """The next ``count`` (start, end) of a meeting that start at or after ``after``
    (aware); ``site_timezone`` is the zone of a meeting that names none."""
    zone = ZoneInfo(meeting.zone(site_timezone))
    opens = time.fromisoformat(meeting.opens_at)
    length = meeting.length
    local_after = after.astimezone(zone)
    rule = rrule(
        MONTHLY if meeting.freq == "MONTHLY" else WEEKLY,
        interval=meeting.interval,
        byweekday=_byweekday(meeting),
        dtstart=datetime.combine(_anchor(meeting, local_after.date()), time()),
    )
    found: list[tuple[datetime, datetime]] = []
    for day in rule.xafter(
        datetime.combine(local_after.date() - timedelta(days=1), time()), inc=True
    ):
        # Through UTC and back: a time the clocks skip becomes the moment it names
        # (01:30 on the night London goes from 01:00 to 02:00 is 02:30).
        start = datetime.combine(day.date(), opens, tzinfo=zone).astimezone(timezone.utc)
        if start < after or not meeting.happens_on(day.date()):
            continue
        start, end = start.astimezone(zone), (start + length).astimezone(zone)
        found.append((start, end))
        if len(found) == count:
            break
    return found
