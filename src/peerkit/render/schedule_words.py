"""Meeting times in plain words: "Every Tuesday, 18:30 to 20:00".

A first-timer reads a schedule, not an RRULE, so the generator turns each
HSDS-shaped meeting into the sentence a person would say, in the site's
language. Exports keep English: partners' tools read those sentences back.
"""

from __future__ import annotations

from peerkit.model.records import Meeting
from peerkit.model.schedule import Weekday
from peerkit.render.dates import ENGLISH, human_date
from peerkit.translations import Words


def join_words(items: list[str], words: Words = ENGLISH) -> str:
    if len(items) <= 1:
        return "".join(items)
    return words("list.comma").join(items[:-1]) + words("list.and") + items[-1]


def describe_days(meeting: Meeting, words: Words = ENGLISH) -> str:
    """The days part: "Every Monday and Thursday", "2nd and 4th Thursday of the month"."""
    if meeting.freq == "WEEKLY":
        days = join_words([words(f"days_every.{d.weekday.code}") for d in meeting.byday], words)
        if meeting.interval == 1:
            return words("schedule.weekly", days=days)
        if meeting.interval == 2:
            return words("schedule.every_other_week", days=days)
        return words("schedule.every_n_weeks", n=meeting.interval, days=days)
    by_day: dict[Weekday, list[int]] = {}
    for day in meeting.byday:
        by_day.setdefault(day.weekday, []).append(day.ordinal or 1)
    parts = []
    for weekday, ordinals in by_day.items():
        ordered = sorted(ordinals, key=lambda n: (n < 0, n if n > 0 else -n))
        named = join_words([words(f"ordinal.{n}") for n in ordered], words)
        day_name = words(f"day.{weekday.code}")
        parts.append(words("schedule.monthly_day", ordinals=named, day=day_name))
    text = join_words(parts, words)
    text = text[0].upper() + text[1:]
    if meeting.interval == 1:
        return words("schedule.monthly", days=text)
    return words("schedule.every_n_months", days=text, n=meeting.interval)


def describe_meeting(meeting: Meeting, words: Words = ENGLISH) -> str:
    """The whole sentence: days, times, then the breaks ("not in August")."""
    parts = [
        words(
            "schedule.times",
            days=describe_days(meeting, words),
            opens=meeting.opens_at,
            closes=meeting.closes_at,
        )
    ]
    if meeting.except_months:
        months = [words(f"month.{m}") for m in sorted(meeting.except_months)]
        parts.append(words("schedule.except_months", months=join_words(months, words)))
    if meeting.except_dates:
        dates = [human_date(day, words) for day in sorted(meeting.except_dates)]
        parts.append(words("schedule.except_dates", dates=join_words(dates, words)))
    return "; ".join(parts)


def sort_key(meeting: Meeting) -> tuple[int, str]:
    """Monday first, then by start time: the order people scan a week in."""
    return min(day.weekday for day in meeting.byday), meeting.opens_at


def week_order(schedule: tuple[Meeting, ...]) -> tuple[int, str]:
    """Where a group sorts in a week: by its earliest meeting; by arrangement last."""
    return min((sort_key(m) for m in schedule), default=(len(Weekday), ""))
