"""One draft -> one group record, shaped and ordered as the group schema says.

Shared by every source format: the sources only say what they found; the
rules of what makes a listing (a name, a topic, how to get there, when it
meets) live here once. A value that cannot be used is reported; an optional
one is left out with a warning, a required one makes the row an error, and
the row is then skipped while the others still import.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from peerkit.imports.details import (
    parse_country,
    parse_language,
    parse_number,
    parse_phone,
    platform_from_url,
    web_url,
)
from peerkit.imports.drafts import Draft, Problem, Where, error, warning
from peerkit.imports.schedule import schedule_data
from peerkit.imports.schema_shape import field_name, ordered, refused_optional, remove
from peerkit.imports.values import Bad, ascii_slug, parse_date
from peerkit.load.diagnostics import Severity

ONLINE_REGION = "Online"
STAND_IN_DESCRIPTION = (
    "Details of this group have not been written yet: contact the group to find out more."
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_FORMATS = {
    "in-person": ("in person", "inperson", "face to face", "f2f", "venue", "physical", "offline"),
    "online": ("online", "virtual", "video", "zoom", "remote", "video call", "phone"),
    "hybrid": ("hybrid", "both", "blended", "in person and online", "online and in person"),
}
_STATUSES = {
    "published": ("published", "publish", "active", "open", "live", "yes", "y", "true"),
    "draft": ("draft", "hidden", "inactive", "closed", "paused", "no", "n", "false"),
}


@dataclass(frozen=True)
class Defaults:
    """What the site chose, passed in by the adapter (the core never reads mkdocs.yml)."""

    timezone: str
    country: str
    today: date
    topics: Mapping[str, str] = field(default_factory=dict)
    """The site's topics, slug -> title; empty if topics.yml could not be read."""
    default_topic: str | None = None
    site_url: str | None = None
    """The site's own address: a link back to it is its listing page, not the group's website."""
    topic_aliases: Mapping[str, str] = field(default_factory=dict)
    """Other words for a topic (topics.yml's aliases) -> the topic's slug."""
    columns: Mapping[str, str] = field(default_factory=dict)
    """A spreadsheet heading to the field its column fills, over the headings Peerkit
    knows (`--map "Type of group=topics"`)."""


@dataclass
class Mapped:
    """A group ready to write, or None with the reasons in ``problems``."""

    where: Where
    data: dict[str, Any] | None
    slug: str
    """The file name to give it, made from the name."""
    region: str
    town: str | None
    fallbacks: frozenset[str]
    """Top-level fields filled with a stand-in: they go into new files, never over a real value."""
    implied: dict[tuple[str | int, ...], Any]
    """Fields left out because they hold the default (a meeting's time zone), with that default."""
    problems: list[Problem]
    name: str = ""
    source_id: str | None = None


def to_group(draft: Draft, defaults: Defaults) -> Mapped:
    builder = _Builder(draft, defaults)
    data = builder.build()
    return Mapped(
        draft.where,
        data,
        own_slug(draft.page_url, defaults.site_url) or ascii_slug(draft.name or "") or "group",
        builder.region,
        builder.town,
        frozenset(builder.fallbacks),
        builder.implied,
        [*draft.problems, *builder.problems],
        draft.name or "",
        draft.source_id,
    )


class _Builder:
    def __init__(self, draft: Draft, defaults: Defaults) -> None:
        self.draft = draft
        self.defaults = defaults
        self.problems: list[Problem] = []
        self.fallbacks: set[str] = set()
        self.implied: dict[tuple[str | int, ...], Any] = {}
        self.region = ONLINE_REGION
        self.town: str | None = None
        self.failed = any(p.severity is Severity.ERROR for p in draft.problems)

    def warn(self, message: str, where: Where | None = None) -> None:
        self.problems.append(warning(where or self.draft.where, message))

    def fail(self, message: str, where: Where | None = None) -> None:
        self.problems.append(error(where or self.draft.where, message))
        self.failed = True

    def build(self) -> dict[str, Any] | None:
        d = self.draft
        if d.skip:
            return None
        data: dict[str, Any] = {}
        if not d.name:
            self.fail("no name: every group needs one")
            return None
        data["name"] = d.name
        if d.description:
            data["description"] = d.description
        else:
            self.warn("no description; wrote a stand-in: replace it with what happens at the group")
            data["description"] = STAND_IN_DESCRIPTION
            self.fallbacks.add("description")
        data["topics"] = self.topics()
        if d.organisation:
            data["organisation"] = d.organisation
        group_format = self.group_format()
        if group_format:
            data["format"] = group_format
        if group_format in ("in-person", "hybrid"):
            location = self.location()
            if location:
                data["location"] = location
        if group_format in ("online", "hybrid"):
            online = self.online()
            if online:
                data["online"] = online
        if group_format == "online":
            self.region = d.region or ONLINE_REGION
            data["region"] = self.region
        schedule = self.schedule()
        if schedule:
            data["schedule"] = schedule
        if d.by_arrangement:
            data["by_arrangement"] = d.by_arrangement
        if not schedule and not d.by_arrangement and not self.failed:
            self.fail("no meeting day and time (or by_arrangement): say when the group meets")
        contact = self.contact()
        if contact:
            data["contact"] = contact
        languages = self.languages()
        if languages:
            data["languages"] = languages
        accessibility = list(dict.fromkeys(d.accessibility))
        if accessibility:
            data["accessibility"] = accessibility
        if d.cost:
            data["cost"] = d.cost
        if d.expect:
            data["expect"] = dict(d.expect)
        data["last_verified"] = self.last_verified()
        status = self.status()
        if status:
            data["status"] = status
        if d.source_id:
            data["source_id"] = d.source_id
        if d.editor_note:
            data["editor_note"] = d.editor_note
        if self.failed:
            return None
        data = self.prune(data)
        return None if self.failed else ordered(data)

    def topics(self) -> list[str]:
        known = self.defaults.topics
        slugs: list[str] = []
        for word in self.draft.topics:
            slug = match_topic(word, known, self.defaults.topic_aliases)
            if slug:
                slugs.append(slug)
            else:
                self.warn(f"unknown topic {word!r}; topics in topics.yml: {', '.join(known)}")
        if not slugs and self.defaults.default_topic:
            self.fallbacks.add("topics")
            return [self.defaults.default_topic]
        if not slugs:
            self.fail("no known topic: fill in topics, or give --topic for the whole file")
        return list(dict.fromkeys(slugs))

    def group_format(self) -> str | None:
        d = self.draft
        has_place = bool(d.address or d.venue)
        has_online = bool(d.online_url)
        stated = read_format(d.format) if d.format else None
        if d.format and stated is None:
            self.warn(
                f"unknown format {d.format!r} (in-person, online or hybrid); went by the data"
            )
        if stated:
            return stated
        if has_place and has_online:
            return "hybrid"
        if has_online:
            return "online"
        if has_place or d.town:
            return "in-person"
        self.fail("no address and no online link: say where the group meets")
        return None

    def location(self) -> dict[str, Any] | None:
        d = self.draft
        if not d.address and not (d.venue and d.postcode):
            self.fail(
                "no address: an in-person or hybrid group needs the street address,"
                " or the venue and its postcode"
            )
        if not d.town:
            self.fail("no town: an in-person or hybrid group needs its town or city")
        if self.failed:
            return None
        self.town = d.town
        self.region = d.region or d.town or ONLINE_REGION
        country = self.defaults.country
        if d.country:
            parsed = parse_country(d.country)
            if isinstance(parsed, Bad):
                self.warn(f"{parsed.reason}; used {country}")
            else:
                country = parsed
        location: dict[str, Any] = {
            "venue": d.venue,
            "address": d.address,
            "town": d.town,
            "region": self.region,
            "postcode": d.postcode,
            "country": country,
        }
        coordinates = self.coordinates()
        if coordinates:
            location["latitude"], location["longitude"] = coordinates
        location["directions"] = d.directions
        return {key: value for key, value in location.items() if value is not None and value != ""}

    def coordinates(self) -> tuple[float, float] | None:
        d = self.draft
        if d.latitude in (None, "") and d.longitude in (None, ""):
            return None
        latitude, longitude = parse_number(d.latitude), parse_number(d.longitude)
        if isinstance(latitude, Bad) or isinstance(longitude, Bad):
            self.warn(
                f"latitude and longitude {d.latitude!r}, {d.longitude!r} are not numbers; left out"
            )
            return None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            self.warn(f"latitude {latitude} or longitude {longitude} is out of range; left out")
            return None
        return latitude, longitude

    def online(self) -> dict[str, Any] | None:
        d = self.draft
        if not d.online_url:
            self.fail("no online link: an online or hybrid group needs the join link (online_url)")
            return None
        url = web_url(d.online_url)
        if isinstance(url, Bad):
            self.fail(f"online link: {url.reason}")
            return None
        if url.startswith("http://"):
            url = "https://" + url[len("http://") :]
            self.warn(f"join link {d.online_url!r} uses http; written with https")
        online = {
            "url": url,
            "platform": d.online_platform or platform_from_url(url),
            "details": d.online_details,
        }
        return {key: value for key, value in online.items() if value}

    def schedule(self) -> list[dict[str, Any]]:
        found = schedule_data(self.draft.meetings, self.defaults.timezone)
        self.problems.extend(found.problems)
        self.failed = self.failed or found.failed
        self.implied.update(found.implied)
        return found.meetings

    def contact(self) -> dict[str, Any]:
        d = self.draft
        contact: dict[str, Any] = {}
        name, email, phone_text = _contact_parts(d.contact_name, d.email, d.phone)
        if name:
            contact["name"] = name
        if email:
            if _EMAIL.match(email):
                contact["email"] = email
            else:
                self.warn(f"email {email!r} is not an email address; left out")
        if phone_text:
            phone = parse_phone(phone_text)
            if isinstance(phone, Bad):
                self.warn(f"{phone.reason}; left out")
            else:
                contact["phone"] = phone
        if d.website:
            url = web_url(d.website)
            if isinstance(url, Bad):
                self.warn(f"website: {url.reason}; left out")
            else:
                contact["url"] = url
        return contact

    def languages(self) -> list[str]:
        codes: list[str] = []
        for text in self.draft.languages:
            code = parse_language(text)
            if isinstance(code, Bad):
                self.warn(f"{code.reason}; left out")
            else:
                codes.append(code)
        return list(dict.fromkeys(codes))

    def last_verified(self) -> date:
        value = self.draft.last_verified
        if isinstance(value, date):
            return value
        if value:
            parsed = parse_date(value, day_first=self.defaults.country != "US")
            if not isinstance(parsed, Bad):
                return parsed
            self.warn(f"last_verified: {parsed.reason}; used {self.defaults.today.isoformat()}")
        self.fallbacks.add("last_verified")
        return self.defaults.today

    def status(self) -> str | None:
        text = (self.draft.status or "").strip().casefold()
        if not text:
            return None
        for status, words in _STATUSES.items():
            if text in words:
                return None if status == "published" else status
        self.warn(f"unknown status {self.draft.status!r} (published or draft); published it")
        return None

    def prune(self, data: dict[str, Any]) -> dict[str, Any]:
        """Leave out optional values the schema refuses, with a warning; fail on required ones."""
        while refused := refused_optional(data):
            path, reason = refused
            remove(data, path)
            self.warn(f"{field_name(path)}: {reason}; left out")
        return data


def read_format(text: str) -> str | None:
    words = " ".join(re.findall(r"[a-z0-9]+", text.casefold().replace("&", " and ")))
    for group_format, spellings in _FORMATS.items():
        if words == group_format.replace("-", " ") or words in spellings:
            return group_format
    return None


def own_slug(page_url: str | None, site_url: str | None) -> str | None:
    """The slug in a group page's address on this very site (groups/<region>/<slug>/),
    as the site's own HSDS and Meeting Guide exports give it: a group imported back
    keeps its file name, and with it its ids and its page's address."""
    if not page_url or not site_url:
        return None
    prefix = site_url.rstrip("/") + "/groups/"
    if not page_url.startswith(prefix):
        return None
    parts = page_url[len(prefix) :].strip("/").split("/")
    slug = parts[-1] if len(parts) == 2 else ""
    return slug if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) else None


def match_topic(
    word: str, topics: Mapping[str, str], aliases: Mapping[str, str] | None = None
) -> str | None:
    """A topic as people write it ("Grief", "grief and loss", "GRIEF", or an alias the
    site gives in topics.yml such as "Bereavement") -> its slug."""
    key = ascii_slug(word)
    if not key:
        return None
    if not topics:
        return key
    for alias, slug in (aliases or {}).items():
        if key == ascii_slug(alias):
            return slug
    for slug, title in topics.items():
        if key in (slug, ascii_slug(title)):
            return slug
    starts = [slug for slug, title in topics.items() if ascii_slug(title).startswith(key + "-")]
    starts += [slug for slug in topics if slug.startswith(key + "-") and slug not in starts]
    return starts[0] if len(starts) == 1 else None


def _contact_parts(
    name: str | None, email: str | None, phone: str | None
) -> tuple[str | None, str | None, str | None]:
    """The contact's name, email and phone as a sheet means them. A column headed
    "Contact" often holds the address or the number itself, not whom to ask for: the
    page would show "ask for 07700 900123" with no link to call or write. Such a value
    goes where it belongs, unless that column has a value of its own."""
    value = (name or "").strip()
    if value and not email and _EMAIL.match(value):
        return None, value, phone
    digits = sum(character.isdigit() for character in value)
    if value and not phone and digits >= 6 and not isinstance(parse_phone(value), Bad):
        return None, email, value
    return name, email, phone
