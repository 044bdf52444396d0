"""Story pages, the paginated stories index, the Atom feed and the JSON-LD."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from peerkit.model.settings import Settings
from peerkit.render.site import render_site
from tests import records
from tests.conftest import TODAY
from tests.render.render_html import parse_html

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://example.org/site/"


def _page(rendered, url):
    [page] = [p for p in rendered.pages if p.url == url]
    return page


def _resolve(from_url, href):
    """The site-relative address a link on ``from_url`` leads to."""
    return urljoin(BASE + from_url, href).removeprefix(BASE)


def _card_titles(tree):
    return [li.find("h3").text for li in tree.find("ul", "pk-card-list").find_all("li")]


def _dated_stories(make_site, count):
    for day in range(1, count + 1):
        make_site.story(f"story-{day:02}", {"title": f"Story {day}", "date": f"2026-03-{day:02}"})


def test_story_page_shows_author_date_topics_and_reading_time(make_site):
    make_site.story("long-one", {"topics": ["anxiety", "grief"]}, body="word " * 450 + "\n")

    page = _page(make_site.render(), "stories/long-one/")
    tree = parse_html(page.html)

    assert tree.find("h1").text == "A story"
    assert tree.find("span", "pk-author").text == "Sam"
    time = tree.find("time")
    assert (time.attrs["datetime"], time.text) == ("2026-03-14", "14 March 2026")
    topic_links = tree.find_all("a", "pk-topic")
    assert [a.text for a in topic_links] == ["Anxiety", "Grief and loss"]
    assert [_resolve(page.url, a.attrs["href"]) for a in topic_links] == [
        "topics/anxiety/",
        "topics/grief/",
    ]
    assert "3 min read" in tree.find("p", "pk-meta").text


def test_anonymous_story_page_says_anonymous_even_with_a_name_in_its_file():
    quiet = records.story("quiet", author="Real Name", anonymous=True)

    rendered = render_site(records.site(stories=[quiet]), Settings(site_name="Test"), TODAY)
    page = _page(rendered, "stories/quiet/")
    tree = parse_html(page.html)

    assert tree.find("span", "pk-author").text == "Anonymous"
    assert "Real Name" not in page.html
    assert json.loads(page.jsonld)["author"]["name"] == "Anonymous"


def test_story_without_author_field_says_anonymous(make_site):
    make_site.story("nameless", omit=["author"])

    tree = parse_html(_page(make_site.render(), "stories/nameless/").html)

    assert tree.find("span", "pk-author").text == "Anonymous"
    assert "1 min read" in tree.find("p", "pk-meta").text


def test_content_warning_is_the_summary_of_a_details_that_holds_the_story(make_site):
    make_site.story(
        "hard-one",
        {"content_warnings": ["self-harm", "suicide"]},
        body="The words behind the fold.\n",
    )

    tree = parse_html(_page(make_site.render(), "stories/hard-one/").html)

    [details] = tree.find_all("details")
    summary = details.find("summary")
    assert "Content warning: self-harm, suicide" in summary.text
    story = details.find("div", "pk-story")
    assert "The words behind the fold." in story.text
    # The story sits in a fold that both search engines leave out of their index.
    [folded] = [child for child in details.children if getattr(child, "tag", None) == "div"]
    assert details.children.index(summary) < details.children.index(folded)
    assert folded.find("div", "pk-story") is story
    assert folded.attrs == {"data-search-exclude": "warned", "data-pagefind-ignore": "all"}
    assert len(tree.find_all("div", "pk-story")) == 1


def test_story_without_content_warning_is_not_folded(make_site):
    make_site.story("gentle", body="Nothing hard here.\n")

    tree = parse_html(_page(make_site.render(), "stories/gentle/").html)

    assert tree.find_all("details") == []
    assert "Nothing hard here." in tree.find("div", "pk-story").text


def test_stories_index_paginates_newest_first(make_site):
    _dated_stories(make_site, 5)

    rendered = make_site.render(stories_per_page=2)

    index_urls = sorted(p.url for p in rendered.pages if p.url.startswith("stories/page/"))
    assert index_urls == ["stories/page/2/", "stories/page/3/"]
    pages = [_page(rendered, url) for url in ("stories/", "stories/page/2/", "stories/page/3/")]
    titles = [_card_titles(parse_html(p.html)) for p in pages]
    assert titles == [["Story 5", "Story 4"], ["Story 3", "Story 2"], ["Story 1"]]


def test_stories_index_pages_link_to_their_neighbours(make_site):
    _dated_stories(make_site, 5)

    rendered = make_site.render(stories_per_page=2)

    tree = parse_html(_page(rendered, "stories/page/2/").html)
    links = {a.attrs["rel"]: a.attrs["href"] for a in tree.find_all("a") if "rel" in a.attrs}
    assert _resolve("stories/page/2/", links["prev"]) == "stories/"
    assert _resolve("stories/page/2/", links["next"]) == "stories/page/3/"
    cards = tree.find("ul", "pk-card-list").find_all("a")
    assert _resolve("stories/page/2/", cards[0].attrs["href"]) == "stories/story-03/"


def test_feed_has_one_entry_per_story_newest_first(make_site):
    _dated_stories(make_site, 3)

    [feed] = [f for f in make_site.render().files if f.path == "stories/feed.xml"]

    root = ET.fromstring(feed.content)
    assert root.tag == f"{ATOM}feed"
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert titles == ["Story 3", "Story 2", "Story 1"]


def test_feed_keeps_only_the_twenty_newest_stories(make_site):
    _dated_stories(make_site, 21)

    [feed] = [f for f in make_site.render().files if f.path == "stories/feed.xml"]

    entries = ET.fromstring(feed.content).findall(f"{ATOM}entry")
    assert len(entries) == 20
    assert entries[0].findtext(f"{ATOM}title") == "Story 21"
    assert entries[-1].findtext(f"{ATOM}title") == "Story 2"


def test_feed_parses_whatever_the_titles_contain(make_site):
    title = 'Tom & "Jerry" <3 \x0b</title>'
    make_site.story("odd", {"title": title, "author": "A & B", "content_warnings": ["<cw>"]})

    [feed] = [f for f in make_site.render().files if f.path == "stories/feed.xml"]

    [entry] = ET.fromstring(feed.content).findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == 'Tom & "Jerry" <3 </title>'
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "A & B"
    assert entry.findtext(f"{ATOM}summary").startswith("Content warning: <cw>.")


def test_story_json_ld_is_an_article_with_its_headline(make_site):
    make_site.story("plain", {"title": "Finding my feet"})

    data = json.loads(_page(make_site.render(), "stories/plain/").jsonld)

    assert data["@type"] == "Article"
    assert data["headline"] == "Finding my feet"
    assert data["datePublished"] == "2026-03-14"


def test_title_cannot_close_the_json_ld_script_element(make_site):
    title = "</script><script>alert(1)</script>"
    make_site.story("attack", {"title": title})

    jsonld = _page(make_site.render(), "stories/attack/").jsonld

    assert "</script" not in jsonld.lower()
    assert "<" not in jsonld
    assert json.loads(jsonld)["headline"] == title
