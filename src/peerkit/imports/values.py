"""Lenient readers for the days, times and dates people type into spreadsheets and feeds.

An organisation's sheet says "Tues & Thurs", "6.30pm" or "14/03/2026"; the
group format wants TU,TH, "18:30" and 2026-03-14. Each reader here turns one
such cell into the schema's form, or returns `Bad` with the reason in words the
person who typed it understands. (Places and contact details: details.py.)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from peerkit.model.schedule import Weekday

DAYS = tuple(weekday.code for weekday in Weekday)
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS: dict[str, tuple[str, ...]] = {}
for _code, _name in zip(DAYS, _DAY_NAMES, strict=True):
    for _word in (_name, _name + "s", _name[:3], _name[:2]):
        _DAY_WORDS[_word] = (_code,)
_DAY_WORDS.update(
    {
        "tues": ("TU",),
        "weds": ("WE",),
        "thur": ("TH",),
        "thurs": ("TH",),
        "weekdays": DAYS[:5],
        "weekday": DAYS[:5],
        "weekends": DAYS[5:],
        "weekend": DAYS[5:],
        "daily": DAYS,
        "everyday": DAYS,
    }
)
_ORDINAL_WORDS = {
    "1": 1, "1st": 1, "first": 1,
    "2": 2, "2nd": 2, "second": 2,
    "3": 3, "3rd": 3, "third": 3,
    "4": 4, "4th": 4, "fourth": 4,
    "5": 5, "5th": 5, "fifth": 5,
    "last": -1, "penultimate": -2,
}  # fmt: skip
_FILLER = {"and", "or", "every", "each", "on", "the", "of", "month", "in", "a", "day", "days"}
_MONTHS = {
    name: number
    for number, full in enumerate(
        (
            "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december",
        ),
        start=1,
    )
    for name in (full, full[:3], full[:4])
}  # fmt: skip


@dataclass(frozen=True)
class Bad:
    """A value that could not be read, and why (said to a person, not a parser)."""

    reason: str


def clean(text: object) -> str:
    """A cell as text: surrounding blanks gone, inner runs of spaces made one."""
    if text is None:
        return ""
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in str(text).splitlines()]
    return "\n".join(lines).strip()


def ascii_slug(text: str, limit: int = 80) -> str:
    """A file-name and web-address form: "Carers' Café (online)" -> "carers-cafe-online"."""
    bare = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", bare.lower().replace("'", "")).strip("-")
    return slug[:limit].rstrip("-")


def word_list(text: str) -> list[str]:
    """The lower-case words and numbers of a cell, with "&" read as "and"."""
    return re.findall(r"[a-z0-9]+", text.casefold().replace("&", " and "))


# --- days and weeks of the month ------------------------------------------------------


@dataclass(frozen=True)
class Days:
    """Weekday codes in week order, and any "which week of the month" ordinals named with them."""

    days: tuple[str, ...]
    ordinals: tuple[int, ...]


def parse_days(text: str) -> Days | Bad:
    """ "Tuesday and Thursday", "Mon-Fri", "1st & 3rd Wed", "weekdays" -> codes and ordinals."""
    found: list[str] = []
    ordinals: list[int] = []
    words = word_list(
        re.sub(r"\s*(?:-|\u2013|\u2014|\bto\b|\buntil\b)\s*", " to ", text, flags=re.I)
    )
    index = 0
    while index < len(words):
        word = words[index]
        if word in ("to", "till") and found and index + 1 < len(words):
            end = _DAY_WORDS.get(words[index + 1])
            if end is None or len(end) != 1:
                return Bad(f"unknown day range in {text!r}")
            start, stop = DAYS.index(found[-1]), DAYS.index(end[0])
            span = range(start, stop + 1) if start <= stop else [*range(start, 7), *range(stop + 1)]
            found.extend(DAYS[i] for i in span)
            index += 2
            continue
        if word == "every" and index + 1 < len(words) and words[index + 1] == "day":
            found.extend(DAYS)
            index += 2
            continue
        if word in _DAY_WORDS:
            found.extend(_DAY_WORDS[word])
        elif word in _ORDINAL_WORDS:
            value, taken = _ordinal_at(words, index)
            ordinals.append(value)
            index += taken
            continue
        elif word not in _FILLER and word not in ("last", "to", "till"):
            typed = _as_typed(word, text)
            return Bad(
                f"unknown day {typed!r}" + (f" in {text!r}" if typed != text.strip() else "")
            )
        index += 1
    if not found:
        return Bad(f"no weekday in {text!r}")
    return Days(
        tuple(code for code in DAYS if code in found),
        tuple(dict.fromkeys(ordinals)),
    )


def _as_typed(word: str, text: str) -> str:
    """The word as the person typed it ("Tusday", not "tusday"), for the report."""
    found = re.search(re.escape(word), text, re.I)
    return found.group(0) if found else word


def _ordinal_at(words: list[str], index: int) -> tuple[int, int]:
    """The ordinal at ``index`` and how many words it took: "2nd last", "second to last" count from the end."""
    number = _ORDINAL_WORDS[words[index]]
    rest = words[index + 1 : index + 3]
    if number > 0 and rest == ["to", "last"]:
        return -number, 3
    if number > 0 and rest[:1] in (["last"], ["from"]):
        return -number, 2 + (words[index + 2 : index + 4] == ["the", "end"]) * 2
    return number, 1


def parse_ordinals(text: str) -> tuple[int, ...] | Bad:
    """Week of the month: "1st and 3rd", "2, 4", "last", "second to last"."""
    words = word_list(text)
    found: list[int] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in _ORDINAL_WORDS:
            value, taken = _ordinal_at(words, index)
            found.append(value)
            index += taken
            continue
        if word not in ("week", "weeks", "and", "of", "the", "month", "every", "each"):
            return Bad(f"unknown week of the month {text!r} (write 1st, 2nd and 4th, or last)")
        index += 1
    if not found:
        return Bad(f"no week of the month in {text!r}")
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Frequency:
    freq: str | None  # WEEKLY, MONTHLY, or None when the text leaves it to the days
    interval: int
    ordinals: tuple[int, ...] = ()


def parse_frequency(text: str) -> Frequency | Bad:
    """ "weekly", "fortnightly", "every 3 weeks", "monthly", "1st Tuesday of the month"."""
    words = word_list(text)
    joined = " ".join(words)
    if not words:
        return Frequency(None, 1)
    if joined in ("weekly", "every week", "each week", "once a week", "week"):
        return Frequency("WEEKLY", 1)
    if joined in (
        "fortnightly",
        "every other week",
        "every 2 weeks",
        "alternate weeks",
        "biweekly",
    ):
        return Frequency("WEEKLY", 2)
    if joined in ("monthly", "every month", "each month", "once a month", "month"):
        return Frequency("MONTHLY", 1)
    if joined in ("bimonthly", "bi monthly"):
        return Bad(
            f"{text!r} is ambiguous: write 'twice a month' as monthly with the weeks, or 'every 2 months'"
        )
    match = re.fullmatch(r"every (\d+) (week|weeks|month|months)", joined)
    if match:
        freq = "WEEKLY" if match.group(2).startswith("week") else "MONTHLY"
        return Frequency(freq, int(match.group(1)))
    ordinals = parse_ordinals(re.sub(r"\b(monthly|of the month)\b", " ", text, flags=re.I))
    if not isinstance(ordinals, Bad) and ("month" in joined or "monthly" in joined):
        return Frequency("MONTHLY", 1, ordinals)
    return Bad(f"unknown frequency {text!r} (write weekly, fortnightly or monthly)")


# --- times ------------------------------------------------------------------------------

_TIME = re.compile(
    r"^(?P<h>\d{1,2})(?:(?P<sep>[:.h])(?P<m>\d{2}))?(?::\d{2})?\s*(?:(?P<ampm>[ap])\.?\s*m?\.?)?$",
    re.I,
)
_TIME_OFFSET = re.compile(r"(?:z|[+-]\d{2}(?::?\d{2})?)$", re.I)
_NOON = re.compile(r"^(?:12\s*)?(?:noon|midday)$|^12\s*(?:pm\s*)?noon$")
_RANGE = re.compile(r"\s*(?:-|\u2013|\u2014|\bto\b|\btill\b|\buntil\b)\s*", re.I)


@dataclass(frozen=True)
class _Clock:
    """A time as written: its hour and minute, "a" or "p" if it says which half of
    the day, and whether it can only be a 24-hour time (19:30, 00:15, 07:30, 10:00,
    1930)."""

    hour: int
    minute: int
    half: str | None
    twenty_four: bool

    @property
    def ambiguous(self) -> bool:
        """ "7" or "7.30": morning or evening, which nobody should guess."""
        return self.half is None and not self.twenty_four and 1 <= self.hour <= 11

    def on_half(self, half: str) -> _Clock:
        return _Clock(self.hour, self.minute, half, self.twenty_four)

    def text(self) -> str:
        hour = self.hour
        if self.half:
            hour = hour % 12 + (12 if self.half == "p" else 0)
        return f"{hour:02d}:{self.minute:02d}"


def _clock(text: str) -> _Clock | Bad:
    value = text.strip().casefold()
    if _NOON.match(value):
        return _Clock(12, 0, "p", True)
    if value == "midnight":
        return _Clock(0, 0, None, True)
    four_digits = re.fullmatch(r"\d{3,4}", value) is not None
    if four_digits:
        value = f"{value[:-2]}:{value[-2:]}"
    match = _TIME.match(value)
    if not match:
        return Bad(f"unknown time {text!r} (write 18:30 or 6:30pm)")
    hour, minute = int(match["h"]), int(match["m"] or 0)
    half = match["ampm"].lower() if match["ampm"] else None
    if half and not 1 <= hour <= 12:
        return Bad(f"unknown time {text!r}: {hour} is not an hour on a 12-hour clock")
    if hour > 23 or minute > 59:
        return Bad(f"unknown time {text!r} (hours go to 23, minutes to 59)")
    # 07:30, 10:00, 1930 and 19.30 can only be a 24-hour clock; 7:30, 7.30, 10.30 and
    # 7 are how people write the 12-hour one without saying which half of the day.
    two_digit_colon = len(match["h"]) == 2 and match["sep"] == ":"
    twenty_four = not half and (hour == 0 or hour >= 13 or two_digit_colon or four_digits)
    if hour == 12 and not half and not twenty_four:
        # "12", "12.30": midday, on any clock a meeting keeps; "10.30-12.00" is a morning.
        half = "p"
    return _Clock(hour, minute, half, twenty_four)


def parse_time(text: str) -> str | Bad:
    """A feed's time: "18:30", "6:30pm", "18.30", "6 pm", "1830", "noon" -> "HH:MM".

    Feeds (Meeting Guide, HSDS) write a 24-hour clock, so "9:05" is 09:05; a
    spreadsheet's times go through `parse_sheet_times`, which does not guess."""
    clock = _clock(text)
    return clock if isinstance(clock, Bad) else clock.text()


def _twelve(clock: _Clock) -> int:
    """Where an hour falls in its half of the day: 12 first (12pm is noon)."""
    return clock.hour % 12


def parse_sheet_times(start: str, end: str = "") -> tuple[str, str | None] | Bad:
    """A spreadsheet's meeting times, in one cell ("7-9pm", "7.30pm-9pm", "19.30 to
    21.00", with a hyphen or a dash) or two, as 24-hour "HH:MM"; no end gives None.

    People write the half of the day once: "7-9pm" is 19:00 to 21:00, "11-1pm" 11:00
    to 13:00, "7pm-9" 19:00 to 21:00, and a 24-hour time makes the other one 24-hour
    too ("9.30-13.00"). A time that is still morning-or-evening ("7", "7.30") is
    refused, never guessed."""
    if not end:
        parts = _RANGE.split(start.strip(), maxsplit=1)
        start, end = parts[0], parts[1] if len(parts) > 1 else ""
    first = _clock(start)
    if isinstance(first, Bad):
        return first
    second = _clock(end) if end.strip() else None
    if isinstance(second, Bad):
        return second
    if second is not None:
        first, second = _shared_half(first, second)
    for clock, written in ((first, start), (second, end)):
        if clock is not None and clock.ambiguous:
            said = f"{clock.hour}:{clock.minute:02d}" if clock.minute else str(clock.hour)
            return Bad(
                f"is {written.strip()!r} in the morning or the evening? write {said}am,"
                f" {said}pm or {clock.hour + 12}:{clock.minute:02d}"
            )
    return first.text(), second.text() if second else None


def _shared_half(first: _Clock, second: _Clock) -> tuple[_Clock, _Clock]:
    """The half of the day, or the 24-hour clock, said once for both ends of a range."""
    if first.twenty_four and second.ambiguous:
        return first, _Clock(second.hour, second.minute, None, True)
    if second.twenty_four and first.ambiguous:
        return _Clock(first.hour, first.minute, None, True), second
    if second.half and first.ambiguous:
        same = _twelve(first) <= _twelve(second)
        return first.on_half(second.half if same else _other(second.half)), second
    if first.half and second.ambiguous:
        same = _twelve(second) >= _twelve(first)
        return first, second.on_half(first.half if same else _other(first.half))
    return first, second


def _other(half: str) -> str:
    return "p" if half == "a" else "a"


def iso_time(text: str) -> str | Bad:
    """An HSDS time ("18:30", "18:30:00", "18:30+01:00", "18:30Z") as local "HH:MM"."""
    return parse_time(_TIME_OFFSET.sub("", text.strip()))


def add_hour(time: str) -> str:
    """One hour later, past midnight if it must be (the meeting ends the next day)."""
    hour, minute = map(int, time.split(":"))
    return f"{(hour + 1) % 24:02d}:{minute:02d}"


# --- dates ------------------------------------------------------------------------------


def parse_date(text: str, day_first: bool = True) -> date | Bad:
    """ "2026-03-14", "14/03/2026", "3/14/26" (US sites), "14 March 2026", "March 14, 2026".

    Numeric dates are read day first unless the site is in the US; a date that
    can only be read one way (31/12 or 12/31) is read that way whatever the site.
    """
    value = text.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})", value)
    if match:
        return _date(int(match[1]), int(match[2]), int(match[3]), text)
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", value)
    if match:
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        year += 2000 if year < 100 else 0
        if first > 12 or (day_first and second <= 12):
            return _date(year, second, first, text)
        return _date(year, first, second, text)
    words = re.findall(r"[a-z]+|\d+", value.casefold())
    numbers = [int(w) for w in words if w.isdigit()]
    months = [_MONTHS[w] for w in words if w in _MONTHS]
    if len(months) == 1 and len(numbers) == 2:
        day, year = sorted(numbers)
        return _date(year, months[0], day, text)
    return Bad(f"unknown date {text!r} (write 2026-03-14 or 14/03/2026)")


def _date(year: int, month: int, day: int, text: str) -> date | Bad:
    try:
        return date(year, month, day)
    except ValueError:
        return Bad(f"{text!r} is not a real date")
