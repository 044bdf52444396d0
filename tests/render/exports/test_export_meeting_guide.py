"""The Meeting Guide JSON feed: one entry a weekday of a meeting, Sunday = 0."""

from __future__ import annotations

import re

from peerkit.render.exports.meeting_guide import with_meetings_left_out
from tests.render.exports.exported import json_of, reference

FEED = "groups/meeting-guide.json"


def _weekly(byday, opens="19:00", closes="20:30"):
    return {"freq": "WEEKLY", "byday": byday, "opens_at": opens, "closes_at": closes}


def _monthly(byday, opens="19:00", closes="20:30"):
    return {"freq": "MONTHLY", "byday": byday, "opens_at": opens, "closes_at": closes}


def _entries(make_site, **settings):
    return json_of(make_site.render(**settings), FEED)


def test_weekly_meeting_on_two_days_is_two_entries_with_day_and_times(make_site):
    make_site.group(fields={"schedule": [_weekly("MO,TH")]})

    entries = _entries(make_site)

    assert [(e["day"], e["time"], e["end_time"]) for e in entries] == [
        (1, "19:00", "20:30"),
        (4, "19:00", "20:30"),
    ]
    assert [e["slug"] for e in entries] == ["a-group-1", "a-group-2"]
    assert {e["timezone"] for e in entries} == {"Europe/London"}
    assert all("of the month" not in e["notes"] for e in entries)


def test_sunday_is_day_zero_and_saturday_six(make_site):
    make_site.group(fields={"schedule": [_weekly("SA,SU")]})

    assert [e["day"] for e in _entries(make_site)] == [0, 6]


def test_monthly_and_every_other_week_meetings_are_left_out_and_counted(make_site):
    fortnightly = _weekly("WE") | {"interval": 2, "dtstart": "2026-11-04"}
    make_site.group("monthly", {"schedule": [_monthly("2TH,4TH"), _monthly("-1FR")]})
    make_site.group("fortnightly", {"schedule": [fortnightly]})
    make_site.group("mixed", {"schedule": [_monthly("1SA"), _weekly("TU", "18:00", "19:00")]})
    make_site.group("weekly")

    entries = _entries(make_site)
    site, _ = make_site.load()

    assert [(e["slug"], e["day"], e["time"]) for e in entries] == [
        ("mixed-1", 2, "18:00"),
        ("weekly-1", 2, "18:30"),
    ]
    assert all("month" not in e["notes"] for e in entries)
    left_out = with_meetings_left_out(site.groups)
    assert sorted(g.slug for g in left_out) == ["fortnightly", "mixed", "monthly"]


def test_groups_that_meet_only_by_arrangement_are_left_out(make_site):
    make_site.group("walks", {"by_arrangement": "Call Ana."}, omit=["schedule"])
    make_site.group("weekly")

    assert [e["slug"] for e in _entries(make_site)] == ["weekly-1"]


def test_address_fields_and_group_details(make_site):
    location = {
        "venue": "St Anne's Hall",
        "address": "14 Chapel Street",
        "town": "Manchester",
        "region": "North West",
        "postcode": "M4 6AF",
        "country": "GB",
        "latitude": 53.4843,
        "longitude": -2.2301,
        "directions": "Side entrance.",
    }
    contact = {"email": "group@example.org", "phone": "01632 960101"}
    make_site.group(fields={"location": location, "contact": contact, "organisation": "Open Door"})

    [entry] = _entries(make_site)

    fields = ["address", "city", "state", "postal_code", "country", "latitude", "longitude"]
    assert [entry[k] for k in fields] == [
        "14 Chapel Street",
        "Manchester",
        "North West",
        "M4 6AF",
        "GB",
        53.4843,
        -2.2301,
    ]
    assert entry["location"] == "St Anne's Hall"
    assert entry["region"] == "North West"
    assert (entry["group"], entry["email"], entry["phone"]) == (
        "Open Door",
        "group@example.org",
        "01632 960101",
    )
    assert "Side entrance." in entry["notes"]
    assert entry["updated"] == "2026-09-01 00:00:00"


def test_online_group_has_its_conference_url_and_the_online_type(make_site):
    online = {"platform": "Zoom", "url": "https://meet.example.org/x", "details": "Passcode 1234."}
    make_site.group(fields={"format": "online", "online": online}, omit=["location"])

    [entry] = _entries(make_site)

    assert entry["conference_url"] == "https://meet.example.org/x"
    assert entry["conference_url_notes"] == "Passcode 1234."
    assert "ONL" in entry["types"]
    assert "address" not in entry


def test_types_say_what_the_listing_knows_in_the_spec_codes(make_site):
    make_site.group(
        fields={
            "languages": ["en", "pl", "es", "cy", "pt-BR"],
            "accessibility": ["step-free access", "accessible toilet", "hearing loop"],
        }
    )

    [entry] = _entries(make_site)

    # Welsh has no Meeting Guide code; Spanish is S, Polish POL, Portuguese POR.
    assert entry["types"] == ["EN", "POL", "POR", "S", "X", "XB"]


def test_url_is_absolute_with_a_site_address_and_site_relative_without(make_site):
    make_site.group()

    [relative] = _entries(make_site)
    [absolute] = _entries(make_site, site_url="https://groups.example.org/")

    assert relative["url"] == "groups/yorkshire/a-group/"
    assert absolute["url"] == "https://groups.example.org/groups/yorkshire/a-group/"


def test_entries_are_sorted_by_day_then_time(make_site):
    make_site.group("late", {"name": "Late", "schedule": [_weekly("MO", "20:00", "21:00")]})
    make_site.group("early", {"name": "Early", "schedule": [_weekly("MO,SU", "09:00", "10:00")]})

    entries = _entries(make_site)

    assert [(e["day"], e["slug"]) for e in entries] == [
        (0, "early-2"),
        (1, "early-1"),
        (1, "late-1"),
    ]


def test_markup_quotes_and_line_breaks_in_names_stay_plain_text(make_site):
    name = 'Tea & "Talk" <b>club</b>'
    make_site.group(fields={"name": name, "description": "One.\nTwo, <i>three</i>."})

    [entry] = _entries(make_site)

    assert entry["name"] == name
    assert entry["notes"].endswith("One.\nTwo, <i>three</i>.")


def test_reference_feed_has_a_unique_slug_and_the_required_fields_in_every_entry():
    entries = json_of(reference(), FEED)

    assert len({e["slug"] for e in entries}) == len(entries)
    for entry in entries:
        assert entry["name"]
        assert entry["day"] in range(7)
        assert re.fullmatch(r"\d\d:\d\d", entry["time"])
        assert re.fullmatch(r"\d\d:\d\d", entry["end_time"])
        assert "address" in entry or "conference_url" in entry, entry["slug"]
    preston = [e for e in entries if e["slug"].startswith("preston-recovery-together-")]
    assert sorted(e["day"] for e in preston) == [1, 4]


def test_a_dial_in_number_is_the_entries_conference_phone(make_site):
    online = {
        "platform": "Zoom",
        "url": "https://meet.example.org/x",
        "conference_phone": "0330 088 5830",
    }
    make_site.group(fields={"format": "hybrid", "online": online, "schedule": [_weekly("MO,TH")]})

    assert [e["conference_phone"] for e in _entries(make_site)] == ["0330 088 5830"] * 2
