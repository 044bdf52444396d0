"""The Atom feeds of new and changed groups: the whole directory's and each region's."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from urllib.parse import urljoin

from peerkit.model.settings import Settings
from peerkit.render.site import render_site
from tests.conftest import TODAY, group_fields
from tests.render.render_html import parse_html

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://peers.example/"
RFC_3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)")
ABSOLUTE_IRI = re.compile(r"[a-z][a-z0-9+.-]*:\S+")


def _located(town, region, **fields):
    return {
        "location": {"address": "2 Example Road", "town": town, "region": region, "country": "GB"}
    } | fields


def _feeds(make_site, **settings):
    rendered = make_site.render(site_url=SITE_URL, **settings)
    return {f.path: f.content for f in rendered.files if _is_feed(f.path)}


def _is_feed(path: str) -> bool:
    return path == "stories/feed.xml" or (
        path.startswith("groups/feeds/") and not path.endswith("sitemap.xml")
    )


def _entries(content):
    return ET.fromstring(content).findall(f"{ATOM}entry")


def assert_well_formed_atom(content: bytes) -> None:
    """What RFC 4287 requires of a feed and its entries (section 4.1), checked one by one."""
    feed = ET.fromstring(content)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    assert ABSOLUTE_IRI.fullmatch(feed.findtext(f"{ATOM}id"))
    assert RFC_3339.fullmatch(feed.findtext(f"{ATOM}updated"))
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"] == feed.findtext(f"{ATOM}id")
    feed_has_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert ABSOLUTE_IRI.fullmatch(entry.findtext(f"{ATOM}id"))
        assert RFC_3339.fullmatch(entry.findtext(f"{ATOM}updated"))
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
        assert feed_has_author or entry.find(f"{ATOM}author/{ATOM}name") is not None


def test_the_directory_and_each_region_have_a_well_formed_atom_feed(make_site):
    make_site.group("leeds", _located("Leeds", "Yorkshire", name="Leeds circle"))
    make_site.group("york", _located("York", "North East", name="York circle"))

    feeds = _feeds(make_site)

    group_feeds = {path for path in feeds if path.startswith("groups/")}
    assert group_feeds == {
        "groups/feeds/everywhere.xml",
        "groups/feeds/in-yorkshire.xml",
        "groups/feeds/in-north-east.xml",
    }
    for path in group_feeds:
        assert_well_formed_atom(feeds[path])
    assert [
        e.findtext(f"{ATOM}title") for e in _entries(feeds["groups/feeds/in-yorkshire.xml"])
    ] == ["Leeds circle"]
    assert len(_entries(feeds["groups/feeds/everywhere.xml"])) == 2


def test_the_stories_feed_is_well_formed_atom_too(make_site):
    make_site.story()

    assert_well_formed_atom(_feeds(make_site)["stories/feed.xml"])


def test_a_well_formed_feed_check_catches_an_entry_without_an_id():
    """The control: the check above fails on a feed RFC 4287 refuses."""
    broken = (
        f'<feed xmlns="{ATOM[1:-1]}"><id>urn:x</id><title>t</title>'
        '<updated>2026-01-01T00:00:00Z</updated><link rel="self" href="urn:x"/>'
        "<author><name>a</name></author><entry><title>e</title>"
        "<updated>2026-01-01T00:00:00Z</updated></entry></feed>"
    )
    try:
        assert_well_formed_atom(broken.encode())
    except AssertionError:
        return
    raise AssertionError("a feed whose entry has no id passed")


def test_entries_are_the_most_lately_checked_listings_dated_by_their_check(make_site):
    make_site.group("old", _located("Leeds", "Yorkshire", name="Old", last_verified="2025-02-01"))
    make_site.group("new", _located("Leeds", "Yorkshire", name="New", last_verified="2026-10-05"))

    feed = ET.fromstring(_feeds(make_site)["groups/feeds/in-yorkshire.xml"])

    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["New", "Old"]
    assert [e.findtext(f"{ATOM}updated") for e in entries] == [
        "2026-10-05T00:00:00Z",
        "2025-02-01T00:00:00Z",
    ]
    assert feed.findtext(f"{ATOM}updated") == "2026-10-05T00:00:00Z"


def test_an_entry_links_to_the_group_and_says_what_where_and_when(make_site):
    fields = _located("Leeds", "Yorkshire", name="Leeds circle", description="We talk.")
    fields["location"]["venue"] = "Briggate Rooms"
    paris = {"byday": "FR", "opens_at": "09:00", "closes_at": "10:00", "timezone": "Europe/Paris"}
    fields["schedule"] = [group_fields()["schedule"][0], {"freq": "WEEKLY", **paris}]
    make_site.group("circle", fields)

    [entry] = _entries(_feeds(make_site)["groups/feeds/everywhere.xml"])

    link = entry.find(f"{ATOM}link").get("href")
    assert link == entry.findtext(f"{ATOM}id") == urljoin(SITE_URL, "groups/yorkshire/circle/")
    assert entry.findtext(f"{ATOM}summary") == (
        "We talk. Where: Briggate Rooms, Leeds. When: Every Tuesday, 18:30 to 20:00;"
        " Every Friday, 09:00 to 10:00 (Europe/Paris time)."
    )


def test_an_online_group_says_where_it_meets_online(make_site):
    online = {
        "format": "online",
        "region": "Online",
        "online": {"platform": "Jitsi", "url": "https://meet.example.org/x"},
    }
    make_site.group("net", online | {"name": "Net"}, omit=["location"])

    feeds = _feeds(make_site)

    [entry] = _entries(feeds["groups/feeds/in-online.xml"])
    assert "Where: online on Jitsi." in entry.findtext(f"{ATOM}summary")
    assert ET.fromstring(feeds["groups/feeds/in-online.xml"]).findtext(f"{ATOM}title") == (
        "Test: new and changed online groups"
    )


def test_feeds_are_the_same_bytes_whatever_the_day_of_the_build(make_site):
    make_site.group("circle", _located("Leeds", "Yorkshire"))
    site, _ = make_site.load()
    settings = Settings(site_name="Test", site_url=SITE_URL)

    def feeds(today: date) -> dict[str, bytes]:
        rendered = render_site(site, settings, today)
        return {f.path: f.content for f in rendered.files if _is_feed(f.path)}

    assert feeds(TODAY) == feeds(date(2031, 6, 1))


def test_hostile_names_and_descriptions_stay_text(make_site):
    hostile = '</title><entry><title>x</title></entry> & "q" \x0b'
    make_site.group("odd", _located("Leeds", "Yorkshire", name=hostile, description=hostile))

    [entry] = _entries(_feeds(make_site)["groups/feeds/everywhere.xml"])

    assert entry.findtext(f"{ATOM}title") == hostile.replace("\x0b", "")
    assert entry.findtext(f"{ATOM}summary").startswith(hostile.strip().replace("\x0b", ""))


def test_the_directory_and_region_pages_advertise_their_feeds(make_site):
    make_site.group("circle", _located("Leeds", "Yorkshire"))

    rendered = make_site.render()
    pages = {page.url: page for page in rendered.pages}

    def advertised(url):
        return [
            (urljoin(SITE_URL + url, feed.path).removeprefix(SITE_URL), feed.title)
            for feed in pages[url].feeds
        ]

    assert advertised("groups/") == [
        ("groups/feeds/everywhere.xml", "Test: new and changed groups")
    ]
    assert advertised("groups/yorkshire/") == [
        ("groups/feeds/in-yorkshire.xml", "Test: new and changed groups in Yorkshire")
    ]
    assert pages["groups/yorkshire/circle/"].feeds == ()
    [link] = parse_html(pages["groups/yorkshire/"].html).find_all("a", "pk-feed")
    assert (link.attrs["href"], link.text) == (
        "../feeds/in-yorkshire.xml",
        "Follow new and changed groups (Atom feed)",
    )


def test_beside_the_feeds_an_empty_sitemap_answers_materials_request(make_site):
    """Material fetches sitemap.xml from the folder of each alternate link in a head."""
    make_site.group("circle", _located("Leeds", "Yorkshire"))

    files = {f.path: f.content for f in make_site.render().files}

    sitemap = ET.fromstring(files["groups/feeds/sitemap.xml"])
    assert sitemap.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    assert list(sitemap) == []
