"""mkdocs.yml and the plugin's options to the core's `Settings`, checked where written."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from peerkit.load.diagnostics import Diagnostic, error, warning
from peerkit.load.source_files import display_path
from peerkit.mkdocs_plugin.config import PeerkitConfig
from peerkit.mkdocs_plugin.config_lines import setting_line
from peerkit.mkdocs_plugin.languages import site_languages
from peerkit.model.settings import Settings

PLUGIN = "peerkit"


def settings_from_mkdocs(config: MkDocsConfig, options: PeerkitConfig) -> Settings:
    custom_dir = config.theme.custom_dir
    return Settings(
        site_name=config.site_name,
        site_url=config.site_url or None,
        language=config.theme.get("language") or "en",
        timezone=options.timezone,
        country=options.country,
        stories_per_page=options.stories_per_page,
        discreet_calendar=options.discreet_calendar,
        report_listing=options.report_listing,
        template_dirs=(Path(custom_dir) / "peerkit",) if custom_dir else (),
        languages=site_languages(config),
    )


def site_folders(config: MkDocsConfig, options: PeerkitConfig) -> tuple[Path, Path]:
    """The site's folder (where mkdocs.yml is) and its content folder."""
    root = Path(config.config_file_path).resolve().parent
    return root, root / options.content_dir


def setting_problems(config: MkDocsConfig, options: PeerkitConfig) -> list[Diagnostic]:
    """Every setting that cannot work, at its line in mkdocs.yml: one message for a
    mistyped time zone, not one for each meeting that would use it."""
    file = config.config_file_path
    path = display_path(Path(file), Path(file).resolve().parent)
    found = [
        error(path, setting_line(file, key, plugin=PLUGIN), 1, message)
        for key, message in settings_from_mkdocs(config, options).problems()
    ]
    logo = config.theme.get("logo")
    if logo and not urlsplit(logo).scheme and not _theme_file(config, logo):
        found.append(
            error(
                path,
                setting_line(file, "theme", "logo"),
                1,
                f"theme.logo: no file {logo!r} in {Path(config.docs_dir).name}/"
                + (f" or {Path(config.theme.custom_dir).name}/" if config.theme.custom_dir else "")
                + ": give the logo's path from there, or remove the setting",
            )
        )
    if not config.site_url:
        found.append(
            warning(
                path,
                1,
                1,
                "site_url is not set: the stories' feed, calendars and HSDS export need the"
                " site's full address to link to its pages (site_url: https://...)",
            )
        )
    return found


def _theme_file(config: MkDocsConfig, rel: str) -> bool:
    """Whether a theme file such as the logo exists where MkDocs looks for it."""
    folders = [config.docs_dir, *config.theme.dirs]
    return any((Path(folder) / rel).is_file() for folder in folders)
