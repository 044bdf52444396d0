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
from functools import lru_cache

from peerkit.check.safety_messaging import (
    Finding,
    Mention,
    find_mentions,
    find_method_details,
    missing_content_warnings,
)
from peerkit.check.safety_personal_data import find_personal_data
from peerkit.load.diagnostics import Diagnostic, warning
from peerkit.model.records import Site, Story

_NEWLINE = re.compile("\n")


# The scanners are pure functions of a story's text, and a site holds thousands of
# stories: each body is scanned once a process, not once a rule and again on every
# rebuild of `peerkit serve` when only one story changed.
_CACHED = 1 << 16


@lru_cache(maxsize=_CACHED)
def _personal_data(body: str, author: str | None, public: tuple[str, ...]) -> tuple[Finding, ...]:
    return tuple(find_personal_data(body, author, public))


@lru_cache(maxsize=_CACHED)
def _mentions(body: str) -> tuple[Mention, ...]:
    return tuple(find_mentions(body))


@lru_cache(maxsize=_CACHED)
def _method_details(body: str) -> tuple[Finding, ...]:
    return tuple(find_method_details(body, _mentions(body)))


def personal_data_in_stories(site: Site, today: date) -> Iterator[Diagnostic]:
    public = tuple(n for line in site.crisis.lines for n in (line.phone, line.text) if n)
    for story in site.stories:
        yield from _warnings(story, _personal_data(story.body, story.author, public))


def suicide_and_self_harm_without_content_warning(site: Site, today: date) -> Iterator[Diagnostic]:
    for story in site.stories:
        mentions = _mentions(story.body)
        yield from _warnings(story, missing_content_warnings(mentions, story.content_warnings))


def method_details_in_stories(site: Site, today: date) -> Iterator[Diagnostic]:
    for story in site.stories:
        yield from _warnings(story, _method_details(story.body))


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
