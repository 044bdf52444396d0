"""Answers as people type them, turned into the values the schemas want.

"Tuesday", "2nd Tuesday" and "last friday" become TU, 2TU and -1FR; "6:30pm"
becomes "18:30"; topics may be given by number, short name or title. Each
parser raises `ValueError` with a message that says what would work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from peerkit.model.records import Topic

_WEEKDAYS = {
    "MO": ("monday", "mon"),
    "TU": ("tuesday", "tue", "tues"),
    "WE": ("wednesday", "wed"),
    "TH": ("thursday", "thu", "thur", "thurs"),
    "FR": ("friday", "fri"),
    "SA": ("saturday", "sat"),
    "SU": ("sunday", "sun"),
}
_DAY_NAMES = {name: code for code, names in _WEEKDAYS.items() for name in (code.lower(), *names)}
_ORDINALS = {
    "1st": 1,
    "first": 1,
    "2nd": 2,
    "second": 2,
    "3rd": 3,
    "third": 3,
    "4th": 4,
    "fourth": 4,
    "5th": 5,
    "fifth": 5,
    "last": -1,
}
_CODE = re.compile(r"^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$", re.IGNORECASE)
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.IGNORECASE)


def split_list(text: str) -> list[str]:
    """ "a, b; c" -> ["a", "b", "c"], empty entries dropped."""
    return [part.strip() for part in re.split(r"[,;]", text) if part.strip()]


def as_list(value: str | Sequence[str]) -> list[str]:
    """A typed answer ("a, b") or a repeated option (["a", "b"]) as a list."""
    return split_list(value) if isinstance(value, str) else [v.strip() for v in value]


def parse_topics(text: str | Sequence[str], topics: Sequence[Topic]) -> list[str]:
    """Topic slugs from numbers (1 = the first topic listed), slugs or titles."""
    words = split_list(text) if isinstance(text, str) else [w.strip() for w in text]
    chosen: list[str] = []
    for word in words:
        slug = _topic_slug(word, topics)
        if slug is None:
            known = ", ".join(t.slug for t in topics)
            raise ValueError(f"{word!r} is not one of the site's topics: {known}")
        if slug not in chosen:
            chosen.append(slug)
    if not chosen:
        raise ValueError("choose at least one topic")
    return chosen


def _topic_slug(word: str, topics: Sequence[Topic]) -> str | None:
    if word.isdigit() and 1 <= int(word) <= len(topics):
        return topics[int(word) - 1].slug
    folded = word.casefold()
    for topic in topics:
        if folded in (topic.slug, topic.title.casefold()):
            return topic.slug
    return None


def parse_days(text: str | Sequence[str], monthly: bool) -> str:
    """The schema's byday: "Mon and Thu" -> "MO,TH"; monthly "2nd Tue, last Fri" -> "2TU,-1FR"."""
    items = _SEPARATORS.split(text) if isinstance(text, str) else list(text)
    codes: list[str] = []
    for item in (i.strip() for i in items):
        if item:
            code = _day_code(item, monthly)
            if code not in codes:
                codes.append(code)
    if not codes:
        raise ValueError("give at least one day")
    return ",".join(codes)


def _day_code(item: str, monthly: bool) -> str:
    code = _CODE.match(item.replace(" ", ""))
    words = item.casefold().split()
    if code:
        ordinal, day = code.group(1), code.group(2).upper()
    elif len(words) == 1 and words[0] in _DAY_NAMES:
        ordinal, day = None, _DAY_NAMES[words[0]]
    elif len(words) == 2 and words[0] in _ORDINALS and words[1] in _DAY_NAMES:
        ordinal, day = str(_ORDINALS[words[0]]), _DAY_NAMES[words[1]]
    else:
        example = "2nd Tuesday or last Friday" if monthly else "Tuesday"
        raise ValueError(f"{item!r} is not a day: write it like {example}")
    if monthly and not ordinal:
        raise ValueError(f"{item!r}: say which one in the month, for example 2nd {item}")
    if not monthly and ordinal:
        raise ValueError(f"{item!r}: a weekly meeting takes plain days, such as Tuesday")
    return f"{ordinal or ''}{day}"


def parse_time(text: str) -> str:
    """ "18:30", "6:30pm" or "6pm" as a 24-hour HH:MM."""
    match = _TIME.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a time: write it like 18:30")
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(f"{text!r} is not a time: with am or pm the hour is 1 to 12")
        hour = hour % 12 + (12 if half.lower() == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"{text!r} is not a time: write it like 18:30")
    return f"{hour:02d}:{minute:02d}"


def parse_past_date(text: str, today: date) -> date:
    """A YYYY-MM-DD day that is not after today ("today" works too)."""
    if text.strip().casefold() == "today":
        return today
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"{text!r} is not a date: write it as YYYY-MM-DD, like 2026-03-01"
        ) from None
    if day > today:
        raise ValueError(f"{day.isoformat()} is after today")
    return day


def parse_yes_no(text: str) -> bool:
    answer = text.strip().casefold()
    if answer in ("y", "yes"):
        return True
    if answer in ("n", "no"):
        return False
    raise ValueError("answer yes or no")


def matching_region(text: str, regions: Sequence[str]) -> str:
    """An existing region's spelling if ``text`` names it in other case or spacing."""
    key = re.sub(r"[\W_]+", "", text.casefold())
    for region in regions:
        if re.sub(r"[\W_]+", "", region.casefold()) == key:
            return region
    return text.strip()
