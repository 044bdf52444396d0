"""A new story: its questions, in the order a writer thinks of them, and its fields."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from peerkit.scaffold.fields import checked, describe
from peerkit.scaffold.questions import Asker
from peerkit.scaffold.site_facts import SiteFacts
from peerkit.scaffold.values import as_list, parse_past_date, parse_topics, parse_yes_no

PLACEHOLDER = (
    "Write your story here, in your own words, in place of this paragraph."
    " Leave an empty line between paragraphs."
)


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", help="the headline readers will see")
    parser.add_argument("--summary", help="one or two sentences shown in lists and search")
    parser.add_argument("--author", help="the name or pseudonym shown with the story")
    parser.add_argument(
        "--anonymous", action="store_true", help='show the story as by "Anonymous" (no name kept)'
    )
    parser.add_argument(
        "--warning",
        action="append",
        metavar="SUBJECT",
        help="a content warning, such as 'self-harm' (repeat for more)",
    )
    parser.add_argument(
        "--consent-date",
        metavar="YYYY-MM-DD",
        help="the day the writer agreed that the story may be published here (needed)",
    )
    parser.add_argument(
        "--consent-method", metavar="TEXT", help="how the agreement was recorded, e.g. 'email'"
    )
    parser.add_argument("--language", metavar="CODE", help="the story's language if not the site's")


def story_fields(
    args: argparse.Namespace, asker: Asker, facts: SiteFacts, today: date
) -> dict[str, Any]:
    title = asker.get(
        args.title,
        "Title of the story",
        option="--title",
        parse=checked("story", ("title",)),
        help=describe("story", ("title",)),
    )
    topics = asker.get(
        args.topic,
        "Topics (numbers or names, separated by commas)",
        option="--topic",
        parse=lambda text: parse_topics(text, facts.topics),
        help=topic_menu(facts),
    )
    summary = asker.get(
        args.summary,
        "Summary",
        option="--summary",
        parse=checked("story", ("summary",)),
        help=describe("story", ("summary",)),
    )
    fields: dict[str, Any] = {"title": title, "date": today, "topics": topics, "summary": summary}
    fields |= _author(args, asker)
    warnings = asker.get(
        args.warning,
        "Content warnings, separated by commas",
        option="--warning",
        parse=checked("story", ("content_warnings",), as_list),
        help="Subjects a reader may want to be warned about before reading, such as self-harm"
        " or suicidal thoughts. The story stays folded away behind the warning until the reader"
        " opens it.",
        optional=True,
    )
    if warnings:
        fields["content_warnings"] = warnings
    fields["consent"] = _consent(args, asker, today)
    if args.language:
        fields["language"] = asker.get(
            args.language, "Language", option="--language", parse=checked("story", ("language",))
        )
    fields["status"] = "draft" if args.draft else "published"
    return fields


def topic_menu(facts: SiteFacts) -> str:
    lines = [f"  {n}. {t.title} ({t.slug})" for n, t in enumerate(facts.topics, start=1)]
    return "Which topics is it about? The site's topics:\n" + "\n".join(lines)


def _author(args: argparse.Namespace, asker: Asker) -> dict[str, Any]:
    """A name, or ``anonymous: true`` with no name kept at all (a site's files are often public)."""
    if args.anonymous and args.author:
        asker.problems.append(
            "--anonymous and --author together: an anonymous story keeps no name in its file"
        )
        return {}
    if args.anonymous:
        return {"anonymous": True}
    author = asker.get(
        args.author,
        "Name or pseudonym to show (Enter to be shown as Anonymous)",
        option="--author",
        parse=checked("story", ("author",)),
        help="A first name or a made-up name. Never anyone's full name.",
        optional=True,
    )
    return {"author": author} if author else {"anonymous": True}


def _consent(args: argparse.Namespace, asker: Asker, today: date) -> dict[str, Any]:
    """The writer's agreement; the story is not written without it."""
    if args.consent_date is None and asker.interactive:
        agreed = asker.question(
            "Has the writer agreed that this story may be published on this site? (yes/no)",
            parse=parse_yes_no,
            help="A story is published only with its writer's agreement.",
        )
        if not agreed:
            asker.problems.append(
                "the writer has not agreed yet: a story is added only with their agreement."
                " Ask them first, then run this again."
            )
            return {}
    day = asker.get(
        args.consent_date,
        "The day the writer agreed (YYYY-MM-DD)",
        option="--consent-date",
        parse=lambda text: parse_past_date(text, today),
        default="today" if asker.interactive else None,
    )
    consent: dict[str, Any] = {"given": True, "date": day}
    method = asker.get(
        args.consent_method,
        "How the agreement was recorded, for example 'email to the editors'",
        option="--consent-method",
        parse=checked("story", ("consent", "method")),
        optional=True,
    )
    if method:
        consent["method"] = method
    return consent
