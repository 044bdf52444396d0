"""Issue 4's bad group input: each a clear error at the line of the offending value."""

from __future__ import annotations

import pytest

from tests.conftest import group_fields


def _meeting(**fields):
    return {"freq": "WEEKLY", "byday": "TU", "opens_at": "18:30", "closes_at": "20:00"} | fields


def _location(**fields):
    return group_fields()["location"] | fields


@pytest.mark.parametrize(
    ("fields", "needle", "expected"),
    [
        ({"schedule": [_meeting(byday="TX")]}, "byday:", "schedule[1].byday: 'TX' is not valid"),
        (
            {"schedule": [_meeting(freq="MONTHLY", byday="6TU")]},
            "byday:",
            "schedule[1].byday: '6TU' is not valid",
        ),
        (
            {"schedule": [_meeting(freq="MONTHLY", byday="0TU")]},
            "byday:",
            "schedule[1].byday: '0TU' is not valid",
        ),
        (
            {"location": _location(latitude=95.5)},
            "latitude:",
            "location.latitude: 95.5 is out of range",
        ),
        (
            {"location": _location(longitude=-181)},
            "longitude:",
            "location.longitude: -181 is out of range",
        ),
    ],
)
def test_bad_group_value_is_an_error_at_its_line(make_site, fields, needle, expected):
    path = make_site.group("bad", fields)

    [problem] = make_site.errors()

    assert problem.line == make_site.line_of(path, needle)
    assert problem.message.startswith(expected), problem.message


def test_online_group_without_a_join_url_is_an_error(make_site):
    make_site.group("zoom", {"format": "online", "online": {"platform": "Zoom"}}, omit=["location"])

    [problem] = make_site.errors()

    assert problem.message.startswith("missing required field 'url' in online")


def test_in_person_group_without_an_address_is_an_error(make_site):
    location = {k: v for k, v in _location().items() if k != "address"}
    path = make_site.group("hall", {"location": location})

    [problem] = make_site.errors()

    assert problem.line == make_site.line_of(path, "location:") + 1
    assert problem.message == "location: needs at least one of: address, venue/postcode"


def test_a_venue_and_its_postcode_are_enough_for_an_in_person_group(make_site):
    location = {k: v for k, v in _location().items() if k != "address"}
    make_site.group("hall", {"location": location | {"venue": "Hall", "postcode": "LS1 1AA"}})

    assert make_site.errors() == []


def test_hybrid_group_needs_both_a_place_and_a_link(make_site):
    make_site.group("both", {"format": "hybrid"})

    [problem] = make_site.errors()

    assert problem.message.startswith("missing required field 'online'")
