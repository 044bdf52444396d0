"""A session's checks (`peerkit serve`) look again only at what was saved.

The rules that read one record at a time keep their findings on each record the
loader handed back unchanged; these tests count the stories' texts parsed by the
HTML rule, and check that the findings are those of a fresh check.
"""

from __future__ import annotations

import os
import time

import pytest

from peerkit.check import html_removed
from peerkit.model.settings import Settings
from peerkit.project import Project
from tests.conftest import TODAY, SiteBuilder

AN_HOUR_AGO = time.time() - 3600


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The story and tip texts the HTML rule parses, in order."""
    seen: list[str] = []
    real = html_removed._removed

    def counting(body: str):  # type: ignore[no-untyped-def]
        seen.append(body)
        return real(body)

    monkeypatch.setattr(html_removed, "_removed", counting)
    return seen


def _messages(project: Project) -> list[str]:
    return [d.format() for d in project.check(TODAY)[1]]


def test_a_check_after_a_save_parses_only_the_saved_story(
    make_site: SiteBuilder, parsed: list[str]
) -> None:
    make_site.story("kept", body='A video: <iframe src="https://video.example"></iframe>\n')
    make_site.story("saved", body="First words.\n")
    for path in make_site.content.rglob("*"):
        # Out of reach of the loader's racy-save rule, which reads a just-written file.
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    project = Project(make_site.root, make_site.content, Settings("Test"), session=True)
    first = _messages(project)
    assert any("content/stories/kept.md" in m and "<iframe>" in m for m in first)

    make_site.story("saved", body="Second words, with <marquee>moving</marquee>.\n")
    parsed.clear()
    again = _messages(project)

    assert parsed == ["Second words, with <marquee>moving</marquee>.\n"]
    fresh = Project(make_site.root, make_site.content, Settings("Test"))
    assert again == _messages(fresh)
    assert any("content/stories/saved.md" in m and "<marquee>" in m for m in again)
