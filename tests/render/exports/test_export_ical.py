"""The .ics files: a calendar per group and per region, read back as a calendar app would."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from peerkit.encode import calendar_text
from peerkit.render.exports.ical import PRODID, _head, _name_line
from peerkit.render.exports.vtimezone import vtimezone
from tests.render.exports.exported import files_of, reference
from tests.render.render_html import parse_html

GROUP_ICS = "groups/yorkshire/a-group/calendar.ics"
REGION_ICS = "groups/yorkshire/calendar.ics"


def _calendar(rendered, path=GROUP_ICS):
    return Calendar.from_ical(files_of(rendered)[path])


def _meetings(*meetings, **fields):
    return {"schedule": list(meetings)} | fields


def _weekly(byday, opens="18:30", closes="20:00", **extra):
    return {"freq": "WEEKLY", "byday": byday, "opens_at": opens, "closes_at": closes} | extra


def _monthly(byday, opens="19:00", closes="20:30"):
    return {"freq": "MONTHLY", "byday": byday, "opens_at": opens, "closes_at": closes}


def _vtimezone_tz(calendar, tzid):
    """The zone as the file itself defines it, not as Python knows the name."""
    [component] = [tz for tz in calendar.walk("VTIMEZONE") if str(tz["TZID"]) == tzid]
    return component.to_tz(lookup_tzid=False)


def _expand(event, tz, count):
    """The first ``count`` starts of an event's series, in the file's own zone."""
    start = event.decoded("DTSTART").replace(tzinfo=None)
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    return [day.replace(tzinfo=tz) for day in list(rule[:count])]


def test_weekly_two_day_meeting_parses_back_with_its_rule_zone_and_first_date(make_site):
    # last_verified 2026-09-01 is a Tuesday: the series starts on that day.
    make_site.group(fields=_meetings(_weekly("TU,TH"), last_verified="2026-09-01"))

    calendar = _calendar(make_site.render())

    [event] = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event.decoded("DTSTART") == datetime(
        2026, 9, 1, 18, 30, tzinfo=ZoneInfo("Europe/London")
    )
    assert event.decoded("DTEND") == datetime(2026, 9, 1, 20, 0, tzinfo=ZoneInfo("Europe/London"))
    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=TU,TH"
    assert str(event["SUMMARY"]) == "A group"
    assert str(event["LOCATION"]) == "1 Example Street, Leeds"
    assert str(event["UID"]) == "1.a-group@peerkit"
    assert event.decoded("DTSTAMP") == datetime(2026, 9, 1, tzinfo=timezone.utc)


def test_series_starts_at_the_first_meeting_on_or_after_last_verified(make_site):
    # 2026-09-02 is a Wednesday: the next Thursday is the 3rd.
    make_site.group(fields=_meetings(_weekly("TU,TH"), last_verified="2026-09-02"))

    [event] = _calendar(make_site.render()).walk("VEVENT")

    assert event.decoded("DTSTART").date() == date(2026, 9, 3)


def test_monthly_meetings_keep_their_ordinals_in_the_rule(make_site):
    make_site.group(fields=_meetings(_monthly("2TH,4TH"), _monthly("-1FR", "10:00", "12:00")))

    events = _calendar(make_site.render()).walk("VEVENT")

    rules = [e["RRULE"].to_ical() for e in events]
    assert rules == [b"FREQ=MONTHLY;BYDAY=2TH,4TH", b"FREQ=MONTHLY;BYDAY=-1FR"]
    # From 2026-09-01: the 2nd Thursday is the 10th, the last Friday the 25th.
    assert [e.decoded("DTSTART").date() for e in events] == [date(2026, 9, 10), date(2026, 9, 25)]
    assert [str(e["UID"]) for e in events] == ["1.a-group@peerkit", "2.a-group@peerkit"]


def test_every_other_week_counts_from_dtstart(make_site):
    meeting = _weekly("WE", interval=2, dtstart="2026-11-04")
    make_site.group(fields=_meetings(meeting))

    [event] = _calendar(make_site.render()).walk("VEVENT")

    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;WKST=MO"
    assert event.decoded("DTSTART").date() == date(2026, 11, 4)


def test_recurrence_keeps_the_wall_clock_time_across_the_october_clock_change(make_site):
    make_site.group(fields=_meetings(_weekly("TU"), last_verified="2026-10-01"))

    calendar = _calendar(make_site.render())
    [event] = calendar.walk("VEVENT")
    starts = _expand(event, _vtimezone_tz(calendar, "Europe/London"), 5)

    assert [s.strftime("%Y-%m-%d %H:%M") for s in starts] == [
        "2026-10-06 18:30",
        "2026-10-13 18:30",
        "2026-10-20 18:30",
        "2026-10-27 18:30",
        "2026-11-03 18:30",
    ]
    # British Summer Time ends on 25 October: the same 18:30 is an hour later in UTC.
    assert [s.astimezone(timezone.utc).hour for s in starts] == [17, 17, 17, 18, 18]


def test_recurrence_keeps_the_wall_clock_time_across_the_march_clock_change(make_site):
    meeting = _weekly("SU", "10:00", "11:00", timezone="America/New_York")
    make_site.group(fields=_meetings(meeting, last_verified="2027-03-01"))

    calendar = _calendar(make_site.render())
    [event] = calendar.walk("VEVENT")
    starts = _expand(event, _vtimezone_tz(calendar, "America/New_York"), 3)

    assert [s.day for s in starts] == [7, 14, 21]
    assert [s.astimezone(timezone.utc).hour for s in starts] == [15, 14, 14]


@pytest.mark.parametrize("tzid", ["Europe/London", "America/New_York", "Australia/Sydney"])
def test_vtimezone_has_yearly_standard_and_daylight_rules_that_match_the_zone(tzid):
    component = vtimezone(tzid, date(2026, 9, 1))

    parts = {sub.name: sub for sub in component.subcomponents}
    assert set(parts) == {"STANDARD", "DAYLIGHT"}
    assert all(b"FREQ=YEARLY" in p["RRULE"].to_ical() for p in parts.values())
    own = component.to_tz(lookup_tzid=False)
    zone = ZoneInfo(tzid)
    # Right for ten years from the year the meetings start in.
    for day in range(0, 3650, 5):
        moment = datetime(2026, 1, 1, 12, tzinfo=timezone.utc) + timedelta(days=day)
        assert moment.astimezone(own).utcoffset() == moment.astimezone(zone).utcoffset(), moment


def test_vtimezone_of_a_zone_without_daylight_saving_is_one_standard_part():
    component = vtimezone("Asia/Tokyo", date(2026, 9, 1))

    [part] = component.subcomponents
    assert part.name == "STANDARD"
    assert part["TZOFFSETTO"].to_ical() == "+0900"


def test_vtimezone_of_a_zone_without_a_yearly_rule_lists_its_changes():
    # Israel moves its clocks on the Friday before the last Sunday of March: no nth weekday.
    component = vtimezone("Asia/Jerusalem", date(2026, 9, 1))

    names = {sub.name for sub in component.subcomponents}
    assert names == {"STANDARD", "DAYLIGHT"}
    own = component.to_tz(lookup_tzid=False)
    zone = ZoneInfo("Asia/Jerusalem")
    for day in range(0, 3650, 5):
        moment = datetime(2026, 1, 1, 12, tzinfo=timezone.utc) + timedelta(days=day)
        assert moment.astimezone(own).utcoffset() == moment.astimezone(zone).utcoffset(), moment


def test_a_calendar_has_one_vtimezone_for_each_zone_its_meetings_use(make_site):
    make_site.group(
        fields=_meetings(_weekly("TU"), _weekly("WE", timezone="America/New_York"), _weekly("TH"))
    )

    calendar = _calendar(make_site.render())

    assert sorted(str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")) == [
        "America/New_York",
        "Europe/London",
    ]
    assert calendar.get_missing_tzids() == set()


def test_group_that_meets_only_by_arrangement_has_no_calendar_and_no_link(make_site):
    make_site.group("walks", {"by_arrangement": "Call Ana to arrange a walk."}, omit=["schedule"])

    rendered = make_site.render()

    assert not [path for path in files_of(rendered) if path.endswith(".ics")]
    pages = {p.url: p for p in rendered.pages}
    assert "pk-calendar" not in pages["groups/yorkshire/walks/"].html
    assert "pk-calendar" not in pages["groups/yorkshire/"].html


def test_group_and_region_pages_link_to_their_calendars(make_site):
    make_site.group()

    rendered = make_site.render()
    pages = {p.url: p for p in rendered.pages}

    for url, text in [
        ("groups/yorkshire/a-group/", "Add to calendar"),
        ("groups/yorkshire/", "Add all meetings in this region to your calendar"),
    ]:
        [link] = [
            a for a in parse_html(pages[url].html).iter() if a.attrs.get("class") == "pk-calendar"
        ]
        assert link.attrs["href"] == "calendar.ics"
        assert "download" in link.attrs
        assert link.text == text
        assert url + "calendar.ics" in files_of(rendered)


def test_region_calendar_holds_every_meeting_of_its_groups(make_site):
    make_site.group("first", _meetings(_weekly("MO,TH")))
    make_site.group("second", _meetings(_weekly("TU"), _monthly("1WE")))
    make_site.group("walks", {"by_arrangement": "Call Ana."}, omit=["schedule"])

    calendar = _calendar(make_site.render(), REGION_ICS)

    uids = sorted(str(e["UID"]) for e in calendar.walk("VEVENT"))
    assert uids == ["1.first@peerkit", "1.second@peerkit", "2.second@peerkit"]
    assert str(calendar["X-WR-CALNAME"]) == "Groups in Yorkshire"


def test_uid_and_url_use_the_site_address_when_it_is_known(make_site):
    make_site.group()

    [event] = _calendar(make_site.render(site_url="https://groups.example.org/")).walk("VEVENT")

    assert str(event["UID"]) == "1.a-group@groups.example.org"
    assert str(event["URL"]) == "https://groups.example.org/groups/yorkshire/a-group/"


def test_online_group_is_online_and_links_to_its_join_url(make_site):
    online = {"platform": "Jitsi", "url": "https://meet.example.org/circle"}
    make_site.group(fields={"format": "online", "online": online}, omit=["location"])

    [event] = _calendar(make_site.render(), "groups/online/a-group/calendar.ics").walk("VEVENT")

    assert str(event["LOCATION"]) == "Online"
    assert str(event["URL"]) == "https://meet.example.org/circle"


def test_names_with_quotes_markup_and_line_breaks_survive_as_text(make_site):
    name = 'Tea, "Talk"; <b>& more</b>'
    description = "Line one; with, commas.\nLine two: \\ backslash and ünïcödé " + "é" * 60
    make_site.group(fields={"name": name, "description": description})

    raw = files_of(make_site.render())[GROUP_ICS]
    [event] = Calendar.from_ical(raw).walk("VEVENT")

    assert str(event["SUMMARY"]) == name
    assert str(event["DESCRIPTION"]).startswith(description + "\n\nWhen: Every Tuesday")
    lines = raw.split(b"\r\n")
    assert lines[-1] == b""
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    raw.decode("utf-8")  # folding never splits a character


def test_every_reference_calendar_parses_with_a_vtimezone_for_each_event():
    files = files_of(reference())
    calendars = {
        path: Calendar.from_ical(data) for path, data in files.items() if path.endswith(".ics")
    }

    assert "groups/london/hackney-grief-and-loss-circle/calendar.ics" in calendars
    assert "groups/north-west/calendar.ics" in calendars
    for path, calendar in calendars.items():
        events = calendar.walk("VEVENT")
        assert events, path
        assert calendar.get_missing_tzids() == set(), path
        assert len({str(e["UID"]) for e in events}) == len(events), path


def test_a_meeting_past_midnight_ends_on_the_next_day_in_the_calendar(make_site):
    make_site.group(fields=_meetings(_weekly("TU", "23:00", "00:30"), last_verified="2026-09-01"))

    [event] = _calendar(make_site.render()).walk("VEVENT")

    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)
    assert event.decoded("DTEND").date() == date(2026, 9, 2)


def test_skipped_dates_are_exdates_and_a_months_break_limits_the_rule(make_site):
    meeting = _weekly("TU", **{"except": ["2026-09-08", "2026-12-29"], "except_months": [8]})
    make_site.group(fields=_meetings(meeting, last_verified="2026-09-01"))

    [event] = _calendar(make_site.render()).walk("VEVENT")
    rule = rrulestr(
        event["RRULE"].to_ical().decode(), dtstart=event.decoded("DTSTART").replace(tzinfo=None)
    )
    skipped = {d.dt.replace(tzinfo=None) for d in event["EXDATE"].dts}
    year = [day for day in rule[:60] if day not in skipped]

    assert datetime(2026, 9, 8, 18, 30) not in year and datetime(2026, 9, 15, 18, 30) in year
    assert datetime(2026, 12, 29, 18, 30) not in year
    assert not [day for day in year if day.month == 8]


@pytest.mark.parametrize(
    "title",
    ["Groups in Yorkshire", "Commas, semicolons; a \\ and\na line break", "Grüße " * 20, ""],
)
def test_calendar_head_put_together_is_what_icalendar_writes_for_the_whole(title):
    whole = Calendar()
    for name, value in (
        ("prodid", PRODID),
        ("version", "2.0"),
        ("calscale", "GREGORIAN"),
        ("method", "PUBLISH"),
        ("x-wr-calname", calendar_text.text(title)),
    ):
        whole.add(name, value)
    assert _head() + _name_line(title) + b"END:VCALENDAR\r\n" == whole.to_ical()
