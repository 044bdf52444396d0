"""SOURCE_DATE_EPOCH fixes "today" for every command: the same sources give the same
result on any day, as reproducible builds ask (reproducible-builds.org)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
import yaml

from peerkit.day import today
from tests.conftest import SiteBuilder


def _epoch(day: date) -> str:
    return str(int(datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc).timestamp()))


def _peerkit(cwd: Path, day: date, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": _epoch(day)}
    return subprocess.run(
        [sys.executable, "-m", "peerkit.cli", *args],
        cwd=cwd, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_the_epochs_day_is_today_and_anything_else_is_ignored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(date(2031, 2, 3)))
    assert today() == date(2031, 2, 3)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "next tuesday")
    assert today() == date.today()


def test_check_counts_a_listing_stale_from_the_epochs_day(make_site: SiteBuilder) -> None:
    make_site.configure()
    make_site.group("verified", {"last_verified": "2030-01-10"})

    fresh = _peerkit(make_site.root, date(2030, 6, 1), "check")
    stale = _peerkit(make_site.root, date(2031, 6, 1), "check")

    assert "over 12 months ago" not in fresh.stdout
    assert "listing last checked on 2030-01-10, over 12 months ago" in stale.stdout


def test_new_and_init_write_the_epochs_day(tmp_path: Path) -> None:
    day = date(2030, 4, 5)
    assert _peerkit(tmp_path, day, "init", "site").returncode == 0
    created = _peerkit(
        tmp_path / "site", day, "new", "story", "--yes", "--title", "A day", "--author", "Sam",
        "--topic", "grief", "--summary", "x", "--consent-date", "2030-04-01",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr

    story = (tmp_path / "site/content/stories/a-day.md").read_text("utf-8")
    assert yaml.safe_load(story.split("---\n")[1])["date"] == day
    example = next((tmp_path / "site/content/groups").rglob("*.yml")).read_text("utf-8")
    assert "2030-04-05" in example
