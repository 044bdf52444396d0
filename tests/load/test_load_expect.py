"""A group's expect: block: what the schema accepts and refuses, at the file's line."""

from __future__ import annotations

import pytest

from peerkit.model.expect import SIGN_LANGUAGES, Expect
from peerkit.model.schemas import schema_for

FULL = {
    "attendance": "register_first",
    "how_to_register": "Text Sam the day before.",
    "register_url": "https://example.org/join",
    "cost": "donation",
    "run_by": "peers_with_professional",
    "step_free": False,
    "hearing_loop": True,
    "sign_language": ["BSL", "ISL"],
    "captions": True,
}


def test_a_full_expect_block_loads_into_its_record(make_site):
    make_site.group("full", {"expect": FULL})

    site, diagnostics = make_site.load()

    assert [d.format() for d in diagnostics if d.severity.name == "ERROR"] == []
    [group] = site.groups
    assert group.expect == Expect(**(FULL | {"sign_language": ("BSL", "ISL")}))


def test_a_group_without_expect_says_nothing(make_site):
    make_site.group("plain")

    site, _ = make_site.load()

    assert site.groups[0].expect is None


def test_an_answer_left_out_is_not_said_not_no(make_site):
    make_site.group("some", {"expect": {"cost": "free"}})

    site, _ = make_site.load()

    expect = site.groups[0].expect
    assert expect.cost == "free"
    assert (expect.step_free, expect.hearing_loop, expect.captions) == (None, None, None)
    assert expect.sign_language == ()


def test_a_misspelt_answer_gets_did_you_mean_at_its_line(make_site):
    path = make_site.group("typo", {"expect": {"step_fre": True}})

    [problem] = make_site.errors()

    assert problem.line == make_site.line_of(path, "step_fre:")
    assert "did you mean 'step_free'" in problem.message, problem.message


@pytest.mark.parametrize(
    ("answers", "needle", "expected"),
    [
        ({"cost": "cheap"}, "cost:", "expect.cost"),
        ({"attendance": "maybe"}, "attendance:", "expect.attendance"),
        ({"hearing_loop": "yes please"}, "hearing_loop:", "expect.hearing_loop"),
        ({"sign_language": ["Klingon"]}, "Klingon", "expect.sign_language"),
        ({"register_url": "http://example.org/"}, "register_url:", "expect.register_url"),
    ],
)
def test_a_wrong_answer_is_an_error_at_its_line(make_site, answers, needle, expected):
    path = make_site.group("bad", {"expect": answers})

    [problem] = make_site.errors()

    assert problem.line == make_site.line_of(path, needle)
    assert problem.message.startswith(expected), problem.message


def test_an_empty_expect_block_is_refused(make_site):
    make_site.group("empty", {"expect": {}})

    assert len(make_site.errors()) == 1


def test_the_schemas_sign_languages_are_the_models():
    schema = schema_for("group")
    listed = schema["properties"]["expect"]["properties"]["sign_language"]["items"]["enum"]

    assert listed == list(SIGN_LANGUAGES)
