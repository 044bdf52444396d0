"""Which pages of the built reference site the browser tests open, by kind."""

from __future__ import annotations

from pathlib import Path

import pytest

# The keys of the `pages` fixture: one page of each kind the site has.
KINDS = [
    "home", "stories", "story", "tips", "tip", "groups", "region", "group", "topic",
    "about", "not found",
]  # fmt: skip


def story_without_warning(site_dir: Path) -> str:
    """The site path of a story that has no content warning (the `pages` fixture's story has
    one)."""
    for page in sorted(site_dir.glob("stories/*/index.html")):
        if 'class="pk-warning"' not in page.read_text("utf-8"):
            return page.parent.relative_to(site_dir).as_posix() + "/"
    pytest.fail("the reference site has no story without a content warning", pytrace=False)
