"""The build cache's files are read back whole, under their own tag, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerkit.checked_files import read_checked, write_checked


def test_a_file_reads_back_under_its_tag(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "kept.bin"
    assert write_checked(path, "format 1 abc", b"payload\nwith lines\x00")
    assert read_checked(path, "format 1 abc") == b"payload\nwith lines\x00"
    assert read_checked(path, "format 2 abc") is None
    assert not list(path.parent.glob(".*.new"))


@pytest.mark.parametrize(
    "damage",
    [lambda d: d[: len(d) // 2], lambda d: d[:-1] + bytes([d[-1] ^ 1]), lambda d: b""],
    ids=["cut-short", "flipped", "empty"],
)
def test_a_damaged_file_is_none(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "kept.bin"
    write_checked(path, "tag", b"x" * 100)
    path.write_bytes(damage(path.read_bytes()))
    assert read_checked(path, "tag") is None


def test_a_file_that_cannot_be_written_is_said_so(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder would be", "utf-8")
    assert write_checked(blocker / "kept.bin", "tag", b"x") is False
    assert read_checked(tmp_path / "missing.bin", "tag") is None
