"""Reading the Markdown GitHub makes of the story form's answers.

GitHub writes each answer under a ``### <label>`` heading, an empty answer as
``_No response_``, a multiple-choice dropdown as its choices joined by ", " and
checkboxes as ``- [X] option`` or ``- [ ] option``. A writer's story may hold
``###`` headings of its own, so headings are looked for by their exact labels,
in the form's order, and the consent heading after the story is the last one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from peerkit.issue_form import form
from peerkit.model.records import Topic
from peerkit.scaffold.values import split_list

NO_RESPONSE = "_No response_"
_CHECKBOX = re.compile(r"^\s*[-*]\s*\[( |x|X)?\]\s*(.*?)\s*$")
_BEFORE_STORY = (form.TITLE, form.NAME, form.ANONYMOUS, form.TOPICS, form.SUMMARY, form.WARNINGS)


@dataclass(frozen=True)
class Submission:
    """A story as the writer sent it, before it becomes a file."""

    title: str
    author: str | None
    topics: tuple[str, ...]
    summary: str
    content_warnings: tuple[str, ...]
    story: str


class NotASubmission(Exception):
    """The issue cannot become a story; each problem says why, in words a maintainer can act on."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_submission(body: str, topics: Sequence[Topic]) -> Submission:
    sections = _sections(body.replace("\r\n", "\n").replace("\r", "\n"))
    problems: list[str] = []
    consent = _checkboxes(sections.get(form.CONSENT))
    if form.CONSENT not in sections:
        problems.append(
            f"no '### {form.CONSENT}' section: was this issue made with the story form?"
        )
    else:
        for option in form.CONSENT_OPTIONS:
            if not consent.get(option):
                problems.append(
                    f"the consent box {option!r} is not ticked: a story is imported only with"
                    " all three. Ask the writer to tick it (by editing the issue) first."
                )
    title = _required(sections, form.TITLE, problems)
    summary = _required(sections, form.SUMMARY, problems)
    story = _required(sections, form.STORY, problems)
    chosen = _topics(_answer(sections, form.TOPICS), topics, problems)
    name = _answer(sections, form.NAME)
    anonymous = _checkboxes(sections.get(form.ANONYMOUS)).get(form.ANONYMOUS_OPTION, False)
    if problems:
        raise NotASubmission(problems)
    return Submission(
        title=title,
        author=None if anonymous else name,
        topics=tuple(chosen),
        summary=summary,
        content_warnings=tuple(split_list(_answer(sections, form.WARNINGS) or "")),
        story=story,
    )


def _sections(body: str) -> dict[str, str]:
    """Each label's raw answer; a label whose heading is missing is left out."""
    lines = body.split("\n")
    headings = {i: line[4:].strip() for i, line in enumerate(lines) if line.startswith("### ")}
    found: list[tuple[int, str]] = []
    start = 0
    for label in (*_BEFORE_STORY, form.STORY):
        at = next((i for i in sorted(headings) if i >= start and headings[i] == label), None)
        if at is not None:
            found.append((at, label))
            start = at + 1
    consent_at = [i for i in headings if headings[i] == form.CONSENT and i >= start]
    if consent_at:
        found.append((max(consent_at), form.CONSENT))
    sections = {}
    for n, (at, label) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(lines)
        sections[label] = "\n".join(lines[at + 1 : end]).strip("\n")
    return sections


def _answer(sections: dict[str, str], label: str) -> str | None:
    text = sections.get(label, "").strip()
    return None if text in ("", NO_RESPONSE) else text


def _required(sections: dict[str, str], label: str, problems: list[str]) -> str:
    text = _answer(sections, label)
    if text is None:
        problems.append(f"'{label}' is empty or missing")
        return ""
    return text


def _checkboxes(text: str | None) -> dict[str, bool]:
    ticked = {}
    for line in (text or "").split("\n"):
        match = _CHECKBOX.match(line)
        if match:
            ticked[match.group(2)] = (match.group(1) or " ").lower() == "x"
    return ticked


def _topics(text: str | None, topics: Sequence[Topic], problems: list[str]) -> list[str]:
    """Slugs from the dropdown's "Anxiety, Grief and loss" (a title may hold a comma)."""
    if text is None:
        problems.append(f"'{form.TOPICS}' is empty: choose at least one")
        return []
    names = sorted(
        [(t.title, t.slug) for t in topics] + [(t.slug, t.slug) for t in topics],
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    chosen: list[str] = []
    rest = text.strip()
    while rest:
        match = next((pair for pair in names if _starts_with_choice(rest, pair[0])), None)
        if match is None:
            unknown = rest.split(",", 1)[0].strip()
            known = ", ".join(t.title for t in topics)
            problems.append(
                f"topic {unknown!r} is not in content/topics.yml ({known}): if the topics"
                " changed, write the form again with `peerkit import-issue --print-form`"
            )
            return chosen
        if match[1] not in chosen:
            chosen.append(match[1])
        rest = rest[len(match[0]) :].lstrip().removeprefix(",").lstrip()
    return chosen


def _starts_with_choice(text: str, name: str) -> bool:
    after = text[len(name) :].lstrip()
    return text[: len(name)].casefold() == name.casefold() and (not after or after[0] == ",")
