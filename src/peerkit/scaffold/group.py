"""A new group listing: its questions and its fields.

It asks for one regular meeting (or how meetings are arranged), which covers
most groups; a second meeting is one more entry under schedule in the file.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from peerkit.scaffold.fields import checked, describe
from peerkit.scaffold.questions import Asker
from peerkit.scaffold.site_facts import SiteContext, SiteFacts
from peerkit.scaffold.story import topic_menu
from peerkit.scaffold.values import (
    as_list,
    matching_region,
    parse_days,
    parse_time,
    parse_topics,
)

FORMATS = ("in-person", "online", "hybrid")
HOW_OFTEN = ("weekly", "monthly", "by arrangement")


def add_options(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("--name", help="the group's name, as visitors will see it")
    add("--description", help="what happens at the group and who it is for")
    add("--organisation", help="the charity or network that runs it, if any")
    add("--format", choices=FORMATS, help="how people meet")
    add("--venue", help="the building's name (in-person and hybrid groups)")
    add("--address", help="number and street of the venue")
    add("--town", help="the town or city")
    add("--region", help="the region the directory lists it under")
    add("--postcode", help="the postcode or ZIP code")
    add("--country", metavar="CODE", help="two-letter country code (default: the site's)")
    add("--platform", help="the video or phone service, e.g. Zoom (online and hybrid groups)")
    add("--url", help="the https link to join, or to ask for the link")
    add("--freq", choices=("weekly", "monthly"), help="how often it meets")
    add(
        "--day",
        action="append",
        help="a meeting day: Tuesday (weekly) or '2nd Tuesday', 'last Friday' (monthly)",
    )
    add("--start", metavar="HH:MM", help="start time, 24-hour clock")
    add("--end", metavar="HH:MM", help="end time, 24-hour clock")
    add("--by-arrangement", metavar="TEXT", help="how members arrange a time, instead of --freq")
    add("--email", help="an email address for the group")
    add("--phone", help="a phone number for the group")
    add("--cost", help="what it costs to come, e.g. Free")
    add("--language", action="append", metavar="CODE", help="a language spoken, e.g. en")
    add("--accessibility", action="append", metavar="TEXT", help="e.g. 'step-free access'")


def group_fields(
    args: argparse.Namespace, asker: Asker, facts: SiteFacts, context: SiteContext, today: date
) -> dict[str, Any]:
    def ask(name: str, question: str, path: tuple[str, ...], **kwargs: Any) -> Any:
        return asker.get(
            getattr(args, name),
            question,
            option=f"--{name.replace('_', '-')}",
            parse=kwargs.pop("parse", checked("group", path)),
            help=kwargs.pop("help", describe("group", path)),
            **kwargs,
        )

    fields: dict[str, Any] = {
        "name": ask("name", "Name of the group", ("name",)),
        "description": ask("description", "Description", ("description",)),
        "topics": asker.get(
            args.topic,
            "Topics (numbers or names, separated by commas)",
            option="--topic",
            parse=lambda text: parse_topics(text, facts.topics),
            help=topic_menu(facts),
        ),
    }
    organisation = ask("organisation", "Organisation", ("organisation",), optional=True)
    if organisation:
        fields["organisation"] = organisation
    meets = ask(
        "format",
        "How do people meet? in-person, online or hybrid",
        ("format",),
        parse=checked("group", ("format",), str.lower),
    )
    fields["format"] = meets
    if meets in ("in-person", "hybrid"):
        fields["location"] = _location(ask, facts, context)
    if meets in ("online", "hybrid"):
        online = {
            "platform": ask("platform", "Platform", ("online", "platform")),
            "url": ask("url", "Link to join", ("online", "url")),
        }
        fields["online"] = online
    fields |= _when(args, asker)
    contact = {
        key: value
        for key, value in (
            ("email", ask("email", "Contact email", ("contact", "email"), optional=True)),
            ("phone", ask("phone", "Contact phone", ("contact", "phone"), optional=True)),
        )
        if value
    }
    if contact:
        fields["contact"] = contact
    for name, path in (("language", "languages"), ("accessibility", "accessibility")):
        if getattr(args, name):
            fields[path] = asker.get(
                getattr(args, name),
                path,
                option=f"--{name}",
                parse=checked("group", (path,), as_list),
            )
    cost = ask("cost", "Cost", ("cost",), optional=True)
    if cost:
        fields["cost"] = cost
    fields["last_verified"] = today
    fields["status"] = "draft" if args.draft else "published"
    return fields


def _location(ask: Any, facts: SiteFacts, context: SiteContext) -> dict[str, Any]:
    regions = ", ".join(facts.regions)
    region_help = describe("group", ("location", "region")) + (
        f" Regions already listed: {regions}." if regions else ""
    )
    location: dict[str, Any] = {}
    for name, question, optional in (
        ("venue", "Venue", True),
        ("address", "Address", False),
        ("town", "Town", False),
    ):
        value = ask(name, question, ("location", name), optional=optional)
        if value:
            location[name] = value
    region = ask(
        "region",
        "Region",
        ("location", "region"),
        parse=checked("group", ("location", "region"), lambda t: matching_region(t, facts.regions)),
        help=region_help,
    )
    location["region"] = region
    postcode = ask("postcode", "Postcode", ("location", "postcode"), optional=True)
    if postcode:
        location["postcode"] = postcode
    location["country"] = ask(
        "country",
        "Country",
        ("location", "country"),
        parse=checked("group", ("location", "country"), str.upper),
        default=context.country,
    )
    return location


def _when(args: argparse.Namespace, asker: Asker) -> dict[str, Any]:
    """One regular meeting, or how meetings are arranged."""
    if args.freq:
        how = args.freq
    elif args.by_arrangement:
        how = "by arrangement"
    else:
        how = asker.get(
            None,
            "How often does it meet? weekly, monthly or by arrangement",
            option="--freq (or --by-arrangement)",
            parse=_how_often,
        )
    if how == "by arrangement":
        text = asker.get(
            args.by_arrangement,
            "How do members arrange a time?",
            option="--by-arrangement",
            parse=checked("group", ("by_arrangement",)),
            help=describe("group", ("by_arrangement",)),
        )
        return {"by_arrangement": text}
    if how is None:
        return {}
    monthly = how == "monthly"
    example = "2nd Tuesday, or last Friday" if monthly else "Tuesday, or Mon and Thu"
    byday = asker.get(
        args.day,
        f"Which day{'s of the month' if monthly else ''}? For example {example}",
        option="--day",
        parse=lambda text: parse_days(text, monthly),
    )
    start = asker.get(
        args.start,
        "Start time (24-hour clock, like 18:30)",
        option="--start",
        parse=checked("group", ("schedule", "opens_at"), parse_time),
    )
    end = asker.get(
        args.end,
        "End time (24-hour clock, like 20:00)",
        option="--end",
        parse=lambda text: _after(parse_time(text), start),
    )
    meeting = {
        "freq": how.upper(),
        "byday": byday,
        "opens_at": start,
        "closes_at": end,
    }
    return {"schedule": [meeting]}


def _how_often(text: str) -> str:
    answer = text.strip().casefold()
    for choice in HOW_OFTEN:
        if choice.startswith(answer) or (answer == "arrangement" and choice == "by arrangement"):
            return choice
    raise ValueError("answer weekly, monthly or by arrangement")


def _after(end: str, start: str | None) -> str:
    if start and end <= start:
        raise ValueError(f"{end} is not after the start time, {start}")
    return end
