"""The site-wide settings the core needs, free of any MkDocs type."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """What the organisation running the site chose (mkdocs.yml, plugin options)."""

    site_name: str
    site_url: str | None = None
    language: str = "en"
    timezone: str = "Europe/London"
    stories_per_page: int = 10
    discreet_calendar: bool = False
    """Calendar downloads name every meeting just "Meeting": a calendar is seen by
    whoever looks at the phone, and a group's name can say what it is about."""
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


def language_folder(language: str, default: str) -> str:
    """The folder of a language's pages on a site built in several, as
    mkdocs-static-i18n lays them out: the default's at the root, "es/" for Spanish."""
    return "" if language == default else f"{language}/"
