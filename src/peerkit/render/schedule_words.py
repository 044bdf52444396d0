"""Meeting times in plain words: "Every Tuesday, 18:30 to 20:00".

A first-timer reads a schedule, not an RRULE, so the generator turns each
HSDS-shaped meeting into the sentence a person would say.
"""

from __future__ import annotations

from peerkit.model.records import Meeting

DAY_NAMES = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
DAY_ORDER = list(DAY_NAMES)
_ORDINALS = {
    1: "1st",
    2: "2nd",
    3: "3rd",
    4: "4th",
    5: "5th",
    -1: "last",
    -2: "second to last",
    -3: "third to last",
    -4: "fourth to last",
    -5: "fifth to last",
}


def join_words(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _weekday(token: str) -> str:
    return token[-2:]


def _ordinal(token: str) -> int:
    return int(token[:-2])


def describe_days(meeting: Meeting) -> str:
    """The days part: "Every Monday and Thursday", "2nd and 4th Thursday of the month"."""
    if meeting.freq == "WEEKLY":
        days = join_words([DAY_NAMES[_weekday(t)] for t in meeting.byday])
        if meeting.interval == 1:
            return f"Every {days}"
        if meeting.interval == 2:
            return f"Every other {days}"
        return f"Every {meeting.interval} weeks on {days}"
    by_day: dict[str, list[int]] = {}
    for token in meeting.byday:
        by_day.setdefault(_weekday(token), []).append(_ordinal(token))
    parts = []
    for day, ordinals in by_day.items():
        ordered = sorted(ordinals, key=lambda n: (n < 0, n if n > 0 else -n))
        parts.append(f"{join_words([_ORDINALS[n] for n in ordered])} {DAY_NAMES[day]}")
    text = join_words(parts)
    text = text[0].upper() + text[1:]
    if meeting.interval == 1:
        return f"{text} of the month"
    return f"{text} of every {meeting.interval} months"


def describe_meeting(meeting: Meeting) -> str:
    return f"{describe_days(meeting)}, {meeting.opens_at} to {meeting.closes_at}"


def sort_key(meeting: Meeting) -> tuple[int, str]:
    """Monday first, then by start time: the order people scan a week in."""
    first_day = min(DAY_ORDER.index(_weekday(t)) for t in meeting.byday)
    return first_day, meeting.opens_at


def week_order(schedule: tuple[Meeting, ...]) -> tuple[int, str]:
    """Where a group sorts in a week: by its earliest meeting; by arrangement last."""
    return min((sort_key(m) for m in schedule), default=(len(DAY_ORDER), ""))
