"""Safety checks on stories: personal data, content warnings, method details.

Stories are written by peers about hard experiences and read by people who may be
in crisis themselves. These rules help a volunteer editor see, before a story goes
out, what published guidance and plain care ask to look at twice: contact details
or full names of people who did not agree to be in it, a mention of suicide or
self-harm without a content warning, and details of method or means.

The scanners' findings are warnings, not errors: each one is a heuristic, so
`peerkit check` still passes and `--strict` (for a project that wants every
warning looked at) fails. A name on a story marked anonymous is an error.
They support an editor's reading and never replace it (docs/safe-messaging.md).
The scanners live in safety_personal_data.py and safety_messaging.py; here they
are applied to each story and their findings placed at the story file's line and
column.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from peerkit.check.rule import Finding, RuleContext, rule
from peerkit.check.safety_messaging import missing_content_warnings
from peerkit.load.diagnostics import Severity
from peerkit.model.records import Story
from peerkit.model.site import Site

_NEWLINE = re.compile("\n")


@rule("personal data", Severity.WARNING)
def personal_data_in_stories(site: Site, context: RuleContext) -> Iterator[Finding]:
    public = tuple(n for line in site.crisis.lines for n in (line.phone, line.text) if n)
    for story in site.stories:
        found = context.scans.personal_data(story.body, story.author, public)
        yield from _placed(story, found)


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


@rule("safe messaging", Severity.WARNING)
def suicide_and_self_harm_without_content_warning(
    site: Site, context: RuleContext
) -> Iterator[Finding]:
    for story in site.stories:
        mentions = context.scans.mentions(story.body)
        yield from _placed(story, missing_content_warnings(mentions, story.content_warnings))


@rule("safe messaging", Severity.WARNING)
def method_details_in_stories(site: Site, context: RuleContext) -> Iterator[Finding]:
    for story in site.stories:
        yield from _placed(story, context.scans.method_details(story.body))


SAFETY_RULES = (
    personal_data_in_stories,
    named_author_of_anonymous_story,
    suicide_and_self_harm_without_content_warning,
    method_details_in_stories,
)
"""The rules that read stories' text: most of the checking at thousands of stories."""


def _placed(story: Story, findings: Iterable[tuple[int, str]]) -> Iterator[Finding]:
    """Findings (offsets into the body) at the story file's line and column.

    Lines count ``\\n`` only and columns count characters, as every other
    diagnostic does; one finding is reported once even if two patterns saw it.
    """
    newlines = [m.start() for m in _NEWLINE.finditer(story.body)]
    seen: set[tuple[int, str]] = set()
    for offset, message in sorted(findings):
        if (offset, message) in seen:
            continue
        seen.add((offset, message))
        index = bisect_left(newlines, offset)
        line_start = newlines[index - 1] + 1 if index else 0
        yield Finding(story.source.path, story.body_line + index, offset - line_start + 1, message)
