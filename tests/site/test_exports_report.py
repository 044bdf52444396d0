"""The build says what the exports leave out, and `peerkit build` shows it."""

from __future__ import annotations

from tests.commands import run_peerkit

MONTHLY = {"freq": "MONTHLY", "byday": "1TH", "opens_at": "19:00", "closes_at": "20:30"}
EVERY_OTHER_WEEK = {
    "freq": "WEEKLY",
    "interval": 2,
    "dtstart": "2026-11-04",
    "byday": "WE",
    "opens_at": "17:30",
    "closes_at": "19:00",
}


def test_build_reports_groups_left_out_of_meeting_guide_and_addresses_left_out_of_hsds(
    make_site,
) -> None:
    make_site.configure()
    make_site.group("weekly")
    make_site.group("monthly", {"name": "Monthly group", "schedule": [MONTHLY]})
    make_site.group("fortnightly", {"name": "Fortnightly", "schedule": [EVERY_OTHER_WEEK]})

    result = run_peerkit(make_site.root, "build")

    assert result.returncode == 0, result.stderr
    [guide] = [line for line in result.stderr.splitlines() if "meeting-guide.json" in line]
    assert "peerkit: groups/meeting-guide.json: 2 groups left out" in guide
    [hsds] = [line for line in result.stderr.splitlines() if "groups/hsds/" in line]
    assert "3 groups without an address" in hsds
