from __future__ import annotations

from datetime import date, datetime, timezone

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
