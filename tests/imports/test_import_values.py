"""What people type into a spreadsheet cell, read as the group format wants it."""

from __future__ import annotations

from datetime import date

import pytest

from peerkit.imports.details import (
    parse_country,
    parse_language,
    parse_phone,
    platform_from_url,
    web_url,
)
from peerkit.imports.values import (
    Bad,
    Days,
    parse_date,
    parse_days,
    parse_frequency,
    parse_ordinals,
    parse_sheet_times,
    parse_time,
)


@pytest.mark.parametrize(
    ("text", "days", "ordinals"),
    [
        ("Monday", ("MO",), ()),
        ("Mon", ("MO",), ()),
        ("tues", ("TU",), ()),
        ("Tuesday and Thursday", ("TU", "TH"), ()),
        ("Thurs & Tue", ("TU", "TH"), ()),
        ("Mon-Fri", ("MO", "TU", "WE", "TH", "FR"), ()),
        ("Friday to Monday", ("MO", "FR", "SA", "SU"), ()),
        ("weekends", ("SA", "SU"), ()),
        ("1st and 3rd Wednesday", ("WE",), (1, 3)),
        ("last Friday of the month", ("FR",), (-1,)),
        ("2nd to last Sunday", ("SU",), (-2,)),
    ],
)
def test_days(text: str, days: tuple[str, ...], ordinals: tuple[int, ...]) -> None:
    assert parse_days(text) == Days(days, ordinals)


def test_an_unknown_day_is_named_as_typed() -> None:
    assert parse_days("Tusday") == Bad("unknown day 'Tusday'")
    assert parse_days("Mon and Tusday") == Bad("unknown day 'Tusday' in 'Mon and Tusday'")


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("18:30", "18:30"),
        ("6:30pm", "18:30"),
        ("6.30 p.m.", "18:30"),
        ("18.30", "18:30"),
        ("6pm", "18:00"),
        ("12am", "00:00"),
        ("12:15pm", "12:15"),
        ("1830", "18:30"),
        ("9:05", "09:05"),
        ("18:30:00", "18:30"),
        ("noon", "12:00"),
    ],
)
def test_times(text: str, time: str) -> None:
    assert parse_time(text) == time


@pytest.mark.parametrize("text", ["25:00", "18:75", "13pm", "evening", ""])
def test_times_that_are_not_times(text: str) -> None:
    assert isinstance(parse_time(text), Bad)


@pytest.mark.parametrize(
    ("cell", "times"),
    [
        ("6.30pm - 8pm", ("18:30", "20:00")),
        ("18:30 to 20:00", ("18:30", "20:00")),
        ("18:30", ("18:30", None)),
        ("7-9pm", ("19:00", "21:00")),
        ("2-4pm", ("14:00", "16:00")),
        ("7.30pm-9pm", ("19:30", "21:00")),
        ("19.30\u201321.00", ("19:30", "21:00")),
        ("7:00 PM", ("19:00", None)),
        ("12noon", ("12:00", None)),
        ("Midday - 1.30pm", ("12:00", "13:30")),
        ("noon to 2pm", ("12:00", "14:00")),
        ("11-1pm", ("11:00", "13:00")),
        ("10-11.30am", ("10:00", "11:30")),
        ("7pm-9", ("19:00", "21:00")),
        ("9.30-13.00", ("09:30", "13:00")),
        ("07:30", ("07:30", None)),
        ("23:00-00:30", ("23:00", "00:30")),
        ("11pm till 12.30am", ("23:00", "00:30")),
    ],
)
def test_a_spreadsheets_times_mean_what_the_person_meant(cell: str, times: tuple) -> None:
    assert parse_sheet_times(cell) == times


def test_start_and_end_in_two_cells_share_the_half_of_the_day() -> None:
    assert parse_sheet_times("7", "9pm") == ("19:00", "21:00")
    assert parse_sheet_times("7pm", "9") == ("19:00", "21:00")


@pytest.mark.parametrize("cell", ["7", "7.30", "7-9", "6:30", "7.30 - 9"])
def test_a_bare_morning_or_evening_hour_is_refused_not_guessed(cell: str) -> None:
    found = parse_sheet_times(cell)
    assert isinstance(found, Bad)
    assert "in the morning or the evening" in found.reason


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("2026-03-14", True, date(2026, 3, 14)),
        ("14/03/2026", True, date(2026, 3, 14)),
        ("14.3.26", True, date(2026, 3, 14)),
        ("03/04/2026", True, date(2026, 4, 3)),
        ("03/04/2026", False, date(2026, 3, 4)),
        ("3/14/2026", True, date(2026, 3, 14)),
        ("2026/03/14", True, date(2026, 3, 14)),
        ("14 March 2026", True, date(2026, 3, 14)),
        ("March 14, 2026", True, date(2026, 3, 14)),
        ("14th Mar 2026", True, date(2026, 3, 14)),
        ("2026-03-14 10:00:00", True, date(2026, 3, 14)),
    ],
)
def test_dates(text: str, day_first: bool, expected: date) -> None:
    assert parse_date(text, day_first) == expected


def test_dates_that_are_not_dates() -> None:
    assert parse_date("31/02/2026") == Bad("'31/02/2026' is not a real date")
    assert isinstance(parse_date("last spring"), Bad)


def test_frequencies() -> None:
    assert parse_frequency("Weekly").freq == "WEEKLY"  # type: ignore[union-attr]
    assert parse_frequency("fortnightly").interval == 2  # type: ignore[union-attr]
    assert parse_frequency("every 3 weeks").interval == 3  # type: ignore[union-attr]
    assert parse_frequency("monthly").freq == "MONTHLY"  # type: ignore[union-attr]
    assert parse_frequency("2nd and 4th of the month").ordinals == (2, 4)  # type: ignore[union-attr]
    assert isinstance(parse_frequency("bi-monthly"), Bad)
    assert isinstance(parse_frequency("sometimes"), Bad)


def test_weeks_of_the_month() -> None:
    assert parse_ordinals("1st, 2nd and 4th") == (1, 2, 4)
    assert parse_ordinals("last") == (-1,)
    assert parse_ordinals("second to last") == (-2,)
    assert isinstance(parse_ordinals("most"), Bad)


def test_countries_languages_phones_and_links() -> None:
    assert [parse_country(c) for c in ("gb", "UK", "United Kingdom", "USA", "Wales")] == [
        "GB",
        "GB",
        "GB",
        "US",
        "GB",
    ]
    assert isinstance(parse_country("Narnia"), Bad)
    assert [parse_language(t) for t in ("English", "Cymraeg", "pl", "pt-BR", "BSL")] == [
        "en",
        "cy",
        "pl",
        "pt-BR",
        "bfi",
    ]
    assert isinstance(parse_language("Elvish"), Bad)
    assert parse_phone("0161.496.0000") == "0161 496 0000"
    assert isinstance(parse_phone("ask at the desk"), Bad)
    assert web_url("www.example.org/group") == "https://www.example.org/group"
    assert isinstance(web_url("see our leaflet"), Bad)
    assert platform_from_url("https://us02web.zoom.us/j/1") == "Zoom"
    assert platform_from_url("https://meet.example.org/x") == "Video call"
