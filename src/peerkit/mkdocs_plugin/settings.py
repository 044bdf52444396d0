"""mkdocs.yml and the plugin's options to the core's `Settings`."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from peerkit.mkdocs_plugin.config import PeerkitConfig
from peerkit.mkdocs_plugin.languages import site_languages
from peerkit.model.settings import Settings


def settings_from_mkdocs(config: MkDocsConfig, options: PeerkitConfig) -> Settings:
    custom_dir = config.theme.custom_dir
    return Settings(
        site_name=config.site_name,
        site_url=config.site_url or None,
        language=config.theme.get("language") or "en",
        timezone=options.timezone,
        stories_per_page=options.stories_per_page,
        discreet_calendar=options.discreet_calendar,
        template_dirs=(Path(custom_dir) / "peerkit",) if custom_dir else (),
        languages=site_languages(config),
    )
