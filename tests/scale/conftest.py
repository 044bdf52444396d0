"""Synthetic sites for the scale tests, built the way `peerkit build` builds them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from tests.commands import run_mkdocs_build
from tests.conftest import SiteBuilder

MKDOCS_YML = """\
site_name: Scale test
theme:
  name: material
  font: false
  features:
    - navigation.sections
plugins:
  - search
  - peerkit
nav:
  - Home: index.md
  - Stories: stories/index.md
  - Practical tips: tips/index.md
  - Find a group: groups/index.md
  - Topics: topics/index.md
"""


def write_site(root: Path, stories: int, groups: int = 0, tips: int = 0) -> SiteBuilder:
    """A site with ``stories`` stories, ``groups`` groups in one region and ``tips`` tips,
    all on one topic: the most that can pile up on one topic or region page."""
    (root / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n\nA scale test.\n", "utf-8")
    site = SiteBuilder(root)
    for number in range(stories):
        site.story(
            f"story-{number:04d}",
            {"title": f"Story number {number}", "date": f"2026-{number % 8 + 3:02d}-14"},
            body="I did not think I would ever write this down. " * 40 + "\n",
        )
    for number in range(groups):
        site.group(f"group-{number:04d}", {"name": f"Evening group {number}"})
    for number in range(tips):
        site.tip(f"tip-{number:04d}", {"title": f"Tip number {number}"})
    return site


def build(root: Path) -> Path:
    out = root / "site"
    result = run_mkdocs_build(root, out)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return out


PREVIEW_URL = "http://127.0.0.1:8000/"


def serve_build(root: Path, out: Path, first: bool = False) -> None:
    """A build as `mkdocs serve` makes it at each save: a fresh config at the preview's
    address, then a dirty build into the same folder; ``first`` is the session's start."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(out))
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    config.site_url = PREVIEW_URL
    mkdocs_build(config, serve_url=PREVIEW_URL, dirty=True)
