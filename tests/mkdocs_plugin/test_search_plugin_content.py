"""With Pagefind, Material's search plugin is not shown the pages' content (it indexes
none of them, and stripping its attributes from every page was 1.5 s of a large build);
with Material's own search it is, as before. Either way the page keeps its content."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.commands import run_peerkit
from tests.conftest import SiteBuilder

pytestmark = pytest.mark.slow

TEA = '<p data-search-note="kept">Tea with friends on a Tuesday.</p>'


def _about_page(root: Path, search: str) -> str:
    site = SiteBuilder(root)
    site.story("first-story", {"title": "The first story"})
    site.group("a-group")
    site.configure({"search": search})
    (root / "docs" / "about.md").write_text(f"# About\n\n{TEA}\n", "utf-8")
    result = run_peerkit(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return (root / "site" / "about" / "index.html").read_text("utf-8")


def test_with_pagefind_the_content_passes_material_search_untouched(tmp_path: Path) -> None:
    page = _about_page(tmp_path, "pagefind")
    assert TEA in page
    assert page.count("Tea with friends") == 1


def test_with_material_search_the_plugin_still_sees_the_content(tmp_path: Path) -> None:
    page = _about_page(tmp_path, "material")
    assert "Tea with friends on a Tuesday." in page
    assert 'data-search-note="kept"' not in page  # stripped by Material's search plugin
