"""schema.org JSON-LD for a group page: a recurring Event, or an Organization.

A group with regular meetings is an `Event` series whose `eventSchedule` says
when it repeats, so search engines and assistants can answer "a group near me on
Tuesday evening". A group that meets only by arrangement has no times to give,
so it is described as the `Organization` it is, with its `Place`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import MappingProxyType
from typing import Any

from peerkit.model.records import Group, Location, Meeting
from peerkit.model.schedule import Day
from peerkit.model.settings import Settings
from peerkit.render import urls
from peerkit.render.jsonld import to_script_json

_ATTENDANCE = MappingProxyType(
    {
        "in-person": "https://schema.org/OfflineEventAttendanceMode",
        "online": "https://schema.org/OnlineEventAttendanceMode",
        "hybrid": "https://schema.org/MixedEventAttendanceMode",
    }
)
_FREE = re.compile(r"^\s*free\b", re.IGNORECASE)


def group_jsonld(group: Group, settings: Settings, topic_titles: Sequence[str]) -> str:
    """The script-safe JSON-LD of the group's page; with the site's address it names
    the page too, in its language's folder ("es/", on a site built in several). Its
    keywords are the titles of its topics, the words people search with, not slugs."""
    data = _event(group, settings) if group.schedule else _organization(group)
    data["keywords"] = list(topic_titles)
    site_url = settings.site_url
    page = (
        site_url.rstrip("/") + "/" + settings.language_folder + urls.group(group.region, group.slug)
        if site_url
        else None
    )
    if page:
        data["url"] = page
    elif group.contact and group.contact.url:
        data["url"] = group.contact.url
    return to_script_json({"@context": "https://schema.org", **data})


def schedule(meeting: Meeting, site_timezone: str) -> dict[str, Any]:
    """A schema.org Schedule: weekdays as DayOfWeek, monthly ordinals as byMonthWeek."""
    data: dict[str, Any] = {
        "@type": "Schedule",
        "startTime": meeting.opens_at,
        "endTime": meeting.closes_at,
        "scheduleTimezone": meeting.zone(site_timezone),
        "repeatFrequency": f"P{meeting.interval}{'W' if meeting.freq == 'WEEKLY' else 'M'}",
    }
    weekdays = meeting.weekdays
    ordinals = sorted({day.ordinal for day in meeting.byday if day.ordinal})
    crossed = {Day(weekday, n) for n in ordinals for weekday in weekdays}
    if meeting.freq == "WEEKLY" or (
        ordinals and min(ordinals) > 0 and crossed == set(meeting.byday)
    ):
        data["byDay"] = [f"https://schema.org/{day.english}" for day in weekdays]
        if ordinals:
            data["byMonthWeek"] = ordinals
    else:
        # "Last Friday" or "1st Monday and 3rd Wednesday": byMonthWeek cannot say it,
        # byDay in iCal's own syntax can.
        data["byDay"] = [str(day) for day in meeting.byday]
    if meeting.except_months:
        data["byMonth"] = [m for m in range(1, 13) if m not in meeting.except_months]
    if meeting.except_dates:
        data["exceptDate"] = [day.isoformat() for day in sorted(meeting.except_dates)]
    return data


def _event(group: Group, settings: Settings) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Event",
        "name": group.name,
        "description": group.description,
        "eventAttendanceMode": _ATTENDANCE[group.format],
        "eventStatus": "https://schema.org/EventScheduled",
        "eventSchedule": [schedule(m, settings.timezone) for m in group.schedule],
        "location": _locations(group),
        "organizer": _organizer(group, settings.site_name),
    }
    if group.languages:
        data["inLanguage"] = list(group.languages)
    free = _free(group)
    if free is not None:
        data["isAccessibleForFree"] = free
    return data


def _free(group: Group) -> bool | None:
    """Whether anyone can come without paying: a donation is free to give or not.
    The listing's expect: cost decides; else cost words that start with "Free"."""
    if group.expect and group.expect.cost:
        return group.expect.cost != "fee"
    return True if group.cost and _FREE.match(group.cost) else None


def _organization(group: Group) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Organization",
        "name": group.name,
        "description": group.description,
        "location": _locations(group),
    }
    if group.organisation:
        data["parentOrganization"] = {"@type": "Organization", "name": group.organisation}
    data.update(_reach(group))
    return data


def _organizer(group: Group, site_name: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": group.organisation or site_name, **_reach(group)}


def _reach(group: Group) -> dict[str, Any]:
    contact = group.contact
    found = {"email": contact.email, "telephone": contact.phone} if contact else {}
    return {key: value for key, value in found.items() if value}


def _locations(group: Group) -> dict[str, Any] | list[dict[str, Any]]:
    """A Place, a VirtualLocation, or both for a hybrid group."""
    found = []
    if group.location:
        found.append(_place(group.location))
    if group.online:
        virtual: dict[str, Any] = {"@type": "VirtualLocation", "name": group.online.platform}
        if group.online.url:
            virtual["url"] = group.online.url
        found.append(virtual)
    return found[0] if len(found) == 1 else found


def _place(loc: Location) -> dict[str, Any]:
    address = {
        "@type": "PostalAddress",
        "streetAddress": loc.address,
        "addressLocality": loc.town,
        "addressRegion": loc.region,
        "postalCode": loc.postcode,
        "addressCountry": loc.country,
    }
    place: dict[str, Any] = {
        "@type": "Place",
        "address": {key: value for key, value in address.items() if value is not None},
    }
    if loc.venue:
        place["name"] = loc.venue
    if loc.latitude is not None and loc.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": loc.latitude,
            "longitude": loc.longitude,
        }
    return place
