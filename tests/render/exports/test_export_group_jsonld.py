"""schema.org JSON-LD in each group page's head: an Event series, or an Organization."""

from __future__ import annotations

import json

from peerkit.model.settings import Settings
from peerkit.render.exports.group_jsonld import group_jsonld
from tests.render.exports.exported import reference_groups


def _jsonld(make_site, url="groups/yorkshire/a-group/"):
    [page] = [p for p in make_site.render().pages if p.url == url]
    assert page.jsonld is not None
    return json.loads(page.jsonld)


def _meeting(freq, byday, **extra):
    return {"freq": freq, "byday": byday, "opens_at": "18:30", "closes_at": "20:00"} | extra


def test_group_with_meetings_is_an_event_with_a_weekly_schedule(make_site):
    make_site.group(fields={"schedule": [_meeting("WEEKLY", "TU,TH")]})

    data = _jsonld(make_site)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "A group"
    assert data["eventSchedule"] == [
        {
            "@type": "Schedule",
            "byDay": ["https://schema.org/Tuesday", "https://schema.org/Thursday"],
            "startTime": "18:30",
            "endTime": "20:00",
            "scheduleTimezone": "Europe/London",
            "repeatFrequency": "P1W",
        }
    ]
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_monthly_ordinals_are_weeks_of_the_month_and_last_is_ical_by_day(make_site):
    meetings = [
        _meeting("MONTHLY", "2TH,4TH"),
        _meeting("MONTHLY", "-1FR"),
        _meeting("MONTHLY", "1MO,3WE"),
        _meeting("WEEKLY", "WE", interval=2, dtstart="2026-11-04"),
    ]
    make_site.group(fields={"schedule": meetings})

    schedules = _jsonld(make_site)["eventSchedule"]

    assert schedules[0]["byDay"] == ["https://schema.org/Thursday"]
    assert schedules[0]["byMonthWeek"] == [2, 4]
    assert schedules[0]["repeatFrequency"] == "P1M"
    assert schedules[1]["byDay"] == ["-1FR"]
    assert "byMonthWeek" not in schedules[1]
    # Crossing Mondays and Wednesdays with weeks 1 and 3 would say too much.
    assert schedules[2]["byDay"] == ["1MO", "3WE"]
    assert schedules[3]["repeatFrequency"] == "P2W"


def test_hybrid_group_is_mixed_with_a_place_and_a_virtual_location(make_site):
    online = {"platform": "Jitsi", "url": "https://meet.example.org/x"}
    location = {
        "venue": "Hall",
        "address": "1 Example Street",
        "town": "Leeds",
        "region": "Yorkshire",
        "country": "GB",
        "latitude": 53.8,
        "longitude": -1.55,
    }
    make_site.group(fields={"format": "hybrid", "online": online, "location": location})

    data = _jsonld(make_site)

    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["@type"] == "Place"
    assert place["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "1 Example Street",
        "addressLocality": "Leeds",
        "addressRegion": "Yorkshire",
        "addressCountry": "GB",
    }
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 53.8, "longitude": -1.55}
    assert virtual == {
        "@type": "VirtualLocation",
        "name": "Jitsi",
        "url": "https://meet.example.org/x",
    }


def test_online_group_is_an_online_event(make_site):
    online = {"platform": "Jitsi", "url": "https://meet.example.org/x"}
    make_site.group(fields={"format": "online", "online": online}, omit=["location"])

    data = _jsonld(make_site, "groups/online/a-group/")

    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"


def test_group_by_arrangement_only_is_an_organization_with_its_place(make_site):
    make_site.group(
        fields={"by_arrangement": "Call Ana.", "organisation": "Open Door"}, omit=["schedule"]
    )

    data = _jsonld(make_site)

    assert data["@type"] == "Organization"
    assert "eventSchedule" not in data
    assert data["location"]["@type"] == "Place"
    assert data["parentOrganization"] == {"@type": "Organization", "name": "Open Door"}


def test_organizer_is_the_organisation_or_the_site(make_site):
    make_site.group("charity", {"organisation": "Open Door"})
    make_site.group("independent")

    charity = _jsonld(make_site, "groups/yorkshire/charity/")
    independent = _jsonld(make_site, "groups/yorkshire/independent/")

    assert charity["organizer"] == {"@type": "Organization", "name": "Open Door"}
    assert independent["organizer"] == {"@type": "Organization", "name": "Test"}


def test_free_groups_say_so_and_others_do_not(make_site):
    make_site.group("free", {"cost": "Free; tea and biscuits"})
    make_site.group("paid", {"cost": "£2 towards tea, if you can"})

    assert _jsonld(make_site, "groups/yorkshire/free/")["isAccessibleForFree"] is True
    assert "isAccessibleForFree" not in _jsonld(make_site, "groups/yorkshire/paid/")


def test_markup_in_a_name_cannot_close_the_script_element(make_site):
    name = '</script><script>alert("x")</script> & friends'
    make_site.group(fields={"name": name})

    [page] = [p for p in make_site.render().pages if p.url == "groups/yorkshire/a-group/"]

    assert "<" not in page.jsonld and ">" not in page.jsonld
    assert json.loads(page.jsonld)["name"] == name


def test_keywords_are_the_titles_of_the_groups_topics_not_their_slugs(make_site):
    make_site.group("a-group", {"topics": ["grief", "anxiety"]})

    assert _jsonld(make_site)["keywords"] == ["Grief and loss", "Anxiety"]


def test_page_address_is_given_when_the_site_address_is_known():
    group = next(g for g in reference_groups() if g.slug == "preston-recovery-together")

    data = json.loads(
        group_jsonld(group, Settings("Peerkit", site_url="https://groups.example.org/"), ())
    )

    assert data["url"] == "https://groups.example.org/groups/north-west/preston-recovery-together/"
    assert [d.rsplit("/", 1)[1] for d in data["eventSchedule"][0]["byDay"]] == [
        "Monday",
        "Thursday",
    ]


def test_every_reference_group_page_has_json_ld_of_the_right_type():
    for group in reference_groups():
        data = json.loads(group_jsonld(group, Settings("Peerkit"), ()))
        assert data["@type"] == ("Event" if group.schedule else "Organization"), group.slug
        if group.schedule:
            assert len(data["eventSchedule"]) == len(group.schedule)
