"""The record types a site is made of.

Records are frozen: once content is loaded and checked, rendering only reads
it. Each record keeps its `Source` so that rules applied later (unknown
topic, duplicate slug, stale listing) can still point at the right line.
"""

from __future__ import annotations

import re
from dataclasses import KW_ONLY, dataclass, field
from datetime import date, timedelta
from typing import Any, Literal, TypeVar

from peerkit.model.expect import Expect
from peerkit.model.positions import Located, Position
from peerkit.model.schedule import Day, Weekday, parse_days

Status = Literal["draft", "published", "withdrawn"]
"""Only `published` is on the site; `withdrawn` (a story whose writer took back their
consent) is kept off every page, feed, search index and export, as a draft is."""
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


def with_source(record: _Record, source: Source) -> _Record:
    """``dataclasses.replace(record, source=source)`` for a record made by `_hashed_once`,
    without running its ``__init__`` over every field again: `Site.without_positions`
    did that for 25,000 records at every build (0.6 s). The kept hash is left behind,
    as the source is part of it."""
    copy = object.__new__(type(record))
    fields = copy.__dict__
    fields.update(record.__dict__)
    fields.pop(_HASH, None)
    fields["source"] = source
    return copy


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
    aliases: tuple[str, ...] = ()
    """Other words people use for the topic ("Bereavement" for grief)."""

    @staticmethod
    def derived(data: dict[str, Any]) -> dict[str, Any]:
        """topics.yml keys translations by language; the record lists them."""
        translations = data.get("translations", {})
        return {"translations": [{"language": k, **v} for k, v in translations.items()]}


@dataclass(frozen=True)
class Consent:
    date: date
    method: str | None = None


@dataclass(frozen=True)
class Review:
    """An editor's record that they read what the safety checks found in a story and
    keep it: who, when, and each finding kept, in the words `peerkit check` gave it."""

    by: str
    date: date
    findings: tuple[str, ...]


@_hashed_once
@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    date: date
    topics: tuple[str, ...]
    summary: str
    consent: Consent
    body: str
    body_line: int
    source: Source
    _: KW_ONLY
    author: str | None = None
    content_warnings: tuple[str, ...] = ()
    language: str | None = None
    status: Status = "published"
    example: bool = False
    review: Review | None = None

    @property
    def byline(self) -> str | None:
        """The name shown with the story; None means "Anonymous"."""
        return self.author

    @staticmethod
    def derived(data: dict[str, Any]) -> dict[str, Any]:
        """An anonymous story keeps no author, so no page or export can show one."""
        return {"author": None} if data.get("anonymous") else {}


@dataclass(frozen=True)
class Unchecked:
    """A story or tip whose front matter parsed but broke its schema: no record can be
    made of it, yet its text and topics are kept, so that the rules that read them
    (safety, unknown topics, HTML left out) still run and a contributor sees every
    problem of the file in one run, not the next one after each fix."""

    kind: str
    body: str
    body_line: int
    source: Source
    author: str | None = None
    topics: tuple[str, ...] = ()
    content_warnings: tuple[str, ...] = ()
    review: Review | None = None
    """Never trusted from a file that broke its schema: every finding is reported."""

    @classmethod
    def of(
        cls, kind: str, data: dict[str, Any], body: str, body_line: int, source: Source
    ) -> Unchecked:
        """Only the values that have the right shape; the rest are the schema's problems."""
        return cls(
            kind,
            body,
            body_line,
            source,
            author=data.get("author") if isinstance(data.get("author"), str) else None,
            topics=tuple(t for t in _strings(data.get("topics")) if _TOPIC_SLUG.match(t)),
            content_warnings=_strings(data.get("content_warnings")),
        )


_TOPIC_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""A topic written as a slug; any other is the schema's problem, reported already."""


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


@_hashed_once
@dataclass(frozen=True)
class Tip:
    slug: str
    title: str
    topics: tuple[str, ...]
    summary: str
    body: str
    body_line: int
    source: Source
    _: KW_ONLY
    related_stories: tuple[str, ...] = ()
    for_first_timers: bool = False
    """Every group's "What to expect" links to it (see tip.json)."""
    language: str | None = None
    status: Status = "published"
    example: bool = False


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
    conference_phone: str | None = None
    """A number to dial in by phone, a meeting code perhaps after commas."""


@dataclass(frozen=True)
class Meeting:
    """One recurring meeting, shaped like an Open Referral HSDS schedule."""

    freq: Literal["WEEKLY", "MONTHLY"]
    byday: tuple[Day, ...] = field(metadata={"parse": parse_days})
    opens_at: str
    closes_at: str
    timezone: str | None = None
    """The meeting's own IANA time zone; None means the site's, applied when rendering
    (`zone`), so that a site's setting is checked once, in mkdocs.yml."""
    interval: int = 1
    dtstart: date | None = None
    notes: str | None = None
    except_dates: tuple[date, ...] = field(default=(), metadata={"key": "except"})
    """Days it does not happen (``except`` in the file: a word Python keeps)."""
    except_months: tuple[int, ...] = ()
    """Months it takes a break, 1 to 12."""

    def zone(self, site_timezone: str) -> str:
        """The time zone the meeting's times are in."""
        return self.timezone or site_timezone

    @property
    def length(self) -> timedelta:
        """How long it lasts; a meeting whose end is not after its start ends the next
        day ("23:00" to "00:30" is an hour and a half)."""
        opens, closes = (_minutes(t) for t in (self.opens_at, self.closes_at))
        return timedelta(minutes=(closes - opens) % (24 * 60))

    @property
    def crosses_midnight(self) -> bool:
        return self.closes_at < self.opens_at

    def happens_on(self, day: date) -> bool:
        """False on a day the schedule's exceptions leave out."""
        return day not in self.except_dates and day.month not in self.except_months

    @property
    def weekdays(self) -> tuple[Weekday, ...]:
        """The distinct weekdays it meets on, in the order written."""
        return tuple(dict.fromkeys(day.weekday for day in self.byday))


def _minutes(hhmm: str) -> int:
    return int(hhmm[:2]) * 60 + int(hhmm[3:5])


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
    format: GroupFormat
    region: str
    last_verified: date
    source: Source
    _: KW_ONLY
    organisation: str | None = None
    location: Location | None = None
    online: Online | None = None
    schedule: tuple[Meeting, ...] = ()
    by_arrangement: str | None = None
    contact: Contact | None = None
    languages: tuple[str, ...] = ()
    accessibility: tuple[str, ...] = ()
    cost: str | None = None
    expect: Expect | None = None
    """What a first-timer can expect; None when the listing says nothing of it."""
    status: Status = "published"
    example: bool = False
    source_id: str | None = None
    """Its id in the list it was imported from (see the schema)."""
    language: str | None = None
    """The language the listing is written in (None: the site's default). Not the
    languages spoken at the meeting, which are ``languages``."""

    @staticmethod
    def derived(data: dict[str, Any]) -> dict[str, Any]:
        """An in-person group's region is its location's; an online one may name one."""
        location = data.get("location")
        return {"region": location["region"] if location else data.get("region", "Online")}


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
