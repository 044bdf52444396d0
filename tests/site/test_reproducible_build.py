"""Two builds of the same content are byte-identical, so a deploy diff shows only real changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.site.test_cli import snapshot

REPO = Path(__file__).resolve().parents[2]


def _build(out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "peerkit.cli", "build", "-d", str(out)],
        cwd=REPO,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path: Path) -> None:
    _build(tmp_path / "one")
    _build(tmp_path / "two")
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert len(one) > 50
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
