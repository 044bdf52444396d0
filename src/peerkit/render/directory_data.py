"""The data behind the group finder on /groups/: a small index and fixed-size chunks.

The finder (theme/assets/peerkit/directory.js) filters, sorts by distance and
shows next meetings in the browser, with no server. Before the first results
show, a visitor downloads ``index.json`` (the tables every group points into)
and chunk ``0.json``; the other chunks load only once a filter, "near me" or
"show more" needs them, and the description words (``<n>-words.json``) only
once the visitor types a search. So the first results cost the same at 30
groups as at 20,000, and a national directory stays light: every repeated
value is a small integer into a table of the index.

index.json::

    {"version": 1,
     "chunks": [500, 500, 37],                  groups in chunk 0, 1, 2
     "formats": ["in-person", "online", "hybrid"],
     "zones": ["Europe/London", ...],           the site's own first
     "regions": [["London", "../london/"], ...] name, its page from index.json
     "towns": [["Leeds", 6, 53.8, -1.549], ...] name, region, mean of its groups'
                                                coordinates (absent if none has any)
     "topics": [["anxiety", "Anxiety"], ...],   only topics that some group has
     "languages": ["cy", "en"],
     "access": ["captions", "hearing loop"],
     "needs": ["step_free", ...],               the finder's "What you need" checkboxes,
                                                in bit order (render/finder_needs.py)
     "words": {"schedule.weekly": "Every {days}", ...},  the site language's
                                                schedule wording (schedule_words.py)
     "unit": "mi"}                              how distances read: miles in GB and
                                                the US, km elsewhere

A chunk is a list of rows, one a group, in the order of the region pages::

    [name, region, slug, town, format, [topics], [languages], [access],
     [meetings], flags, checked, latitude?, longitude?]

- ``slug`` is "" when it is the name's plain ASCII slug (`name_slug`, which
  the script repeats), as imported groups' are; the page is
  ``regions[region][1] + slug + "/"``.
- ``town`` is -1 for a group that meets only online.
- a meeting is ``[[0, 3], "12:30", "14:00"]``: its days (a weekday, 0 for
  Monday, or for one day the weekday alone, ``3``; ``[3, 2]`` for the second Thursday of a monthly meeting, ``[4, -1]``
  the last Friday), then wall-clock times in its time zone, then only what
  differs from the usual: the zone's number in ``zones``, the interval, the
  first day it counts from (days since 1970-01-01), the days and the months it
  takes off. A meeting whose end is before its start ends the next day. See
  `_meeting`.
- ``flags``: its lowest bit is 1 if the group also meets when members arrange it;
  the bits above it say which of index.json's ``needs`` the group meets, as its
  listing's ``expect:`` says (``flags >> 1``, one bit a need: render/finder_needs.py).
  Most groups' flags are a digit, so the needs cost next to nothing.
- ``checked`` is the day the listing was last checked, in days after the index's
  ``checked_from`` (itself days since 1970-01-01), which keeps it to a few digits:
  the script flags a listing not checked for a year from the visitor's clock, so
  the flag is right however old the build.
- coordinates (3 decimals, about 100 m) come last and only when they differ
  from the town's.

``<n>-words.json`` is a list of strings aligned with chunk ``n``: the words of
each description, folded (lower case, no accents), without short and common
words or words of the name, so that a text search finds "bereavement" in a
group called "Grief café".

``<n>-details.json`` is a list aligned with chunk ``n`` of what a printed handout
gives and a screen leaves to the group's page: ``[where, contact, platform, url,
dial_in]``, each a string, trailing empty ones left out. The finder fetches them
once its first results are up, so printing finds them there.

``places.json`` is the gazetteer of typed places (render/gazetteer.py).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from peerkit.model.records import Group, Meeting, Topic
from peerkit.model.schedule import Weekday
from peerkit.model.settings import Settings
from peerkit.render import urls
from peerkit.render.finder_needs import NEEDS, needs_met
from peerkit.render.gazetteer import gazetteer_file
from peerkit.render.page import GeneratedFile
from peerkit.translations import Words

DIRECTORY = f"{urls.GROUPS}directory/"
INDEX = f"{DIRECTORY}index.json"
CHUNK_SIZE = 500
FORMATS = ("in-person", "online", "hybrid")
# The translation keys schedule_words.py builds its sentences from.
SCHEDULE_WORDS = ("day", "days_every", "ordinal", "list", "schedule")
WORDS_PER_GROUP = 20
# Countries whose visitors read distances in miles.
MILES = frozenset(("GB", "US"))
# Words too common to tell one group from another (English, the default language).
_STOPWORDS = frozenset((
    "about", "after", "also", "and", "any", "are", "around", "back", "been", "before", "being",
    "both", "but", "can", "come", "could", "day", "does", "each", "even", "every", "for",
    "from", "get", "group", "groups", "had", "has", "have", "her", "here", "his", "how", "into",
    "its", "just", "like", "lot", "make", "many", "may", "meet", "meets", "more", "most",
    "much", "must", "new", "not", "now", "one", "only", "other", "our", "out", "over", "people",
    "really", "same", "see", "she", "some", "such", "take", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "through", "too", "two", "use",
    "very", "want", "was", "way", "week", "well", "were", "what", "when", "where", "which",
    "while", "who", "will", "with", "would", "you", "your", "weekly", "monthly", "twice",
    "welcome", "first", "along", "anyone", "everyone", "someone", "join",
))  # fmt: skip


def name_slug(name: str) -> str:
    """A name's plain ASCII slug, as `peerkit import` makes file names: "Café Ω" -> "cafe".

    Only ASCII letters and digits survive, so the script reproduces it exactly.
    """
    bare = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", bare.lower().replace("'", "")).strip("-")
    return slug[:80].rstrip("-")


def fold(text: str) -> str:
    """Lower case without accents, as the script folds what a visitor types."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _search_words(group: Group) -> str:
    """The description's telling words, first seen first, without those the name gives."""
    known = set(_words(group.name))
    if group.location:
        known.update(_words(group.location.town))
    kept = [
        word
        for word in dict.fromkeys(_words(group.description))
        if len(word) > 2 and word not in _STOPWORDS and word not in known and not word.isdigit()
    ]
    return " ".join(kept[:WORDS_PER_GROUP])


def _table(values: Iterable[str]) -> dict[str, int]:
    return {value: number for number, value in enumerate(values)}


def _coordinate(value: float) -> float | int:
    rounded = round(value, 3)
    return int(rounded) if rounded.is_integer() else rounded


def _town_key(region: int, group: Group) -> tuple[str, int] | None:
    """Towns are told apart by region too: Newport, Wales is not Newport, Isle of Wight."""
    if group.location is None or group.format == "online":
        return None
    return fold(group.location.town.strip()), region


def _point(group: Group) -> tuple[float, float] | None:
    location = group.location
    if location is None or location.latitude is None or location.longitude is None:
        return None
    return location.latitude, location.longitude


def _towns(listed: Sequence[tuple[int, Group]]) -> tuple[list[list[Any]], dict[Any, int]]:
    """Town rows, sorted by name, each at the mean of its groups' coordinates; and their numbers."""
    spellings: dict[tuple[str, int], list[str]] = {}
    points: dict[tuple[str, int], list[tuple[float, float]]] = {}
    for region, group in listed:
        key = _town_key(region, group)
        if key is None or group.location is None:
            continue
        spellings.setdefault(key, []).append(group.location.town.strip())
        point = _point(group)
        points.setdefault(key, []).extend([point] if point else [])
    rows: dict[tuple[str, int], list[Any]] = {}
    for key, names in spellings.items():
        name = min(set(names), key=lambda n: (-names.count(n), n))
        rows[key] = [name, key[1]]
        if points[key]:
            rows[key] += [
                _coordinate(sum(p[0] for p in points[key]) / len(points[key])),
                _coordinate(sum(p[1] for p in points[key]) / len(points[key])),
            ]
    keys = sorted(rows, key=lambda k: (fold(rows[k][0]), rows[k][0], rows[k][1]))
    return [rows[k] for k in keys], {k: n for n, k in enumerate(keys)}


_EPOCH = date(1970, 1, 1).toordinal()
_TAIL_DEFAULTS: tuple[object, ...] = (0, 1, 0, [], [])


def schedule_data(schedule: Sequence[Meeting], site_timezone: str) -> str:
    """A group's meetings for its page's script (next-meetings.js): the finder's
    form, with the group's own table of zones."""
    zones = _table(sorted({m.zone(site_timezone) for m in schedule}))
    data = {"zones": list(zones), "meetings": [_meeting(m, zones, site_timezone) for m in schedule]}
    return _dump(data).decode("utf-8")


def _meeting(meeting: Meeting, zones: dict[str, int], site_timezone: str) -> list[Any]:
    """``[days, opens, closes, zone, interval, first day, days off, months off]``, the
    last five only as far as they differ from ``0, 1, none, [], []``. A day is its
    weekday (0 is Monday), or for a monthly meeting ``[weekday, ordinal]``; the first
    day and the days off count days from 1970-01-01, as the finder's script counts
    them; months off are 1 to 12. Nothing in it needs parsing again."""
    days: Any = [day.weekday.value if day.ordinal is None else [day.weekday.value, day.ordinal]
                 for day in meeting.byday]  # fmt: skip
    if len(days) == 1 and isinstance(days[0], int):
        days = days[0]
    tail = [
        zones[meeting.zone(site_timezone)],
        meeting.interval,
        meeting.dtstart.toordinal() - _EPOCH if meeting.dtstart else 0,
        sorted(day.toordinal() - _EPOCH for day in meeting.except_dates),
        sorted(meeting.except_months),
    ]
    while tail and tail[-1] == _TAIL_DEFAULTS[len(tail) - 1]:
        tail.pop()
    return [days, meeting.opens_at, meeting.closes_at, *tail]


def _details(group: Group) -> list[str]:
    """What a printed list says of a group beyond the screen's line (see the module doc)."""
    where = ""
    if group.location is not None:
        loc = group.location
        place = " ".join(part for part in (loc.town, loc.postcode) if part)
        where = ", ".join(part for part in (loc.venue, loc.address, place) if part)
    contact = group.contact
    reach = (
        ", ".join(p for p in (contact.name, contact.email, contact.phone) if p) if contact else ""
    )
    online = group.online
    details = [where, reach]
    if online is not None:
        details += [online.platform, online.url or "", online.conference_phone or ""]
    while details and not details[-1]:
        details.pop()
    return details


def _schedule_words(language: str) -> dict[str, str]:
    words = Words(language)
    return {
        f"{prefix}.{key}": value
        for prefix in SCHEDULE_WORDS
        for key, value in sorted(words.prefixed(prefix).items())
    }


def _dump(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def directory_files(
    regions: dict[str, list[Group]], topics: Sequence[Topic], settings: Settings
) -> list[GeneratedFile]:
    """The index, the chunks and their words, for the published groups by region.

    Pure and deterministic: tables are sorted, so two builds give the same bytes.
    """
    listed = [(r, g) for r, items in enumerate(regions.values()) for g in items]
    groups = [group for _, group in listed]
    used_topics = {slug for group in groups for slug in group.topics}
    topic_rows = [[t.slug, t.title] for t in topics if t.slug in used_topics]
    topic_numbers = _table(row[0] for row in topic_rows)
    languages = _table(sorted({code for g in groups for code in g.languages}))
    access = _table(
        sorted({a for g in groups for a in g.accessibility}, key=lambda a: (fold(a), a))
    )
    other_zones = {m.zone(settings.timezone) for g in groups for m in g.schedule} - {
        settings.timezone
    }
    zones = _table([settings.timezone, *sorted(other_zones)])
    towns, town_numbers = _towns(listed)
    checked_from = min((g.last_verified.toordinal() for g in groups), default=_EPOCH)

    rows: list[list[Any]] = []
    words: list[str] = []
    details: list[list[str]] = []
    for region, group in listed:
        key = _town_key(region, group)
        town = -1 if key is None else town_numbers[key]
        row: list[Any] = [
            group.name,
            region,
            "" if group.slug == name_slug(group.name) else group.slug,
            town,
            FORMATS.index(group.format),
            sorted(topic_numbers[t] for t in group.topics if t in topic_numbers),
            sorted(languages[code] for code in group.languages),
            sorted(access[a] for a in group.accessibility),
            [_meeting(m, zones, settings.timezone) for m in group.schedule],
            (1 if group.by_arrangement else 0) | needs_met(group) << 1,
            group.last_verified.toordinal() - checked_from,
        ]
        point = _point(group)
        if town >= 0 and point is not None:
            own = [_coordinate(point[0]), _coordinate(point[1])]
            if own != towns[town][2:]:
                row += own
        rows.append(row)
        words.append(_search_words(group))
        details.append(_details(group))

    chunks = [rows[i : i + CHUNK_SIZE] for i in range(0, len(rows), CHUNK_SIZE)]
    index = {
        "version": 1,
        "chunks": [len(chunk) for chunk in chunks],
        "formats": list(FORMATS),
        "checked_from": checked_from - _EPOCH,
        "days": [weekday.code for weekday in Weekday],
        "zones": list(zones),
        "regions": [[name, urls.relative(DIRECTORY, urls.region(name))] for name in regions],
        "towns": towns,
        "topics": topic_rows,
        "languages": list(languages),
        "access": list(access),
        "needs": list(NEEDS),
        "words": _schedule_words(settings.language),
        "unit": "mi" if settings.country in MILES else "km",
    }
    files = [GeneratedFile(INDEX, _dump(index))]
    for number, chunk in enumerate(chunks):
        files.append(GeneratedFile(f"{DIRECTORY}{number}.json", _dump(chunk)))
        start = number * CHUNK_SIZE
        files.append(
            GeneratedFile(
                f"{DIRECTORY}{number}-words.json", _dump(words[start : start + len(chunk)])
            )
        )
        files.append(
            GeneratedFile(
                f"{DIRECTORY}{number}-details.json", _dump(details[start : start + len(chunk)])
            )
        )
    files.append(gazetteer_file(DIRECTORY, groups, settings.country))
    return files
