"""Drafts stay out of the site; group listings are fresh and their meetings make sense."""

from __future__ import annotations

import pytest

from peerkit.load.diagnostics import Severity
from peerkit.model.settings import Settings
from peerkit.render.site import render_site


def _only(diagnostics):
    assert len(diagnostics) == 1, [d.format() for d in diagnostics]
    return diagnostics[0]


def _meeting(**fields):
    return {"freq": "WEEKLY", "byday": "TU", "opens_at": "18:30", "closes_at": "20:00"} | fields


def test_draft_story_is_left_out_of_the_published_site_and_its_pages(make_site):
    make_site.story("shown", {"title": "Shown story"})
    make_site.story("hidden", {"title": "Unfinished draft", "status": "draft"})

    site, diagnostics = make_site.load()
    pages = render_site(site, Settings(site_name="Test"), make_site.today).pages

    assert diagnostics == []
    assert sorted(s.slug for s in site.stories) == ["hidden", "shown"]
    assert [s.slug for s in site.published().stories] == ["shown"]
    urls = {page.url for page in pages}
    assert "stories/shown/" in urls
    assert "stories/hidden/" not in urls
    assert not any("Unfinished draft" in page.html for page in pages)


def test_draft_tip_and_draft_group_are_left_out_of_the_pages(make_site):
    make_site.tip("draft-tip", {"title": "Draft tip", "status": "draft"})
    make_site.group("draft-group", {"name": "Draft group", "status": "draft"})
    make_site.group("live-group", {"name": "Live group"})

    site, diagnostics = make_site.load()
    pages = render_site(site, Settings(site_name="Test"), make_site.today).pages

    assert diagnostics == []
    assert site.published().tips == ()
    assert [g.slug for g in site.published().groups] == ["live-group"]
    assert not any("Draft tip" in p.html or "Draft group" in p.html for p in pages)
    assert any("Live group" in p.html for p in pages)


def test_group_not_verified_for_over_a_year_gets_a_warning_at_last_verified(make_site):
    path = make_site.group(fields={"last_verified": "2025-11-24"})

    site, diagnostics = make_site.load()

    problem = _only(diagnostics)
    assert problem.severity is Severity.WARNING
    assert problem.path == "content/groups/a-group.yml"
    assert (problem.line, problem.col) == (make_site.line_of(path, "last_verified:"), 16)
    assert "2025-11-24, over 12 months ago" in problem.message
    assert [g.slug for g in site.groups] == ["a-group"]


def test_group_verified_exactly_a_year_ago_gets_no_warning(make_site):
    make_site.group(fields={"last_verified": "2025-11-25"})

    _, diagnostics = make_site.load()

    assert diagnostics == []


def test_recently_verified_group_gets_no_warning(make_site):
    make_site.group(fields={"last_verified": "2026-10-01"})

    _, diagnostics = make_site.load()

    assert diagnostics == []


def test_monthly_meeting_without_an_ordinal_is_an_error(make_site):
    path = make_site.group(fields={"schedule": [_meeting(freq="MONTHLY", byday="TU")]})

    problem = _only(make_site.errors())

    assert (problem.line, problem.col) == (make_site.line_of(path, "byday:"), 10)
    assert "a monthly meeting needs which weekday of the month" in problem.message


def test_weekly_meeting_with_an_ordinal_is_an_error(make_site):
    make_site.group(fields={"schedule": [_meeting(byday="2TU")]})

    problem = _only(make_site.errors())

    assert "a weekly meeting takes plain days" in problem.message


def test_meeting_that_ends_when_it_starts_is_an_error(make_site):
    path = make_site.group(fields={"schedule": [_meeting(opens_at="19:00", closes_at="19:00")]})

    problem = _only(make_site.errors())

    assert (problem.line, problem.col) == (make_site.line_of(path, "closes_at:"), 14)
    assert problem.message.startswith("meeting ends at 19:00, the time it starts")


def test_a_meeting_past_midnight_is_neither_an_error_nor_a_warning(make_site):
    make_site.group(fields={"schedule": [_meeting(opens_at="23:00", closes_at="00:30")]})

    _, diagnostics = make_site.load()

    assert diagnostics == []


def test_a_meeting_that_ends_before_it_starts_is_a_long_one_and_is_questioned(make_site):
    path = make_site.group(fields={"schedule": [_meeting(opens_at="19:00", closes_at="18:00")]})

    _, [problem] = make_site.load()

    assert problem.severity is Severity.WARNING
    assert problem.line == make_site.line_of(path, "opens_at:")
    assert "lasts 23 hours (19:00 to 18:00)" in problem.message


@pytest.mark.parametrize(("opens", "closes", "words"), [
    ("07:00", "21:00", "lasts 14 hours"),
    ("02:00", "04:00", "starts at 02:00, in the small hours"),
    ("14:00", "18:30", "lasts 4.5 hours"),
])  # fmt: skip
def test_times_that_look_like_a_slip_are_questioned(make_site, opens, closes, words):
    make_site.group(fields={"schedule": [_meeting(opens_at=opens, closes_at=closes)]})

    _, diagnostics = make_site.load()

    assert [d.severity for d in diagnostics] == [Severity.WARNING]
    assert words in diagnostics[0].message


def test_unknown_time_zone_is_an_error(make_site):
    path = make_site.group(fields={"schedule": [_meeting(timezone="Mars/Olympus_Mons")]})

    problem = _only(make_site.errors())

    assert (problem.line, problem.col) == (make_site.line_of(path, "timezone:"), 13)
    assert problem.message.startswith("unknown time zone 'Mars/Olympus_Mons'")


def test_errors_of_the_second_meeting_point_at_the_second_meeting(make_site):
    path = make_site.group(
        fields={"schedule": [_meeting(), _meeting(byday="TH", opens_at="17:00", closes_at="17:00")]}
    )

    problem = _only(make_site.errors())

    assert problem.line == make_site.line_of(path, "closes_at: '17:00'")


def test_every_other_week_without_dtstart_is_an_error_naming_dtstart(make_site):
    make_site.group(fields={"schedule": [_meeting(interval=2)]})

    problem = _only(make_site.errors())

    assert problem.message.startswith(
        "schedule[1]: interval needs dtstart: The date of one meeting"
    )


def test_dtstart_on_another_weekday_than_the_meeting_is_an_error(make_site):
    path = make_site.group(fields={"schedule": [_meeting(interval=2, dtstart="2026-11-05")]})

    problem = _only(make_site.errors())

    assert problem.line == make_site.line_of(path, "dtstart:")
    assert "2026-11-05 is not one of this meeting's days (TU)" in problem.message


def test_group_meeting_only_by_arrangement_is_valid_and_rendered(make_site):
    make_site.group("walks", {"by_arrangement": "Call Ana to arrange a walk"}, omit=["schedule"])

    rendered = make_site.render()

    page = next(p for p in rendered.pages if p.url.endswith("/walks/"))
    assert "By arrangement: Call Ana to arrange a walk" in page.html


def test_group_with_neither_schedule_nor_arrangement_is_an_error(make_site):
    make_site.group("nowhen", omit=["schedule"])

    problem = _only(make_site.errors())

    assert "schedule" in problem.message and "by_arrangement" in problem.message


@pytest.mark.parametrize(
    ("fields", "body", "field", "suggestion"),
    [
        ({"name": "Cramlington Grief CafÃ©"}, None, "name:", "Cramlington Grief Café"),
        ({"cost": "Â£2 for tea"}, None, "cost:", "£2 for tea"),
    ],
)
def test_double_encoded_text_in_a_listing_is_questioned(make_site, fields, body, field, suggestion):
    path = make_site.group(fields=fields)

    _, [problem] = make_site.load()

    assert problem.severity is Severity.WARNING
    assert problem.line == make_site.line_of(path, field)
    assert f"did you mean {suggestion!r}" in problem.message


def test_double_encoded_text_in_a_story_is_found_at_its_line(make_site):
    path = make_site.story(body="A good day.\nI donâ€™t know why it helped.\n")

    _, [problem] = make_site.load()

    assert problem.line == make_site.line_of(path, "donâ€™t")
    assert "did you mean" in problem.message and "don\u2019t" in problem.message


def test_accents_and_symbols_written_right_are_left_alone(make_site):
    make_site.group(fields={"name": "Café Ñandú — £2, 50 €, naïve"})
    make_site.story(body="Zoë\u2019s “café” was full. Ça va.\n")

    _, diagnostics = make_site.load()

    assert diagnostics == []


def test_two_listings_of_one_group_are_questioned(make_site):
    make_site.group("friday-lunch", {"name": "Friday Lunch Club"})
    second = make_site.group("online-friday-lunch-club", {"name": "Friday  lunch club"})

    _, [problem] = make_site.load()

    assert problem.path == make_site.rel(second)
    assert "two listings of one group?" in problem.message


def test_one_source_id_on_two_files_is_questioned(make_site):
    make_site.group("a", {"name": "Alpha", "source_id": "svc-1"})
    make_site.group("b", {"name": "Beta", "source_id": "svc-1"})

    _, [problem] = make_site.load()

    assert "source_id 'svc-1' is also content/groups/a.yml's" in problem.message


def test_two_groups_of_one_name_at_other_times_are_two_groups(make_site):
    make_site.group("a", {"name": "Peer Support"})
    make_site.group("b", {"name": "Peer Support", "schedule": [_meeting(byday="TH")]})

    _, diagnostics = make_site.load()

    assert diagnostics == []
