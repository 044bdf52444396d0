"""The Jinja environment for generated pages.

Templates escape everything by default; the only values marked safe are HTML
fragments this package produced itself (sanitised contributor Markdown). A
site overrides a template by putting a file of the same name in one of
``Settings.template_dirs`` (by default its overrides/peerkit/ folder).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    pass_context,
)
from jinja2.bccache import Bucket
from jinja2.runtime import Context

from peerkit.encode.addresses import mailto, tel
from peerkit.render import urls
from peerkit.render.dates import human_date, human_day
from peerkit.render.language_names import language_namer
from peerkit.render.schedule_words import describe_meeting
from peerkit.translations import Words


@pass_context
def link(context: Context, to_url: str) -> str:
    """To another page of this language's pages (every address is from their root)."""
    return urls.relative(context["page_url"], to_url)


@pass_context
def root_link(context: Context, path: str) -> str:
    """To a file that every language's pages share at the site's root (a calendar)."""
    return urls.relative(context["language_folder"] + context["page_url"], path)


class KeptTemplates(BytecodeCache):
    """Compiled templates kept in memory from one environment to the next.

    `peerkit serve` makes its environments anew for every save, and compiling the
    templates again was a quarter of a save's work. Jinja checks each template's
    source against the checksum kept with its code, so an edited template is
    compiled again. The code depends on the environment's options, which Jinja does
    not check: one cache serves environments made alike.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def make_environment(
    template_dirs: tuple[Path, ...],
    words: Words,
    language: str | None = None,
    *,
    default_language: str | None = None,
    folder: str = "",
    compiled: KeptTemplates | None = None,
) -> Environment:
    """The environment, with ``t("key", name=value)`` giving the site language's words.

    ``language`` is the pages' (``theme.language``); text in another one says so with
    a ``lang`` attribute. It defaults to that of ``words``. ``default_language`` is
    that of records that name none (the pages' own on a site in one language), and
    ``folder`` where these pages are from the site's root ("es/" on a site built in
    several languages). ``compiled`` keeps the compiled templates for the next
    environment (`peerkit serve`).
    """
    loaders: list[Any] = [FileSystemLoader([str(d) for d in template_dirs if d.is_dir()])]
    loaders.append(PackageLoader("peerkit", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=compiled,
        # An environment lives for one build: a template edited under `serve` is read
        # by the next build's environment, so checking each file at every page is waste.
        auto_reload=False,
    )
    env.globals["link"] = link
    env.globals["urls"] = urls
    env.globals["t"] = words
    env.globals["root_link"] = root_link
    env.globals["site_language"] = language or words.language
    env.globals["default_language"] = default_language or env.globals["site_language"]
    env.globals["language_folder"] = folder
    env.filters["human_date"] = partial(human_date, words=words)
    env.filters["human_day"] = partial(human_day, words=words)
    env.filters["meeting"] = partial(describe_meeting, words=words)
    env.filters["language_name"] = language_namer(language or words.language)
    env.filters["mailto"] = mailto
    env.filters["tel"] = tel
    return env


def describe_template_error(exc: TemplateError) -> str:
    """A template problem (usually in a site's override) as path:line: error: message."""
    if isinstance(exc, TemplateSyntaxError):
        return f"{exc.filename or exc.name}:{exc.lineno}:1: error: {exc.message}"
    return f"error in a template: {exc.message or exc}"
