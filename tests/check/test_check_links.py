"""Links to other sites in content: found at their line and column, checked for form."""

from __future__ import annotations

import pytest

from peerkit.check.links import (
    ExternalLink,
    external_links,
    link_problems,
    unreachable_links,
)
from tests.conftest import SiteBuilder


def links_in_story(make_site: SiteBuilder, body: str) -> list[ExternalLink]:
    make_site.story(body=body)
    site, _ = make_site.load()
    return external_links(site)


def test_a_markdown_link_is_found_at_its_line_and_column(make_site: SiteBuilder) -> None:
    path = make_site.story(body="First line.\n\nRead [Mind](https://www.mind.org.uk/) today.\n")
    site, _ = make_site.load()
    [link] = external_links(site)
    assert link.url == "https://www.mind.org.uk/"
    assert (link.path, link.line, link.col) == (
        make_site.rel(path),
        make_site.line_of(path, "Read [Mind]"),
        len("Read [Mind](") + 1,
    )


@pytest.mark.parametrize(
    ("body", "url"),
    [
        ('[a](https://a.example.org/x "A title")', "https://a.example.org/x"),
        ("![a photo](https://img.example.org/p.png)", "https://img.example.org/p.png"),
        ("[wiki](https://en.example.org/wiki/Foo_(bar))", "https://en.example.org/wiki/Foo_(bar)"),
        ("[ref]: https://ref.example.org/page", "https://ref.example.org/page"),
        ("See <https://auto.example.org/>.", "https://auto.example.org/"),
        ('<a href="https://html.example.org/">x</a>', "https://html.example.org/"),
        ("Go to https://www.nhs.uk/mental-health/.", "https://www.nhs.uk/mental-health/"),
        ("[email us](mailto:hello@example.org)", "mailto:hello@example.org"),
    ],
    ids=["title", "image", "parentheses", "reference", "autolink", "html", "bare", "mailto"],
)
def test_every_way_markdown_writes_a_link_is_found(
    make_site: SiteBuilder, body: str, url: str
) -> None:
    assert [link.url for link in links_in_story(make_site, body + "\n")] == [url]


def test_links_inside_the_site_and_in_code_are_not_listed(make_site: SiteBuilder) -> None:
    body = (
        "[a tip](../../tips/breathe/) and `https://code.example.org/`\n"
        "```\nhttps://fenced.example.org/\n```\n"
    )
    assert links_in_story(make_site, body) == []


def test_group_web_addresses_are_found_at_their_field(make_site: SiteBuilder) -> None:
    path = make_site.group(
        fields={
            "format": "hybrid",
            "online": {"platform": "Zoom", "url": "https://meet.example.org/a"},
            "contact": {"url": "https://group.example.org/"},
        }
    )
    site, diagnostics = make_site.load()
    assert [d.format() for d in diagnostics] == []
    found = {(link.url, link.where, link.line) for link in external_links(site)}
    assert found == {
        ("https://meet.example.org/a", "online.url", make_site.line_of(path, "meet.example")),
        ("https://group.example.org/", "contact.url", make_site.line_of(path, "group.example")),
    }


def link(url: str) -> ExternalLink:
    return ExternalLink(url, "content/stories/a.md", 7, 3, "text")


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("https://exa mple.org/x", "has a space in it"),
        ("javascript:alert(1)", "is not a web address"),
        ("data:text/html,hi", "is not a web address"),
        ("ftp://files.example.org/", "is not a web address"),
        ("www.mind.org.uk", "has no https:// in front"),
        ("//cdn.example.org/x.js", "with https: in front"),
        ("https:/example.org", "is malformed"),
        ("https://example.org:port/", "is malformed"),
        ("https://bad_host/x", "cannot be right"),
        ("https://localhost/", "cannot be right"),
        ("https:///path", "has no site name"),
    ],
)
def test_an_address_that_cannot_work_is_an_error_at_its_place(url: str, says: str) -> None:
    [problem] = link_problems([link(url)])
    assert problem.format().startswith("content/stories/a.md:7:3: error: ")
    assert says in problem.message


def test_plain_http_is_a_warning() -> None:
    [problem] = link_problems([link("http://example.org/")])
    assert problem.format().startswith("content/stories/a.md:7:3: warning: ")
    assert "not encrypted" in problem.message


@pytest.mark.parametrize(
    "url",
    [
        "https://www.mind.org.uk/information-support/",
        "https://例え.jp/",
        "https://127.0.0.1:8080/ok",
        "mailto:hello@example.org",
        "tel:+441234567890",
    ],
)
def test_a_good_address_is_not_flagged(url: str) -> None:
    assert link_problems([link(url)]) == []


def test_online_each_address_is_tried_once_and_failures_are_warnings() -> None:
    tried: list[str] = []

    def fetch(url: str, timeout: float) -> int:
        tried.append(url)
        if "down" in url:
            raise OSError("timed out")
        return 404 if "gone" in url else 200

    links = [
        link("https://ok.example.org/"),
        link("https://gone.example.org/"),
        link("https://gone.example.org/"),
        link("https://down.example.org/"),
        link("javascript:alert(1)"),
        link("mailto:a@example.org"),
    ]
    found = [d.format() for d in unreachable_links(links, fetch=fetch, workers=2)]
    assert sorted(tried) == [
        "https://down.example.org/",
        "https://gone.example.org/",
        "https://ok.example.org/",
    ]
    assert found == [
        "content/stories/a.md:7:3: warning: https://gone.example.org/ answered 404",
        "content/stories/a.md:7:3: warning: https://gone.example.org/ answered 404",
        "content/stories/a.md:7:3: warning: https://down.example.org/ did not answer (timed out)",
    ]
