"""Meeting times in the words a person would say."""

from __future__ import annotations

from datetime import date

import pytest

from peerkit.model.records import Meeting
from peerkit.model.schedule import parse_days
from peerkit.render.schedule_words import describe_meeting


def _meeting(freq, byday, opens_at="19:00", closes_at="20:30", interval=1):
    return Meeting(
        freq=freq,
        byday=parse_days(byday),
        opens_at=opens_at,
        closes_at=closes_at,
        timezone="Europe/London",
        interval=interval,
    )


@pytest.mark.parametrize(
    ("meeting", "words"),
    [
        (_meeting("WEEKLY", "TU", "18:30", "20:00"), "Every Tuesday, 18:30 to 20:00"),
        (_meeting("WEEKLY", "MO,TH"), "Every Monday and Thursday, 19:00 to 20:30"),
        (_meeting("MONTHLY", "2TH,4TH"), "2nd and 4th Thursday of the month, 19:00 to 20:30"),
        (_meeting("MONTHLY", "-1FR", "18:00", "21:00"), "Last Friday of the month, 18:00 to 21:00"),
        (_meeting("WEEKLY", "MO", interval=2), "Every other Monday, 19:00 to 20:30"),
        (_meeting("WEEKLY", "WE", interval=3), "Every 3 weeks on Wednesday, 19:00 to 20:30"),
        (
            _meeting("MONTHLY", "1SA", interval=2),
            "1st Saturday of every 2 months, 19:00 to 20:30",
        ),
    ],
)
def test_meeting_is_described_in_plain_words(meeting, words):
    assert describe_meeting(meeting) == words


@pytest.mark.parametrize("byday", ["5FR", "-1FR", "-2FR", "-3FR", "-4FR", "-5FR"])
def test_every_ordinal_the_schema_allows_reads_as_words(make_site, byday):
    meeting = {"freq": "MONTHLY", "byday": byday, "opens_at": "19:00", "closes_at": "20:00"}
    make_site.group(fields={"schedule": [meeting]})
    site, diagnostics = make_site.load()
    assert diagnostics == []

    words = describe_meeting(site.groups[0].schedule[0])

    assert "-" not in words
    assert words.endswith(" Friday of the month, 19:00 to 20:00")


def test_breaks_are_said_after_the_times():
    meeting = Meeting(
        "WEEKLY", parse_days("TU"), "23:00", "00:30",
        except_dates=(date(2026, 12, 29), date(2026, 12, 22)), except_months=(8, 7),
    )  # fmt: skip
    assert describe_meeting(meeting) == (
        "Every Tuesday, 23:00 to 00:30; not in July and August;"
        " not on 22 December 2026 and 29 December 2026"
    )
