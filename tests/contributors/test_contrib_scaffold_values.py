"""Slugs, days, times and schema references for new files."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from peerkit.scaffold.documents import schema_reference
from peerkit.scaffold.site_facts import SiteContext
from peerkit.scaffold.slugs import ascii_slug, unique_slug
from peerkit.scaffold.values import parse_days, parse_time

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Sitting with my son's worry", "sitting-with-my-sons-worry"),
        ("Grief & the allotment", "grief-and-the-allotment"),
        ("Café à Zürich: l'été", "cafe-a-zurich-lete"),
        ("  --Hello,   World!!  ", "hello-world"),
        ("Κρήτη", ""),
    ],
)
def test_ascii_slug_keeps_words_and_drops_what_an_address_cannot_hold(title, slug):
    assert ascii_slug(title) == slug


def test_a_long_title_is_cut_at_a_word():
    slug = ascii_slug("one two three four five six seven eight nine ten eleven twelve thirteen")

    assert slug == "one-two-three-four-five-six-seven-eight-nine-ten-eleven"
    assert len(slug) <= 60


def test_unique_slug_counts_up_past_every_taken_one():
    assert unique_slug("walk", set()) == "walk"
    assert unique_slug("walk", {"walk", "walk-2", "walk-3"}) == "walk-4"


@pytest.mark.parametrize(
    ("text", "monthly", "byday"),
    [
        ("Tuesday", False, "TU"),
        ("mon and Thu", False, "MO,TH"),
        ("MO, TH, MO", False, "MO,TH"),
        ("2nd Tuesday", True, "2TU"),
        ("first monday & last friday", True, "1MO,-1FR"),
        ("-1fr", True, "-1FR"),
    ],
)
def test_days_as_people_write_them(text, monthly, byday):
    assert parse_days(text, monthly) == byday


@pytest.mark.parametrize(
    ("text", "monthly", "message"),
    [
        ("2nd Tuesday", False, "a weekly meeting takes plain days"),
        ("Tuesday", True, "say which one in the month"),
        ("Tuesdy", False, "is not a day"),
    ],
)
def test_days_that_do_not_fit_the_frequency_say_why(text, monthly, message):
    with pytest.raises(ValueError, match=message):
        parse_days(text, monthly)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("18:30", "18:30"),
        ("9:05", "09:05"),
        ("6pm", "18:00"),
        ("6.30 pm", "18:30"),
        ("12am", "00:00"),
    ],
)
def test_times_become_a_24_hour_clock(text, time):
    assert parse_time(text) == time


@pytest.mark.parametrize("text", ["25:00", "13pm", "half six", "18:60"])
def test_impossible_times_are_refused(text):
    with pytest.raises(ValueError, match="time"):
        parse_time(text)


def test_schema_reference_in_a_checkout_of_peerkit_is_a_path_to_the_package_schema():
    file = REPO / "content" / "groups" / "yorkshire" / "a.yml"

    reference = schema_reference("group", file, SiteContext(REPO, REPO / "content"))

    packaged = resources.files("peerkit.model").joinpath("schemas", "group.json")
    assert reference == "../../../src/peerkit/model/schemas/group.json"
    assert (file.parent / reference).resolve().read_bytes() == packaged.read_bytes()


def test_schema_reference_elsewhere_is_the_sites_published_copy(tmp_path):
    context = SiteContext(tmp_path, tmp_path / "content", site_url="https://example.org/peer/")

    reference = schema_reference("group", tmp_path / "content" / "groups" / "a.yml", context)

    assert reference == "https://example.org/peer/schemas/group.json"


def test_no_schema_reference_without_a_site_url_outside_peerkit(tmp_path):
    context = SiteContext(tmp_path, tmp_path / "content")

    assert schema_reference("group", tmp_path / "content" / "groups" / "a.yml", context) is None
