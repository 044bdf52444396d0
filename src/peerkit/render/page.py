"""What rendering produces: pages (with their HTML body) and other files."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from jinja2 import Environment

from peerkit.render.atom import Feed, feed_link
from peerkit.render.dates import ENGLISH
from peerkit.render.memo import RenderMemo
from peerkit.translations import Words

if TYPE_CHECKING:
    from peerkit.render.page_facts import PageFacts

R = TypeVar("R")


@dataclass(frozen=True)
class GeneratedPage:
    """A page of the site, already rendered to its body HTML.

    ``title`` and ``description`` are plain text; whoever puts them into HTML
    escapes them. ``jsonld`` is JSON already safe inside a script element.
    ``on_a_list`` says that a list page shows the same record in a row (a group on
    its region's page), which can stand in for it in a search index. ``directory``
    marks the directory's own pages (the finder, a region's list): only they load
    the directory's script and styles, which every other page would fetch for nothing.
    ``next_meetings`` marks a page whose next meetings the visitor's browser works
    out again from its clock (a group's page): it loads the schedule's script.

    ``body_key`` is a digest of everything the page's HTML is made from, where that is
    known without rendering it (`page_facts`); then ``html`` may be left empty and
    ``later`` renders it, so that a page kept from the last build is never rendered.
    """

    url: str
    title: str
    html: str
    description: str | None = None
    jsonld: str | None = None
    on_a_list: bool = False
    directory: bool = False
    next_meetings: bool = False
    feeds: tuple[Feed, ...] = ()
    body_key: str | None = None
    later: Callable[[], str] | None = field(default=None, compare=False, repr=False)

    def body(self) -> str:
        """The page's HTML, rendered now if it was put off."""
        return self.html if self.later is None else self.later()

    @cached_property
    def src_uri(self) -> str:
        """The Markdown path a static-site generator would give this page (asked for
        several times a page at every save under serve)."""
        return f"{self.url}index.md"


@dataclass(frozen=True)
class GeneratedFile:
    """A file that is not a page: a feed, an export."""

    path: str
    content: bytes


class PageMaker:
    """Renders one template into one page, with links relative to that page.

    ``words`` are the site language's, for the titles and descriptions the
    page functions write (the templates have the same ones as ``t``).
    """

    def __init__(
        self,
        env: Environment,
        site_name: str,
        memo: RenderMemo | None = None,
        words: Words = ENGLISH,
        facts: PageFacts | None = None,
        day: date | None = None,
    ) -> None:
        self.env = env
        self.site_name = site_name
        self.memo = memo
        self.words = words
        self.facts = facts
        self.day = day
        """The build's day, if the templates are given it (lists of groups flag the
        listings not checked for a year): then a page kept by `facts` is kept for the day."""

    def cached(
        self, key: Hashable, make: Callable[..., GeneratedPage], *args: Any
    ) -> GeneratedPage:
        """The page ``make(*args)`` renders, or under `peerkit serve` the one it rendered
        last build from the same inputs (``key``: the records the page shows). With
        `peerkit build`'s kept facts, a page known from the last build is not rendered
        until its HTML is asked for."""
        if self.facts is not None:
            return self.facts.page(key, lambda: make(*args), self.day)
        if self.memo is None:
            return make(*args)
        return self.memo.get(key, lambda: make(*args))

    def batched(
        self,
        name: str,
        records: Sequence[R],
        context: Hashable,
        pages: Callable[[Sequence[R]], Iterable[GeneratedPage]],
    ) -> Iterable[GeneratedPage]:
        """``pages(records)``, which makes each page with `cached`; under `peerkit serve`,
        a batch of records at a time (`RenderMemo.batch`), ``context`` being all else
        the pages' keys hold."""
        if self.memo is None or self.facts is not None:
            return pages(records)
        return self.memo.batch(name, records, context, pages)

    def make(
        self,
        url: str,
        title: str,
        template: str,
        *,
        description: str | None = None,
        jsonld: str | None = None,
        on_a_list: bool = False,
        directory: bool = False,
        next_meetings: bool = False,
        feeds: tuple[Feed, ...] = (),
        **context: Any,
    ) -> GeneratedPage:
        html = self.env.get_template(template).render(
            page_url=url, title=title, site_name=self.site_name, **context
        )
        linked = tuple(feed_link(url, feed) for feed in feeds)
        return GeneratedPage(
            url, title, html, description, jsonld, on_a_list, directory, next_meetings, linked
        )
