"""Calendar text: every line break and control a contributor can write stays inside its value.

Each case writes one kind of break or control into a group's fields, renders the
site, and reads the calendar back byte by byte (RFC 5545: CRLF line ends, lines of
at most 75 octets, no control character but the tab in TEXT) and as a calendar
app would (one event a meeting, only the properties Peerkit writes).
"""

from __future__ import annotations

import pytest
from icalendar import Calendar

from peerkit.encode.calendar_text import text
from tests.conftest import SiteBuilder
from tests.render.exports.exported import files_of

GROUP_ICS = "groups/yorkshire/a-group/calendar.ics"
REGION_ICS = "groups/yorkshire/calendar.ics"
PROPERTIES = {"UID", "DTSTAMP", "DTSTART", "DTEND", "RRULE", "SUMMARY", "LOCATION", "URL", "DESCRIPTION"}  # fmt: skip
BREAKS = {
    "lone carriage return": "\r",
    "vertical tab": "\v",
    "form feed": "\f",
    "file separator": "\x1c",
    "next line U+0085": "\x85",
    "line separator U+2028": "\u2028",
    "paragraph separator U+2029": "\u2029",
    "CRLF": "\r\n",
}


@pytest.mark.parametrize("mark", BREAKS.values(), ids=BREAKS.keys())
def test_every_kind_of_line_break_becomes_an_escaped_new_line(mark: str) -> None:
    value = text(f"first{mark}END:VEVENT")

    assert value.to_ical() == b"first\\nEND:VEVENT"


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x08", "\x1b", "\x7f", "\x9b"])
def test_other_controls_are_dropped_and_the_tab_is_kept(control: str) -> None:
    assert text(f"a{control}b\tc").to_ical() == b"ab\tc"


def _calendar_bytes(make_site: SiteBuilder, **fields: object) -> bytes:
    make_site.group(fields=fields)
    return files_of(make_site.render())[GROUP_ICS]


def _assert_rfc5545_lines(ics: bytes) -> None:
    assert ics.endswith(b"\r\n")
    for line in ics[:-2].split(b"\r\n"):
        assert len(line) <= 75, line
        decoded = line.decode("utf-8")  # a fold never splits a character
        assert all(ch == "\t" or ord(ch) >= 0x20 for ch in decoded), line
        for separator in ("\x85", "\u2028", "\u2029", "\x7f"):
            assert separator not in decoded, line


@pytest.mark.parametrize("mark", BREAKS.values(), ids=BREAKS.keys())
def test_a_break_in_a_group_field_adds_no_event_or_property(
    make_site: SiteBuilder, mark: str
) -> None:
    payload = f"Walk{mark}END:VEVENT{mark}BEGIN:VEVENT{mark}ATTACH:https://x.example/a.exe"

    ics = _calendar_bytes(make_site, description=payload, cost=f"Free{mark}BEGIN:VALARM")

    _assert_rfc5545_lines(ics)
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert set(event) <= PROPERTIES
    # YAML itself may fold U+0085 into a space; either way the text stays in the value.
    shown = str(event["DESCRIPTION"]).replace(" ", "\n")
    assert "Walk\nEND:VEVENT\nBEGIN:VEVENT\nATTACH:" in shown


def test_long_international_text_is_folded_between_characters(make_site: SiteBuilder) -> None:
    description = "Grŵp cerdded 🚶🏽‍♀️ ar ôl y glaw; " * 40

    ics = _calendar_bytes(make_site, description=description.strip())

    _assert_rfc5545_lines(ics)
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["DESCRIPTION"]).startswith(description.strip())


def test_the_region_calendar_name_is_text_too(make_site: SiteBuilder) -> None:
    make_site.group(fields={"description": "A\fB"})

    ics = files_of(make_site.render())[REGION_ICS]

    _assert_rfc5545_lines(ics)
    assert b"X-WR-CALNAME:Groups in Yorkshire\r\n" in ics
