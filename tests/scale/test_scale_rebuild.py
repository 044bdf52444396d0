"""Saving one story under `peerkit serve` rewrites that story's pages, not the site.

The rebuild runs the way MkDocs' serve runs it: a fresh config, then a dirty build
into the same folder. Timing is the benchmark's job (scripts/bench.py); this test
proves the mechanism: unchanged pages and exports are not written again.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.scale.conftest import serve_build, write_site


def test_saving_a_story_rewrites_its_page_and_nothing_unrelated(tmp_path: Path) -> None:
    site = write_site(tmp_path, stories=5, groups=2)
    out = tmp_path / "preview"
    serve_build(tmp_path, out, first=True)
    saved = out / "stories" / "story-0000" / "index.html"
    other = out / "stories" / "story-0001" / "index.html"
    calendar = out / "groups" / "yorkshire" / "group-0000" / "calendar.ics"
    before = {path: path.stat().st_mtime_ns for path in (saved, other, calendar)}

    site.story("story-0000", {"title": "Story number 0"}, body="Written again, just now.\n")
    serve_build(tmp_path, out)

    assert "Written again, just now." in saved.read_text("utf-8")
    assert saved.stat().st_mtime_ns != before[saved]
    assert other.stat().st_mtime_ns == before[other]
    assert calendar.stat().st_mtime_ns == before[calendar]


def test_a_plain_build_writes_every_page(tmp_path: Path) -> None:
    write_site(tmp_path, stories=2)
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    build(config)
    assert not config.plugins["peerkit"].serve.serving
    assert (tmp_path / "out" / "stories" / "story-0001" / "index.html").is_file()


def test_a_change_every_page_shows_rewrites_every_page(tmp_path: Path) -> None:
    """Unchanged pages are handed to the next build as they were, unless what every
    page shows (here the crisis lines) changed: then none may be left as it was."""
    site = write_site(tmp_path, stories=3, groups=1)
    out = tmp_path / "preview"
    serve_build(tmp_path, out, first=True)
    pages = [
        out / "stories" / "story-0001" / "index.html",
        out / "groups" / "yorkshire" / "group-0000" / "index.html",
        out / "404.html",
    ]
    assert all("116 123" in page.read_text("utf-8") for page in pages)

    site.write(
        "crisis.yml",
        "lines:\n  - country: GB\n    name: A new line\n    phone: '0800 000 0000'\n",
    )
    serve_build(tmp_path, out)

    for page in pages:
        text = page.read_text("utf-8")
        assert "0800 000 0000" in text and "116 123" not in text, page


def test_a_saved_story_leaves_the_not_found_page_and_sitemap_as_they_were(tmp_path: Path) -> None:
    site = write_site(tmp_path, stories=2)
    out = tmp_path / "preview"
    serve_build(tmp_path, out, first=True)
    kept = [out / "404.html", out / "sitemap.xml"]
    before = [path.stat().st_mtime_ns for path in kept]

    site.story("story-0000", {"title": "Story number 0"}, body="Saved once more.\n")
    serve_build(tmp_path, out)

    assert "Saved once more." in (out / "stories" / "story-0000" / "index.html").read_text()
    assert [path.stat().st_mtime_ns for path in kept] == before
