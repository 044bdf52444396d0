"""The tips index, the group directory (regions, region pages, group pages) and topic pages."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urljoin

import pytest

from peerkit.load.diagnostics import has_errors
from peerkit.model.settings import Settings
from peerkit.render.site import render_site
from tests.render.render_html import parse_html

BASE = "https://example.org/site/"


def _page(rendered, url):
    [page] = [p for p in rendered.pages if p.url == url]
    return page


def _resolve(from_url, href):
    return urljoin(BASE + from_url, href).removeprefix(BASE)


def _located(town, region):
    return {
        "location": {"address": "2 Example Road", "town": town, "region": region, "country": "GB"}
    }


def _online(**fields):
    return {
        "format": "online",
        "online": {"platform": "Zoom", "url": "https://meet.example.org/x"},
    } | fields


def test_tips_index_lists_tips_under_each_of_their_topics(make_site):
    make_site.tip("breathing", {"title": "Breathing", "topics": ["anxiety"]})
    make_site.tip("anniversaries", {"title": "Anniversaries", "topics": ["grief"]})
    make_site.tip("walking", {"title": "Walking", "topics": ["grief", "anxiety"]})

    tree = parse_html(_page(make_site.render(), "tips/").html)

    sections = {}
    heading = None
    for element in (c for c in tree.children if not isinstance(c, str)):
        if element.tag == "h2":
            heading = element.text
        elif element.tag == "ul" and heading:
            sections[heading] = [h3.text for h3 in element.find_all("h3")]
    assert sections == {
        "Anxiety": ["Breathing", "Walking"],
        "Grief and loss": ["Anniversaries", "Walking"],
    }


def test_groups_index_lists_each_region_with_its_count(make_site):
    make_site.group("leeds", {"name": "Leeds group"} | _located("Leeds", "Yorkshire"))
    make_site.group("york", {"name": "York group"} | _located("York", "Yorkshire"))
    make_site.group("camden", {"name": "Camden group"} | _located("Camden", "London"))
    make_site.group("zoom", _online(name="Zoom group"), omit=["location"])

    tree = parse_html(_page(make_site.render(), "groups/").html)

    regions = [
        (li.find("a").text, _resolve("groups/", li.find("a").attrs["href"]), li.find("span").text)
        for li in tree.find("ul", "pk-regions").find_all("li")
    ]
    assert regions == [
        ("London", "groups/london/", "1 group"),
        ("Online", "groups/online/", "1 group"),
        ("Yorkshire", "groups/yorkshire/", "2 groups"),
    ]


def test_each_region_has_a_page_linking_its_groups(make_site):
    make_site.group("leeds", {"name": "Leeds group"} | _located("Leeds", "North West"))
    make_site.group("zoom", _online(name="Zoom group", region="Online"), omit=["location"])

    rendered = make_site.render()

    tree = parse_html(_page(rendered, "groups/north-west/").html)
    [link] = tree.find("table", "pk-groups").find("tbody").find_all("a")
    assert link.text == "Leeds group"
    assert _resolve("groups/north-west/", link.attrs["href"]) == "groups/north-west/leeds/"
    online = parse_html(_page(rendered, "groups/online/").html)
    assert [a.text for a in online.find("tbody").find_all("a")] == ["Zoom group"]


def test_each_group_has_a_page_under_its_region(make_site):
    make_site.group("leeds-circle", {"name": "Leeds circle"} | _located("Leeds", "North West"))

    page = _page(make_site.render(), "groups/north-west/leeds-circle/")
    tree = parse_html(page.html)

    assert tree.find("h1").text == "Leeds circle"
    assert (
        tree.find("ul", "pk-schedule").find("li").text.startswith("Every Tuesday, 18:30 to 20:00")
    )


def test_stale_group_page_says_it_may_be_out_of_date(make_site):
    make_site.group("old", {"last_verified": "2025-01-01"})
    make_site.group("fresh", {"last_verified": "2026-10-01"})

    rendered = make_site.render()

    old = parse_html(_page(rendered, "groups/yorkshire/old/").html)
    fresh = parse_html(_page(rendered, "groups/yorkshire/fresh/").html)
    assert "may be out of date" in old.find("p", "pk-stale").text
    assert fresh.find_all("p", "pk-stale") == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("North West", "North west", id="case"),
        pytest.param("Κρήτη", "Αττική", id="non-latin"),
    ],
)
def test_regions_that_make_the_same_address_are_refused_or_merged(make_site, first, second):
    make_site.group("first", _located("Bolton", first))
    make_site.group("second", _located("Bury", second))
    site, diagnostics = make_site.load()

    rendered = render_site(site, Settings(site_name="Test"), make_site.today)

    counts = Counter(page.url for page in rendered.pages)
    shared = [url for url, n in counts.items() if n > 1]
    # Either the check stops the build, or no two pages are written to one address.
    assert has_errors(diagnostics) or shared == []


def test_topic_page_lists_its_stories_tips_and_groups_only(make_site):
    make_site.story("worry", {"title": "Worry story", "topics": ["anxiety"]})
    make_site.story("loss", {"title": "Loss story", "topics": ["grief"]})
    make_site.tip("breathe", {"title": "Breathe tip", "topics": ["anxiety"]})
    make_site.tip("remember", {"title": "Remember tip", "topics": ["grief"]})
    make_site.group("calm", {"name": "Calm group", "topics": ["anxiety"]})
    make_site.group("bereaved", {"name": "Bereaved group", "topics": ["grief"]})

    tree = parse_html(_page(make_site.render(), "topics/anxiety/").html)

    titles = [h3.text for h3 in tree.find_all("h3")]
    assert titles == ["Worry story", "Breathe tip"]
    groups = [a.text for table in tree.find_all("table") for a in table.find_all("a")]
    assert groups == ["Calm group"]
    links = [_resolve("topics/anxiety/", a.attrs["href"]) for a in tree.find_all("a")]
    assert {"stories/worry/", "tips/breathe/", "groups/yorkshire/calm/"} <= set(links)


def test_an_online_groups_dial_in_number_is_a_tap_to_call_link(make_site):
    online = {"platform": "Zoom", "url": "https://meet.example.org/x"}
    online["conference_phone"] = "+44 20 3481 5237,,84512345#"
    make_site.group("by-phone", _online(region="Online", online=online), omit=["location"])

    page = _page(make_site.render(), "groups/online/by-phone/")
    [joining] = [
        dd
        for dd in parse_html(page.html).find_all("dd")
        if any((a.attrs.get("href") or "").startswith("tel:") for a in dd.find_all("a"))
    ]
    [call] = [a for a in joining.find_all("a") if a.attrs["href"].startswith("tel:")]

    assert call.attrs["href"] == "tel:+442034815237,,84512345%23"
    assert call.text == "+44 20 3481 5237,,84512345#"
    assert "dial in by phone" in joining.text and "Zoom" in joining.text


def test_a_dial_in_number_must_look_like_one(make_site):
    online = {
        "platform": "Zoom",
        "url": "https://meet.example.org/x",
        "conference_phone": "call Sam",
    }
    path = make_site.group("by-phone", _online(region="Online", online=online), omit=["location"])

    assert ["conference_phone" in d.message for d in make_site.errors(path)] == [True]


def test_a_meeting_in_the_sites_time_zone_hides_its_zone_and_another_says_it(make_site):
    """Hidden, not left out: next-meetings.js shows it to a visitor on another clock."""
    meetings = [
        {"freq": "WEEKLY", "byday": "TU", "opens_at": "18:30", "closes_at": "20:00"},
        {"freq": "WEEKLY", "byday": "TH", "opens_at": "18:30", "closes_at": "20:00",
         "timezone": "Europe/Dublin"},
    ]  # fmt: skip
    make_site.group("leeds-circle", {"schedule": meetings} | _located("Leeds", "Yorkshire"))

    page = _page(make_site.render(), "groups/yorkshire/leeds-circle/")
    notes = parse_html(page.html).find("ul", "pk-schedule").find_all("span", "pk-tz")

    assert [(n.text, "hidden" in n.attrs) for n in notes] == [
        ("(Europe/London time)", True),
        ("(Europe/Dublin time)", False),
    ]
    assert "None" not in page.html


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("en", "English, Polish, British Sign Language"),
        ("es", "Inglés, Polaco, British Sign Language"),
    ],
)
def test_the_languages_spoken_are_named_in_the_pages_language(make_site, language, names):
    make_site.group("circle", {"languages": ["en", "pl", "bfi"]} | _located("Leeds", "Yorkshire"))

    page = _page(make_site.render(language=language), "groups/yorkshire/circle/")
    details = parse_html(page.html).find_all("dd")

    assert names in [dd.text for dd in details]


def test_a_listing_not_checked_for_a_year_is_flagged_on_its_region_and_topic_pages(make_site):
    make_site.group(
        "old",
        {"name": "Old listing", "last_verified": "2025-01-10"} | _located("Leeds", "Yorkshire"),
    )
    make_site.group("new", {"name": "New listing"} | _located("Leeds", "Yorkshire"))

    rendered = make_site.render()

    for url in ("groups/yorkshire/", "topics/anxiety/"):
        rows = parse_html(_page(rendered, url).html).find("table", "pk-groups").find_all("tr")
        flagged = {row.find("a").text for row in rows[1:] if "pk-stale-flag" in repr(row)}
        assert flagged == {"Old listing"}, url
        assert "May be out of date: last checked 10 January 2025" in _page(rendered, url).html


def test_the_printed_list_names_topics_by_their_titles_not_their_slugs(make_site):
    make_site.group(
        "both", {"name": "Both", "topics": ["grief", "anxiety"]} | _located("Leeds", "Yorkshire")
    )

    rendered = make_site.render()

    for url in ("groups/yorkshire/", "topics/anxiety/"):
        [printed] = [
            span.text
            for span in parse_html(_page(rendered, url).html).find_all("span", "pk-print-only")
            if "Topics:" in span.text
        ]
        assert printed.strip().endswith("Topics: Grief and loss, Anxiety"), url


def test_a_first_timer_gets_directions_and_a_join_button_named_after_the_platform(make_site):
    place = _located("Leeds", "Yorkshire")
    place["location"] |= {"latitude": 53.79969, "longitude": -1.54312}
    online = {"platform": "Jitsi", "url": "https://meet.example.org/circle"}
    make_site.group("circle", place | {"format": "hybrid", "online": online})

    tree = parse_html(_page(make_site.render(), "groups/yorkshire/circle/").html)
    links = {a.text: a.attrs["href"] for a in tree.find_all("a")}

    assert links["Directions in your maps app"] == "geo:53.79969,-1.54312"
    assert links["Map on OpenStreetMap"].startswith(
        "https://www.openstreetmap.org/?mlat=53.79969&mlon=-1.54312"
    )
    assert links["Join on Jitsi"] == "https://meet.example.org/circle"


def test_a_group_without_coordinates_offers_no_map_links(make_site):
    make_site.group("circle", _located("Leeds", "Yorkshire"))

    html = _page(make_site.render(), "groups/yorkshire/circle/").html

    assert "geo:" not in html and "openstreetmap" not in html


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (
            "mailto:listings@example.org",
            "mailto:listings@example.org?subject=A%20listing%20that%20needs%20checking%3A%20"
            "Tea%20%26%20Talk%3Fbcc%3Dx%40evil.example",
        ),
        (
            "https://forms.example.org/fix?group={name}&page={page}",
            "https://forms.example.org/fix?group=Tea%20%26%20Talk%3Fbcc%3Dx%40evil.example"
            "&page=groups%2Fyorkshire%2Fcircle%2F",
        ),
    ],
)
def test_a_wrong_listing_can_be_reported_where_the_site_says(make_site, target, expected):
    make_site.group(
        "circle", {"name": "Tea & Talk?bcc=x@evil.example"} | _located("Leeds", "Yorkshire")
    )

    page = _page(make_site.render(report_listing=target), "groups/yorkshire/circle/")
    [report] = [a for a in parse_html(page.html).find_all("a") if "Tell us" in a.text]

    assert report.attrs["href"] == expected


def test_without_a_place_to_report_there_is_no_link(make_site):
    make_site.group("circle", _located("Leeds", "Yorkshire"))

    assert "Tell us" not in _page(make_site.render(), "groups/yorkshire/circle/").html


def test_a_region_page_carries_the_handout_details_for_paper(make_site):
    place = _located("Leeds", "Yorkshire")
    place["location"] |= {"postcode": "LS1 6HD", "venue": "Briggate Rooms"}
    contact = {"name": "Sam", "email": "sam@example.org", "phone": "0113 496 0001"}
    make_site.group("circle", {"name": "Leeds Circle", "contact": contact} | place)
    online = {"platform": "Zoom", "url": "https://meet.example.org/x"}
    make_site.group(
        "net", _online(region="Yorkshire", name="Net Circle", online=online), omit=["location"]
    )

    html = _page(make_site.render(), "groups/yorkshire/").html
    printed = " ".join(s.text for s in parse_html(html).find_all("span", "pk-print-only"))

    for words in ("2 Example Road", "LS1 6HD", "Sam, sam@example.org, 0113 496 0001",
                  "Join on Zoom: https://meet.example.org/x", "Topics: Anxiety"):  # fmt: skip
        assert words in printed, words
    assert "Made on " in html
