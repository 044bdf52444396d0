"""'Add to calendar' on a group page downloads a calendar that calendar apps can read."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import icalendar

from tests.browser.conftest import Visit


def test_add_to_calendar_downloads_a_valid_ics_with_the_groups_meetings(visit: Visit) -> None:
    page = "groups/yorkshire/sheffield-young-adults-wellbeing/"
    visit.goto(page)
    with visit.page.expect_download() as download_info:
        visit.page.locator("a.pk-calendar").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())

    events = list(calendar.walk("VEVENT"))
    assert events, "the calendar has no meeting"
    rules = [e["RRULE"] for e in events]
    assert any(
        r["FREQ"] == ["WEEKLY"] and r["INTERVAL"] == [2] and r["BYDAY"] == ["WE"] for r in rules
    ), rules
    starts = [e.decoded("DTSTART") for e in events]
    assert time(17, 30) in {s.time() for s in starts}
    assert {str(s.tzinfo) for s in starts} == {"Europe/London"}
    assert [c["TZID"] for c in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    assert all("Sheffield" in str(e["SUMMARY"]) for e in events)
    assert visit.console_errors == []
    assert visit.other_hosts == []
