"""What a source says about one group, before Peerkit has checked any of it.

Every source format (a spreadsheet, HSDS, a Meeting Guide feed) reads its own
shape into a `Draft`; one shared mapping then turns drafts into group files.
A draft remembers where it came from (file and row or record number) so that
each problem can be reported at the row a person would open to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from peerkit.encode.terminal import printable
from peerkit.imports.expect_answers import merge as merge_answers
from peerkit.load.diagnostics import Severity


@dataclass(frozen=True)
class Where:
    """A row of a spreadsheet (as the spreadsheet numbers it) or a record of a feed (from 1)."""

    file: str
    number: int | None = None

    def __str__(self) -> str:
        return self.file if self.number is None else f"{self.file}:{self.number}"


@dataclass(frozen=True)
class Problem:
    where: Where
    severity: Severity
    message: str

    def format(self) -> str:
        """One printed line: the message quotes the file's values, escaped for a terminal."""
        return printable(f"{self.where}: {self.severity.value}: {self.message}")


def error(where: Where, message: str) -> Problem:
    return Problem(where, Severity.ERROR, message)


def warning(where: Where, message: str) -> Problem:
    return Problem(where, Severity.WARNING, message)


@dataclass
class DraftMeeting:
    """One recurring meeting; text fields are raw until the mapping reads them."""

    where: Where
    freq: str | None = None
    byday: tuple[str, ...] = ()
    opens_at: str | None = None
    closes_at: str | None = None
    timezone: str | None = None
    interval: int | None = None
    dtstart: date | None = None
    notes: str | None = None

    def same_slot(self, other: DraftMeeting) -> bool:
        """Two entries that differ only in their days: one meeting on several days."""
        return (
            self.freq,
            self.opens_at,
            self.closes_at,
            self.timezone,
            self.interval,
            self.dtstart,
            self.notes,
        ) == (
            other.freq,
            other.opens_at,
            other.closes_at,
            other.timezone,
            other.interval,
            other.dtstart,
            other.notes,
        )


@dataclass
class Draft:
    """One group as a source states it. Free text is kept as typed; lists are lists."""

    where: Where
    name: str | None = None
    description: str | None = None
    topics: list[str] = field(default_factory=list)
    organisation: str | None = None
    format: str | None = None
    venue: str | None = None
    address: str | None = None
    town: str | None = None
    region: str | None = None
    postcode: str | None = None
    country: str | None = None
    latitude: object = None
    longitude: object = None
    directions: str | None = None
    online_url: str | None = None
    online_platform: str | None = None
    online_details: str | None = None
    meetings: list[DraftMeeting] = field(default_factory=list)
    by_arrangement: str | None = None
    contact_name: str | None = None
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    languages: list[str] = field(default_factory=list)
    accessibility: list[str] = field(default_factory=list)
    cost: str | None = None
    expect: dict[str, Any] = field(default_factory=dict)
    """What a first-timer can expect, shaped like the schema's ``expect:``."""
    last_verified: date | str | None = None
    status: str | None = None
    editor_note: str | None = None
    """A spreadsheet's free notes: kept in the file for editors, never published."""
    source_id: str | None = None
    """The group's id in the source (HSDS id, Meeting Guide slug, an id column)."""
    page_url: str | None = None
    """The group's page on the site that published the list (HSDS's and Meeting
    Guide's url): on this site's own export it gives the group's slug back."""
    problems: list[Problem] = field(default_factory=list)
    skip: bool = False
    """Set by a source that already knows the group must not be imported (a closed service)."""

    def absorb(self, other: Draft) -> None:
        """Take in another entry of the same group: its meetings, and what this one lacks.

        Sources list a group once per meeting (a Meeting Guide feed) or once per
        time slot (a spreadsheet); a value two entries disagree on keeps the first
        and is reported at the second.
        """
        self.meetings.extend(other.meetings)
        self.problems.extend(other.problems)
        merge_answers(self.expect, other.expect)
        for name in ("topics", "languages", "accessibility"):
            mine: list[str] = getattr(self, name)
            mine.extend(item for item in getattr(other, name) if item not in mine)
        if isinstance(self.last_verified, date) and isinstance(other.last_verified, date):
            self.last_verified = max(self.last_verified, other.last_verified)
        elif not self.last_verified:
            self.last_verified = other.last_verified
        for name in _TEXT_FIELDS:
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine in (None, ""):
                setattr(self, name, theirs)
            elif theirs not in (None, "") and theirs != mine:
                self.problems.append(
                    warning(other.where, f"{name} differs from {self.where}; kept {mine!r}")
                )


_TEXT_FIELDS = (
    "description",
    "organisation",
    "format",
    "venue",
    "address",
    "town",
    "region",
    "postcode",
    "country",
    "latitude",
    "longitude",
    "directions",
    "online_url",
    "online_platform",
    "online_details",
    "by_arrangement",
    "contact_name",
    "email",
    "phone",
    "website",
    "cost",
    "status",
    "editor_note",
    "source_id",
    "page_url",
)
