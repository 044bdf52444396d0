"""The record types a site is made of.

Records are frozen: once content is loaded and checked, rendering only reads
it. Each record keeps its `Source` so that rules applied later (unknown
topic, duplicate slug, stale listing) can still point at the right line.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal, TypeVar

from peerkit.model.positions import Located, Position

Status = Literal["draft", "published"]
GroupFormat = Literal["in-person", "online", "hybrid"]
_Record = TypeVar("_Record")
_HASH = "_peerkit_hash"


def _hashed_once(cls: type[_Record]) -> type[_Record]:
    """A frozen record whose hash is worked out once, then kept on the record.

    `peerkit serve` keys every page it keeps by the records the page shows (a region
    page by its hundreds of groups), and the hash that dataclasses generate walks
    every field, a schedule's meetings and each tuple, at every lookup: 2 million
    hashes a save at 20,000 groups. The hash is left out of pickles: a record may be
    unpickled by a process whose strings hash differently.
    """
    computed = cls.__hash__

    def __hash__(self: Any) -> int:
        try:
            return self.__dict__[_HASH]
        except KeyError:
            value = computed(self)
            object.__setattr__(self, _HASH, value)
            return value

    def __getstate__(self: Any) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != _HASH}

    cls.__hash__ = __hash__  # type: ignore[method-assign]
    cls.__getstate__ = __getstate__  # type: ignore[attr-defined]
    return cls


@dataclass(frozen=True)
class Source:
    """Where a record came from: its file (relative to the site) and positions."""

    path: str
    located: Located = field(repr=False, compare=False)

    def value_at(self, *path: str | int) -> Position:
        return self.located.value_at(tuple(path))

    def key_at(self, *path: str | int) -> Position:
        return self.located.key_at(tuple(path))


@dataclass(frozen=True)
class TopicTranslation:
    """A topic's title and description in one of the site's other languages."""

    language: str
    title: str
    description: str


@_hashed_once
@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    description: str
    source: Source
    translations: tuple[TopicTranslation, ...] = ()
    language: str | None = None
    """The language of ``title`` and ``description``; None is the site's default."""


@dataclass(frozen=True)
class Consent:
    date: date
    method: str | None


@_hashed_once
@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    author: str | None
    date: date
    topics: tuple[str, ...]
    summary: str
    content_warnings: tuple[str, ...]
    consent: Consent
    language: str | None
    status: Status
    example: bool
    body: str
    body_line: int
    source: Source

    @property
    def byline(self) -> str | None:
        """The name shown with the story; None means "Anonymous"."""
        return self.author


@_hashed_once
@dataclass(frozen=True)
class Tip:
    slug: str
    title: str
    topics: tuple[str, ...]
    summary: str
    related_stories: tuple[str, ...]
    language: str | None
    status: Status
    example: bool
    body: str
    body_line: int
    source: Source


@dataclass(frozen=True)
class Location:
    town: str
    region: str
    country: str
    venue: str | None = None
    address: str | None = None
    postcode: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    directions: str | None = None


@dataclass(frozen=True)
class Online:
    platform: str
    url: str | None = None
    details: str | None = None


@dataclass(frozen=True)
class Meeting:
    """One recurring meeting, shaped like an Open Referral HSDS schedule."""

    freq: Literal["WEEKLY", "MONTHLY"]
    byday: tuple[str, ...]
    opens_at: str
    closes_at: str
    timezone: str
    interval: int = 1
    dtstart: date | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None


@_hashed_once
@dataclass(frozen=True)
class Group:
    slug: str
    name: str
    description: str
    topics: tuple[str, ...]
    organisation: str | None
    format: GroupFormat
    region: str
    location: Location | None
    online: Online | None
    schedule: tuple[Meeting, ...]
    by_arrangement: str | None
    contact: Contact | None
    languages: tuple[str, ...]
    accessibility: tuple[str, ...]
    cost: str | None
    last_verified: date
    status: Status
    example: bool
    source: Source
    language: str | None = None
    """The language the listing is written in (None: the site's default). Not the
    languages spoken at the meeting, which are ``languages``."""


@dataclass(frozen=True)
class CrisisLine:
    country: str
    name: str
    phone: str | None = None
    text: str | None = None
    sms: str | None = None
    sms_body: str | None = None
    url: str | None = None
    hours: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Crisis:
    intro: str | None
    lines: tuple[CrisisLine, ...]


@dataclass(frozen=True)
class Site:
    """Everything loaded from content/, drafts included (rendering skips them)."""

    topics: tuple[Topic, ...]
    stories: tuple[Story, ...]
    tips: tuple[Tip, ...]
    groups: tuple[Group, ...]
    crisis: Crisis

    def without_positions(self) -> Site:
        """The same records without the line and column of every value: what rendering
        needs, once the checks that quote positions have run. At 20,000 groups the
        positions are a quarter of a gigabyte."""
        return Site(
            topics=tuple(_unplaced(t) for t in self.topics),
            stories=tuple(_unplaced(s) for s in self.stories),
            tips=tuple(_unplaced(t) for t in self.tips),
            groups=tuple(_unplaced(g) for g in self.groups),
            crisis=self.crisis,
        )

    def published(self) -> Site:
        """The site as visitors see it: drafts left out."""
        return Site(
            topics=self.topics,
            stories=tuple(s for s in self.stories if s.status == "published"),
            tips=tuple(t for t in self.tips if t.status == "published"),
            groups=tuple(g for g in self.groups if g.status == "published"),
            crisis=self.crisis,
        )


_Placed = TypeVar("_Placed", Topic, Story, Tip, Group)


def _unplaced(record: _Placed) -> _Placed:
    return replace(record, source=Source(record.source.path, Located(None)))
