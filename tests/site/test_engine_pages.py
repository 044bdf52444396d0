"""`peerkit pages DIR`: the reference site as plain content for an engine that runs no
plugin (Zensical), with its generated pages, exports, theme and the theme's data."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.commands import run_peerkit
from tests.conftest import REPO


def test_pages_writes_every_generated_page_export_and_the_theme_for_an_engine_without_plugins(
    tmp_path: Path,
) -> None:
    dest = tmp_path / "pages"
    result = run_peerkit(REPO, "pages", str(dest))
    assert result.returncode == 0, result.stdout + result.stderr

    docs = dest / "docs"
    stories = sorted(p.stem for p in (REPO / "content" / "stories").glob("*.md"))
    story = docs / "stories" / stories[0] / "index.md"
    assert story.read_text("utf-8").startswith("---\ntitle: ")
    assert (docs / "groups" / "index.md").is_file() and (docs / "stories" / "feed.xml").is_file()
    assert (docs / "about.md").read_bytes() == (REPO / "docs" / "about.md").read_bytes()
    assert (dest / "overrides" / "partials" / "peerkit" / "exit.html").is_file()

    config = yaml.load((dest / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides"
    assert "peerkit" not in str(config["plugins"])
    crisis = yaml.safe_load((REPO / "content" / "crisis.yml").read_text("utf-8"))
    lines = config["extra"]["peerkit"]["crisis"]["lines"]
    assert [line["name"] for line in lines] == [line["name"] for line in crisis["lines"]]
    assert config["extra"]["peerkit"]["exit_url"] == "https://www.bbc.co.uk/weather"


def test_serve_with_an_engine_that_runs_no_plugin_says_what_to_run_instead() -> None:
    result = run_peerkit(REPO, "serve", "--engine", "zensical")
    assert result.returncode == 1
    assert "peerkit pages DIR" in result.stderr
