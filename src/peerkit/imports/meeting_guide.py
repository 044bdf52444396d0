"""A Meeting Guide JSON feed (the Meeting Guide app, the 12 Step Meeting List plugin) into drafts.

A feed lists meetings, not groups: one entry a meeting, and most often one a
weekday, so "Tuesday and Thursday at 19:00" arrives as two entries. Entries of
one group (the same name at the same place, or slugs that differ only by a
trailing number or day) become one group whose meetings are combined.
Records are numbered from 1 in the order of the feed.
"""

from __future__ import annotations

import re
from typing import Any

from peerkit.imports.details import parse_int
from peerkit.imports.drafts import Draft, DraftMeeting, Problem, Where, error, warning
from peerkit.imports.expect_answers import Answers
from peerkit.imports.values import Bad, Days, clean, parse_date, parse_days, parse_time
from peerkit.model.schedule import Weekday
from peerkit.render.exports.meeting_guide import EXPECT_TYPES

_LANGUAGE_TYPES = {
    "AM": "am", "DA": "da", "DE": "de", "EL": "el", "EN": "en", "FA": "fa",
    "FR": "fr", "HE": "he", "HI": "hi", "HR": "hr", "HU": "hu", "ITA": "it",
    "JA": "ja", "KOR": "ko", "LT": "lt", "ML": "ml", "NO": "no", "POL": "pl",
    "POR": "pt", "PUN": "pa", "RUS": "ru", "S": "es", "SK": "sk", "SV": "sv",
    "TH": "th", "TL": "tl", "UK": "uk", "ASL": "ase",
}  # fmt: skip
_ACCESS_TYPES = {
    "X": "wheelchair access",
    "XB": "wheelchair-accessible toilet",
    "ASL": "American Sign Language",
    "FF": "fragrance free",
    "BA": "babysitting available",
    "CF": "child-friendly",
}
_IGNORED_TYPES = {"ONL", "TC"}
_EVERY_FEW_WEEKS = re.compile(r"^every (other|second|third|\d+)( weeks?)?( on)?\b", re.I)
_MONTHLY_WORDS = re.compile(r"\b(of (the|each|every) month|monthly|each month|only)\b", re.I)
_MONTH = re.compile(r"\bmonth", re.I)
"""Online and "location temporarily closed" decide the format instead."""
_FEED_KEYS = {"day", "time", "end_time", "conference_url", "types", "formatted_address", "slug"}


def expect_from_types(types: list[str]) -> Answers:
    """Wheelchair access (X) is step-free access; American Sign Language (ASL) a sign
    language: the types the export writes for them (`EXPECT_TYPES`)."""
    answers: Answers = {}
    for code, (answer, value) in EXPECT_TYPES.items():
        if code in types:
            if answer == "sign_language":
                answers.setdefault(answer, []).append(value)
            else:
                answers[answer] = value
    return answers


def looks_like_meeting_guide(items: list[Any]) -> bool:
    sample = [item for item in items[:20] if isinstance(item, dict)]
    return bool(sample) and all(_FEED_KEYS & item.keys() for item in sample)


def read_meeting_guide(
    entries: list[Any], file: str, day_first: bool
) -> tuple[list[Draft], list[Problem]]:
    problems: list[Problem] = []
    groups: list[Draft] = []
    by_key: dict[tuple[str, ...], Draft] = {}
    for number, entry in enumerate(entries, start=1):
        where = Where(file, number)
        if not isinstance(entry, dict):
            problems.append(error(where, "a meeting must be a set of fields"))
            continue
        draft = _draft(entry, where, day_first)
        keys = _keys(entry)
        group = next((by_key[k] for k in keys if k in by_key), None)
        if group is None:
            groups.append(draft)
            group = draft
        else:
            group.absorb(draft)
        for key in keys:
            by_key.setdefault(key, group)
    return groups, problems


def _text(entry: dict[str, Any], key: str) -> str | None:
    value = entry.get(key)
    if value is None or isinstance(value, dict | list):
        return None
    return clean(value) or None


def _keys(entry: dict[str, Any]) -> list[tuple[str, ...]]:
    place = tuple(
        (_text(entry, k) or "").casefold()
        for k in ("location", "address", "formatted_address", "city", "conference_url")
    )
    keys = [("name", (_text(entry, "name") or "").casefold(), *place)]
    slug = (_text(entry, "slug") or "").casefold()
    base = re.sub(r"-(\d+|mo|tu|we|th|fr|sa|su|[a-z]+day)$", "", slug)
    if base and not base.isdigit():
        keys.append(("slug", base, *place))
    return keys


def _draft(entry: dict[str, Any], where: Where, day_first: bool) -> Draft:
    text = _text
    listed = entry.get("types") or []
    if not isinstance(listed, list):
        listed = []
        problem = 'types must be a list of meeting type codes such as ["O", "X"]'
        type_problems = [error(where, problem)]
    else:
        type_problems = []
    types = [str(t).strip() for t in listed if isinstance(t, str | int) and str(t).strip()]
    name = text(entry, "name")
    group = text(entry, "group")
    draft = Draft(
        where=where,
        source_id=text(entry, "slug"),
        page_url=text(entry, "url"),
        name=name,
        description=text(entry, "group_notes") or _leading_pattern(text(entry, "notes"))[1],
        organisation=text(entry, "entity") or (group if group and group != name else None),
        venue=text(entry, "location"),
        address=text(entry, "address"),
        town=text(entry, "city"),
        region=_region(entry),
        postcode=text(entry, "postal_code"),
        country=text(entry, "country"),
        latitude=entry.get("latitude"),
        longitude=entry.get("longitude"),
        directions=text(entry, "location_notes"),
        online_url=text(entry, "conference_url"),
        online_details=_online_details(entry),
        contact_name=text(entry, "contact_1_name"),
        email=text(entry, "contact_1_email") or text(entry, "email"),
        phone=text(entry, "contact_1_phone") or text(entry, "phone"),
        website=text(entry, "website"),
        languages=[_LANGUAGE_TYPES[t] for t in types if t in _LANGUAGE_TYPES],
        accessibility=[_ACCESS_TYPES[t] for t in types if t in _ACCESS_TYPES],
        expect=expect_from_types(types),
        last_verified=_updated(entry, where, day_first),
    )
    draft.problems.extend(type_problems)
    if not draft.address and text(entry, "formatted_address"):
        _split_address(draft, text(entry, "formatted_address") or "")
    draft.format = _format(entry, types, draft)
    unknown = [
        t
        for t in types
        if t not in _LANGUAGE_TYPES and t not in _ACCESS_TYPES and t not in _IGNORED_TYPES
    ]
    if unknown:
        draft.problems.append(
            warning(
                where,
                f"meeting types {', '.join(unknown)} have no place in a group listing; left out",
            )
        )
    if entry.get("attendance_option") == "inactive":
        draft.problems.append(warning(where, "the meeting is inactive; not imported"))
        draft.skip = True
    _add_meeting(draft, entry)
    return draft


def _region(entry: dict[str, Any]) -> str | None:
    regions = entry.get("regions")
    if isinstance(regions, list) and regions and str(regions[0]).strip():
        return clean(regions[0])
    return _text(entry, "region") or _text(entry, "state")


def _online_details(entry: dict[str, Any]) -> str | None:
    parts = [_text(entry, "conference_url_notes")]
    phone = _text(entry, "conference_phone")
    if phone:
        phone_notes = _text(entry, "conference_phone_notes")
        parts.append(f"Or join by phone: {phone}" + (f" ({phone_notes})" if phone_notes else ""))
    present = [p if p.endswith((".", "!", "?")) else p + "." for p in parts if p]
    return " ".join(present) or None


def _updated(entry: dict[str, Any], where: Where, day_first: bool) -> Any:
    updated = _text(entry, "updated")
    if not updated:
        return None
    parsed = parse_date(updated.split(" ")[0], day_first)
    return updated if isinstance(parsed, Bad) else parsed


def _split_address(draft: Draft, formatted: str) -> None:
    """ "123 Main St, Anytown, CA 98765, USA": street, town, region and postcode, country."""
    parts = [p.strip() for p in formatted.split(",") if p.strip()]
    if len(parts) < 3:
        return
    draft.address = parts[0]
    draft.town = draft.town or parts[1]
    draft.country = draft.country or parts[-1]
    if len(parts) >= 4:
        match = re.fullmatch(r"(.*?)\s*([A-Z0-9][A-Z0-9 -]{2,9})?", parts[2])
        if match:
            draft.region = draft.region or match.group(1) or None
            draft.postcode = draft.postcode or match.group(2)


def _format(entry: dict[str, Any], types: list[str], draft: Draft) -> str | None:
    option = str(entry.get("attendance_option") or "").replace("_", "-")
    if option in ("in-person", "online", "hybrid"):
        return option
    online = bool(draft.online_url)
    closed = "TC" in types or entry.get("approximate") == "yes"
    if online and (closed or not draft.address):
        return "online"
    if online:
        return "hybrid"
    return None


def _add_meeting(draft: Draft, entry: dict[str, Any]) -> None:
    where = draft.where
    day, time = entry.get("day"), _text(entry, "time")
    if day in (None, "", []) and not time:
        draft.by_arrangement = "By appointment: contact the group to arrange a time."
        return
    days = _days(day)
    if isinstance(days, Bad):
        draft.problems.append(error(where, days.reason))
        return
    opens_at = parse_time(time) if time else Bad("no start time")
    if isinstance(opens_at, Bad):
        draft.problems.append(error(where, opens_at.reason))
        return
    end = _text(entry, "end_time")
    closes_at = parse_time(end) if end else None
    if isinstance(closes_at, Bad):
        draft.problems.append(error(where, f"end_time: {closes_at.reason}"))
        return
    meeting = DraftMeeting(
        where=where,
        freq="WEEKLY",
        byday=days.days,
        opens_at=opens_at,
        closes_at=closes_at,
        timezone=_text(entry, "timezone"),
    )
    pattern, _ = _leading_pattern(_text(entry, "notes"))
    if isinstance(pattern, Days) and set(days.days) <= set(pattern.days):
        meeting.freq = "MONTHLY"
        meeting.byday = tuple(f"{n}{d}" for d in days.days for n in pattern.ordinals)
    elif isinstance(pattern, str):
        meeting.notes = pattern
        draft.problems.append(
            warning(
                where,
                f"{pattern!r}: a feed has no date of a meeting to count the weeks from, so the"
                " listing says every week with this as the meeting's note",
            )
        )
    draft.meetings.append(meeting)


def _leading_pattern(notes: str | None) -> tuple[Days | str | None, str | None]:
    """A first line of the notes that says the real pattern of a weekly-only format's meeting.

    Feeds can only say "weekly", so monthly meetings carry "2nd Tuesday of the
    month" or "Last Thursday of the month only" in their notes. Such a line is
    read as the pattern (Days with ordinals; the text itself for "every other
    week") and taken out of the notes; anything else leaves the notes as they are.
    """
    if not notes:
        return None, notes
    first, _, rest = notes.partition("\n")
    sentence = first.strip().rstrip(".").strip()
    every = _EVERY_FEW_WEEKS.match(sentence)
    if every and not isinstance(parse_days(sentence[every.end() :]), Bad):
        return first.strip(), rest.strip() or None
    parsed = parse_days(_MONTHLY_WORDS.sub(" ", sentence))
    if isinstance(parsed, Bad) or not parsed.ordinals or not _MONTH.search(sentence):
        return None, notes
    return parsed, rest.strip() or None


def _days(value: Any) -> Days | Bad:
    """0-6 from Sunday, a list of them, or (in some feeds) a day's name."""
    values = value if isinstance(value, list) else [value]
    found: list[str] = []
    for item in values:
        number = parse_int(item)
        if isinstance(number, Bad):
            named = parse_days(str(item))
            if isinstance(named, Bad):
                return Bad(f"unknown day {item!r} (0 is Sunday, 6 is Saturday)")
            found.extend(named.days)
        elif 0 <= number <= 6:
            found.append(Weekday.sunday_first_numbered(number).code)
        else:
            return Bad(f"unknown day {item!r} (0 is Sunday, 6 is Saturday)")
    if not found:
        return Bad("no day")
    return Days(tuple(dict.fromkeys(found)), ())
