"""A new tip: its questions and its fields."""

from __future__ import annotations

import argparse
from typing import Any

from peerkit.scaffold.fields import checked, describe
from peerkit.scaffold.questions import Asker
from peerkit.scaffold.site_facts import SiteFacts
from peerkit.scaffold.story import topic_menu
from peerkit.scaffold.values import parse_topics, split_list

PLACEHOLDER = (
    "Write the tip here, in place of this paragraph: what to do, step by step, and why it"
    " helps. Leave an empty line between paragraphs."
)


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", help="a short name for the tip")
    parser.add_argument("--summary", help="one sentence: what the tip helps with")
    parser.add_argument(
        "--related-story",
        action="append",
        metavar="SLUG",
        help="a story that goes well with the tip, by its file name without .md (repeat for more)",
    )
    parser.add_argument("--language", metavar="CODE", help="the tip's language if not the site's")


def tip_fields(args: argparse.Namespace, asker: Asker, facts: SiteFacts) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "title": asker.get(
            args.title,
            "Title of the tip",
            option="--title",
            parse=checked("tip", ("title",)),
            help=describe("tip", ("title",)),
        ),
        "topics": asker.get(
            args.topic,
            "Topics (numbers or names, separated by commas)",
            option="--topic",
            parse=lambda text: parse_topics(text, facts.topics),
            help=topic_menu(facts),
        ),
        "summary": asker.get(
            args.summary,
            "Summary",
            option="--summary",
            parse=checked("tip", ("summary",)),
            help=describe("tip", ("summary",)),
        ),
    }
    related = asker.get(
        args.related_story,
        "Stories that go well with it, separated by commas",
        option="--related-story",
        parse=lambda value: _known_stories(value, facts),
        help=describe("tip", ("related_stories",)),
        optional=True,
    )
    if related:
        fields["related_stories"] = related
    if args.language:
        fields["language"] = asker.get(
            args.language, "Language", option="--language", parse=checked("tip", ("language",))
        )
    fields["status"] = "draft" if args.draft else "published"
    return fields


def _known_stories(value: str | list[str], facts: SiteFacts) -> list[str]:
    slugs = split_list(value) if isinstance(value, str) else [v.strip() for v in value]
    unknown = [slug for slug in slugs if slug not in facts.story_slugs]
    if unknown:
        raise ValueError(
            f"no story is called {', '.join(unknown)}: use the file name of a story in"
            " content/stories/ without .md"
        )
    return slugs
