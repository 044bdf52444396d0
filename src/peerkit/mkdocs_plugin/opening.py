"""Opening a site from its mkdocs.yml: the one way every `peerkit` command starts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from peerkit.load.diagnostics import Diagnostic, error, has_errors
from peerkit.mkdocs_plugin.plugin import PeerkitPlugin
from peerkit.mkdocs_plugin.settings import setting_problems, settings_from_mkdocs, site_folders
from peerkit.project import Project


@dataclass(frozen=True)
class OpenSite:
    config: MkDocsConfig
    plugin: PeerkitPlugin
    project: Project


def open_site(
    config_file: Path, *, session: bool = False, **overrides: object
) -> tuple[OpenSite | None, list[Diagnostic]]:
    """The site whose settings are ``config_file``, and every problem with them.

    No site comes back when a setting cannot work: each is reported once, at its
    line in mkdocs.yml. The plugin is handed the same `Project`, so a build that
    follows neither loads the settings again nor reports them twice. ``session``:
    the project lives across builds (`peerkit serve`)."""
    if not config_file.is_file():
        return None, [
            error(str(config_file), 1, 1, "no such file: run peerkit in a site's folder or pass -f")
        ]
    try:
        config = load_config(str(config_file), **overrides)
    except MkDocsException as exc:
        return None, [error(str(config_file), 1, 1, str(exc))]
    plugin = config.plugins.get("peerkit")
    if not isinstance(plugin, PeerkitPlugin):
        return None, [
            error(config.config_file_path, 1, 1, "the peerkit plugin is not in 'plugins'")
        ]
    problems = setting_problems(config, plugin.config)
    if has_errors(problems):
        return None, problems
    root, content = site_folders(config, plugin.config)
    project = Project(root, content, settings_from_mkdocs(config, plugin.config), session=session)
    plugin.project = project
    return OpenSite(config, plugin, project), problems


def open_preview(
    config_file: Path, today: date, **overrides: object
) -> tuple[OpenSite | None, list[Diagnostic]]:
    """The site opened for a session of saves (`peerkit serve`), its content checked
    and handed to the plugin; no site comes back if there is any error."""
    opened, problems = open_site(config_file, session=True, **overrides)
    if opened is None:
        return None, problems
    site, diagnostics = opened.project.check(today)
    problems = sorted(problems + diagnostics)
    if has_errors(problems):
        return None, problems
    # The loader keeps these very records for the loads after a save, positions and
    # all; a copy would be other objects for the render memo's keys.
    opened.plugin.preloaded = site
    return opened, problems
