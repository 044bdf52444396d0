"""A site started with `peerkit init`, and `peerkit` run in it as an organisation runs it."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from peerkit.cli import main

PeerkitRun = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def new_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Path]:
    """`peerkit init tmp/site ARGS` (in this process, for speed), which must succeed."""

    def init(*args: str) -> Path:
        code = main(["init", str(tmp_path / "site"), *args])
        assert code == 0, capsys.readouterr().err
        return tmp_path / "site"

    return init


def check_in_process(site: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """`peerkit check` on the site, in this process; its exit code and what it printed."""
    capsys.readouterr()
    code = main(["check", "-f", str(site / "mkdocs.yml")])
    return code, capsys.readouterr().out


def edit_config(site: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Changes the site's mkdocs.yml, as an organisation's editor would."""
    path = site / "mkdocs.yml"
    config = yaml.load(path.read_text("utf-8"), Loader=EnvLoader)
    change(config)
    path.write_text(yaml.dump(config, sort_keys=False, allow_unicode=True), "utf-8")


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The peerkit plugin's options in a loaded mkdocs.yml."""
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "peerkit" in plugin:
            return plugin["peerkit"]
    raise AssertionError("the peerkit plugin is not in mkdocs.yml")


class EnvLoader(yaml.SafeLoader):
    """Reads MkDocs' `!ENV [NAME, default]` as its default, which is what a build without NAME sees."""


EnvLoader.add_constructor(
    "!ENV",
    lambda loader, node: loader.construct_sequence(node)[-1],  # type: ignore[arg-type]
)


def built_page(site: Path, rel: str) -> str:
    return (site / "site" / rel).read_text("utf-8")
