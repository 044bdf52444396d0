"""A writer is told which of their HTML the page leaves out, at its line."""

from __future__ import annotations

from peerkit.load.diagnostics import Severity
from tests.conftest import SiteBuilder

# The story fixture's front matter takes lines 1-11, so the body starts on line 12.
BODY_LINE = 12


def _warnings(site: SiteBuilder, body: str) -> list[tuple[int, str]]:
    path = site.story(body=body)
    _, diagnostics = site.load()
    return [
        (d.line, d.message)
        for d in diagnostics
        if d.path == site.rel(path) and d.message.startswith("HTML the page leaves out")
    ]


def test_scripts_frames_styles_and_handlers_are_named_at_their_lines(
    make_site: SiteBuilder,
) -> None:
    body = (
        "A first paragraph.\n\n"
        "<script>alert(1)</script>\n\n"
        'Then <span style="color: red" onclick="go()">red words</span> inline.\n\n'
        '<iframe src="https://video.example.org/x"></iframe>\n'
    )
    found = _warnings(make_site, body)

    assert [(line, message.split(";")[0]) for line, message in found] == [
        (BODY_LINE + 2, "HTML the page leaves out: <script>"),
        (BODY_LINE + 4, "HTML the page leaves out: <span>"),
        (BODY_LINE + 6, "HTML the page leaves out: <iframe>"),
    ]


def test_an_attribute_the_page_drops_is_named_with_its_tag(make_site: SiteBuilder) -> None:
    found = _warnings(make_site, 'Read <a href="https://example.org" target="_blank">this</a>.\n')

    assert [message.split(";")[0] for _, message in found] == [
        "HTML the page leaves out: target on <a>"
    ]


def test_a_comment_is_named_too(make_site: SiteBuilder) -> None:
    found = _warnings(make_site, "Text.\n\n<!-- a note for the editors -->\n")

    assert [line for line, _ in found] == [BODY_LINE + 2]
    assert "an HTML comment" in found[0][1]


def test_html_the_page_keeps_and_markdown_are_not_warned_about(make_site: SiteBuilder) -> None:
    body = (
        'Some *Markdown* and <em>emphasis</em>, <abbr title="General practitioner">GP</abbr>.\n\n'
        '<a href="https://example.org" title="A site">a link</a> and `<script>` as code.\n'
    )
    assert _warnings(make_site, body) == []


def test_the_findings_are_warnings(make_site: SiteBuilder) -> None:
    path = make_site.story(body="<video src=x></video>\n")
    _, diagnostics = make_site.load()

    assert [d.severity for d in diagnostics if d.path == make_site.rel(path)] == [Severity.WARNING]
