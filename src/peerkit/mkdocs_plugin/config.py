"""The peerkit plugin's options in mkdocs.yml, declared and typed."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class _Positive(c.Type[int]):
    """A whole number of 1 or more, refused by MkDocs' own config validation otherwise."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < 1:
            raise base.ValidationError(f"must be 1 or more, not {number}")
        return number


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
