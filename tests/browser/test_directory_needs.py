"""The finder's "What you need" checkboxes and a group page's "What to expect", in a real browser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from peerkit.model.records import Group
from peerkit.render import urls
from tests.browser.conftest import Visit
from tests.browser.test_accessibility import axe_script, axe_violations  # noqa: F401
from tests.browser.test_directory import _clean, _expect_count, _finder, _names


def test_ticking_needs_shows_only_groups_whose_listing_says_so(visit: Visit, groups) -> None:
    page = _finder(visit)
    page.get_by_label("Step-free access", exact=True).check()

    step_free = [g.name for g in groups if g.expect and g.expect.step_free is True]
    _expect_count(page, len(step_free))
    assert sorted(_names(page)) == sorted(step_free)  # the list is soonest first

    page.get_by_label("Hearing loop", exact=True).check()
    both = [n for n in step_free if _named(groups, n).expect.hearing_loop is True]
    _expect_count(page, len(both))
    assert sorted(_names(page)) == sorted(both)  # the list is soonest first
    assert 0 < len(both) < len(step_free) < len(groups)
    query = parse_qs(urlsplit(page.url).query)
    assert query["need"] == ["step_free", "hearing_loop"]
    _clean(visit)


def _named(groups: list[Group], name: str) -> Group:
    return next(g for g in groups if g.name == name)


def test_needs_in_the_address_are_ticked_and_clear_all_unticks_them(visit: Visit, groups) -> None:
    page = _finder(visit, "?need=free&need=drop_in")

    expect(page.get_by_label("Free", exact=True)).to_be_checked()
    expect(page.get_by_label("Drop in, no need to register")).to_be_checked()
    wanted = [
        g.name
        for g in groups
        if g.expect and g.expect.cost == "free" and g.expect.attendance == "drop_in"
    ]
    _expect_count(page, len(wanted))
    assert sorted(_names(page)) == sorted(wanted)  # the list is soonest first

    page.get_by_role("button", name="Clear all").click()
    expect(page.get_by_label("Free", exact=True)).not_to_be_checked()
    assert "need=" not in page.url
    _clean(visit)


def test_sign_language_or_captions_matches_either(visit: Visit, groups) -> None:
    page = _finder(visit)
    page.get_by_label("Sign language or captions").check()

    wanted = [g.name for g in groups if g.expect and (g.expect.sign_language or g.expect.captions)]
    _expect_count(page, len(wanted))
    assert sorted(_names(page)) == sorted(wanted)  # the list is soonest first
    assert any(g.expect and g.expect.sign_language and not g.expect.captions for g in groups)


def _with_section(groups: list[Group]) -> Group:
    return next(
        g for g in groups if g.expect and g.expect.step_free is False and g.expect.hearing_loop
    )


def test_a_group_page_says_what_to_expect_and_axe_finds_no_violation(
    open_visit: Callable[..., Visit],
    groups,
    axe_script: Path,  # noqa: F811
) -> None:
    group = _with_section(groups)
    for scheme in ("light", "dark"):
        visit = open_visit(color_scheme=scheme)
        visit.goto(urls.group(group.region, group.slug))
        section = visit.page.locator("section.pk-expect")
        expect(section.get_by_role("heading", name="What to expect")).to_be_visible()
        expect(section).to_contain_text("There are steps to the room")
        expect(
            section.get_by_role("link", name="Going to your first group meeting")
        ).to_be_visible()
        assert axe_violations(visit.page, axe_script) == []


def test_a_group_page_without_answers_has_no_section(visit: Visit, groups) -> None:
    group = next(g for g in groups if g.expect is None)
    visit.goto(urls.group(group.region, group.slug))

    expect(visit.page.locator("h1")).to_have_text(group.name)
    expect(visit.page.locator("section.pk-expect")).to_have_count(0)
