"""`peerkit serve` keeps what it learnt while opening the site for every save after.

`peerkit serve` loads and checks the site (`open_preview`) before MkDocs builds it
under the preview's own address. These tests run that sequence as the command does,
in one process, and count the content files the loader reads at a save.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build
from mkdocs.config import load_config

from peerkit import day
from peerkit.load import site_loader
from peerkit.mkdocs_plugin.opening import open_preview
from tests.scale.conftest import write_site

URL = "http://127.0.0.1:8000/"
SINGLE_FILES = {"topics.yml", "crisis.yml"}
AN_HOUR_AGO = time.time() - 3600


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the content files the loader reads, in order."""
    seen: list[str] = []
    real = site_loader.read_source

    def counting(path: Path, *rest: Any):  # type: ignore[no-untyped-def]
        seen.append(path.name)
        return real(path, *rest)

    monkeypatch.setattr(site_loader, "read_source", counting)
    return seen


def _preview_build(root: Path, out: Path, first: bool = False) -> None:
    """A build as `mkdocs serve` makes it: a fresh config at the preview's address."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(out))
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    config.site_url = URL
    build(config, serve_url=URL, dirty=True)


def test_the_first_save_reads_only_the_saved_file(tmp_path: Path, reads: list[str]) -> None:
    site = write_site(tmp_path, stories=3, groups=1)
    for path in site.content.rglob("*"):
        # Out of reach of the loader's racy-save rule, which reads a just-written file.
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    opened, problems = open_preview(tmp_path / "mkdocs.yml", day.today())
    assert opened is not None, problems
    out = tmp_path / "preview"
    _preview_build(tmp_path, out, first=True)

    site.story("story-0001", {"title": "Story number 1"}, body="Saved in the preview.\n")
    reads.clear()
    _preview_build(tmp_path, out)

    # The site's two single files are read at every load; of the records, only the saved one.
    assert [name for name in reads if name not in SINGLE_FILES] == ["story-0001.md"]
    assert "Saved in the preview." in (out / "stories" / "story-0001" / "index.html").read_text()
