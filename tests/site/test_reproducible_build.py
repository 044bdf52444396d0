"""Two cold builds of the same content are byte-identical, so a deploy diff shows only real
changes (the build cache is left out: tests/mkdocs_plugin/test_page_cache.py covers it)."""

from __future__ import annotations

from pathlib import Path

from tests.commands import run_peerkit
from tests.site.test_cli import snapshot

REPO = Path(__file__).resolve().parents[2]


def _build(out: Path) -> None:
    result = run_peerkit(REPO, "build", "--no-cache", "-d", str(out))
    assert result.returncode == 0, result.stdout + result.stderr


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path: Path) -> None:
    _build(tmp_path / "one")
    _build(tmp_path / "two")
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert len(one) > 50
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
