"""`peerkit serve` keeps what it learnt while opening the site for every save after.

`peerkit serve` loads and checks the site (`open_preview`) before MkDocs builds it
under the preview's own address. These tests run that sequence as the command does,
in one process, and count the content files the loader reads at a save.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from peerkit import day
from peerkit.mkdocs_plugin.opening import open_preview
from tests.scale.conftest import serve_build, write_site

SINGLE_FILES = {"topics.yml", "crisis.yml"}
AN_HOUR_AGO = time.time() - 3600


def test_the_first_save_reads_only_the_saved_file(tmp_path: Path, reads: list[str]) -> None:
    site = write_site(tmp_path, stories=3, groups=1)
    for path in site.content.rglob("*"):
        # Out of reach of the loader's racy-save rule, which reads a just-written file.
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    opened, problems = open_preview(tmp_path / "mkdocs.yml", day.today())
    assert opened is not None, problems
    out = tmp_path / "preview"
    serve_build(tmp_path, out, first=True)

    site.story("story-0001", {"title": "Story number 1"}, body="Saved in the preview.\n")
    reads.clear()
    serve_build(tmp_path, out)

    # The site's two single files are read at every load; of the records, only the saved one.
    assert [name for name in reads if name not in SINGLE_FILES] == ["story-0001.md"]
    assert "Saved in the preview." in (out / "stories" / "story-0001" / "index.html").read_text()


def test_a_save_hands_mkdocs_only_the_generated_files_that_changed(
    tmp_path: Path, monkeypatch
) -> None:
    from peerkit.mkdocs_plugin.plugin import PeerkitPlugin

    site = write_site(tmp_path, stories=3, groups=2)
    opened, problems = open_preview(tmp_path / "mkdocs.yml", day.today())
    assert opened is not None, problems
    out = tmp_path / "preview"
    handed: list[set[str]] = []
    real = PeerkitPlugin.on_files

    def spy(self, files, *, config):  # type: ignore[no-untyped-def]
        result = real(self, files, config=config)
        handed.append({f.src_uri for f in result if f.generated_by})
        return result

    monkeypatch.setattr(PeerkitPlugin, "on_files", spy)
    serve_build(tmp_path, out, first=True)
    (group_page,) = [u for u in handed[0] if "group-0001/index.md" in u]
    unchanged = out / group_page.replace("index.md", "index.html")
    before = unchanged.read_bytes()

    site.story("story-0002", {"title": "Story number 2"}, body="Saved again.\n")
    serve_build(tmp_path, out)

    first, save = handed
    assert group_page not in save
    assert "stories/story-0002/index.md" in save
    assert len(save) < len(first) / 2
    assert "Saved again." in (out / "stories" / "story-0002" / "index.html").read_text()
    assert unchanged.read_bytes() == before
