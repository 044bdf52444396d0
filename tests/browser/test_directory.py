"""The group finder on /groups/ and the printed region list, in a real browser.

What the finder shows is compared with what the Python core says of the reference
content: which groups meet on a day, how far they are, when they next meet
(render/occurrences.py) and how their schedule reads (render/schedule_words.py).
"""

from __future__ import annotations

import io
import json
import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, Route, expect
from pypdf import PdfReader

from peerkit.model.records import Group
from peerkit.render import urls
from peerkit.render.directory_data import DIRECTORY, directory_files
from peerkit.render.finder_needs import NEEDS
from peerkit.render.groups import by_region
from peerkit.render.occurrences import next_occurrences
from peerkit.render.schedule_words import describe_meeting
from tests import records
from tests.browser.conftest import PHONE, Visit
from tests.browser.contrast import AA_NORMAL_TEXT, contrast_ratios
from tests.render.test_render_directory_data import SETTINGS, TOPICS, synthetic_groups

NEW_YORK = ZoneInfo("America/New_York")
ILKLEY = {"latitude": 53.925, "longitude": -1.822}
# Wrapped before any script of the page runs: counts the times the page asks where we are.
COUNT_LOCATION_REQUESTS = """
window.__locationRequests = 0;
const ask = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
navigator.geolocation.getCurrentPosition = (...args) => { window.__locationRequests++; ask(...args); };
"""


@pytest.fixture(scope="module")
def index(site_dir: Path) -> dict:
    return json.loads((site_dir / "groups/directory/index.json").read_text("utf-8"))


def _finder(visit: Visit, query: str = "") -> Page:
    visit.goto("groups/" + query)
    expect(visit.page.locator(".pk-finder.pk-finder--ready")).to_be_visible()
    return visit.page


def _names(page: Page) -> list[str]:
    return page.locator(".pk-result .pk-result__name").all_inner_texts()


def _expect_count(page: Page, count: int) -> None:
    noun = "group matches" if count == 1 else "groups match"
    expect(page.locator("[data-pk-status]")).to_have_text(
        re.compile(rf"^{count} {noun} your choices(, soonest first)?\.$")
    )


def _clean(visit: Visit) -> None:
    visit.page.wait_for_load_state("networkidle")
    assert visit.console_errors == []
    assert visit.other_hosts == []


def _meets_on(group: Group, day: str) -> bool:
    return any(d.weekday.code == day for m in group.schedule for d in m.byday)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    rad = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * rad / 2) ** 2
        + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin((lon2 - lon1) * rad / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(a))


def _by_distance(groups: list[Group], lat: float, lon: float) -> list[tuple[float, Group]]:
    located = [g for g in groups if g.location and g.location.latitude is not None]
    return sorted(
        ((_km(lat, lon, g.location.latitude, g.location.longitude), g) for g in located),
        key=lambda pair: pair[0],
    )


def test_filter_by_day_shows_the_groups_that_meet_that_day(visit: Visit, groups) -> None:
    page = _finder(visit)
    page.get_by_label("Day", exact=True).select_option("Tuesday")

    expected = [g.name for g in groups if _meets_on(g, "TU")]
    _expect_count(page, len(expected))
    assert sorted(_names(page)) == sorted(expected)
    assert len(expected) >= 3
    _clean(visit)


def test_filter_by_format_counts_hybrid_groups_as_both(visit: Visit, groups) -> None:
    page = _finder(visit)
    page.get_by_label("How people meet").select_option("Online")

    online = [g.name for g in groups if g.format in ("online", "hybrid")]
    _expect_count(page, len(online))
    assert sorted(_names(page)) == sorted(online)

    page.get_by_label("How people meet").select_option("Both at once (hybrid)")
    hybrid = [g.name for g in groups if g.format == "hybrid"]
    _expect_count(page, len(hybrid))
    assert sorted(_names(page)) == sorted(hybrid)
    assert 0 < len(hybrid) < len(online)
    _clean(visit)


def test_the_address_keeps_the_choices_and_gives_them_back(
    open_visit: Callable[..., Visit], groups
) -> None:
    visit = open_visit()
    page = _finder(visit)
    page.get_by_label("How people meet").select_option("In person")
    page.get_by_label("Day", exact=True).select_option("Wednesday")
    page.get_by_label("Time of day").select_option("evening")
    expected = [
        g.name
        for g in groups
        if g.format != "online"
        and any(
            any(d.weekday.code == "WE" for d in m.byday) and m.opens_at >= "17:00"
            for m in g.schedule
        )
    ]
    _expect_count(page, len(expected))
    assert parse_qs(urlsplit(page.url).query) == {
        "format": ["in-person"],
        "day": ["WE"],
        "time": ["evening"],
    }

    shared = open_visit()
    shared.page.goto(page.url)
    expect(shared.page.locator(".pk-finder")).to_be_visible()
    _expect_count(shared.page, len(expected))
    assert sorted(_names(shared.page)) == sorted(expected)
    expect(shared.page.get_by_label("Day", exact=True)).to_have_value("WE")
    expect(shared.page.get_by_label("How people meet")).to_have_value("in-person")
    expect(shared.page.get_by_label("Time of day")).to_have_value("evening")
    _clean(visit)
    _clean(shared)


def test_a_choice_made_before_the_script_is_ready_reaches_the_address(
    visit: Visit,
) -> None:
    """The form is on the page before directory.js has its index: a visitor on a
    slow phone may choose a day first, and that choice must still be shared."""
    held: list[Route] = []
    visit.page.route("**/groups/directory/index.json", lambda route: held.append(route))
    visit.goto("groups/")
    visit.page.wait_for_function("() => document.querySelector('.pk-finder') !== null")
    expect(visit.page.locator(".pk-finder")).not_to_have_class(re.compile("pk-finder--ready"))
    visit.page.get_by_label("Day", exact=True).select_option("Wednesday")
    for route in held:
        route.continue_()
    expect(visit.page.locator(".pk-finder.pk-finder--ready")).to_be_visible()
    expect(visit.page).to_have_url(re.compile(r"\?day=WE$"))
    _clean(visit)


def test_text_search_finds_the_groups_of_a_town(visit: Visit, groups) -> None:
    page = _finder(visit)
    page.get_by_label("Name, town or words").fill("bristol")

    bristol = [g.name for g in groups if g.location and g.location.town == "Bristol"]
    _expect_count(page, len(bristol))
    assert sorted(_names(page)) == sorted(bristol)
    # Typed words stay out of the address, and so out of the browser's history.
    assert parse_qs(urlsplit(page.url).query) == {}
    _clean(visit)


def test_text_search_finds_a_word_of_the_description(visit: Visit, groups) -> None:
    page = _finder(visit)
    page.get_by_label("Name, town or words").fill("leith")

    expected = [g.name for g in groups if "leith" in g.description.casefold()]
    assert expected and not any("leith" in g.name.casefold() for g in groups)
    _expect_count(page, len(expected))
    assert sorted(_names(page)) == sorted(expected)
    _clean(visit)


def test_data_loads_lazily_and_only_from_this_site(visit: Visit) -> None:
    fetched: list[str] = []
    visit.page.on("request", lambda r: fetched.append(urlsplit(r.url).path))
    page = _finder(visit)
    page.wait_for_load_state("networkidle")
    data = [p for p in fetched if "/groups/directory/" in p]
    # What a printed list adds comes once the first results are up.
    assert data == [
        f"/groups/directory/{name}" for name in ("index.json", "0.json", "0-details.json")
    ]

    # The description words come when the visitor starts to search.
    with page.expect_request("**/groups/directory/0-words.json"):
        page.get_by_label("Name, town or words").focus()
    _clean(visit)


def test_near_me_asks_on_click_and_sorts_the_nearest_first(
    open_visit: Callable[..., Visit], groups
) -> None:
    visit = open_visit(geolocation=ILKLEY, permissions=["geolocation"])
    visit.page.add_init_script(COUNT_LOCATION_REQUESTS)
    page = _finder(visit)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__locationRequests") == 0

    page.get_by_role("button", name="Use my location").click()

    nearest = _by_distance(groups, ILKLEY["latitude"], ILKLEY["longitude"])
    first = page.locator(".pk-result").first
    expect(first.locator(".pk-result__name")).to_have_text(nearest[0][1].name)
    miles = math.floor(nearest[0][0] / 1.609344 + 0.5)
    expect(first).to_contain_text(f"about {miles} miles away")
    assert nearest[0][0] > 1
    expect(page.locator("[data-pk-status]")).to_contain_text("nearest first")
    names = _names(page)
    assert names[: len(nearest)] == [g.name for _, g in nearest]
    online = {g.name for g in groups if g.format == "online"}
    assert set(names[len(nearest) :]) == online
    assert page.evaluate("window.__locationRequests") == 1
    # The position stays in the browser: not in the address to share.
    assert urlsplit(page.url).query == ""
    _clean(visit)


def test_a_town_from_the_list_sorts_by_distance_without_asking(
    open_visit: Callable[..., Visit], groups, index
) -> None:
    visit = open_visit()
    visit.page.add_init_script(COUNT_LOCATION_REQUESTS)
    page = _finder(visit)
    page.get_by_role("combobox", name="Near a town, city or postcode").fill("Bristol")
    page.get_by_role("combobox", name="Near a town, city or postcode").press("Enter")

    [bristol] = [t for t in index["towns"] if t[0] == "Bristol"]
    nearest = _by_distance(groups, bristol[2], bristol[3])
    expect(page.locator(".pk-result .pk-result__name").first).to_have_text(nearest[0][1].name)
    assert _names(page)[:3] == [g.name for _, g in nearest[:3]]
    assert parse_qs(urlsplit(page.url).query) == {"near": ["Bristol"]}
    assert page.evaluate("window.__locationRequests") == 0
    _clean(visit)


def _next_text(group: Group, now: datetime) -> str | None:
    """What the finder should say of a group's next meeting, for a visitor in New York."""
    starts = [s for m in group.schedule for s, _ in next_occurrences(m, now, 1, "Europe/London")]
    if not starts:
        return None
    local = min(starts).astimezone(NEW_YORK)
    return f"Next: {local:%a} {local.day} {local:%b}, {local:%H:%M} (your time)"


@pytest.mark.parametrize(
    "now",
    [
        # New York is on summer time, London not yet: five hours apart, then four.
        pytest.param(datetime(2026, 3, 27, 12, 0, tzinfo=timezone.utc), id="between-changes"),
        pytest.param(datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc), id="winter"),
    ],
)
def test_next_meeting_is_given_in_the_visitors_time_zone(
    open_visit: Callable[..., Visit], groups, now: datetime
) -> None:
    visit = open_visit(timezone_id="America/New_York")
    visit.page.clock.set_fixed_time(now)
    page = _finder(visit)
    results = page.locator(".pk-result")
    expect(results).to_have_count(len(groups))

    shown = {}
    for item in results.all():
        name = item.locator(".pk-result__name").inner_text()
        next_line = item.locator(".pk-result__next")
        shown[name] = (
            item.locator(".pk-result__when").inner_text(),
            next_line.inner_text() if next_line.count() else None,
        )
    expected = {}
    for g in groups:
        words = [f"{describe_meeting(m)} ({m.zone('Europe/London')} time)" for m in g.schedule]
        expected[g.name] = (
            "; ".join(words + ["By arrangement"] * bool(g.by_arrangement)),
            _next_text(g, now),
        )
    assert shown == expected
    _clean(visit)


def test_a_meeting_in_progress_is_marked_happening_now(
    open_visit: Callable[..., Visit], groups
) -> None:
    [wednesday_evening] = [
        g for g in groups if g.name == "Hull Gambling Recovery Group"
    ]  # WE 19:00 to 20:30
    now = datetime(2026, 12, 2, 19, 40, tzinfo=ZoneInfo("Europe/London"))
    visit = open_visit(timezone_id="Europe/London")
    visit.page.clock.set_fixed_time(now)
    page = _finder(visit)

    in_progress = sorted(
        g.name
        for g in groups
        for m in g.schedule
        for start, end in next_occurrences(m, now - timedelta(days=1), 3, "Europe/London")
        if start <= now < end
    )
    badges = page.locator(".pk-result:has(.pk-now) .pk-result__name")
    expect(badges).to_have_count(len(in_progress))
    assert sorted(badges.all_inner_texts()) == in_progress
    assert wednesday_evening.name in in_progress
    hull = page.locator(".pk-result", has_text=wednesday_evening.name)
    expect(hull.locator(".pk-result__next")).to_contain_text("Happening now until 20:30.")
    expect(hull.locator(".pk-result__next")).to_contain_text("Next: Wed 9 Dec, 19:00")
    _clean(visit)


def test_without_javascript_the_regions_and_their_counts_remain(
    open_visit: Callable[..., Visit], groups
) -> None:
    visit = open_visit(java_script_enabled=False)
    visit.goto("groups/")

    expect(visit.page.locator(".pk-finder")).to_be_hidden()
    regions = visit.page.locator(".pk-regions li")
    counts: dict[str, int] = {}
    for g in groups:
        counts[g.region] = counts.get(g.region, 0) + 1
    expect(regions).to_have_count(len(counts))
    for item in regions.all():
        name = item.locator("a").inner_text()
        expect(item.locator(".pk-count")).to_have_text(re.compile(rf"^{counts[name]} groups?$"))
    _clean(visit)


def test_every_control_has_a_visible_label_and_takes_the_keyboard(visit: Visit) -> None:
    page = _finder(visit)
    controls = page.locator(".pk-filters :is(input, select)")
    # The selects, the place box and the search box, then a box for each need:
    assert controls.count() == 9 + len(NEEDS)
    for control in controls.all():
        label = page.locator(f"label[for='{control.get_attribute('id')}']")
        expect(label).to_be_visible()
        expect(control).to_be_visible()

    search = page.get_by_label("Name, town or words")
    search.focus()
    for control in [
        page.get_by_role("combobox", name="Near a town, city or postcode"),
        page.get_by_role("button", name="Use my location"),
        page.get_by_label("Distance"),
        page.get_by_label("Topic"),
    ]:
        page.keyboard.press("Tab")
        expect(control).to_be_focused()
        # A focus ring either palette shows: a ring of the page colour in one of the text colour.
        assert page.evaluate("getComputedStyle(document.activeElement).boxShadow") != "none"
    topic = page.get_by_label("Topic")
    page.keyboard.press("End")
    expect(topic).not_to_have_value("")
    expect(page.locator("[data-pk-status]")).to_contain_text("match your choices")
    _clean(visit)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_finder_text_meets_wcag_aa_contrast(open_visit: Callable[..., Visit], scheme: str) -> None:
    visit = open_visit(viewport=PHONE)
    # A Wednesday evening, so that "Happening now" badges are measured too.
    visit.page.clock.set_fixed_time(datetime(2026, 12, 2, 19, 40, tzinfo=ZoneInfo("Europe/London")))
    page = _finder(visit)
    page.add_style_tag(content="*, *::before { transition: none !important; }")
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    expect(page.locator(".pk-now").first).to_be_visible()

    measured = contrast_ratios(
        page,
        [
            ".pk-filters label", ".pk-filters select", ".pk-button", ".pk-hint", ".pk-status",
            ".pk-result a", ".pk-result p", ".pk-now",
        ],
    )  # fmt: skip
    assert {m["selector"] for m in measured} >= {".pk-filters label", ".pk-now", ".pk-result a"}
    assert [m for m in measured if m["ratio"] < AA_NORMAL_TEXT] == []
    # Nothing sticks out sideways on a 360px phone.
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    _clean(visit)


def _largest_region(groups: list[Group]) -> str:
    sizes: dict[str, int] = {}
    for g in groups:
        sizes[g.region] = sizes.get(g.region, 0) + 1
    return max(sizes, key=lambda region: (sizes[region], region))


def test_a_region_prints_as_a_short_handout(visit: Visit, groups) -> None:
    region = _largest_region(groups)
    visit.goto(urls.region(region))
    page = visit.page
    page.emulate_media(media="print")

    for hidden in [".md-header", ".md-sidebar--primary", ".md-footer", ".pk-exit-button"]:
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".pk-crisis")).to_be_visible()
    rows = page.locator("table.pk-groups tbody tr")
    expect(rows).to_have_count(sum(g.region == region for g in groups))
    expect(page.locator("table.pk-groups th")).to_have_text(["Group", "When", "Where", "How"])
    border = page.locator("table.pk-groups td").first.evaluate(
        "td => getComputedStyle(td).borderTopStyle"
    )
    assert border == "solid"
    expect(page.locator(".pk-print-url")).to_have_text(
        re.compile(r"This list online: https?://\S+/groups/")
    )
    link = page.locator("table.pk-groups a").first
    assert link.evaluate("a => getComputedStyle(a).textDecorationLine") == "none"

    pdf = page.pdf(format="A4")
    assert 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2
    _clean(visit)


def test_a_regions_printed_pdf_holds_every_groups_postcode_and_contact_and_its_flags(
    visit: Visit, groups
) -> None:
    """The region with the most listings flagged as out of date (the reference site has
    some), printed to PDF as a visitor's "Save as PDF" would."""
    stale_before = date.today() - timedelta(days=365)
    region = max(
        {g.region for g in groups if g.location},
        key=lambda r: (sum(g.region == r and g.last_verified < stale_before for g in groups), r),
    )
    listed = [g for g in groups if g.region == region]
    assert any(g.location and g.location.postcode for g in listed)
    assert any(g.contact and (g.contact.email or g.contact.phone) for g in listed)
    visit.goto(urls.region(region))
    page = visit.page
    page.emulate_media(media="print")
    flags = page.locator("table.pk-groups .pk-stale-flag")
    assert flags.count() >= 1

    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    # Compared without spaces, where lines of paper break, and without ligatures ("ﬃ").
    flat = "".join(unicodedata.normalize("NFKC", text).split())
    for group in listed:
        assert "".join(group.name.split()) in flat, group.name
        if group.location and group.location.postcode:
            assert "".join(group.location.postcode.split()) in flat, group.name
        contact = group.contact.email or group.contact.phone if group.contact else None
        if contact:
            assert "".join(contact.split()) in flat, group.name
    assert flat.count("Maybeoutofdate") == flags.count()
    _clean(visit)


def test_a_large_directory_shows_its_first_chunk_then_loads_the_rest_when_asked(
    visit: Visit,
) -> None:
    """1,200 synthetic groups in three chunks, served in place of the reference data."""
    groups = synthetic_groups(1_200)
    files = {
        f.path.removeprefix(DIRECTORY): f.content
        for f in directory_files(by_region(groups), TOPICS, SETTINGS)
    }
    fetched: list[str] = []

    def serve(route: Route) -> None:
        name = urlsplit(route.request.url).path.rsplit("/", 1)[1]
        fetched.append(name)
        route.fulfill(status=200, content_type="application/json", body=files[name])

    visit.page.route("**/groups/directory/*.json", serve)
    page = _finder(visit)
    status = page.locator("[data-pk-status]")
    expect(status).to_have_text("All 1,200 groups, soonest first. Showing the first 50.")
    expect(page.locator(".pk-result")).to_have_count(50)
    assert fetched[:2] == ["index.json", "0.json"]

    # A filter needs every group: the other chunks load, the count covers them all.
    page.get_by_label("Day", exact=True).select_option("SA")
    saturday = sum(any(d.weekday.code == "SA" for m in g.schedule for d in m.byday) for g in groups)
    assert saturday > 100
    expect(status).to_have_text(
        f"{saturday} groups match your choices, soonest first. Showing the first 50."
    )
    assert {"0.json", "1.json", "2.json", "index.json"} <= set(fetched)

    page.get_by_role("button", name="Show more groups").click()
    expect(page.locator(".pk-result")).to_have_count(100)
    expect(page.locator(".pk-result a").nth(50)).to_be_focused()
    expect(status).to_have_text(
        f"{saturday} groups match your choices, soonest first. Showing the first 100."
    )
    assert visit.console_errors == []


def _served_directory(visit: Visit, groups: list[Group]) -> None:
    """The finder's data made from ``groups``, served in place of the reference data."""
    files = {
        f.path.removeprefix(DIRECTORY): f.content
        for f in directory_files(by_region(groups), TOPICS, SETTINGS)
    }

    def serve(route: Route) -> None:
        name = urlsplit(route.request.url).path.rsplit("/", 1)[1]
        route.fulfill(status=200, content_type="application/json", body=files[name])

    visit.page.route("**/groups/directory/*.json", serve)


def test_a_meeting_past_midnight_is_happening_now_after_midnight(
    open_visit: Callable[..., Visit],
) -> None:
    late = records.group(
        "night-owls", name="Night Owls",
        schedule=[{"freq": "WEEKLY", "byday": "FR", "opens_at": "23:00", "closes_at": "00:30"}],
    )  # fmt: skip
    visit = open_visit(timezone_id="Europe/London")
    visit.page.clock.set_fixed_time(datetime(2026, 12, 5, 0, 10, tzinfo=ZoneInfo("Europe/London")))
    _served_directory(visit, [late])
    page = _finder(visit)

    result = page.locator(".pk-result", has_text="Night Owls")
    expect(result.locator(".pk-now")).to_have_count(1)
    expect(result.locator(".pk-result__next")).to_contain_text("Happening now until 00:30.")
    expect(result.locator(".pk-result__next")).to_contain_text("Next: Fri 11 Dec, 23:00")
    _clean(visit)


def test_a_skipped_date_and_a_months_break_are_never_the_next_meeting(
    open_visit: Callable[..., Visit],
) -> None:
    meeting = {"freq": "WEEKLY", "byday": "TU", "opens_at": "19:00", "closes_at": "20:30"}
    resting = records.group(
        "winter-rest", name="Winter Rest",
        schedule=[meeting | {"except": ["2026-12-08"], "except_months": [1]}],
    )  # fmt: skip
    visit = open_visit(timezone_id="Europe/London")
    visit.page.clock.set_fixed_time(datetime(2026, 12, 2, 12, 0, tzinfo=ZoneInfo("Europe/London")))
    _served_directory(visit, [resting])
    page = _finder(visit)

    shown = page.locator(".pk-result", has_text="Winter Rest").locator(".pk-result__next")
    expect(shown).to_contain_text("Next: Tue 15 Dec, 19:00")
    [start, _] = next_occurrences(
        resting.schedule[0], datetime(2026, 12, 2, tzinfo=timezone.utc), 1, "Europe/London"
    )[0]
    assert start.date() == date(2026, 12, 15)
    _clean(visit)


def test_a_listing_not_checked_for_a_year_is_flagged_in_words_in_the_finder(
    open_visit: Callable[..., Visit], groups
) -> None:
    now = datetime(2026, 12, 2, 12, 0, tzinfo=ZoneInfo("Europe/London"))
    stale = sorted(g.name for g in groups if now.date() - g.last_verified > timedelta(days=365))
    visit = open_visit(timezone_id="Europe/London")
    visit.page.clock.set_fixed_time(now)
    page = _finder(visit)

    flagged = page.locator(".pk-result:has(.pk-result__stale) .pk-result__name")
    expect(flagged).to_have_count(len(stale))
    assert sorted(flagged.all_inner_texts()) == stale and stale
    expect(page.locator(".pk-result__stale").first).to_contain_text(
        "May be out of date: last checked"
    )
    _clean(visit)
