"""Fixtures for tests that use the reference site as a whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """The reference site, copied so a test may break it."""
    for name in ("content", "docs", "overrides"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path
