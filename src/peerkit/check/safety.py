"""Safety checks on stories: personal data, content warnings, method details.

Stories are written by peers about hard experiences and read by people who may be
in crisis themselves. These rules help a volunteer editor see, before a story goes
out, what published guidance and plain care ask to look at twice: contact details
or full names of people who did not agree to be in it, a mention of suicide or
self-harm without a content warning, and details of method or means.

Safe by default: each finding is an error, so `peerkit check`, `peerkit build`,
`mkdocs build` and the site's CI all stop, until the text is changed or an editor
records in the story's front matter (`review:` by, date, findings) that they read
the finding and keep it. A finding is recorded by its subject, the words before the
first ": " of its message (every scanner writes "what was found: what to do"), which
names the phrase (partly masked for personal data, as the file is public) but not
its place, so a review survives edits elsewhere in the story. A recorded finding no
longer in the story is a warning, so the list stays true. A name on a story marked
anonymous is an error no review can keep. The checks support an editor's reading and
never replace it (the safe-messaging guide, peerkit/guides/). The scanners live in
safety_personal_data.py and safety_messaging.py; here they are applied to each
story and their findings placed at the story file's line and column.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from peerkit.check.rule import Finding, RuleContext, rule
from peerkit.check.safety_messaging import missing_content_warnings
from peerkit.guides import SAFE_MESSAGING, page_reference
from peerkit.load.diagnostics import Severity
from peerkit.model.records import Story, Unchecked
from peerkit.model.site import Site

_NEWLINE = re.compile("\n")


REVIEW_GUIDE = page_reference(SAFE_MESSAGING, "Editors' review")


@rule("personal data", Severity.ERROR)
def personal_data_in_stories(site: Site, context: RuleContext) -> Iterator[Finding]:
    for story in site.with_text("stories"):
        yield from _unreviewed(story, _personal_data(site, story, context))


@rule("personal data", Severity.ERROR)
def named_author_of_anonymous_story(site: Site, context: RuleContext) -> Iterator[Finding]:
    """A story marked anonymous must not carry a name in its file either: the file is
    public in the site's repository, whatever the pages show."""
    for story in site.stories:
        data = story.source.located.data
        if isinstance(data, dict) and data.get("anonymous") is True and data.get("author"):
            line, col = story.source.value_at("author")
            yield Finding(
                story.source.path,
                line,
                col,
                "the story is marked anonymous: remove 'author' (the file is public too),"
                " or set anonymous: false to show the name",
            )


@rule("safe messaging", Severity.ERROR)
def suicide_and_self_harm_without_content_warning(
    site: Site, context: RuleContext
) -> Iterator[Finding]:
    for story in site.with_text("stories"):
        yield from _unreviewed(story, _missing_warnings(story, context))


@rule("safe messaging", Severity.ERROR)
def method_details_in_stories(site: Site, context: RuleContext) -> Iterator[Finding]:
    for story in site.with_text("stories"):
        yield from _unreviewed(story, context.scans.method_details(story.body))


@rule("safe messaging", Severity.WARNING)
def reviewed_findings_no_longer_found(site: Site, context: RuleContext) -> Iterator[Finding]:
    """A review lists what an editor kept; an entry whose phrase has since gone would
    otherwise keep the same words if they came back in another sentence."""
    for story in site.stories:
        if story.review is None:
            continue
        present = {
            finding_subject(message)
            for _, message in (
                *_personal_data(site, story, context),
                *_missing_warnings(story, context),
                *context.scans.method_details(story.body),
            )
        }
        for index, subject in enumerate(story.review.findings):
            if subject not in present:
                line, col = story.source.value_at("review", "findings", index)
                yield Finding(
                    story.source.path,
                    line,
                    col,
                    f"the review keeps {subject!r}, which the checks no longer find in the"
                    " story: remove it from review: findings:",
                )


SAFETY_RULES = (
    personal_data_in_stories,
    named_author_of_anonymous_story,
    suicide_and_self_harm_without_content_warning,
    method_details_in_stories,
    reviewed_findings_no_longer_found,
)
"""The rules that read stories' text: most of the checking at thousands of stories."""


def finding_subject(message: str) -> str:
    """What a finding is about, without the advice: how a review records it."""
    return message.split(": ", 1)[0]


def _personal_data(
    site: Site, story: Story | Unchecked, context: RuleContext
) -> tuple[tuple[int, str], ...]:
    public = tuple(n for line in site.crisis.lines for n in (line.phone, line.text) if n)
    return context.scans.personal_data(story.body, story.author, public)


def _missing_warnings(story: Story | Unchecked, context: RuleContext) -> list[tuple[int, str]]:
    mentions = context.scans.mentions(story.body)
    return list(missing_content_warnings(mentions, story.content_warnings))


def _unreviewed(story: Story | Unchecked, findings: Iterable[tuple[int, str]]) -> Iterator[Finding]:
    """The findings no review keeps, each saying how an editor may keep it."""
    kept = set(story.review.findings) if story.review else set()
    for found in _placed(story, (f for f in findings if finding_subject(f[1]) not in kept)):
        subject = json.dumps(finding_subject(found.message), ensure_ascii=False)
        yield Finding(
            found.path,
            found.line,
            found.col,
            f"{found.message}. If an editor has read it and keeps it, record it under"
            f" review: findings: as {subject} ({REVIEW_GUIDE})",
        )


def _placed(story: Story | Unchecked, findings: Iterable[tuple[int, str]]) -> Iterator[Finding]:
    """Findings (offsets into the body) at the story file's line and column.

    Lines count ``\\n`` only and columns count characters, as every other
    diagnostic does; one finding is reported once even if two patterns saw it.
    """
    ordered = sorted(findings)
    if not ordered:
        # Most stories have nothing to place: their lines are not worth finding.
        return
    newlines = [m.start() for m in _NEWLINE.finditer(story.body)]
    seen: set[tuple[int, str]] = set()
    for offset, message in ordered:
        if (offset, message) in seen:
            continue
        seen.add((offset, message))
        index = bisect_left(newlines, offset)
        line_start = newlines[index - 1] + 1 if index else 0
        yield Finding(story.source.path, story.body_line + index, offset - line_start + 1, message)
