"""The site-wide settings the core needs, free of any MkDocs type."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from zoneinfo import available_timezones

import pycountry

from peerkit.model.timezones import is_time_zone

_RESERVED: Mapping[str, str] = MappingProxyType({"UK": "GB", "EL": "GR"})
"""Codes ISO 3166 reserves for a country that has another: people write UK for GB."""


@dataclass(frozen=True)
class Settings:
    """What the organisation running the site chose (mkdocs.yml, plugin options).

    One frozen object reaches the core; `problems` says what in it cannot work,
    so that the adapter that read it can point at the line it was written on."""

    site_name: str
    site_url: str | None = None
    language: str = "en"
    timezone: str = "Europe/London"
    """The time zone of meetings that do not name one, applied when rendering."""
    country: str = "GB"
    stories_per_page: int = 10
    discreet_calendar: bool = False
    """Calendar downloads name every meeting just "Meeting": a calendar is seen by
    whoever looks at the phone, and a group's name can say what it is about."""
    report_listing: str | None = None
    """Where a visitor reports a wrong listing (see `peerkit.render.report_link`)."""
    drafts_shown: bool = False
    """Drafts among the pages, each marked as a draft: `peerkit serve` sets it, so that
    a writer and an editor read a draft as it will look. A build never does."""
    template_dirs: tuple[Path, ...] = ()
    languages: tuple[str, ...] = ()
    """Every language the site is built in, its default first, when it is built in
    several (mkdocs-static-i18n); empty for a site in one. ``language`` is then the
    one being rendered: the default's pages are at the site's root, another's under
    a folder named after it."""

    @property
    def default_language(self) -> str:
        """The language of records that do not name theirs, and of the root's pages."""
        return self.languages[0] if self.languages else self.language

    @property
    def language_folder(self) -> str:
        """Where this language's pages go, from the site's root: "" or "es/"."""
        return language_folder(self.language, self.default_language)

    def problems(self) -> list[tuple[str, str]]:
        """What cannot work, as (setting, message): checked once here rather than
        reported again at every meeting or page that would use it."""
        found = []
        if not is_time_zone(self.timezone):
            found.append(("timezone", time_zone_problem(self.timezone)))
        country = country_problem(self.country)
        if country:
            found.append(("country", country))
        return found


def time_zone_problem(name: str) -> str:
    close = difflib.get_close_matches(name, sorted(available_timezones()), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"unknown time zone {name!r}: use an IANA name such as Europe/London{hint}"


def country_problem(code: str) -> str | None:
    """Why ``code`` is not an ISO 3166 two-letter country code, or None if it is."""
    if len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code):
        return None
    suggestion = _RESERVED.get(code.upper())
    if suggestion is None:
        found = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
        if found is None and len(code) > 3:
            try:
                found = pycountry.countries.search_fuzzy(code)[0]
            except LookupError:
                found = None
        suggestion = found.alpha_2 if found is not None else None
    hint = f"; did you mean {suggestion}?" if suggestion else ""
    return f"unknown country {code!r}: use a two-letter ISO 3166 code such as GB or IE{hint}"


def language_folder(language: str, default: str) -> str:
    """The folder of a language's pages on a site built in several, as
    mkdocs-static-i18n lays them out: the default's at the root, "es/" for Spanish."""
    return "" if language == default else f"{language}/"
