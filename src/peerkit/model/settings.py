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
    template_dirs: tuple[Path, ...] = ()
