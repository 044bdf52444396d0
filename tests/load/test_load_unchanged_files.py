"""`peerkit serve` loads the site again on every save, without reading every file.

A file whose status (size, times, inode) is unchanged since the last load keeps
its record and problems; anything that may have changed is read. These tests
count the files actually read and check that what comes back is what a fresh
load would give.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from peerkit.load.site_loader import load_site
from tests.conftest import SiteBuilder

AN_HOUR_AGO = time.time() - 3600


def _age(folder: Path) -> None:
    """Every file as if saved an hour ago, out of reach of the racy-save rule."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))


def _load(site: SiteBuilder, remember: bool = True):  # type: ignore[no-untyped-def]
    """A load in the site's session (`peerkit serve`), or a load of its own (a build)."""
    return load_site(site.root, site.content, site.memory if remember else None)


@pytest.fixture
def site(make_site: SiteBuilder) -> SiteBuilder:
    make_site.story("first")
    make_site.story("second")
    make_site.write("stories/broken.md", "---\ntitle: [unclosed\n---\nText.\n")
    make_site.group("a-group")
    _age(make_site.content)
    return make_site


def test_untouched_files_are_not_read_again_and_give_the_same_site(site, reads):
    first, first_problems = _load(site)
    read_first = list(reads)
    reads.clear()

    again, again_problems = _load(site)

    assert "first.md" in read_first and "a-group.yml" in read_first
    assert [name for name in reads if name.endswith((".md", ".yml"))] == [
        "topics.yml",
        "crisis.yml",
    ]
    assert again == first
    assert again_problems == first_problems
    assert [d.path for d in again_problems] == ["content/stories/broken.md"]


def test_an_edit_of_the_same_size_and_time_is_still_seen(site, reads):
    path = site.content / "stories" / "second.md"
    _load(site)
    text = path.read_text("utf-8")
    path.write_text(text.replace("title: A story", "title: B story"), "utf-8")
    os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))  # the change time still moves
    reads.clear()

    loaded, _ = _load(site)

    assert reads.count("second.md") == 1
    assert [s.title for s in loaded.stories if s.slug == "second"] == ["B story"]


def test_a_file_saved_just_now_is_read_on_every_load(site, reads):
    site.story("fresh", {"title": "Fresh"})
    _load(site)
    _load(site)
    assert reads.count("fresh.md") == 2
    assert reads.count("first.md") == 1


def test_a_link_is_read_on_every_load(site, reads, tmp_path):
    (site.content / "stories" / "linked.md").symlink_to(site.content / "stories" / "first.md")
    _load(site)
    _load(site)
    assert reads.count("linked.md") == 2


def test_a_build_remembers_nothing(site, reads):
    _load(site, remember=False)
    _load(site, remember=False)
    assert reads.count("first.md") == 2


def test_a_file_that_became_unreadable_is_reported(site, reads):
    _load(site)
    path = site.content / "stories" / "first.md"
    path.write_bytes(b"---\ntitle: \xff\n---\n")
    os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))

    loaded, problems = _load(site)

    assert "first" not in [s.slug for s in loaded.stories]
    assert any(d.path == "content/stories/first.md" and "UTF-8" in d.message for d in problems)


def _load_changed(site: SiteBuilder, changed: set[str]):  # type: ignore[no-untyped-def]
    """A load in the session told by the file events which files changed."""
    return load_site(site.root, site.content, site.memory, changed=changed)


def test_with_the_changed_files_named_only_those_are_looked_at(site, reads, monkeypatch):
    _load(site)
    site.story("first", {"title": "First, edited"})
    site.story("third", {"title": "Third"})
    (site.content / "stories" / "second.md").unlink()
    (site.content / "stories" / ".first.md.swp").write_text("editor's own", "utf-8")
    statted: list[str] = []
    real_lstat = os.lstat
    monkeypatch.setattr(
        "peerkit.load.site_loader.os.lstat", lambda p: statted.append(p) or real_lstat(p)
    )
    reads.clear()

    loaded, problems = _load_changed(
        site, {"stories/first.md", "stories/third.md", "stories/second.md", "stories/.first.md.swp"}
    )

    assert sorted(n for n in reads if n not in ("topics.yml", "crisis.yml")) == [
        "first.md",
        "third.md",
    ]
    assert not [p for p in map(str, statted) if p.endswith(("broken.md", "a-group.yml"))]
    fresh, fresh_problems = _load(site, remember=False)
    assert loaded == fresh and problems == fresh_problems
    assert sorted(s.slug for s in loaded.stories) == ["first", "third"]


def test_a_change_the_events_did_not_name_waits_for_them(site, reads):
    """The events are trusted: what they have not named yet is as it was last load;
    the event that names it comes, and its load reads it."""
    _load(site)
    site.story("first", {"title": "First, edited"})
    _age(site.content)

    unseen, _ = _load_changed(site, set())
    named, _ = _load_changed(site, {"stories/first.md"})

    assert [s.title for s in unseen.stories if s.slug == "first"] != ["First, edited"]
    assert [s.title for s in named.stories if s.slug == "first"] == ["First, edited"]


def test_without_a_last_load_the_changed_files_are_not_enough(site, reads):
    loaded, _ = _load_changed(site, set())
    assert sorted(s.slug for s in loaded.stories) == ["first", "second"]


def test_what_changed_since_the_last_load_is_found_without_events(site):
    from peerkit.load.site_loader import changed_since

    _load(site)
    assert changed_since(site.content, site.memory) == set()
    site.story("first", {"title": "First, edited while the first build ran"})
    site.story("new-one")
    (site.content / "groups" / "a-group.yml").unlink()

    assert changed_since(site.content, site.memory) == {
        "stories/first.md",
        "stories/new-one.md",
        "groups/a-group.yml",
    }
