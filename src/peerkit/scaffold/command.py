"""`peerkit new story|tip|group`: the questions, the file, and what to do next.

The CLI loads mkdocs.yml and hands over a `SiteContext`; everything else about
a new file happens here. Nothing is written unless the whole file validates,
and an existing file is never overwritten: a taken slug gets a number.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from peerkit.guides import ADD_A_GROUP, page_reference
from peerkit.load.source_files import display_path
from peerkit.model.kinds import KIND_NAMED
from peerkit.render import urls
from peerkit.scaffold import group, story, tip
from peerkit.scaffold.documents import (
    markdown_file,
    problems,
    schema_reference,
    write_new,
    yaml_file,
)
from peerkit.scaffold.questions import Asker, NoAnswer
from peerkit.scaffold.site_facts import SiteContext, SiteFacts, site_facts
from peerkit.scaffold.slugs import ascii_slug, unique_slug

Kind = str
PREVIEW = "http://127.0.0.1:8000"


def add_new_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> list[argparse.ArgumentParser]:
    """The `new` command and its three kinds; returns the kinds' parsers for common options."""
    new = commands.add_parser(
        "new",
        help="start a new story, tip or group listing with the right fields",
        description="Ask a few questions (or take the answers as options), then write a new"
        " file that passes `peerkit check`, and say how to preview it.",
    )
    kinds = new.add_subparsers(required=True, metavar="KIND", dest="kind")
    parsers = []
    for kind, summary, add_options in (
        ("story", "a story, in content/stories/", story.add_options),
        ("tip", "a practical tip, in content/tips/", tip.add_options),
        ("group", "a group listing, in content/groups/<region>/", group.add_options),
    ):
        parser = kinds.add_parser(kind, help=summary, description=f"Write {summary}.")
        parser.add_argument(
            "--topic",
            action="append",
            metavar="TOPIC",
            help="a topic by its short name or title (repeat for more)",
        )
        add_options(parser)
        if kind != "group":
            parser.add_argument(
                "--text",
                metavar="FILE",
                help=f"a file holding the {kind} itself, in Markdown ('-' reads standard input)",
            )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="write status: draft, which keeps it off the site (`peerkit serve` shows"
            " it, marked as a draft)",
        )
        parser.add_argument(
            "-y",
            "--yes",
            action="store_true",
            help="ask nothing: every answer comes from the options (for scripts)",
        )
        parsers.append(parser)
    return parsers


def run_new(
    args: argparse.Namespace,
    context: SiteContext,
    today: date,
    ask: Callable[[str], str] | None = None,
    say: Callable[[str], None] = print,
) -> int:
    facts = site_facts(context)
    if isinstance(facts, list):
        for diagnostic in facts:
            print(diagnostic.format(), file=sys.stderr)
        return 1
    if getattr(args, "text", None) == "-" and not args.yes:
        print(
            "error: --text - reads the text from standard input, where the questions read"
            " their answers too: give every answer as an option, with --yes",
            file=sys.stderr,
        )
        return 1
    asker = Asker(interactive=not args.yes, ask=ask or _input, say=say)
    try:
        fields = _fields(args, asker, facts, context, today)
    except NoAnswer as exc:
        print(
            f"error: no answer to {str(exc)!r}: give it as an option, or run in a terminal",
            file=sys.stderr,
        )
        return 1
    try:
        body = _body(args)
    except OSError as exc:
        print(f"error: --text: {exc}", file=sys.stderr)
        return 1
    if asker.problems:
        for problem in asker.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    path = write_record(args.kind, fields, body, context, facts, today)
    if path is None:
        return 1
    for line in next_steps(args, path, fields, context):
        say(line)
    return 0


def _input(prompt: str) -> str:
    """`input`, looked up when called (so that tests can script it)."""
    return input(prompt)


def _fields(
    args: argparse.Namespace, asker: Asker, facts: SiteFacts, context: SiteContext, today: date
) -> dict[str, Any]:
    if args.kind == "story":
        return story.story_fields(args, asker, facts, today)
    if args.kind == "tip":
        return tip.tip_fields(args, asker, facts)
    return group.group_fields(args, asker, facts, context, today)


def _body(args: argparse.Namespace) -> str:
    if args.kind == "group":
        return ""
    placeholder = story.PLACEHOLDER if args.kind == "story" else tip.PLACEHOLDER
    if not args.text:
        return placeholder
    text = sys.stdin.read() if args.text == "-" else Path(args.text).read_text("utf-8")
    return text if text.strip() else placeholder


def record_path(kind: Kind, slug: str, fields: dict[str, Any], context: SiteContext) -> Path:
    folder = context.content_dir / KIND_NAMED[kind].folder
    if kind == "group":
        region = fields["location"]["region"] if "location" in fields else "online"
        return folder / (ascii_slug(region) or "other") / f"{slug}.yml"
    return folder / f"{slug}.md"


def write_record(
    kind: Kind,
    fields: dict[str, Any],
    body: str,
    context: SiteContext,
    facts: SiteFacts,
    today: date,
) -> Path | None:
    """Write the new file under a free slug; None (problems printed) if it would not validate."""
    title = fields["name"] if kind == "group" else fields["title"]
    base = ascii_slug(title) or f"{kind}-{today.isoformat()}"
    taken = set(facts.taken[kind])
    while True:
        slug = unique_slug(base, taken)
        path = record_path(kind, slug, fields, context)
        if kind == "group":
            text = yaml_file(kind, fields, schema_reference(kind, path, context))
        else:
            text = markdown_file(kind, fields, body)
        found = problems(kind, text, path, context)
        if found:
            for diagnostic in found:
                print(diagnostic.format(), file=sys.stderr)
            return None
        try:
            write_new(path, text)
        except FileExistsError:
            taken.add(slug)
            continue
        return path


def next_steps(
    args: argparse.Namespace, path: Path, fields: dict[str, Any], context: SiteContext
) -> list[str]:
    rel = display_path(path, context.root)
    slug = path.name.rsplit(".", 1)[0]
    if args.kind == "group":
        region = fields["location"]["region"] if "location" in fields else "Online"
        page = urls.group(region, slug)
        edit = (
            f"Check the details in {rel}; every field is explained on"
            f" {page_reference(ADD_A_GROUP)} ({preview_url(context, ADD_A_GROUP.url)})."
        )
    else:
        page = urls.story(slug) if args.kind == "story" else urls.tip(slug)
        if getattr(args, "text", None):
            edit = (
                f"Read {rel} once more: your {args.kind} is below the second --- line, as"
                " readers will see it, after the details above it."
            )
        else:
            edit = (
                f"Open {rel} in a text editor and write the {args.kind} in place of the"
                " paragraph below the second --- line."
            )
    config = "" if args.config_file == Path("mkdocs.yml") else f" -f {args.config_file}"
    lines = [
        f"Created {rel}",
        "",
        "Next:",
        f"  1. {edit}",
        f"  2. Run `peerkit check{config}`: it says exactly what to fix, if anything.",
        f"  3. Run `peerkit serve{config}` and open {preview_url(context, page)}"
        " to see it as visitors will.",
    ]
    if fields.get("status") == "draft":
        lines.append(
            "     It is a draft (status: draft): the preview shows it, marked as a draft, and"
            " the published site leaves it out until its status is published."
        )
    return lines


def preview_url(context: SiteContext, page: str) -> str:
    """Where `peerkit serve` shows ``page``: MkDocs serves under site_url's path."""
    base = urlsplit(context.site_url).path if context.site_url else "/"
    return f"{PREVIEW}{base.rstrip('/')}/{page}"
