"""The plugin writes `_headers` after the build, reading back the pages it did not see rendered."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.config import load_config

from peerkit.mkdocs_plugin.plugin import PeerkitPlugin
from peerkit.render.headers import script_hash

REPO = Path(__file__).resolve().parents[2]


def _post_build(site_dir: Path) -> None:
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir))
    plugin = config.plugins["peerkit"]
    assert isinstance(plugin, PeerkitPlugin)
    plugin.on_config(config)
    plugin.on_post_build(config)


def test_headers_allow_the_inline_scripts_of_every_built_page(tmp_path: Path) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "index.html").write_text("<head><script>top()</script></head>")
    (tmp_path / "deep" / "er" / "index.html").write_text("<head><script>deep()</script></head>")
    _post_build(tmp_path)
    text = (tmp_path / "_headers").read_text("utf-8")
    assert script_hash("top()") in text
    assert script_hash("deep()") in text


def test_a_script_in_a_page_content_is_left_out_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text("<article><script>evil()</script></article>")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.peerkit"):
        _post_build(tmp_path)
    assert script_hash("evil()") not in (tmp_path / "_headers").read_text("utf-8")
    assert [r.getMessage().split(":")[0] for r in caplog.records] == ["about/index.html"]
