"""The programs that can turn a Peerkit site into HTML, and which one a run uses.

Material for MkDocs is in maintenance mode until its end of life (May 2027), and
MkDocs 2 drops plugins. A site set up today must keep building, so Peerkit knows
more than one engine:

- MkDocs 1.x, which Material itself requires, so it is always installed;
- ProperDocs 1.6, a maintained fork of MkDocs 1.x: same modules under another
  name, and it still loads the `mkdocs.plugins` entry points, so it runs Peerkit's
  plugin and Material unchanged (its pages differ only in the generator tag);
- Zensical, Material's successor, which reads mkdocs.yml but runs no MkDocs
  plugin: Peerkit writes its pages into a folder first (`peerkit.engine_pages`).

A run's engine: the one named by ``--engine``, else by ``engine:`` in the peerkit
plugin's options, else ProperDocs if it is installed (nobody installs it by
accident: it is the `properdocs` extra), else MkDocs. ProperDocs must take MkDocs'
place before anything imports MkDocs, which is why the choice is made by the
`peerkit` command's first module (`peerkit.__main__`), from the raw mkdocs.yml.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Engine:
    name: str
    """What ``--engine`` and ``engine:`` call it; also its package's name on the index."""

    versions: str
    """The versions Peerkit is built and tested against: pyproject.toml's extra and the
    line `peerkit init` writes say the same (a test compares them)."""

    runs_plugins: bool
    """Whether it runs Peerkit's MkDocs plugin; if not, it builds the folder that
    `peerkit pages` writes."""

    def installed_version(self) -> str | None:
        try:
            return version(self.name)
        except PackageNotFoundError:
            return None

    def requirement(self) -> str:
        return f"{self.name}{self.versions}"


MKDOCS = Engine("mkdocs", ">=1.6,<2", runs_plugins=True)
PROPERDOCS = Engine("properdocs", ">=1.6.7,<1.7", runs_plugins=True)
ZENSICAL = Engine("zensical", ">=0.1.1,<0.2", runs_plugins=False)
ENGINES = (MKDOCS, PROPERDOCS, ZENSICAL)
NAMES = tuple(engine.name for engine in ENGINES)


def by_name(name: str) -> Engine:
    return next(engine for engine in ENGINES if engine.name == name)


def chosen(flag: str | None, config_file: Path) -> Engine:
    """The engine of a run (see the module's docstring). A name that is not an engine's
    is left to the plugin's option validation, which reports it at its line."""
    named = flag or site_engine(config_file)
    if named in NAMES:
        return by_name(named)
    return PROPERDOCS if PROPERDOCS.installed_version() else MKDOCS


def site_engine(config_file: Path) -> str | None:
    """``engine:`` in the peerkit plugin's options, read before MkDocs is imported.

    Only this one value is read, leniently: a tag (`!ENV`, `!!python/name:`) reads as
    nothing, and a file that does not parse names no engine. The plugin's options are
    validated when the site is opened, and any problem reported there at its line."""
    try:
        config = yaml.load(config_file.read_text("utf-8"), Loader=_TagsAsNothing)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    plugins = config.get("plugins") if isinstance(config, dict) else None
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    for entry in plugins if isinstance(plugins, list) else []:
        options = entry.get("peerkit") if isinstance(entry, dict) else None
        if isinstance(options, dict) and isinstance(options.get("engine"), str):
            return options["engine"]
    return None


class _TagsAsNothing(yaml.SafeLoader):
    """A safe loader that reads any tag it does not know as null."""


def _nothing(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TagsAsNothing.add_multi_constructor("", _nothing)


class EngineError(Exception):
    """The chosen engine cannot run in this process; the message says what to do."""


def start(engine: Engine) -> None:
    """Make ``engine`` the one this process builds with. For ProperDocs, every later
    `import mkdocs...` (Peerkit's, Material's, other plugins') gets ProperDocs' module:
    that is ProperDocs' own way to run MkDocs plugins."""
    if engine is not PROPERDOCS:
        return
    if engine.installed_version() is None:
        raise EngineError(
            "ProperDocs is not installed: pip install 'peerkit[properdocs]', or choose"
            " another engine with --engine"
        )
    loaded = sys.modules.get("mkdocs")
    if loaded is not None and loaded.__name__ != "properdocs":
        raise EngineError("ProperDocs must be chosen before MkDocs is loaded: run `peerkit`")
    importlib.import_module("properdocs.replacement")


def running() -> Engine:
    """The engine whose modules this process imported as `mkdocs`."""
    loaded = sys.modules.get("mkdocs")
    return PROPERDOCS if loaded is not None and loaded.__name__ == "properdocs" else MKDOCS
