"""Safety checks on stories: personal data, content warnings, method details.

Stories are written by peers about hard experiences and read by people who may be
in crisis themselves. These rules help a volunteer editor see, before a story goes
out, what published guidance and plain care ask to look at twice: contact details
or full names of people who did not agree to be in it, a mention of suicide or
self-harm without a content warning, and details of method or means.

They are warnings, not errors: each one is a heuristic, so `peerkit check` still
passes and `--strict` (for a project that wants every warning looked at) fails.
They support an editor's reading and never replace it (docs/safe-messaging.md).
The scanners live in safety_personal_data.py and safety_messaging.py; here they
are applied to each story and their findings placed at the story file's line and
column.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from peerkit.check.safety_messaging import (
    find_mentions,
    find_method_details,
    missing_content_warnings,
)
from peerkit.check.safety_personal_data import find_personal_data
from peerkit.load.diagnostics import Diagnostic, warning
from peerkit.model.records import Site, Story

_NEWLINE = re.compile("\n")


def personal_data_in_stories(site: Site, today: date) -> Iterator[Diagnostic]:
    public = [n for line in site.crisis.lines for n in (line.phone, line.text) if n]
    for story in site.stories:
        yield from _warnings(story, find_personal_data(story.body, story.author, public))


def suicide_and_self_harm_without_content_warning(site: Site, today: date) -> Iterator[Diagnostic]:
    for story in site.stories:
        mentions = find_mentions(story.body)
        yield from _warnings(story, missing_content_warnings(mentions, story.content_warnings))


def method_details_in_stories(site: Site, today: date) -> Iterator[Diagnostic]:
    for story in site.stories:
        details = find_method_details(story.body, find_mentions(story.body))
        yield from _warnings(story, details)


SAFETY_RULES: tuple[Callable[[Site, date], Iterator[Diagnostic]], ...] = (
    personal_data_in_stories,
    suicide_and_self_harm_without_content_warning,
    method_details_in_stories,
)


def _warnings(story: Story, findings: Iterable[tuple[int, str]]) -> Iterator[Diagnostic]:
    """Findings (offsets into the body) as warnings at the story file's line and column.

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
        yield warning(story.source.path, story.body_line + index, offset - line_start + 1, message)
