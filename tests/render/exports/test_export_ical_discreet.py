"""Discreet calendars: a meeting in a visitor's calendar need not say what the group is about."""

from __future__ import annotations

from icalendar import Calendar

from tests.render.exports.exported import files_of

GROUP_ICS = "groups/yorkshire/hull-gambling-recovery/calendar.ics"
REGION_ICS = "groups/yorkshire/calendar.ics"
NAME = "Hull Gambling Recovery"


def _calendars(make_site, **settings):
    make_site.group("hull-gambling-recovery", {"name": NAME})
    files = files_of(make_site.render(**settings))
    return Calendar.from_ical(files[GROUP_ICS]), Calendar.from_ical(files[REGION_ICS])


def test_a_discreet_calendar_names_every_meeting_meeting(make_site):
    group, region = _calendars(make_site, discreet_calendar=True)

    for calendar in (group, region):
        [event] = calendar.walk("VEVENT")
        assert str(event["SUMMARY"]) == "Meeting"
    assert str(group["X-WR-CALNAME"]) == "Meeting"
    assert str(region["X-WR-CALNAME"]) == "Meetings"


def test_a_discreet_calendar_speaks_the_sites_language(make_site):
    group, _ = _calendars(make_site, discreet_calendar=True, language="es")

    [event] = group.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Reunión"


def test_by_default_a_meeting_is_named_after_its_group(make_site):
    group, region = _calendars(make_site)

    [event] = group.walk("VEVENT")
    assert str(event["SUMMARY"]) == NAME
    assert str(region["X-WR-CALNAME"]) == "Groups in Yorkshire"
