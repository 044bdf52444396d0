"""The group directory as Open Referral HSDS 3 (Human Services Data Specification).

Each group is a `service` of the organisation that runs it (or of the site, for
groups run by nobody else), offered at a physical and/or a virtual `location`,
with one `schedule` a meeting. Topics are `attributes` whose terms come from a
taxonomy of the site's own topics. Every id is a UUID derived from the site and
the record (uuid5), never random, so two builds give the same bytes and an
aggregator sees the same group under the same id from one export to the next.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

from peerkit.model.records import Group, Location, Topic
from peerkit.model.schedule import byday_text
from peerkit.model.settings import Settings
from peerkit.render import urls
from peerkit.render.exports import links
from peerkit.render.exports.hsds_api import api_files
from peerkit.render.exports.hsds_expect import (
    accessibility_words,
    application_process,
    cost_options,
    expect_attributes,
    expect_taxonomy,
    sign_languages,
)
from peerkit.render.exports.hsds_tabular import tabular_files
from peerkit.render.exports.indented_json import indented_json
from peerkit.render.page import GeneratedFile
from peerkit.render.schedule_words import describe_meeting

FOLDER = f"{urls.GROUPS}hsds/"
API = f"{FOLDER}api/"
_ATTENDING = MappingProxyType(
    {"in-person": "In person", "online": "Online", "hybrid": "In person or online"}
)


@dataclass(frozen=True)
class HsdsExport:
    """The HSDS objects of a directory; services nest their schedules, locations and the rest."""

    organizations: list[dict[str, Any]]
    services: list[dict[str, Any]]
    locations: list[dict[str, Any]]
    schedules: list[dict[str, Any]]
    taxonomies: list[dict[str, Any]]
    taxonomy_terms: list[dict[str, Any]]


def hsds_files(
    groups: Sequence[Group], topics: Sequence[Topic], settings: Settings
) -> Iterator[GeneratedFile]:
    """The JSON files, the tables and the API's answers, one file at a time: a national
    directory's are hundreds of megabytes together."""
    export = hsds_export(groups, topics, settings)
    for name in ("organizations", "services", "locations", "schedules"):
        yield GeneratedFile(f"{FOLDER}{name}.json", indented_json(getattr(export, name)))
    title = f"{settings.site_name}: peer-support groups"
    for path, content in tabular_files(export, title):
        yield GeneratedFile(FOLDER + path, content)
    for path, content in api_files(export, settings, API):
        yield GeneratedFile(API + path, content)


def hsds_export(groups: Sequence[Group], topics: Sequence[Topic], settings: Settings) -> HsdsExport:
    ids = HsdsIds(settings.site_url or f"peerkit:{settings.site_name}")
    taxonomy = _taxonomy(ids, settings)
    terms = {t.slug: _term(ids, t, taxonomy, settings) for t in topics}
    expect, expect_terms = expect_taxonomy(ids, settings.site_name)
    answers = {term["code"]: term for term in expect_terms}
    ordered = sorted(groups, key=lambda g: g.slug)
    services = [_service(ids, g, terms, answers, settings) for g in ordered]
    return HsdsExport(
        organizations=_organizations(ids, ordered, services, settings),
        services=services,
        locations=[s["location"] for svc in services for s in svc["service_at_locations"]],
        schedules=[s for svc in services for s in svc["schedules"]],
        taxonomies=[taxonomy, expect],
        taxonomy_terms=[*terms.values(), *expect_terms],
    )


class HsdsIds:
    """Stable UUIDs: the same site and record always give the same id."""

    def __init__(self, site: str) -> None:
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, site)

    def __call__(self, *parts: str | int) -> str:
        return str(uuid.uuid5(self.namespace, "/".join(str(p) for p in parts)))


def _present(data: dict[str, Any]) -> dict[str, Any]:
    """The fields that have a value: HSDS leaves out what is not known."""
    return {key: value for key, value in data.items() if value is not None and value != []}


def _organization_name(group: Group, settings: Settings) -> str:
    return group.organisation or settings.site_name


def _organizations(
    ids: HsdsIds, groups: list[Group], services: list[dict[str, Any]], settings: Settings
) -> list[dict[str, Any]]:
    """Each organisation, with its services (as the minimal service objects: id, name, status)."""
    runs: dict[str, list[dict[str, Any]]] = {}
    for group, service in zip(groups, services, strict=True):
        stub = {key: service[key] for key in ("id", "name", "status")}
        runs.setdefault(_organization_name(group, settings), []).append(stub)
    found = []
    for name in sorted(runs, key=str.casefold):
        count = len(runs[name])
        is_site = name == settings.site_name
        description = (
            f"Runs {count} peer-support group{'s' if count > 1 else ''}"
            f" listed in the {settings.site_name} directory."
        )
        found.append(
            _present(
                {
                    "id": ids("organization", name),
                    "name": name,
                    "description": description,
                    "website": settings.site_url if is_site else None,
                    "services": runs[name],
                }
            )
        )
    return found


def _service(
    ids: HsdsIds,
    group: Group,
    terms: dict[str, dict[str, Any]],
    answers: dict[str, dict[str, Any]],
    settings: Settings,
) -> dict[str, Any]:
    service_id = ids("service", group.slug)
    contact = group.contact
    service = {
        "id": service_id,
        "organization_id": ids("organization", _organization_name(group, settings)),
        "name": group.name,
        "description": group.description,
        "url": _service_url(group, settings),
        "email": contact.email if contact else None,
        "status": "active",
        "fees_description": group.cost,
        "cost_options": cost_options(ids, group, service_id),
        "application_process": group.by_arrangement or application_process(group.expect),
        "assured_date": group.last_verified.isoformat(),
        "phones": _phones(ids, group, service_id),
        "contacts": _contacts(ids, group, service_id),
        "languages": [
            {"id": ids("language", group.slug, code), "service_id": service_id, "code": code}
            for code in group.languages
        ]
        + sign_languages(ids, group, service_id),
        "schedules": _schedules(ids, group, service_id, settings.timezone),
        "service_at_locations": [
            {
                "id": ids("service_at_location", group.slug, location["location_type"]),
                "service_id": service_id,
                "location_id": location["id"],
                "location": location,
            }
            for location in _locations(ids, group)
        ],
        "attributes": [
            {
                "id": ids("attribute", group.slug, slug),
                "link_id": service_id,
                "link_entity": "service",
                "taxonomy_term_id": terms[slug]["id"],
                "taxonomy_term": terms[slug],
            }
            for slug in group.topics
            if slug in terms
        ]
        + expect_attributes(ids, group, service_id, answers),
    }
    return _present(service)


def _service_url(group: Group, settings: Settings) -> str | None:
    """The group's own site, else its page here. The join link is the url of its
    virtual location; the page, here, lets an import of this export give the group
    its file name back (`peerkit.imports.mapping.own_slug`)."""
    if group.contact and group.contact.url:
        return group.contact.url
    return links.absolute(settings, urls.group(group.region, group.slug))


def _phones(ids: HsdsIds, group: Group, service_id: str) -> list[dict[str, Any]]:
    if not (group.contact and group.contact.phone):
        return []
    number = group.contact.phone
    return [{"id": ids("phone", group.slug), "service_id": service_id, "number": number}]


def _dial_in(ids: HsdsIds, group: Group) -> list[dict[str, Any]]:
    """The online meeting's dial-in number, as a phone of its virtual location."""
    if not (group.online and group.online.conference_phone):
        return []
    location_id = ids("location", group.slug, "virtual")
    return [
        {
            "id": ids("phone", group.slug, "dial-in"),
            "location_id": location_id,
            "number": group.online.conference_phone,
            "description": "Dial in to the online meeting",
        }
    ]


def _contacts(ids: HsdsIds, group: Group, service_id: str) -> list[dict[str, Any]]:
    contact = group.contact
    if not (contact and (contact.name or contact.email)):
        return []
    found = {"id": ids("contact", group.slug), "service_id": service_id}
    return [_present(found | {"name": contact.name, "email": contact.email})]


def _locations(ids: HsdsIds, group: Group) -> list[dict[str, Any]]:
    found = []
    if group.location:
        found.append(_physical(ids, group, group.location))
    if group.online:
        found.append(
            _present(
                {
                    "id": ids("location", group.slug, "virtual"),
                    "location_type": "virtual",
                    "name": group.online.platform,
                    "url": group.online.url,
                    "description": group.online.details,
                    "phones": _dial_in(ids, group),
                }
            )
        )
    for location in found:
        location["accessibility"] = []
    location_id = found[0]["id"]
    found[0]["accessibility"] = [
        {
            "id": ids("accessibility", group.slug, index),
            "location_id": location_id,
            "description": text,
        }
        for index, text in enumerate(group.accessibility, start=1)
    ]
    for location in found:
        virtual = location["location_type"] == "virtual"
        location["accessibility"] += [
            {
                "id": ids("accessibility", group.slug, "expect", words),
                "location_id": location["id"],
                "description": words,
            }
            for words in accessibility_words(group.expect, virtual)
        ]
    return [_present(location) for location in found]


def _physical(ids: HsdsIds, group: Group, loc: Location) -> dict[str, Any]:
    location_id = ids("location", group.slug, "physical")
    return _present(
        {
            "id": location_id,
            "location_type": "physical",
            "name": loc.venue,
            "description": loc.directions,
            "latitude": loc.latitude,
            "longitude": loc.longitude,
            "addresses": _addresses(ids, group, loc, location_id),
        }
    )


def _addresses(ids: HsdsIds, group: Group, loc: Location, location_id: str) -> list[dict[str, Any]]:
    """The venue's address, or none when the listing lacks a part HSDS requires.

    HSDS 3 requires every address to have a street, town, region, postal code and
    country, but no location to have an address: an address with an empty postal
    code would pass off a gap as a value (and fails the tabular export's validation),
    so the location goes without, and the build says how many (`addresses_left_out`).
    """
    if not _has_full_address(loc):
        return []
    address = {
        "id": ids("address", group.slug),
        "location_id": location_id,
        "address_1": loc.address,
        "city": loc.town,
        "state_province": loc.region,
        "postal_code": loc.postcode,
        "country": loc.country,
        "address_type": "physical",
    }
    return [address]


def _has_full_address(loc: Location) -> bool:
    return all((loc.address, loc.town, loc.region, loc.postcode, loc.country))


def addresses_left_out(groups: Sequence[Group]) -> list[Group]:
    """The groups whose venue has no address in the export, for the build's report."""
    return [g for g in groups if g.location and not _has_full_address(g.location)]


def _schedules(
    ids: HsdsIds, group: Group, service_id: str, site_timezone: str
) -> list[dict[str, Any]]:
    attending = _ATTENDING[group.format]
    found = [
        _present(
            {
                "id": ids("schedule", group.slug, index),
                "service_id": service_id,
                "freq": meeting.freq,
                "interval": meeting.interval,
                "byday": byday_text(meeting.byday),
                "wkst": "MO",
                "dtstart": meeting.dtstart.isoformat() if meeting.dtstart else None,
                "opens_at": meeting.opens_at,
                "closes_at": meeting.closes_at,
                "timezone": standard_offset(meeting.zone(site_timezone), group),
                "description": (
                    f"{describe_meeting(meeting)} ({meeting.zone(site_timezone)} time)"
                ),
                "attending_type": attending,
                "notes": meeting.notes,
            }
        )
        for index, meeting in enumerate(group.schedule, start=1)
    ]
    if group.by_arrangement:
        found.append(
            {
                "id": ids("schedule", group.slug, "by-arrangement"),
                "service_id": service_id,
                "description": f"By arrangement: {group.by_arrangement}",
                "attending_type": attending,
            }
        )
    return found


def standard_offset(zone_name: str, group: Group) -> int | float:
    """The zone's UTC offset in hours outside daylight saving (HSDS has a number, not a name).

    The lower of the January and July offsets of the year the listing was checked:
    standard time in both hemispheres, and for zones whose data calls winter the
    exception (Europe/Dublin) too.
    """
    zone = ZoneInfo(zone_name)
    year = group.last_verified.year
    offsets = [datetime(year, month, 1, 12, tzinfo=zone).utcoffset() for month in (1, 7)]
    hours = min(o.total_seconds() for o in offsets if o is not None) / 3600
    return int(hours) if hours.is_integer() else hours


def _taxonomy(ids: HsdsIds, settings: Settings) -> dict[str, Any]:
    return _present(
        {
            "id": ids("taxonomy", "topics"),
            "name": f"{settings.site_name} topics",
            "description": f"The topics {settings.site_name} files its stories, tips and groups under.",
            "uri": links.absolute(settings, urls.TOPICS),
        }
    )


def _term(
    ids: HsdsIds, topic: Topic, taxonomy: dict[str, Any], settings: Settings
) -> dict[str, Any]:
    return _present(
        {
            "id": ids("taxonomy_term", topic.slug),
            "code": topic.slug,
            "name": topic.title,
            "description": topic.description,
            "taxonomy": taxonomy["name"],
            "taxonomy_id": taxonomy["id"],
            "language": settings.language,
            "term_uri": links.absolute(settings, urls.topic(topic.slug)),
        }
    )
