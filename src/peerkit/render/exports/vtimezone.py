"""VTIMEZONE components that calendar apps read the same way.

Google and Apple recognise an IANA TZID; Outlook and others read the VTIMEZONE
itself, and read a yearly rule ("last Sunday of March at 01:00") most reliably.
So a zone with daylight saving is written as one STANDARD and one DAYLIGHT part,
each with a yearly RRULE derived from the zone's real transitions and checked
against them for every year around the meetings. A zone whose changes follow no
such rule gets icalendar's list of each transition date instead, which is also
valid RFC 5545. Nothing here reads the clock: the years come from the caller.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from peerkit.model.schedule import Day, Weekday

SPAN_YEARS = 12


@dataclass(frozen=True)
class _Transition:
    at: datetime  # the UTC instant of the change
    before: timedelta
    after: timedelta

    @property
    def local(self) -> datetime:
        """The wall-clock time of the change, as read before it (RFC 5545 DTSTART)."""
        return (self.at + self.before).replace(tzinfo=None)


@dataclass(frozen=True)
class _YearlyRule:
    month: int
    ordinal: int
    weekday: int
    at: time

    def day_in(self, year: int) -> date:
        weeks = calendar.Calendar().monthdatescalendar(year, self.month)
        days = [d for week in weeks for d in week if d.month == self.month]
        matching = [d for d in days if d.weekday() == self.weekday]
        return matching[self.ordinal - 1] if self.ordinal > 0 else matching[self.ordinal]

    def as_rrule(self) -> dict[str, object]:
        return {
            "freq": "yearly",
            "bymonth": self.month,
            "byday": str(Day(Weekday(self.weekday), self.ordinal)),
        }


def vtimezone(tzid: str, around: date) -> Timezone:
    """The VTIMEZONE of ``tzid``, right for meetings from the year before ``around`` on.

    Finding the transitions takes tens of milliseconds and a directory writes a
    calendar for every group: `peerkit.render.exports.ical` keeps each zone and
    year's text for the calendars of one build.
    """
    return _vtimezone(tzid, around.year - 1)


def _vtimezone(tzid: str, first_year: int) -> Timezone:
    zone = ZoneInfo(tzid)
    years = range(first_year, first_year + SPAN_YEARS)
    changes = [t for year in years for t in _transitions(zone, year)]
    if not changes:
        return _fixed_offset(tzid, zone, first_year)
    rules = _yearly_rules(changes, years)
    if rules is None:
        return Timezone.from_tzid(
            tzid,
            first_date=date(first_year, 1, 1),
            last_date=date(first_year + SPAN_YEARS, 1, 1),
        )
    component = Timezone()
    component.add("tzid", tzid)
    for first, rule in rules:
        part = TimezoneDaylight() if first.after > first.before else TimezoneStandard()
        part.add("dtstart", first.local)
        part.add("rrule", rule.as_rrule())
        part.add("tzoffsetfrom", first.before)
        part.add("tzoffsetto", first.after)
        part.add("tzname", (first.at + timedelta(minutes=1)).astimezone(zone).tzname())
        component.add_component(part)
    return component


def _fixed_offset(tzid: str, zone: ZoneInfo, year: int) -> Timezone:
    start = datetime(year, 1, 1)
    offset = start.replace(tzinfo=zone).utcoffset()
    component = Timezone()
    component.add("tzid", tzid)
    part = TimezoneStandard()
    part.add("dtstart", start)
    part.add("tzoffsetfrom", offset)
    part.add("tzoffsetto", offset)
    part.add("tzname", zone.tzname(start.replace(tzinfo=zone)))
    component.add_component(part)
    return component


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta:
    offset = instant.astimezone(zone).utcoffset()
    assert offset is not None
    return offset


def _transitions(zone: ZoneInfo, year: int) -> list[_Transition]:
    """Every change of UTC offset in ``year``, to the minute, found day by day."""
    found = []
    day = datetime(year, 1, 1, tzinfo=timezone.utc)
    end = datetime(year + 1, 1, 1, tzinfo=timezone.utc)
    while day < end:
        following = day + timedelta(days=1)
        before, after = _offset(zone, day), _offset(zone, following)
        if before != after:
            low, high = day, following
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                if _offset(zone, middle) == before:
                    low = middle
                else:
                    high = middle
            found.append(_Transition(high.replace(second=0, microsecond=0), before, after))
        day = following
    return found


def _yearly_rules(
    changes: list[_Transition], years: range
) -> list[tuple[_Transition, _YearlyRule]] | None:
    """One rule for the change forward and one for back, or None if the zone keeps no rule."""
    forward = [t for t in changes if t.after > t.before]
    back = [t for t in changes if t.after < t.before]
    if len(forward) != len(years) or len(back) != len(years):
        return None
    rules = []
    for kind in (back, forward):
        if len({(t.before, t.after) for t in kind}) != 1:
            return None
        rule = _rule_for(kind)
        if rule is None:
            return None
        rules.append((kind[0], rule))
    return rules


def _rule_for(kind: list[_Transition]) -> _YearlyRule | None:
    first = kind[0].local
    month_length = calendar.monthrange(first.year, first.month)[1]
    ordinals = [-1] if first.day + 7 > month_length else []
    ordinals.append((first.day - 1) // 7 + 1)
    for ordinal in ordinals:
        rule = _YearlyRule(first.month, ordinal, first.weekday(), first.time())
        if all(
            t.local.date() == rule.day_in(t.local.year) and t.local.time() == rule.at for t in kind
        ):
            return rule
    return None
