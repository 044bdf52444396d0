"""Where pages live and how they link to each other, relative to the page."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from peerkit.render import urls

BASE = "https://example.org/a/project/"


def test_pages_live_at_their_documented_addresses():
    assert urls.story("calm") == "stories/calm/"
    assert urls.stories_page(1) == "stories/"
    assert urls.stories_page(3) == "stories/page/3/"
    assert urls.tip("breathe") == "tips/breathe/"
    assert urls.region("North West") == "groups/north-west/"
    assert urls.group("North West", "bolton") == "groups/north-west/bolton/"
    assert urls.topic("grief") == "topics/grief/"


def test_region_names_become_ascii_slugs():
    assert urls.slugify("Île-de-France") == "ile-de-france"
    assert urls.slugify("  Yorkshire & Humber ") == "yorkshire-humber"


@pytest.mark.parametrize(
    ("from_url", "to_url"),
    [
        ("stories/calm/", "topics/anxiety/"),
        ("stories/calm/", "stories/"),
        ("stories/calm/", "stories/calm/"),
        ("stories/", "stories/feed.xml"),
        ("stories/", "stories/page/2/"),
        ("stories/page/3/", "stories/page/2/"),
        ("stories/page/2/", "stories/"),
        ("groups/north-west/bolton/", "groups/"),
        ("groups/", "groups/online/zoom-circle/"),
        ("topics/", "tips/breathe/"),
        ("stories/feed.xml", "stories/calm/"),
    ],
)
def test_relative_link_resolves_to_its_target(from_url, to_url):
    link = urls.relative(from_url, to_url)

    assert not link.startswith("/")
    assert urljoin(BASE + from_url, link) == BASE + to_url


def test_link_to_a_folder_page_ends_with_a_slash():
    assert urls.relative("stories/calm/", "topics/anxiety/") == "../../topics/anxiety/"
    assert urls.relative("stories/calm/", "stories/calm/") == "./"
