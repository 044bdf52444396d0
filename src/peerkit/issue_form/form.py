"""The story issue form, generated so that its topics and labels cannot drift.

The labels here are also what `body` looks for in an issue: GitHub renders each
answer under a ``### <label>`` heading. The topics dropdown lists the titles
of content/topics.yml and the note at the top lists content/crisis.yml's lines,
so after changing either file, write the form again with
``peerkit import-issue --print-form > .github/ISSUE_TEMPLATE/story.yml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from peerkit.model.records import Crisis, CrisisLine, Topic

TITLE = "Title of your story"
NAME = "Your name or a made-up name"
ANONYMOUS = "Anonymous"
ANONYMOUS_OPTION = 'Show my story as by "Anonymous", with no name'
TOPICS = "Topics"
SUMMARY = "Summary"
WARNINGS = "Content warnings"
STORY = "Your story"
CONSENT = "Your agreement"
CONSENT_OPTIONS = (
    "I wrote this story, and it is about my own experience.",
    "I agree that it may be published on this site, and edited for length and safety.",
    "I understand that I can ask for it to be changed or removed at any time.",
)

INTRO = """\
Thank you for sharing your story. An editor will read it, may suggest changes, and will
publish it only after a careful review. You can ask us to change or remove it at any time.

**This form is public.** Anyone can read what you write here, and your GitHub username is
shown with it, even if you ask to be shown as Anonymous on the site. If you would rather
not be seen, please use the other ways to reach the editors on the site's Contribute page.

Please leave out anything that could identify you or someone else: full names, addresses,
phone numbers, workplaces. If you write about suicide or self-harm, please don't describe
methods or injuries: write about how you felt, what helped and where you found support."""

STORY_HELP = (
    "In your own words, in as many paragraphs as you like. Leave an empty line between paragraphs."
)


def _crisis_line(line: CrisisLine) -> str:
    ways = [f"call {line.phone}" if line.phone else "", line.text or "", line.url or ""]
    hours = f" ({line.hours})" if line.hours else ""
    return f"- **{line.name}** ({line.country}): {', '.join(w for w in ways if w)}{hours}"


def _crisis_note(crisis: Crisis) -> str:
    intro = crisis.intro or "If you need to talk to someone now:"
    lines = "\n".join(_crisis_line(line) for line in crisis.lines)
    return (
        "**If you are struggling right now, please don't wait for a reply here.**"
        f" {intro}\n\n{lines}"
    )


def story_form(topics: Sequence[Topic], crisis: Crisis) -> dict[str, Any]:
    """The issue form as data, in the shape GitHub's issue-form syntax describes."""
    return {
        "name": "Share your story",
        "description": "Send us your story to publish on this site, without needing git.",
        "title": "Story: ",
        "labels": ["story"],
        "body": [
            {"type": "markdown", "attributes": {"value": INTRO}},
            {"type": "markdown", "attributes": {"value": _crisis_note(crisis)}},
            _input("title", TITLE, "The headline readers will see.", required=True),
            _input(
                "name",
                NAME,
                "The name to show with your story: a first name or a made-up name, never"
                " anyone's full name. Leave it empty to be shown as Anonymous.",
                required=False,
            ),
            {
                "type": "checkboxes",
                "id": "anonymous",
                "attributes": {"label": ANONYMOUS, "options": [{"label": ANONYMOUS_OPTION}]},
            },
            {
                "type": "dropdown",
                "id": "topics",
                "attributes": {
                    "label": TOPICS,
                    "description": "What is your story about? Choose one or more.",
                    "multiple": True,
                    "options": [topic.title for topic in topics],
                },
                "validations": {"required": True},
            },
            {
                "type": "textarea",
                "id": "summary",
                "attributes": {
                    "label": SUMMARY,
                    "description": "One or two sentences that tell a reader what your story is"
                    " about. They are shown in lists and search results (at most 300 letters).",
                },
                "validations": {"required": True},
            },
            _input(
                "content_warnings",
                WARNINGS,
                "Subjects a reader may want to be warned about before reading, separated by"
                " commas, for example: self-harm, suicidal thoughts. The story stays folded"
                " away behind the warning until the reader opens it.",
                required=False,
            ),
            {
                "type": "textarea",
                "id": "story",
                "attributes": {"label": STORY, "description": STORY_HELP},
                "validations": {"required": True},
            },
            {
                "type": "checkboxes",
                "id": "consent",
                "attributes": {
                    "label": CONSENT,
                    "description": "We can only publish your story with your agreement.",
                    "options": [{"label": text, "required": True} for text in CONSENT_OPTIONS],
                },
            },
        ],
    }


def _input(field_id: str, label: str, description: str, *, required: bool) -> dict[str, Any]:
    return {
        "type": "input",
        "id": field_id,
        "attributes": {"label": label, "description": description},
        "validations": {"required": required},
    }


HEADER = """\
# The story submission form GitHub shows under "New issue".
# Written by `peerkit import-issue --print-form` from content/topics.yml and
# content/crisis.yml: after changing either, write it again with
#   peerkit import-issue --print-form > .github/ISSUE_TEMPLATE/story.yml
# `peerkit import-issue` reads issues made with it into story files.
"""


class _FormDumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: _FormDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_FormDumper.add_representer(str, _represent_str)


def story_form_yaml(topics: Sequence[Topic], crisis: Crisis) -> str:
    return HEADER + yaml.dump(
        story_form(topics, crisis),
        Dumper=_FormDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
