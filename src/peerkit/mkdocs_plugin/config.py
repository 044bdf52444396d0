"""The peerkit plugin's options in mkdocs.yml, declared and typed."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class PeerkitConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """Where the stories, tips, groups, topics.yml and crisis.yml live, relative to mkdocs.yml."""

    exit_url = c.URL(default="https://www.bbc.co.uk/weather")
    """The neutral page the "Leave this site" button and Shift x3 go to."""

    timezone = c.Type(str, default="Europe/London")
    """The IANA time zone of meeting times that do not name one."""

    country = c.Type(str, default="GB")
    """The two-letter country code the site serves first."""

    stories_per_page = c.Type(int, default=10)
    """How many stories each page of the stories index shows."""
