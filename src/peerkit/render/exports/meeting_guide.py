"""The group directory as a Meeting Guide JSON feed (groups/meeting-guide.json).

The Meeting Guide app and the 12 Step Meeting List read this format (the
Code4Recovery spec). It knows weekly meetings only, one weekday and time each,
so every weekday of a meeting becomes its own entry. A monthly or every-other-week
meeting is left out: the apps would show it every week, whatever its notes said,
and send people to a room that is empty three weeks in four. Such meetings stay in
the calendars and the HSDS export, and the build says how many groups have one
(`with_meetings_left_out`). Groups that meet only by arrangement have no day and
time, and are left out too.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType
from typing import Any

from peerkit.model.records import Group, Meeting
from peerkit.model.settings import Settings
from peerkit.render import urls
from peerkit.render.exports import links
from peerkit.render.exports.indented_json import indented_json
from peerkit.render.page import GeneratedFile

PATH = f"{urls.GROUPS}meeting-guide.json"

# Sunday is day 0 in Meeting Guide.

# Language types the spec reserves, by the ISO 639 code of the language.
_LANGUAGE_TYPES = MappingProxyType(
    {
        "af": "AF",
        "am": "AM",
        "ar": "AR",
        "ase": "ASL",
        "bg": "BG",
        "da": "DA",
        "de": "DE",
        "el": "EL",
        "en": "EN",
        "es": "S",
        "fa": "FA",
        "fi": "FI",
        "fr": "FR",
        "he": "HE",
        "hi": "HI",
        "hr": "HR",
        "hu": "HU",
        "is": "IS",
        "it": "ITA",
        "ja": "JA",
        "ka": "KA",
        "ko": "KOR",
        "lt": "LT",
        "ml": "ML",
        "mt": "MT",
        "nb": "NO",
        "ne": "NE",
        "nl": "NL",
        "no": "NO",
        "pa": "PUN",
        "pl": "POL",
        "pt": "POR",
        "ru": "RUS",
        "sk": "SK",
        "sl": "SL",
        "sv": "SV",
        "th": "TH",
        "tl": "TL",
        "tr": "TUR",
        "uk": "UK",
    }
)
# Types for what the data says about the meeting; ONL is the 12 Step Meeting List's own.
ONLINE = "ONL"
WHEELCHAIR_ACCESS = "X"
WHEELCHAIR_TOILET = "XB"
EXPECT_TYPES: MappingProxyType[str, tuple[str, Any]] = MappingProxyType(
    {WHEELCHAIR_ACCESS: ("step_free", True), "ASL": ("sign_language", "ASL")}
)
"""The types a group's expect: answers give: (answer, the value that gives the type).
The spec has none for a hearing loop, captions, cost or who runs a meeting."""


def meeting_guide_feed(groups: Sequence[Group], settings: Settings) -> GeneratedFile:
    entries = [entry for group in groups for entry in group_entries(group, settings)]
    entries.sort(key=lambda e: (e["day"], e["time"], e["name"].casefold(), e["slug"]))
    return GeneratedFile(PATH, indented_json(entries))


def group_entries(group: Group, settings: Settings) -> list[dict[str, Any]]:
    """One entry for each weekday of each meeting of the group, numbered in schedule order."""
    shared = _shared(group, settings)
    entries = []
    for meeting in filter(is_weekly, group.schedule):
        notes = _notes(group, meeting)
        for weekday in meeting.weekdays:
            entry = dict(shared)
            entry["slug"] = f"{group.slug}-{len(entries) + 1}"
            entry["day"] = weekday.sunday_first
            entry["time"] = meeting.opens_at
            entry["end_time"] = meeting.closes_at
            entry["timezone"] = meeting.zone(settings.timezone)
            entry["notes"] = notes
            entries.append(entry)
    return entries


def is_weekly(meeting: Meeting) -> bool:
    """Whether the format can say when it meets: every week, on its weekdays."""
    return meeting.freq == "WEEKLY" and meeting.interval == 1


def with_meetings_left_out(groups: Sequence[Group]) -> list[Group]:
    """The groups with a meeting the feed leaves out, for the build's report."""
    return [g for g in groups if not all(map(is_weekly, g.schedule))]


def meeting_types(group: Group) -> list[str]:
    """The spec's type codes for what the listing says: online, languages, wheelchair access."""
    found = set()
    if group.online:
        found.add(ONLINE)
    for language in group.languages:
        code = _LANGUAGE_TYPES.get(language.split("-")[0].lower())
        if code:
            found.add(code)
    for item in group.accessibility:
        text = item.casefold()
        if "wheelchair" in text or "step-free" in text or "step free" in text:
            found.add(WHEELCHAIR_ACCESS)
        if "accessible toilet" in text or "accessible bathroom" in text:
            found.add(WHEELCHAIR_TOILET)
    return sorted(_with_expect(found, group))


def _with_expect(found: set[str], group: Group) -> set[str]:
    """The listing's expect: answers have the last word: step_free: false takes back
    a wheelchair access that its accessibility words suggested."""
    if group.expect is None:
        return found
    for code, (answer, value) in EXPECT_TYPES.items():
        said = getattr(group.expect, answer)
        if said == value or (isinstance(said, tuple) and value in said):
            found.add(code)
        elif said is False:
            found.discard(code)
    return found


def _shared(group: Group, settings: Settings) -> dict[str, Any]:
    """The fields every entry of the group carries."""
    page = urls.group(group.region, group.slug)
    entry: dict[str, Any] = {
        "name": group.name,
        "types": meeting_types(group),
        "region": group.region,
        "url": links.absolute(settings, page) or page,
        "updated": f"{group.last_verified.isoformat()} 00:00:00",
    }
    loc = group.location
    if loc:
        entry["state"] = loc.region
        entry["city"] = loc.town
        entry["country"] = loc.country
        optional = {
            "location": loc.venue,
            "address": loc.address,
            "postal_code": loc.postcode,
            "latitude": loc.latitude,
            "longitude": loc.longitude,
        }
        entry.update({key: value for key, value in optional.items() if value is not None})
    if group.online and group.online.url:
        entry["conference_url"] = group.online.url
        if group.online.details:
            entry["conference_url_notes"] = group.online.details
    if group.online and group.online.conference_phone:
        entry["conference_phone"] = group.online.conference_phone
    if group.organisation:
        entry["group"] = group.organisation
    if group.contact and group.contact.email:
        entry["email"] = group.contact.email
    if group.contact and group.contact.phone:
        entry["phone"] = group.contact.phone
    return entry


def _notes(group: Group, meeting: Meeting) -> str:
    """Plain text: what a newcomer needs to know about the meeting and the group."""
    parts = []
    if meeting.notes:
        parts.append(meeting.notes)
    if group.by_arrangement:
        parts.append(f"Also by arrangement: {group.by_arrangement}")
    if group.location and group.location.directions:
        parts.append(group.location.directions)
    parts.append(group.description)
    return "\n".join(parts)
