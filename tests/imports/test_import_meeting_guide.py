"""A Meeting Guide feed: one entry a meeting and weekday, merged back into groups."""

from __future__ import annotations

from datetime import date

from tests.imports.conftest import FIXTURES, ImportSite, messages

FEED = FIXTURES / "meeting-guide-feed.json"


def test_meeting_guide_entries_of_one_group_merge_into_one_group(import_site: ImportSite) -> None:
    report = import_site.run(FEED, default_topic="addiction-recovery")

    assert report.kind == "Meeting Guide feed"
    assert import_site.files() == [
        "north-west/bolton-lunchtime.yml",
        "north-west/serenity-circle.yml",
        "online/morning-check-in.yml",
    ]
    serenity = import_site.group("Serenity Circle")
    assert [
        (m.freq, tuple(map(str, m.byday)), m.opens_at, m.closes_at) for m in serenity.schedule
    ] == [
        ("WEEKLY", ("TU", "TH"), "19:00", "20:30"),
        ("WEEKLY", ("SA",), "10:00", "11:00"),
    ]
    assert serenity.last_verified == date(2026, 3, 1)
    assert import_site.errors() == []


def test_meeting_guide_fields_map_to_the_group(import_site: ImportSite) -> None:
    import_site.run(FEED, default_topic="addiction-recovery")

    serenity = import_site.group("Serenity Circle")
    assert (serenity.format, serenity.organisation, serenity.topics) == (
        "in-person",
        "Salford Intergroup",
        ("addiction-recovery",),
    )
    assert serenity.location is not None
    assert (serenity.location.venue, serenity.location.town, serenity.location.region) == (
        "St Mary's Church Hall",
        "Salford",
        "North West",
    )
    assert (serenity.location.country, serenity.location.directions) == (
        "GB",
        "Side door, first floor.",
    )
    assert serenity.languages == ("en",)
    assert serenity.accessibility == ("wheelchair access",)
    assert serenity.contact is not None and serenity.contact.email == "serenity@example.org"


def test_an_online_meeting_on_weekdays_is_an_online_group(import_site: ImportSite) -> None:
    import_site.run(FEED, default_topic="addiction-recovery")

    check_in = import_site.group("Morning Check-in")
    assert (check_in.format, check_in.region, check_in.location) == ("online", "Online", None)
    assert check_in.online is not None
    assert check_in.online.url == "https://zoom.us/j/5550199"
    assert check_in.online.details == "Passcode: hope. Or join by phone: +441315550199."
    assert tuple(map(str, check_in.schedule[0].byday)) == ("MO", "TU", "WE", "TH", "FR")
    assert check_in.languages == ("en", "es")


def test_a_formatted_address_is_split_into_its_parts(import_site: ImportSite) -> None:
    report = import_site.run(FEED, default_topic="addiction-recovery")

    bolton = import_site.group("Bolton Lunchtime")
    assert bolton.location is not None
    assert (bolton.location.address, bolton.location.town, bolton.location.postcode) == (
        "Le Mans Crescent",
        "Bolton",
        "BL1 1SE",
    )
    assert bolton.schedule[0].closes_at == "13:30"
    assert "meeting-guide-feed.json:6: warning: no end time; assumed one hour, to 13:30" in (
        messages(report)
    )


def test_bad_meetings_and_unmapped_types_are_reported_by_record(import_site: ImportSite) -> None:
    report = import_site.run(FEED, default_topic="addiction-recovery")

    found = messages(report)
    assert "meeting-guide-feed.json:5: error: unknown day 9 (0 is Sunday, 6 is Saturday)" in found
    assert (
        "meeting-guide-feed.json:1: warning: meeting types O, D have no place in a group listing;"
        " left out"
    ) in found
    assert not any("stockport" in path for path in import_site.files())


def test_a_feed_names_no_topics_so_without_a_default_topic_nothing_imports(
    import_site: ImportSite,
) -> None:
    report = import_site.run(FEED)

    assert report.count("created") == 0
    assert (
        "meeting-guide-feed.json:1: error: no known topic: fill in topics, or give --topic for"
        " the whole file"
    ) in messages(report)
