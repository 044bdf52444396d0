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
    parse_time,
    parse_time_range,
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


def test_a_time_range_in_one_cell() -> None:
    assert parse_time_range("6.30pm - 8pm") == ("18:30", "20:00")
    assert parse_time_range("18:30 to 20:00") == ("18:30", "20:00")
    assert parse_time_range("18:30") == ("18:30", None)


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
