"""The safety rules as part of every check: errors until reviewed, positions, drafts, odd and huge input."""

from __future__ import annotations

import time

import pytest

from peerkit.check.rules import ALL_RULES
from peerkit.check.safety import SAFETY_RULES
from peerkit.check.safety_messaging import find_mentions, find_method_details
from peerkit.check.safety_personal_data import find_personal_data
from peerkit.load.diagnostics import Severity
from peerkit.load.source_files import MAX_BYTES_BY_FOLDER
from tests.conftest import SiteBuilder, dump_yaml, story_fields

# The story fixture's front matter takes lines 1-11, so the body starts on line 12.
BODY_LINE = 12


def test_every_check_runs_the_safety_rules_as_errors(make_site: SiteBuilder) -> None:
    assert set(SAFETY_RULES) <= set(ALL_RULES)
    path = make_site.story(
        body="I was suicidal.\nI took 30 paracetamol.\nCall Sarah Jones on 07700 900123.\n"
    )
    _, diagnostics = make_site.load()
    assert all(d.severity is Severity.ERROR and d.path == make_site.rel(path) for d in diagnostics)
    assert [(d.line, d.col) for d in diagnostics] == [
        (BODY_LINE, 7),
        (BODY_LINE + 1, 8),
        (BODY_LINE + 2, 6),
        (BODY_LINE + 2, 21),
    ]


REVIEWED_BODY = (
    "I had saved up a month of my sleeping tablets.\nCall Sarah Jones on 07700 900123.\n"
)


def _review(*findings: str) -> dict[str, object]:
    return {"review": {"by": "Priya (editor)", "date": "2026-11-20", "findings": list(findings)}}


def test_each_finding_says_the_words_an_editor_records_to_keep_it(make_site: SiteBuilder) -> None:
    make_site.story(body=REVIEWED_BODY, fields={"content_warnings": ["overdose"]})
    _, diagnostics = make_site.load()

    assert [d.message.split(" review: findings: as ")[1] for d in diagnostics] == [
        "\"detail of method or means ('saved up a month of my sleeping tablets')\""
        ' (the page safe-messaging/ of this site, "Editors\' review")',
        "\"Sarah 'J****' looks like a person's full name\" (the page safe-messaging/ of this site,"
        ' "Editors\' review")',
        '"phone number \'07*** ****23\' in the story" (the page safe-messaging/ of this site, "Editors\' review")',
    ]


def test_a_review_that_keeps_every_finding_lets_the_story_through(make_site: SiteBuilder) -> None:
    make_site.story(
        body=REVIEWED_BODY,
        fields={
            "content_warnings": ["overdose"],
            **_review(
                "detail of method or means ('saved up a month of my sleeping tablets')",
                "Sarah 'J****' looks like a person's full name",
                "phone number '07*** ****23' in the story",
            ),
        },
    )
    _, diagnostics = make_site.load()

    assert diagnostics == []


def test_a_review_keeps_only_what_it_names(make_site: SiteBuilder) -> None:
    make_site.story(
        body=REVIEWED_BODY,
        fields={
            "content_warnings": ["overdose"],
            **_review("detail of method or means ('saved up a month of my sleeping tablets')"),
        },
    )
    _, diagnostics = make_site.load()

    assert [(d.severity, d.line) for d in diagnostics] == [
        (Severity.ERROR, make_site.line_of(make_site.root / "content/stories/a-story.md", "Call")),
    ] * 2


def test_a_reviewed_finding_no_longer_in_the_story_is_reported_at_its_entry(
    make_site: SiteBuilder,
) -> None:
    path = make_site.story(
        body="A quiet story now.\n", fields=_review("phone number '07*** ****23' in the story")
    )
    _, diagnostics = make_site.load()

    [stale] = diagnostics
    assert stale.severity is Severity.WARNING
    assert stale.line == make_site.line_of(path, "phone number")
    assert "the checks no longer find in the story: remove it" in stale.message


def test_a_review_missing_who_or_when_is_refused(make_site: SiteBuilder) -> None:
    make_site.story(body=REVIEWED_BODY, fields={"review": {"findings": ["x"]}})
    _, diagnostics = make_site.load()

    messages = [d.message for d in diagnostics if d.severity is Severity.ERROR]
    assert any(m.startswith("missing required field 'by' in review") for m in messages)
    assert any(m.startswith("missing required field 'date' in review") for m in messages)


def test_drafts_are_checked_before_they_are_published(make_site: SiteBuilder) -> None:
    make_site.story(fields={"status": "draft"}, body="Call me on 07700 900123.\n")
    _, diagnostics = make_site.load()
    assert [(d.line, d.col) for d in diagnostics] == [(BODY_LINE + 1, 12)]


def test_positions_are_right_in_a_file_with_windows_line_endings(make_site: SiteBuilder) -> None:
    text = f"---\n{dump_yaml(story_fields())}---\nFirst line.\nCall 07700 900123.\n"
    make_site.write("stories/a-story.md", text.replace("\n", "\r\n").encode("utf-8"))
    _, diagnostics = make_site.load()
    assert [(d.line, d.col) for d in diagnostics] == [(BODY_LINE + 1, 6)]


def test_positions_are_right_when_blank_lines_follow_the_front_matter(
    make_site: SiteBuilder,
) -> None:
    path = make_site.story(body="\n\n  \nCall 07700 900123.\n")
    _, diagnostics = make_site.load()
    assert [(d.line, d.col) for d in diagnostics] == [(make_site.line_of(path, "07700"), 6)]
    assert diagnostics[0].line == BODY_LINE + 3


def test_columns_count_characters_after_emoji_and_right_to_left_text(
    make_site: SiteBuilder,
) -> None:
    make_site.story(body="😀 שלום مرحبا Call 07700 900123.\n")
    _, diagnostics = make_site.load()
    assert [(d.line, d.col) for d in diagnostics] == [(BODY_LINE, 19)]


FULLWIDTH = "07700 900123 SARAH".translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
ODD_TEXT = [
    pytest.param("", id="empty"),
    pytest.param("\r\n\r\n\r", id="carriage-returns"),
    pytest.param("\u202e\u200f\u200b\ufeff\u2028\u2029\x85", id="format-characters"),
    pytest.param("e\u0301\u0301\u0301 " * 50, id="combining-marks"),
    pytest.param("\ud800 \udfff lone surrogates", id="lone-surrogates"),
    pytest.param("@" * 500 + "." * 500 + "+" * 500 + "(" * 500, id="punctuation"),
    pytest.param("Sarah" + " Sarah" * 300, id="repeated-names"),
    pytest.param(FULLWIDTH, id="fullwidth"),
    pytest.param("a@b.c x@y 1@2.34 @@ a@.com .@a.com", id="email-like"),
]


@pytest.mark.parametrize("text", ODD_TEXT)
def test_odd_text_never_raises(text: str) -> None:
    list(find_personal_data(text, "Sarah", ["116 123", ""]))
    list(find_method_details(text, find_mentions(text)))


def test_a_story_at_the_size_limit_is_checked_quickly(make_site: SiteBuilder) -> None:
    """About 1 MB of text made to slow a careless pattern down; a quadratic scan takes minutes."""
    pieces = [
        "a" * 20_000,
        "1 " * 20_000,
        "0 " * 20_000,
        "+1 " * 10_000,
        "@." * 20_000,
        "Sarah " * 5_000,
        "12 Acacia " * 3_000,
        "self " * 5_000,
        "jumped off the " * 2_000,
        "30 " * 10_000,
        "\n" * 20_000,
        "😀 שלום " * 5_000,
    ]
    # Half of each run: the whole would be over the size limit of a story.
    filler = "".join(piece[: len(piece) // 2] for piece in pieces)
    story = "I met Sarah Jones at 12 Acacia Avenue. I was suicidal and took 30 pills.\n"
    near_the_limit = MAX_BYTES_BY_FOLDER["stories"] * 9 // 10
    body = (filler + "\n" + story) * max(1, near_the_limit // len((filler + story).encode()))
    make_site.story(body=body)
    started = time.perf_counter()
    _, diagnostics = make_site.load()
    assert time.perf_counter() - started < 15
    assert all("review: findings:" in d.message for d in diagnostics), (
        "the story must stay under the file size limit"
    )
    assert {d.message.split(" ")[0] for d in diagnostics} >= {"street", "Sarah", "detail", "the"}
