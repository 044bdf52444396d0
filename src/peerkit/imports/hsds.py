"""Open Referral HSDS 3 services into drafts.

A peer-support group is an HSDS service: its name and description, the
organization that runs it, a physical location (the venue) and/or a virtual
one (the join link), and schedules already shaped like ours (freq, byday,
opens_at, closes_at). The JSON form nests all of that in each service; the
tabular form (hsds_tabular) is first nested into the same shape.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from peerkit.imports.details import parse_int, parse_number
from peerkit.imports.drafts import Draft, DraftMeeting, Problem, Where, error, warning
from peerkit.imports.expect_answers import (
    accessibility_answer,
    add_attribute,
    cost_kind,
    expect_term,
    sign_language_of,
)
from peerkit.imports.mapping import Defaults
from peerkit.imports.schema_shape import schema_at
from peerkit.imports.values import Bad, clean, iso_time, parse_date

_SERVICE_KEYS = {
    "schedules",
    "service_at_locations",
    "organization",
    "organization_id",
    "status",
    "cost_options",
    "attributes",
    "contacts",
    "phones",
    "languages",
}
_UNSUPPORTED = ("until", "count", "byweekno", "bymonthday", "byyearday")
_SOURCE_DATES = ("assured_date", "last_modified", "updated")
"""When the publisher last checked or changed the service, the best first."""
_BY_ARRANGEMENT = re.compile(r"^by (arrangement|appointment)\s*[:.-]?\s*", re.I)
_ZONE_IN_WORDS = re.compile(r"\(([A-Za-z_]+(?:/[A-Za-z0-9_+-]+)+) time\)")


# What the import reads from a service and from its venue; bookkeeping (ids, the
# record of edits) is no content of a listing. Anything else with a value is named.
_READ = frozenset(
    {
        "id",
        "organization_id",
        "program_id",
        "metadata",
        "name",
        "description",
        "url",
        "email",
        "status",
        "fees_description",
        "fees",
        "cost_options",
        "phones",
        "contacts",
        "languages",
        "schedules",
        "service_at_locations",
        "organization",
        "attributes",
        *_SOURCE_DATES,
    }
)
_VENUE_READ = frozenset(
    {
        "id",
        "location_type",
        "name",
        "description",
        "latitude",
        "longitude",
        "addresses",
        "accessibility",
        "languages",
        "schedules",
        "metadata",
    }
)


def _said(value: Any) -> bool:
    return value not in (None, "", [], {})


def service_list(data: Any) -> list[Any] | None:
    """Services as publishers write them: an array, a page of an HSDS API (an object with
    `contents` or `items`), or one service, as an API's `/services/{id}` returns it."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("contents", "items"):
            if isinstance(data.get(key), list):
                return data[key]
        if looks_like_hsds([data]):
            return [data]
    return None


def looks_like_hsds(items: list[Any]) -> bool:
    sample = [item for item in items[:20] if isinstance(item, dict)]
    return bool(sample) and all("name" in s and _SERVICE_KEYS & s.keys() for s in sample)


def read_services(
    services: Sequence[Any], wheres: Sequence[Where], defaults: Defaults
) -> tuple[list[Draft], list[Problem]]:
    drafts: list[Draft] = []
    problems: list[Problem] = []
    for service, where in zip(services, wheres, strict=True):
        if not isinstance(service, dict):
            problems.append(error(where, "a service must be a set of fields"))
            continue
        drafts.append(_Service(service, where, defaults).draft())
    return drafts, problems


def _text(value: Any, key: str) -> str | None:
    item = value.get(key) if isinstance(value, dict) else None
    if item is None or isinstance(item, dict | list):
        return None
    return clean(item) or None


def _items(value: Any, key: str) -> list[dict[str, Any]]:
    items = value.get(key) if isinstance(value, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


class _Service:
    def __init__(self, service: dict[str, Any], where: Where, defaults: Defaults) -> None:
        self.service = service
        self.where = where
        self.today = defaults.today
        self.day_first = defaults.country != "US"
        self.timezone = defaults.timezone
        self.site_url = defaults.site_url
        self.problems: list[Problem] = []
        self.venue_source: dict[str, Any] | None = None
        """The physical location the group's venue comes from, once read."""

    def draft(self) -> Draft:
        s = self.service
        contact = next(iter(_items(s, "contacts")), {})
        draft = Draft(
            where=self.where,
            source_id=_text(s, "id"),
            page_url=_text(s, "url"),
            name=_text(s, "name"),
            description=_text(s, "description"),
            topics=self.topics(),
            organisation=_text(s.get("organization"), "name"),
            contact_name=_text(contact, "name"),
            email=_text(s, "email") or _text(contact, "email"),
            phone=self.phone(s) or self.phone(contact),
            website=_text(s, "url"),
            languages=[
                _text(lang, "code") or _text(lang, "name") or ""
                for lang in _items(s, "languages")
                if (_text(lang, "code") or _text(lang, "name"))
                and not sign_language_of(_text(lang, "code") or _text(lang, "name") or "")
            ],
            cost=self.cost(),
            last_verified=self.last_verified(),
            problems=self.problems,
        )
        self.status(draft)
        self.expect(draft)
        self.locations(draft)
        if draft.website and (
            draft.website == draft.online_url
            or (self.site_url and draft.website.startswith(self.site_url))
        ):
            draft.website = None
        for schedule in self.schedules():
            if not _text(schedule, "byday") and _text(schedule, "description"):
                self.in_words(draft, _text(schedule, "description") or "")
                continue
            meeting = self.meeting(schedule)
            if meeting:
                draft.meetings.append(meeting)
        if not draft.meetings and not draft.by_arrangement:
            self.by_arrangement(draft)
        self.left_out(draft)
        return draft

    def left_out(self, draft: Draft) -> None:
        """Name what the service says that a group listing has no place for, so that an
        import never drops a publisher's words without a word."""
        words_read = draft.by_arrangement or draft.expect.get("attendance")
        read = _READ | ({"application_process"} if words_read else set())
        unused = [key for key, value in self.service.items() if key not in read and _said(value)]
        if unused:
            self.problems.append(
                warning(
                    self.where, f"left out, as a group has no place for them: {', '.join(unused)}"
                )
            )
        if self.venue_source is not None:
            venue = [k for k, v in self.venue_source.items() if k not in _VENUE_READ and _said(v)]
            if venue:
                self.problems.append(
                    warning(self.where, f"left out of the venue: {', '.join(venue)}")
                )

    def by_arrangement(self, draft: Draft) -> None:
        """A service with no current schedule, as HSDS services often are ("call to
        arrange"), meets by arrangement through its contact: the steps the listing gives
        to access it, else a sentence that sends people to its contact. One with no way
        to get in touch is left to the mapping, which refuses a group nobody can reach."""
        if not (draft.phone or draft.email or draft.website):
            return
        who = draft.contact_name or draft.organisation or "the group"
        process = _text(self.service, "application_process")
        fits = process is not None and len(process) <= schema_at(("by_arrangement",))["maxLength"]
        draft.by_arrangement = process if fits else f"Contact {who} to arrange a time."
        self.problems.append(
            warning(
                self.where,
                "no current schedule: imported as meeting by arrangement"
                f" ({draft.by_arrangement!r}); check with the group",
            )
        )

    def in_words(self, draft: Draft, description: str) -> None:
        """A schedule given only as a sentence: the listing says it, as meeting by arrangement."""
        text = _BY_ARRANGEMENT.sub("", description).strip()
        if text == description:
            self.problems.append(
                warning(
                    self.where,
                    f"a schedule given only in words is kept as by_arrangement: {text!r}",
                )
            )
        draft.by_arrangement = draft.by_arrangement or text

    def phone(self, holder: dict[str, Any]) -> str | None:
        return next(
            (_text(p, "number") for p in _items(holder, "phones") if _text(p, "number")), None
        )

    def expect(self, draft: Draft) -> None:
        """What a first-timer can expect: a Peerkit export's attributes say it exactly;
        sign languages among the languages and a cost option named Free, Donation or
        Fee say it too."""
        for attribute in _items(self.service, "attributes"):
            answer = expect_term(attribute)
            if answer:
                add_attribute(draft.expect, answer, attribute.get("value"))
        for lang in _items(self.service, "languages"):
            sign = sign_language_of(_text(lang, "code") or _text(lang, "name") or "")
            if sign:
                add_attribute(draft.expect, "sign_language", sign)
        for option in _items(self.service, "cost_options"):
            kind = cost_kind(_text(option, "option"))
            if kind:
                draft.expect.setdefault("cost", kind)

    def topics(self) -> list[str]:
        topics = []
        for attribute in _items(self.service, "attributes"):
            if expect_term(attribute):
                continue
            term = (
                attribute.get("taxonomy_term")
                if isinstance(attribute.get("taxonomy_term"), dict)
                else {}
            )
            word = _text(term, "code") or _text(term, "name") or _text(attribute, "value")
            if word:
                topics.append(word)
        return topics

    def cost(self) -> str | None:
        """The first cost option still valid, in words ("35 GBP per 1 hour session (Under 18s)"),
        else the fees as the listing describes them."""
        for option in _items(self.service, "cost_options"):
            if cost_kind(_text(option, "option")) and self.service.get("fees_description"):
                continue  # only what kind of cost it is: the fees say how much
            valid_to = _text(option, "valid_to")
            if valid_to and valid_to < self.today.isoformat():
                continue
            amount = option.get("amount")
            if amount in (0, "0", 0.0):
                return "Free"
            price = " ".join(
                str(part).upper() if part == option.get("currency") else str(part)
                for part in (amount, option.get("currency"), _text(option, "amount_description"))
                if part not in (None, "")
            )
            who = _text(option, "option")
            described = f"{price} ({who})" if price and who else price or who
            if described:
                return described
        return _text(self.service, "fees_description") or _text(self.service, "fees")

    def last_verified(self) -> date | str | None:
        for key in _SOURCE_DATES:
            value = _text(self.service, key)
            if value:
                parsed = parse_date(value, self.day_first)
                return value if isinstance(parsed, Bad) else parsed
        return None

    def status(self, draft: Draft) -> None:
        status = (_text(self.service, "status") or "active").casefold()
        if status in ("inactive", "defunct"):
            self.problems.append(warning(self.where, f"the service is {status}; not imported"))
            draft.skip = True
        elif status == "temporarily closed":
            self.problems.append(
                warning(self.where, "the service is temporarily closed; imported as a draft")
            )
            draft.status = "draft"

    def locations(self, draft: Draft) -> None:
        physical: list[dict[str, Any]] = []
        for holder in _items(self.service, "service_at_locations"):
            location = holder.get("location") if isinstance(holder.get("location"), dict) else None
            if location is None:
                continue
            for item in _items(location, "accessibility"):
                text = _text(item, "description") or _text(item, "details")
                said = accessibility_answer(text) if text else None
                if said:
                    draft.expect.setdefault(*said)
                elif text and text not in draft.accessibility:
                    draft.accessibility.append(text)
            kind = _text(location, "location_type") or (
                "virtual" if _text(location, "url") else "physical"
            )
            if kind == "virtual" and not draft.online_url:
                draft.online_url = _text(location, "url")
                draft.online_platform = _text(location, "name")
                draft.online_details = _text(location, "description")
            elif kind == "physical":
                physical.append(location)
        if len(physical) > 1:
            self.problems.append(
                warning(
                    self.where,
                    f"the service has {len(physical)} venues; a group has one: used the first",
                )
            )
        if physical:
            self.venue(draft, physical[0])

    def venue(self, draft: Draft, location: dict[str, Any]) -> None:
        self.venue_source = location
        addresses = _items(location, "addresses")
        address = next(
            (a for a in addresses if _text(a, "address_type") in (None, "physical")), None
        ) or next(iter(addresses), {})
        street = ", ".join(filter(None, (_text(address, "address_1"), _text(address, "address_2"))))
        draft.venue = _text(location, "name")
        draft.address = street or None
        draft.town = _text(address, "city")
        draft.region = _text(address, "region") or _text(address, "state_province")
        draft.postcode = _text(address, "postal_code")
        draft.country = _text(address, "country")
        draft.latitude = location.get("latitude")
        draft.longitude = location.get("longitude")
        draft.directions = _text(location, "description")
        if not draft.languages:
            draft.languages = [
                text for lang in _items(location, "languages") if (text := _text(lang, "code"))
            ]

    def schedules(self) -> Iterable[dict[str, Any]]:
        """The service's schedules, and those of its locations, each once."""
        found = list(_items(self.service, "schedules"))
        for holder in _items(self.service, "service_at_locations"):
            found += _items(holder, "schedules")
            found += _items(holder.get("location"), "schedules")
        seen: set[str] = set()
        for schedule in found:
            key = _text(schedule, "id") or str(id(schedule))
            if key not in seen:
                seen.add(key)
                yield schedule

    def meeting(self, schedule: dict[str, Any]) -> DraftMeeting | None:
        where = self.where
        valid_to = _text(schedule, "valid_to")
        if valid_to and valid_to < self.today.isoformat():
            self.problems.append(warning(where, f"a schedule ended on {valid_to}; left out"))
            return None
        for key in _UNSUPPORTED:
            if schedule.get(key) not in (None, ""):
                self.problems.append(warning(where, f"schedule {key} is not supported; left out"))
        byday = tuple(
            d.strip().upper() for d in (_text(schedule, "byday") or "").split(",") if d.strip()
        )
        if not byday:
            self.problems.append(warning(where, "a schedule without byday (weekdays) is left out"))
            return None
        times = [
            iso_time(_text(schedule, k) or "") if _text(schedule, k) else None
            for k in ("opens_at", "closes_at")
        ]
        for value in times:
            if isinstance(value, Bad):
                self.problems.append(error(where, value.reason))
                return None
        interval = (
            parse_int(schedule["interval"]) if schedule.get("interval") not in (None, "") else None
        )
        if isinstance(interval, Bad):
            self.problems.append(error(where, f"schedule interval: {interval.reason}"))
            return None
        dtstart = (
            parse_date(_text(schedule, "dtstart") or "", self.day_first)
            if _text(schedule, "dtstart")
            else None
        )
        if isinstance(dtstart, Bad):
            self.problems.append(error(where, f"schedule dtstart: {dtstart.reason}"))
            return None
        zone = _ZONE_IN_WORDS.search(_text(schedule, "description") or "")
        if zone is None:
            self.check_offset(schedule.get("timezone"))
        return DraftMeeting(
            where=where,
            freq=(_text(schedule, "freq") or "").upper() or None,
            byday=byday,
            opens_at=times[0],  # type: ignore[arg-type]
            closes_at=times[1],  # type: ignore[arg-type]
            timezone=zone.group(1) if zone else None,
            interval=interval,
            dtstart=dtstart,
            notes=_text(schedule, "notes"),
        )

    def check_offset(self, offset: Any) -> None:
        """HSDS gives a UTC offset, not a zone: say so when it is not the site's zone's."""
        if offset in (None, ""):
            return
        hours = parse_number(offset)  # India is 5.5 hours ahead, Nepal 5.75
        zone = zoneinfo.ZoneInfo(self.timezone)
        year = self.today.year
        offsets = {
            (datetime(year, month, 15, tzinfo=zone).utcoffset() or timedelta()).total_seconds()
            / 3600
            for month in (1, 7)
        }
        if isinstance(hours, Bad) or hours not in offsets:
            self.problems.append(
                warning(
                    self.where,
                    f"schedule timezone {offset!r} is not {self.timezone}'s; times are read as {self.timezone}",
                )
            )
