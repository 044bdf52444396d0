"""A group's page shows its next meetings from the visitor's clock, never one that
has ended, however long ago the site was built; without JavaScript it says as of
when."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from peerkit.model.settings import Settings
from peerkit.project import load_and_check
from peerkit.render.dates import human_day
from peerkit.render.occurrences import next_occurrences
from tests.browser.conftest import REPO, Visit

LONDON = ZoneInfo("Europe/London")
HULL = "groups/yorkshire/hull-gambling-recovery-group/"


def _hull_schedule():  # type: ignore[no-untyped-def]
    site, _ = load_and_check(REPO, REPO / "content", Settings("Reference"), date.today())
    [group] = [g for g in site.groups if g.slug == "hull-gambling-recovery-group"]
    return group.schedule


def _expected(now: datetime, count: int = 3) -> list[str]:
    found = sorted(
        (start, end)
        for meeting in _hull_schedule()
        for start, end in next_occurrences(meeting, now - timedelta(days=1), 8, "Europe/London")
        if end > now
    )[:count]
    return [f"{human_day(s.date())}, {s:%H:%M} to {e:%H:%M}" for s, e in found]


def test_weeks_after_the_build_the_next_meetings_are_still_to_come(
    open_visit: Callable[..., Visit],
) -> None:
    now = datetime(2027, 3, 3, 21, 0, tzinfo=LONDON)  # a Wednesday, after that evening's meeting
    visit = open_visit(timezone_id="Europe/London")
    visit.page.clock.set_fixed_time(now)
    visit.goto(HULL)

    items = visit.page.locator(".pk-upcoming li")
    expect(items).to_have_count(3)
    assert items.all_inner_texts() == _expected(now)
    assert items.first.inner_text().startswith("Wednesday 10 March 2027")
    expect(visit.page.locator("[data-pk-as-of]")).to_be_hidden()
    assert visit.console_errors == []


def test_a_meeting_in_progress_is_still_listed_first(open_visit: Callable[..., Visit]) -> None:
    now = datetime(2027, 3, 3, 19, 30, tzinfo=LONDON)
    visit = open_visit(timezone_id="Europe/London")
    visit.page.clock.set_fixed_time(now)
    visit.goto(HULL)

    expect(visit.page.locator(".pk-upcoming li").first).to_contain_text(
        "Wednesday 3 March 2027, 19:00 to 20:30"
    )


def test_without_javascript_the_list_says_as_of_when(open_visit: Callable[..., Visit]) -> None:
    visit = open_visit(java_script_enabled=False)
    visit.goto(HULL)

    note = visit.page.locator("[data-pk-as-of]")
    expect(note).to_be_visible()
    expect(note).to_contain_text("As of ")
    expect(visit.page.locator(".pk-upcoming li")).to_have_count(3)


def test_a_region_printed_is_a_handout_with_every_postcode_and_contact(
    open_visit: Callable[..., Visit],
) -> None:
    site, _ = load_and_check(REPO, REPO / "content", Settings("Reference"), date.today())
    yorkshire = [g for g in site.published().groups if g.region == "Yorkshire"]
    visit = open_visit(timezone_id="Europe/London")
    visit.goto("groups/yorkshire/")
    visit.page.emulate_media(media="print")

    table = visit.page.locator("table.pk-groups").inner_text()
    printed = visit.page.locator(".pk-print-url").inner_text()

    for group in yorkshire:
        if group.location and group.location.postcode:
            assert group.location.postcode in table, group.name
        if group.contact and group.contact.email:
            assert group.contact.email in table, group.name
    assert printed.startswith("This list online:") and "Printed on " in printed
    visit.page.emulate_media(media="screen")
    assert "@" not in visit.page.locator("table.pk-groups").inner_text()
