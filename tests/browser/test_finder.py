"""The group finder never leaves a visitor at a dead end: a typed place anywhere, what
is on now and soon, a fallback when nothing matches, a printable list, a steady page.

What the finder shows is compared with what the Python core and the built data say:
the gazetteer (places.json), the groups' coordinates and their next meetings
(render/occurrences.py).
"""

from __future__ import annotations

import io
import json
import math
import time
import unicodedata
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader
from scripts.finder_timing import CPU_SLOWDOWN, SLOW_3G

from peerkit.model.records import Group
from peerkit.render.occurrences import next_occurrences
from tests.browser.conftest import Visit
from tests.browser.test_accessibility import AXE, axe_violations

LONDON = ZoneInfo("Europe/London")
KM_A_MILE = 1.609344
# A Monday evening, when some of the reference site's groups are meeting.
MONDAY_EVENING = datetime(2026, 12, 7, 19, 30, tzinfo=LONDON)


@pytest.fixture(scope="module")
def places(site_dir: Path) -> dict[str, list[float]]:
    data = json.loads((site_dir / "groups/directory/places.json").read_text("utf-8"))
    return {row[0]: row[1:] for row in data["places"] + data["codes"]}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    rad = math.pi / 180
    h = (
        math.sin((b[0] - a[0]) * rad / 2) ** 2
        + math.cos(a[0] * rad) * math.cos(b[0] * rad) * math.sin((b[1] - a[1]) * rad / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def _nearest(groups: list[Group], point: list[float]) -> list[tuple[float, Group]]:
    located = [g for g in groups if g.location and g.location.latitude is not None]
    return sorted(
        ((_km(tuple(point), (g.location.latitude, g.location.longitude)), g) for g in located),
        key=lambda pair: pair[0],
    )


def _miles(km: float) -> str:
    n = math.floor(km / KM_A_MILE + 0.5)
    return "about 1 mile away" if n == 1 else f"about {n} miles away"


def _finder(visit: Visit, query: str = "") -> Page:
    visit.goto("groups/" + query)
    expect(visit.page.locator(".pk-finder.pk-finder--ready")).to_be_visible()
    expect(visit.page.locator(".pk-result").first).to_be_visible()
    return visit.page


def _names(page: Page) -> list[str]:
    return page.locator(".pk-result .pk-result__name").all_inner_texts()


def _clean(visit: Visit) -> None:
    visit.page.wait_for_load_state("networkidle")
    assert visit.console_errors == []
    assert visit.other_hosts == []


def _in_session(groups: list[Group], now: datetime) -> set[str]:
    return {
        g.name
        for g in groups
        for m in g.schedule
        for start, end in next_occurrences(m, now - timedelta(days=1), 3, "Europe/London")
        if start <= now < end
    }


def test_a_typed_town_without_a_group_gives_the_nearest_groups_with_distances(
    visit: Visit, groups, places
) -> None:
    fetched: list[str] = []
    visit.page.on("request", lambda r: fetched.append(urlsplit(r.url).path))
    page = _finder(visit)
    page.wait_for_load_state("networkidle")
    assert not any(p.endswith("/places.json") for p in fetched), "fetched before typing"
    assert not any(g.location and g.location.town == "Wakefield" for g in groups)

    box = page.get_by_role("combobox", name="Near a town, city or postcode")
    box.press_sequentially("Wakef")
    option = page.get_by_role("option", name="Wakefield")
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id") or "")
    box.press("Enter")

    nearest = _nearest(groups, places["Wakefield"])
    first = page.locator(".pk-result").first
    expect(first.locator(".pk-result__name")).to_have_text(nearest[0][1].name)
    expect(first).to_contain_text(_miles(nearest[0][0]))
    assert _names(page)[:3] == [g.name for _, g in nearest[:3]]
    expect(page.locator("[data-pk-status]")).to_contain_text("nearest first from Wakefield")
    expect(page.locator("[data-pk-credit]")).to_have_text(
        "Places: GeoNames (geonames.org), CC BY 4.0"
    )
    assert parse_qs(urlsplit(page.url).query) == {"near": ["Wakefield"]}
    _clean(visit)


def test_a_postcode_area_and_a_shared_address_find_the_same_place(
    open_visit: Callable[..., Visit], groups, places
) -> None:
    visit = open_visit()
    page = _finder(visit)
    box = page.get_by_role("combobox", name="Near a town, city or postcode")
    box.press_sequentially("ls1 7zz")
    expect(page.get_by_role("option", name="LS1", exact=True)).to_be_visible()
    box.press("Enter")
    nearest = _nearest(groups, places["LS1"])
    expect(page.locator(".pk-result .pk-result__name").first).to_have_text(nearest[0][1].name)
    assert parse_qs(urlsplit(page.url).query) == {"near": ["LS1"]}

    shared = open_visit()
    shared_page = _finder(shared, "?near=Salford")
    expect(shared_page.get_by_role("combobox", name="Near a town, city or postcode")).to_have_value(
        "Salford"
    )
    nearest = _nearest(groups, places["Salford"])
    expect(shared_page.locator(".pk-result").first).to_contain_text(_miles(nearest[0][0]))
    _clean(visit)
    _clean(shared)


def test_nothing_matching_shows_the_nearest_online_groups_and_crisis_lines(
    visit: Visit, groups, places
) -> None:
    page = _finder(visit, "?near=Wakefield&within=1&format=in-person")
    radius = page.get_by_label("Distance")
    expect(radius.locator("option:checked")).to_have_text("Within 1 mile")
    expect(radius.locator("option[value='3']")).to_have_text("Within 3 miles")

    expect(page.locator("[data-pk-status]")).to_have_text(
        "No group matches all of these choices. Try removing one."
    )
    nearest = _nearest([g for g in groups if g.format != "online"], places["Wakefield"])
    assert nearest[0][0] > KM_A_MILE  # so that the choices really match nothing
    expect(page.get_by_role("heading", name="Nearest groups that meet in person")).to_be_visible()
    shown_nearest = page.locator("ol.pk-results").first.locator(".pk-result")
    expect(shown_nearest).to_have_count(3)
    for item, (km, group) in zip(shown_nearest.all(), nearest[:3], strict=True):
        expect(item.locator(".pk-result__name")).to_have_text(group.name)
        expect(item).to_contain_text(_miles(km))
    online = [g.name for g in groups if g.format in ("online", "hybrid")][:3]
    expect(page.get_by_role("heading", name="Online groups")).to_be_visible()
    assert (
        page.locator("ol.pk-results").nth(1).locator(".pk-result__name").all_inner_texts() == online
    )
    expect(page.get_by_role("heading", name="Talk to someone now")).to_be_visible()
    help_lines = page.locator("[data-pk-results] .pk-crisis__lines")
    expect(help_lines).to_contain_text("Samaritans")
    expect(help_lines.get_by_role("link", name="116 123")).to_have_attribute("href", "tel:116123")
    _clean(visit)


def test_on_a_monday_evening_groups_in_session_come_first(
    open_visit: Callable[..., Visit], groups
) -> None:
    visit = open_visit(timezone_id="Europe/London")
    visit.page.clock.set_fixed_time(MONDAY_EVENING)
    page = _finder(visit)

    in_session = _in_session(groups, MONDAY_EVENING)
    assert in_session, "the reference site should have a group meeting on a Monday evening"
    now_list = page.locator(".pk-results__heading", has_text="Happening now").locator(
        "xpath=following-sibling::ol[1]"
    )
    assert set(now_list.locator(".pk-result__name").all_inner_texts()) == in_session
    names = _names(page)
    assert set(names[: len(in_session)]) == in_session
    # After those, by the start of the next meeting, none of them already past.
    starts = {
        g.name: min(
            (
                s
                for m in g.schedule
                for s, _ in next_occurrences(m, MONDAY_EVENING, 1, "Europe/London")
            ),
            default=None,
        )
        for g in groups
    }
    later = [starts[name] for name in names[len(in_session) :] if starts[name] is not None]
    assert later == sorted(later)
    assert all(start > MONDAY_EVENING for start in later)
    for item in page.locator(".pk-result").all():
        name = item.locator(".pk-result__name").inner_text()
        start = starts[name]
        if start and name not in in_session:
            expect(item.locator(".pk-result__next")).to_contain_text(
                f"Next: {start:%a} {start.day} {start:%b}, {start:%H:%M}"
            )
    _clean(visit)


def test_today_keeps_the_groups_that_meet_today(open_visit: Callable[..., Visit], groups) -> None:
    visit = open_visit(timezone_id="Europe/London")
    visit.page.clock.set_fixed_time(MONDAY_EVENING)
    page = _finder(visit)
    page.get_by_role("button", name="Meeting today").click()

    midnight = MONDAY_EVENING.replace(hour=0, minute=0) + timedelta(days=1)
    today = {
        g.name
        for g in groups
        for m in g.schedule
        for start, end in next_occurrences(
            m, MONDAY_EVENING - timedelta(days=1), 4, "Europe/London"
        )
        if end > MONDAY_EVENING and start < midnight
    }
    expect(page.get_by_role("button", name="Meeting today")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.locator("[data-pk-status]")).to_contain_text(f"{len(today)} group")
    assert set(_names(page)) == today
    assert 0 < len(today) < len(groups)
    assert parse_qs(urlsplit(page.url).query) == {"day": ["today"]}
    _clean(visit)


def test_the_printed_finder_is_a_handout_of_its_results(visit: Visit, groups) -> None:
    page = _finder(visit, "?format=in-person&near=Wakefield&within=25")
    listed = _names(page)
    assert listed
    by_name = {g.name: g for g in groups}
    expect(page.locator(".pk-result__details").first).not_to_be_empty()
    page.emulate_media(media="print")

    results = page.locator("[data-pk-results]")
    for name in listed:
        group = by_name[name]
        item = results.locator(".pk-result", has=page.get_by_role("heading", name=name))
        expect(item).to_contain_text(group.location.postcode)
        contact = group.contact.email or group.contact.phone
        expect(item).to_contain_text(contact)
    expect(page.locator(".pk-filters")).to_be_hidden()
    expect(page.locator(".pk-region-index")).to_be_hidden()
    expect(page.locator(".pk-print-url")).to_contain_text("Printed on")
    expect(page.locator(".pk-crisis")).to_contain_text("116 123")
    assert axe_violations(page, AXE) == []

    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf())).pages)
    # Compared without spaces, where lines of paper break, and without ligatures ("ﬃ").
    flat = "".join(unicodedata.normalize("NFKC", text).split())
    for name in listed:
        group = by_name[name]
        for value in (group.location.postcode, group.contact.email or group.contact.phone):
            assert "".join(value.split()) in flat, value
    assert "116123" in flat
    _clean(visit)


@pytest.mark.parametrize("query", ["?near=Wakefield", "?near=Wakefield&within=1&format=in-person"])
def test_axe_finds_no_violation_in_the_finders_results(visit: Visit, query: str) -> None:
    page = _finder(visit, query)
    box = page.get_by_role("combobox", name="Near a town, city or postcode")
    box.fill("")
    box.press_sequentially("Leed")
    expect(page.get_by_role("option").first).to_be_visible()
    assert axe_violations(page, AXE) == []


MEASURE_LAYOUT_SHIFT = """
window.__layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.mark.slow
def test_the_page_does_not_jump_while_the_finder_loads_on_a_slow_phone(
    open_visit: Callable[..., Visit],
) -> None:
    visit = open_visit(viewport={"width": 360, "height": 740}, timeout_ms=120_000)
    cdp = visit.page.context.new_cdp_session(visit.page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    visit.page.add_init_script(MEASURE_LAYOUT_SHIFT)
    started = time.monotonic()
    visit.goto("groups/")
    expect(visit.page.locator(".pk-result").first).to_be_visible(timeout=120_000)
    first_results = time.monotonic() - started
    visit.page.wait_for_load_state("load")
    visit.page.wait_for_timeout(1000)
    shift = visit.page.evaluate("window.__layoutShift")
    assert shift < 0.1, f"layout shift {shift:.3f}, first results after {first_results:.1f} s"
