"""The peerkit plugin's options in mkdocs.yml, declared and typed."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c

from peerkit.branding import colour_problem
from peerkit.engines import NAMES


class _Positive(c.Type[int]):
    """A whole number of 1 or more, refused by MkDocs' own config validation otherwise."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < 1:
            raise base.ValidationError(f"must be 1 or more, not {number}")
        return number


class _BrandColour(c.Type[str]):
    """A hex colour, refused with the reason when it cannot meet WCAG AA in its role."""

    def __init__(self, role: str) -> None:
        super().__init__(str)
        self.role = role

    def run_validation(self, value: object) -> str:
        colour = super().run_validation(value).strip()
        problem = colour_problem(self.role, colour)
        if problem:
            raise base.ValidationError(problem)
        return colour


class ColorsConfig(base.Config):
    primary = c.Optional(_BrandColour("primary"))
    """The header's colour, and the colour links are derived from: "#rrggbb"."""

    accent = c.Optional(_BrandColour("accent"))
    """The colour of a link under the pointer and of focused controls: "#rrggbb"."""


_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


class _LinkTarget(c.Type[str]):
    """A web address (https, http, mailto, tel) or a path inside the site."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        target = super().run_validation(value).strip()
        scheme = _SCHEME.match(target)
        if not target or (
            scheme and scheme[0].lower() not in ("https:", "http:", "mailto:", "tel:")
        ):
            raise base.ValidationError(
                f"{target!r} is not a link Peerkit can show: use a web address (https://...),"
                " mailto:, tel:, or a page of this site such as about/"
            )
        return target


class FooterLink(base.Config):
    title = c.Type(str)
    """The link's text."""

    url = _LinkTarget()
    """Where it goes: https://..., mailto:..., tel:..., or a page of this site (about/)."""


class PeerkitConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """Where the stories, tips, groups, topics.yml and crisis.yml live, relative to mkdocs.yml."""

    exit_url = c.URL(default="https://www.bbc.co.uk/weather")
    """The neutral page the "Leave this site" button and Shift x3 go to."""

    timezone = c.Type(str, default="Europe/London")
    """The IANA time zone of meeting times that do not name one."""

    country = c.Type(str, default="GB")
    """The two-letter country code the site serves first."""

    stories_per_page = _Positive(default=10)
    """How many stories each page of the stories index shows."""

    search = c.Choice(("material", "pagefind"), default="material")
    """What answers the search box. "material": Material's own search, whose one index
    every visitor downloads as a page opens; right for a few hundred pages. "pagefind":
    an index the browser loads in small pieces as the visitor types, for sites of
    thousands of pages; needs `pip install 'peerkit[pagefind]'`."""

    crisis_terms = c.ListOfItems(c.Type(str), default=[])
    """Words that bring up the crisis lines above search results, added to those of the
    site's language (src/peerkit/translations/crisis_terms/): a local service's name,
    a phrase the site's readers use."""

    discreet_calendar = c.Type(bool, default=False)
    """true: calendar downloads name every meeting "Meeting", and a region's calendar
    "Meetings", instead of the group's name, which can say what it is about to whoever
    sees the visitor's calendar."""

    report_listing = c.Optional(_LinkTarget())
    """Where a visitor says a listing is wrong: mailto:listings@example.org (the group's
    name goes in the subject), or a form or issue template, https://... , where
    {name} and {page} stand for the group's name and page address. Left out: no link."""

    colors = c.SubConfig(ColorsConfig)
    """The organisation's own primary and accent colours; Peerkit derives the rest at AA contrast."""

    footer_links = c.ListOfItems(c.SubConfig(FooterLink), default=[])
    """Links shown in every page's footer: a list of {title, url}."""

    engine = c.Optional(c.Choice(NAMES))
    """What `peerkit build` and `peerkit serve` build with: mkdocs, properdocs or
    zensical (see `peerkit.engines`). Left out: ProperDocs if installed, else MkDocs."""
