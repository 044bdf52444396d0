"""Dates at the ends of the range the schema allows build every page and export.

The formats refuse years before 1900 and after 2999 (tests/load/test_load_formats.py);
these cases take the first and last days that are allowed into every date field,
render the whole site and read each export back.
"""

from __future__ import annotations

import json

import pytest
from icalendar import Calendar

from tests.conftest import SiteBuilder
from tests.render.exports.exported import files_of

FIRST, LAST = "1900-01-01", "2999-12-31"


def _meeting(**extra: object) -> dict[str, object]:
    return {"freq": "WEEKLY", "byday": "MO", "opens_at": "23:00", "closes_at": "23:59", **extra}


CASES = {
    "last verified on the first day": {"last_verified": FIRST},
    "last verified on the last day": {"last_verified": LAST},
    "fortnightly from the last monday": {
        "last_verified": LAST,
        "schedule": [_meeting(interval=2, dtstart="2999-12-30")],
    },
    "monthly on the last friday of the last month": {
        "last_verified": LAST,
        "schedule": [{"freq": "MONTHLY", "byday": "-1FR", "opens_at": "10:00", "closes_at": "11:00", "interval": 12, "dtstart": "2999-12-27"}],
    },
    "in the far east of the calendar": {
        "last_verified": LAST,
        "schedule": [_meeting(timezone="Pacific/Kiritimati")],
    },
    "in the far west of the calendar": {
        "last_verified": FIRST,
        "schedule": [_meeting(timezone="Pacific/Pago_Pago")],
    },
}  # fmt: skip


@pytest.mark.parametrize("fields", CASES.values(), ids=CASES.keys())
def test_a_group_at_the_ends_of_the_calendar_renders_every_export(
    make_site: SiteBuilder, fields: dict[str, object]
) -> None:
    make_site.group(fields=fields)

    files = files_of(make_site.render())

    [event] = Calendar.from_ical(files["groups/yorkshire/a-group/calendar.ics"]).walk("VEVENT")
    assert event.decoded("DTSTART").year >= 1900
    for path, data in files.items():
        if path.endswith(".json"):
            json.loads(data)


@pytest.mark.parametrize("day", [FIRST, LAST])
def test_a_story_at_the_ends_of_the_calendar_renders_with_its_feed(
    make_site: SiteBuilder, day: str
) -> None:
    make_site.story(fields={"date": day, "consent": {"given": True, "date": FIRST}})

    files = files_of(make_site.render())

    assert day.encode() in files["stories/feed.xml"]
