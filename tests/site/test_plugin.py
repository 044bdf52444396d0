"""The MkDocs plugin: a thin adapter that adds pages without touching docs/."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.config import load_config

from peerkit.mkdocs_plugin.config import PeerkitConfig
from peerkit.mkdocs_plugin.plugin import THEME_DIR, PeerkitPlugin

REPO = Path(__file__).resolve().parents[2]


class RecordingServer:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str, *args: Any, **kwargs: Any) -> None:
        self.watched.append(path)


def _configured() -> tuple[Any, PeerkitPlugin]:
    config = load_config(str(REPO / "mkdocs.yml"))
    plugin = config.plugins["peerkit"]
    assert isinstance(plugin, PeerkitPlugin)
    plugin.on_config(config)
    return config, plugin


def test_plugin_options_are_a_typed_config_with_defaults() -> None:
    options = PeerkitConfig()
    options.load_dict({})
    assert options.validate() == ([], [])
    assert options.content_dir == "content"
    assert options.stories_per_page == 10


def test_package_theme_sits_between_the_site_overrides_and_material() -> None:
    config, _ = _configured()
    dirs = [Path(d).resolve() for d in config.theme.dirs]
    assert dirs[0] == (REPO / "overrides").resolve()
    assert dirs[1] == THEME_DIR
    assert dirs[2].name == "templates" and dirs[2].parent.name == "material"


def test_serve_watches_the_content_folder() -> None:
    config, plugin = _configured()
    server = RecordingServer()
    plugin.on_serve(server, config=config, builder=None)  # type: ignore[arg-type]
    assert server.watched == [str((REPO / "content").resolve())]


def test_build_writes_nothing_into_docs(tmp_path: Path) -> None:
    from mkdocs.commands.build import build

    before = sorted(p.relative_to(REPO / "docs") for p in (REPO / "docs").rglob("*"))
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    build(config)
    after = sorted(p.relative_to(REPO / "docs") for p in (REPO / "docs").rglob("*"))
    assert after == before
    assert (tmp_path / "out" / "stories" / "index.html").is_file()
