"""A group's meetings: checked one by one, then joined where only the days differ.

The group schema says what a meeting looks like; this adds what `peerkit check`
asks across fields (an end after the start, a real time zone, a week of the
month only for monthly meetings) so that an imported file passes the check,
and it assumes the one thing feeds commonly leave out: an hour's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from peerkit.imports.drafts import DraftMeeting, Problem, error, warning
from peerkit.imports.values import add_hour
from peerkit.model.schedule import Day
from peerkit.model.timezones import is_time_zone

_BYDAY = re.compile(r"^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")


@dataclass
class Schedule:
    meetings: list[dict[str, Any]] = field(default_factory=list)
    implied: dict[tuple[str | int, ...], Any] = field(default_factory=dict)
    """Fields left out because they hold the default, with that default (for updates)."""
    problems: list[Problem] = field(default_factory=list)
    failed: bool = False


def schedule_data(drafts: Iterable[DraftMeeting], default_timezone: str) -> Schedule:
    found = Schedule()
    usable: list[DraftMeeting] = []
    for meeting in drafts:
        if _checked(meeting, found):
            combine_into(usable, meeting)
    for index, meeting in enumerate(usable):
        found.meetings.append(_data(index, meeting, default_timezone, found))
    return found


def _checked(m: DraftMeeting, found: Schedule) -> bool:
    """Fill what can be assumed (an hour's length), refuse what cannot; True if usable."""
    problems = found.problems

    def fail(message: str) -> None:
        problems.append(error(m.where, message))
        found.failed = True

    if not m.byday or not all(_BYDAY.match(day) for day in m.byday):
        fail(f"unknown meeting days {','.join(m.byday) or 'none'}")
        return False
    ordinals = [day[:-2] for day in m.byday]
    if m.freq is None:
        m.freq = "MONTHLY" if any(ordinals) else "WEEKLY"
    if m.freq == "WEEKLY" and any(ordinals):
        fail("a weekly meeting cannot be on a given week of the month: use monthly")
    if m.freq == "MONTHLY" and not all(ordinals):
        fail("a monthly meeting needs which week of the month (1st, 3rd, last)")
    if not m.opens_at:
        fail("no start time")
        return False
    if not m.closes_at:
        m.closes_at = add_hour(m.opens_at)
        problems.append(warning(m.where, f"no end time; assumed one hour, to {m.closes_at}"))
    if m.closes_at == m.opens_at:
        fail(f"meeting ends at {m.closes_at}, the time it starts: give its end")
    if m.timezone and not is_time_zone(m.timezone):
        fail(f"unknown time zone {m.timezone!r} (use a name such as Europe/London)")
    if m.interval is not None and not 1 <= m.interval <= 12:
        fail(f"every {m.interval} weeks or months is out of range (1 to 12)")
    elif (m.interval or 1) > 1 and m.dtstart is None:
        fail(
            f"meeting every {m.interval} weeks or months needs the date of one meeting"
            " (first_date), to know which weeks"
        )
    if m.notes and len(m.notes) > 200:
        problems.append(
            warning(
                m.where,
                "schedule notes are over 200 characters; left out: move them to the description",
            )
        )
        m.notes = None
    return not found.failed


def _data(index: int, m: DraftMeeting, default_timezone: str, found: Schedule) -> dict[str, Any]:
    meeting: dict[str, Any] = {"freq": m.freq}
    if (m.interval or 1) > 1:
        meeting["interval"] = m.interval
        meeting["dtstart"] = m.dtstart
    else:
        found.implied[("schedule", index, "interval")] = 1
    meeting["byday"] = ",".join(m.byday)
    meeting["opens_at"] = m.opens_at
    meeting["closes_at"] = m.closes_at
    if m.timezone == default_timezone:
        found.implied[("schedule", index, "timezone")] = m.timezone
    elif m.timezone:
        meeting["timezone"] = m.timezone
    if m.notes:
        meeting["notes"] = m.notes
    return meeting


def combine_into(meetings: list[DraftMeeting], meeting: DraftMeeting) -> None:
    """Join a meeting to one at the same time on other days (Tuesday + Thursday -> TU,TH)."""
    for other in meetings:
        if other.same_slot(meeting):
            days = set(other.byday) | set(meeting.byday)
            other.byday = tuple(sorted(days, key=_day_order))
            return
    meetings.append(meeting)


def _day_order(token: str) -> tuple[int, int]:
    day = Day.parse(token)
    ordinal = day.ordinal or 0
    return day.weekday, ordinal if ordinal > 0 else 10 - ordinal
