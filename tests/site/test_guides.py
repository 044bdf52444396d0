"""The contributor guides' commands work, in order, in a copy of the reference site."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.guide_commands import run_block, shell_blocks
from tests.site.conftest import REPO


@pytest.mark.parametrize("guide", ["write-your-story.md", "add-a-group.md"])
def test_every_command_of_the_guide_runs(site_copy: Path, guide: str) -> None:
    blocks = shell_blocks(REPO / "docs" / guide)
    assert len(blocks) >= 1
    for block in blocks:
        result = run_block(block, site_copy)
        assert result.returncode == 0, f"{block}\n{result.stdout}\n{result.stderr}"
        assert "error:" not in result.stdout


def test_story_guide_writes_a_draft_with_consent(site_copy: Path) -> None:
    for block in shell_blocks(REPO / "docs" / "write-your-story.md"):
        run_block(block, site_copy)
    text = (site_copy / "content" / "stories" / "bad-coffee-good-people.md").read_text("utf-8")
    front = yaml.safe_load(text.split("---")[1])
    assert front["status"] == "draft"
    assert front["consent"]["given"] is True
    assert "bad coffee and good people" in text


def test_group_guide_imports_the_spreadsheet_rows(site_copy: Path) -> None:
    for block in shell_blocks(REPO / "docs" / "add-a-group.md"):
        run_block(block, site_copy)
    region = site_copy / "content" / "groups" / "north-west"
    assert {"kendal-grief-cafe.yml", "carlisle-carers-coffee.yml", "penrith-evening-group.yml"} <= {
        p.name for p in region.iterdir()
    }
    penrith = yaml.safe_load((region / "penrith-evening-group.yml").read_text("utf-8"))
    assert penrith["schedule"][0]["byday"] == "1MO,3MO"
    assert penrith["schedule"][0]["opens_at"] == "19:00"
