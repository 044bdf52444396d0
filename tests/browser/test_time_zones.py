"""A meeting's time zone is said only to visitors whose clock it is not.

The reference site's clock is Europe/London. The Manchester circle meets in London
time, the online Evening Anxiety Circle in Dublin time: the same offsets as London's
all year, another zone's name. Browsers are given a time zone (Playwright's
``timezone_id``) and a fixed clock, and the expected times are worked out here with
zoneinfo from the group's own file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.conftest import REPO, Visit

NOW = datetime(2027, 1, 11, 12, 0, tzinfo=timezone.utc)
"""A Monday in winter: the next meetings are this week's."""
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
SITE_ZONE = "Europe/London"
MANCHESTER = REPO / "content/groups/north-west/manchester-anxiety-support-circle.yml"
EVENING = REPO / "content/groups/online/online-evening-anxiety-circle.yml"


def _page(group_file: Path) -> str:
    return f"groups/{group_file.parent.name}/{group_file.stem}/"


def _on_the_visitors_clock(group_file: Path, visitor_zone: str) -> str:
    """The note for the group's first meeting, as a visitor in ``visitor_zone`` should
    read it: its zone and its next time on their clock."""
    meeting = yaml.safe_load(group_file.read_text("utf-8"))["schedule"][0]
    zone = ZoneInfo(meeting["timezone"])
    days = [WEEKDAYS.index(code) for code in meeting["byday"].split(",")]
    today = NOW.astimezone(zone).date()
    day = next(today + timedelta(n) for n in range(8) if (today + timedelta(n)).weekday() in days)

    def local(hhmm: str, on: date) -> datetime:
        wall = datetime.combine(on, datetime.strptime(hhmm, "%H:%M").time(), tzinfo=zone)
        return wall.astimezone(ZoneInfo(visitor_zone))

    start, end = local(meeting["opens_at"], day), local(meeting["closes_at"], day)
    return f"({meeting['timezone']} time: {start:%A} {start:%H:%M} to {end:%H:%M} your time)"


def _visitor(open_visit: Callable[..., Visit], zone: str, **options) -> Visit:
    visit = open_visit(timezone_id=zone, **options)
    if options.get("java_script_enabled", True):
        visit.page.clock.install(time=NOW)
    return visit


def test_without_javascript_a_zone_is_said_only_where_it_is_not_the_sites(
    open_visit: Callable[..., Visit],
) -> None:
    visit = _visitor(open_visit, "America/New_York", java_script_enabled=False)

    visit.goto(_page(EVENING))
    expect(visit.page.locator(".pk-schedule .pk-tz")).to_have_text("(Europe/Dublin time)")
    visit.goto(_page(MANCHESTER))
    expect(visit.page.locator(".pk-schedule .pk-tz")).to_be_hidden()


@pytest.mark.parametrize("visitor_zone", [SITE_ZONE, "Europe/Dublin"])
def test_a_visitor_on_the_same_clock_is_not_told_the_zone(
    open_visit: Callable[..., Visit], visitor_zone: str
) -> None:
    visit = _visitor(open_visit, visitor_zone)

    for group_file in (EVENING, MANCHESTER):
        visit.goto(_page(group_file))
        expect(visit.page.locator(".pk-schedule")).to_contain_text("Every")
        expect(visit.page.locator(".pk-schedule .pk-tz")).to_be_hidden()
    assert visit.console_errors == []


@pytest.mark.parametrize("visitor_zone", ["America/New_York", "Asia/Tokyo"])
def test_a_visitor_abroad_is_told_the_zone_and_the_time_on_their_clock(
    open_visit: Callable[..., Visit], visitor_zone: str
) -> None:
    visit = _visitor(open_visit, visitor_zone)

    for group_file in (EVENING, MANCHESTER):
        visit.goto(_page(group_file))
        note = visit.page.locator(".pk-schedule .pk-tz")
        expect(note).to_be_visible()
        expect(note).to_have_text(_on_the_visitors_clock(group_file, visitor_zone))
    assert visit.console_errors == []
