"""Sidebars shared by the generated pages of a folder change no byte of any page."""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from pathlib import Path
from types import SimpleNamespace

import pytest
from markupsafe import Markup

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.toc import AnchorLink, TableOfContents

from peerkit.mkdocs_plugin import plugin as plugin_module
from peerkit.mkdocs_plugin.shared_blocks import META_KEY, SharedBlocks, mark_shared
from tests.site.test_cli import snapshot

REPO = Path(__file__).resolve().parents[2]


def _build(out: Path) -> dict[str, bytes]:
    build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(out)))
    return snapshot(out)


def test_pages_are_the_same_with_sidebars_rendered_once_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    renders: list[Hashable] = []
    original = SharedBlocks.__call__

    def counting(self: SharedBlocks, key: Hashable, render: Callable[[], Markup]) -> Markup:
        renders.append(key)
        return original(self, key, render)

    monkeypatch.setattr(SharedBlocks, "__call__", counting)
    shared = _build(tmp_path / "shared")
    assert len(renders) > 30
    assert len(set(renders)) < len(renders) / 3

    monkeypatch.setattr(plugin_module, "mark_shared", lambda page: None)
    renders.clear()
    unshared = _build(tmp_path / "unshared")
    assert renders == []
    assert shared.keys() == unshared.keys()
    assert [name for name in shared if shared[name] != unshared[name]] == []


def test_a_generated_page_with_a_table_of_contents_keeps_its_own_sidebars() -> None:
    page = SimpleNamespace(
        url="stories/a/", meta={}, toc=TableOfContents([AnchorLink("When", "when", 2)])
    )
    mark_shared(page)
    assert META_KEY not in page.meta
    page.toc = TableOfContents([])
    mark_shared(page)
    assert page.meta[META_KEY] == "stories"
