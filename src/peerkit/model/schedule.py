"""A meeting's days as typed values, parsed once where they enter.

Schedules are written in the shape of Open Referral HSDS (``byday: "2TU,-1FR"``,
an iCalendar BYDAY list). The loader turns that text into `Day` values here; the
words on a page, RRULEs, schema.org, HSDS, Meeting Guide and the finder's data
are all views of these values, so no other module slices a token or keeps a
table of weekday codes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from functools import cache


class Weekday(enum.IntEnum):
    """Monday first, as `date.weekday()` counts."""

    MO = 0
    TU = 1
    WE = 2
    TH = 3
    FR = 4
    SA = 5
    SU = 6

    @property
    def code(self) -> str:
        """The iCalendar and HSDS code: "MO"."""
        return self.name

    @property
    def english(self) -> str:
        """The English name, which schema.org's day URIs use: "Monday"."""
        return _ENGLISH[self]

    @property
    def sunday_first(self) -> int:
        """The number Meeting Guide and JavaScript's `Date.getDay()` use: Sunday is 0."""
        return (self + 1) % 7

    @classmethod
    def of(cls, day: date) -> Weekday:
        return cls(day.weekday())

    @classmethod
    def sunday_first_numbered(cls, number: int) -> Weekday:
        """The weekday Meeting Guide numbers ``number`` (0 is Sunday)."""
        return cls((number - 1) % 7)


_ENGLISH = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, order=True)
class Day:
    """One BYDAY entry: a weekday, and for a monthly meeting which one of the month
    (2: the second, -1: the last)."""

    weekday: Weekday
    ordinal: int | None = None

    def __str__(self) -> str:
        return f"{self.ordinal or ''}{self.weekday.code}"

    @classmethod
    def parse(cls, token: str) -> Day:
        """A token the schema's pattern already admitted: "TU", "2TU", "-1FR"."""
        ordinal = token[:-2]
        return cls(Weekday[token[-2:]], int(ordinal) if ordinal else None)


@cache
def parse_days(text: str) -> tuple[Day, ...]:
    """The schema's ``byday`` text as days: "MO,TH" -> (Day(MO), Day(TH)).

    Kept for each text: a directory has a few dozen of them over 20,000 groups, and
    the days are frozen, so the groups share them (a third of a second a load)."""
    return tuple(Day.parse(token) for token in text.split(","))


def byday_text(days: tuple[Day, ...]) -> str:
    """The days back in iCalendar's and HSDS's text form: "2TU,-1FR"."""
    return ",".join(str(day) for day in days)
