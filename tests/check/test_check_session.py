"""A session's checks (`peerkit serve`) look again only at what was saved.

The rules that read one record at a time keep their findings on each record the
loader handed back unchanged, and the rules across the groups keep theirs while
every group is unchanged; these tests count the work the rules do again, and check
that the findings are those of a fresh check.
"""

from __future__ import annotations

import os
import time

import pytest

from peerkit.check import html_removed, rules
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


def _session(site: SiteBuilder) -> Project:
    for path in site.content.rglob("*"):
        # Out of reach of the loader's racy-save rule, which reads a just-written file.
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    return Project(site.root, site.content, Settings("Test"), session=True)


def test_a_check_after_a_save_parses_only_the_saved_story(
    make_site: SiteBuilder, parsed: list[str]
) -> None:
    make_site.story("kept", body='A video: <iframe src="https://video.example"></iframe>\n')
    make_site.story("saved", body="First words.\n")
    project = _session(make_site)
    first = _messages(project)
    assert any("content/stories/kept.md" in m and "<iframe>" in m for m in first)

    make_site.story("saved", body="Second words, with <marquee>moving</marquee>.\n")
    parsed.clear()
    again = _messages(project)

    assert parsed == ["Second words, with <marquee>moving</marquee>.\n"]
    fresh = Project(make_site.root, make_site.content, Settings("Test"))
    assert again == _messages(fresh)
    assert any("content/stories/saved.md" in m and "<marquee>" in m for m in again)


def test_the_rules_across_groups_run_again_only_when_a_group_is_saved(
    make_site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: list[int] = []
    real = rules._region_spellings

    def counting(groups):  # type: ignore[no-untyped-def]
        runs.append(len(groups))
        return real(groups)

    monkeypatch.setattr(rules, "_region_spellings", counting)
    make_site.story("saved")
    make_site.group("first")
    spelt = {"address": "2 Example Street", "town": "Leeds", "region": "yorkshire", "country": "GB"}
    make_site.group("second", {"location": spelt})
    project = _session(make_site)
    _messages(project)

    make_site.story("saved", body="New words.\n")
    after_a_story = _messages(project)
    make_site.group("third", {"location": spelt})
    after_a_group = _messages(project)

    assert runs == [2, 3]
    for messages in (after_a_story, after_a_group):
        assert any("second.yml" in m and "spelt 'Yorkshire'" in m for m in messages)
    assert after_a_group == _messages(Project(make_site.root, make_site.content, Settings("Test")))


def test_a_rule_recalled_whole_keeps_what_it_found_on_each_record(
    make_site: SiteBuilder, parsed: list[str]
) -> None:
    """A group's save recalls the rules over stories whole (`RuleResults`); the story
    saved next is then the only text they parse again."""
    make_site.story("kept", body='A video: <iframe src="https://video.example"></iframe>\n')
    make_site.story("saved", body="First words.\n")
    make_site.group("first")
    project = _session(make_site)
    _messages(project)

    make_site.group("second")
    parsed.clear()
    after_a_group = _messages(project)
    assert parsed == []
    make_site.story("saved", body="Second words, with <marquee>moving</marquee>.\n")
    after_a_story = _messages(project)

    assert parsed == ["Second words, with <marquee>moving</marquee>.\n"]
    assert any("kept.md" in m and "<iframe>" in m for m in after_a_group)
    assert after_a_story == _messages(Project(make_site.root, make_site.content, Settings("Test")))
