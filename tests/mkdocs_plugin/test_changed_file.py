"""A generated file's paths are MkDocs' own, whether its path is taken as it is or not."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.structure.files import File

from peerkit.mkdocs_plugin.rebuilds import ChangedFile

PATHS = [
    "stories/a-story.md",
    "groups/west-yorkshire/leeds-group.md",
    "café/ünïcode.md",
    "a//double.md",
    "./here.md",
    "a/./b.md",
    "a/../b.md",
    "with space/x.md",
    ".hidden/x.md",
    "trailing/",
]


@pytest.mark.parametrize("path", PATHS)
def test_paths_are_mkdocs_own(path: str, tmp_path: Path) -> None:
    ours = ChangedFile(path, None, str(tmp_path), True)
    theirs = File(path, None, str(tmp_path), True)
    assert (ours.src_uri, ours.src_path, ours.dest_uri, ours.url) == (
        theirs.src_uri,
        theirs.src_path,
        theirs.dest_uri,
        theirs.url,
    )
