from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from peerkit.model.records import Meeting
from peerkit.model.schedule import parse_days
from peerkit.render.occurrences import next_occurrences


def _starts(meeting: Meeting, after: datetime, count: int) -> list[datetime]:
    return [start for start, _ in next_occurrences(meeting, after, count, "Europe/London")]


def test_weekly_meeting_keeps_its_wall_clock_time_across_the_autumn_clock_change() -> None:
    meeting = Meeting("WEEKLY", parse_days("TU"), "18:30", "20:00", "Europe/London")
    starts = _starts(meeting, datetime(2026, 10, 20, 12, tzinfo=timezone.utc), 2)
    assert [s.strftime("%Y-%m-%d %H:%M") for s in starts] == [
        "2026-10-20 18:30",
        "2026-10-27 18:30",
    ]
    assert [s.astimezone(timezone.utc).hour for s in starts] == [17, 18]


def test_weekly_meeting_keeps_its_wall_clock_time_across_the_spring_clock_change() -> None:
    meeting = Meeting("WEEKLY", parse_days("SU"), "10:00", "11:00", "America/New_York")
    starts = _starts(meeting, datetime(2026, 3, 1, tzinfo=timezone.utc), 3)
    assert [s.day for s in starts] == [1, 8, 15]
    assert {s.hour for s in starts} == {10}
    assert [s.astimezone(timezone.utc).hour for s in starts] == [15, 14, 14]


def test_monthly_ordinals_pick_the_right_weekdays() -> None:
    meeting = Meeting("MONTHLY", parse_days("2TH,4TH"), "19:00", "20:30", "Europe/London")
    starts = _starts(meeting, datetime(2026, 11, 25, 12, tzinfo=timezone.utc), 4)
    assert [s.date() for s in starts] == [
        date(2026, 11, 26),
        date(2026, 12, 10),
        date(2026, 12, 24),
        date(2027, 1, 14),
    ]


def test_last_friday_of_the_month() -> None:
    meeting = Meeting("MONTHLY", parse_days("-1FR"), "19:00", "20:30", "Europe/London")
    starts = _starts(meeting, datetime(2026, 11, 28, tzinfo=timezone.utc), 2)
    assert [s.date() for s in starts] == [date(2026, 12, 25), date(2027, 1, 29)]


def test_every_other_week_counts_from_dtstart() -> None:
    meeting = Meeting(
        "WEEKLY", parse_days("WE"), "17:30", "19:00", "Europe/London", 2, date(2026, 11, 4)
    )
    starts = _starts(meeting, datetime(2026, 11, 19, tzinfo=timezone.utc), 2)
    assert [s.date() for s in starts] == [date(2026, 12, 2), date(2026, 12, 16)]


def test_a_meeting_already_started_today_is_not_next() -> None:
    meeting = Meeting("WEEKLY", parse_days("WE"), "09:00", "10:00", "Europe/London")
    after = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)
    assert _starts(meeting, after, 1)[0].date() == date(2026, 12, 2)
    earlier = datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)
    assert _starts(meeting, earlier, 1)[0].date() == date(2026, 11, 25)


def test_end_is_on_the_same_day_at_closing_time() -> None:
    meeting = Meeting("WEEKLY", parse_days("MO"), "18:00", "19:15", "Europe/London")
    start, end = next_occurrences(meeting, datetime(2026, 11, 25, tzinfo=timezone.utc), 1, "UTC")[0]
    assert (end - start).total_seconds() == 75 * 60


def test_a_meeting_past_midnight_ends_the_next_day() -> None:
    meeting = Meeting("WEEKLY", parse_days("FR"), "23:00", "00:30")
    start, end = next_occurrences(
        meeting, datetime(2026, 11, 2, tzinfo=timezone.utc), 1, "Europe/London"
    )[0]
    assert start.strftime("%a %d %H:%M") == "Fri 06 23:00"
    assert end.strftime("%a %d %H:%M") == "Sat 07 00:30"


def test_a_meeting_in_the_hour_the_clocks_skip_keeps_its_length() -> None:
    """28 March 2027: London's clocks go from 01:00 to 02:00; a 01:30 meeting still lasts an hour."""
    meeting = Meeting("WEEKLY", parse_days("SU"), "01:30", "02:30")
    start, end = next_occurrences(
        meeting, datetime(2027, 3, 27, tzinfo=timezone.utc), 1, "Europe/London"
    )[0]
    assert (start.strftime("%d %H:%M"), end.strftime("%d %H:%M")) == ("28 02:30", "28 03:30")
    assert end.astimezone(timezone.utc) - start.astimezone(timezone.utc) == timedelta(hours=1)


def test_skipped_dates_and_months_are_not_next_meetings() -> None:
    meeting = Meeting(
        "WEEKLY", parse_days("TU"), "19:00", "20:30",
        except_dates=(date(2026, 7, 28),), except_months=(8,),
    )  # fmt: skip
    starts = _starts(meeting, datetime(2026, 7, 20, tzinfo=timezone.utc), 3)
    assert [s.date() for s in starts] == [date(2026, 7, 21), date(2026, 9, 1), date(2026, 9, 8)]


def test_a_monthly_meeting_skips_its_december_break() -> None:
    meeting = Meeting("MONTHLY", parse_days("1TH"), "19:00", "20:30", except_months=(12,))
    starts = _starts(meeting, datetime(2026, 11, 10, tzinfo=timezone.utc), 2)
    assert [s.date() for s in starts] == [date(2027, 1, 7), date(2027, 2, 4)]
