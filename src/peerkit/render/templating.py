"""The Jinja environment for generated pages.

Templates escape everything by default; the only values marked safe are HTML
fragments this package produced itself (sanitised contributor Markdown). A
site overrides a template by putting a file of the same name in one of
``Settings.template_dirs`` (by default its overrides/peerkit/ folder).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    pass_context,
)
from jinja2.runtime import Context

from peerkit.render import urls
from peerkit.render.schedule_words import describe_meeting

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def human_day(value: date) -> str:
    """ "Thursday 26 November 2026"."""
    return f"{_WEEKDAYS[value.weekday()]} {human_date(value)}"


def human_date(value: date) -> str:
    """ "14 March 2026": unambiguous in every English-speaking country."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


@pass_context
def link(context: Context, to_url: str) -> str:
    return urls.relative(context["page_url"], to_url)


def make_environment(template_dirs: tuple[Path, ...]) -> Environment:
    loaders: list[Any] = [FileSystemLoader([str(d) for d in template_dirs if d.is_dir()])]
    loaders.append(PackageLoader("peerkit", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["link"] = link
    env.globals["urls"] = urls
    env.filters["human_date"] = human_date
    env.filters["human_day"] = human_day
    env.filters["meeting"] = describe_meeting
    return env


def describe_template_error(exc: TemplateError) -> str:
    """A template problem (usually in a site's override) as path:line: error: message."""
    if isinstance(exc, TemplateSyntaxError):
        return f"{exc.filename or exc.name}:{exc.lineno}:1: error: {exc.message}"
    return f"error in a template: {exc.message or exc}"
