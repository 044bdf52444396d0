"""`peerkit build` keeps each content file's parse result on disk: a load from that cache
gives the same records, positions and problems as parsing every file, parses again
only what changed, and a damaged cache costs time, never a failed or different load."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from peerkit.load import site_loader
from peerkit.load.parse_cache import CACHE_FOLDER, ParseCache, _shard
from peerkit.load.site_loader import load_site
from peerkit.model.site import Site
from tests.conftest import SiteBuilder


@pytest.fixture
def site(make_site: SiteBuilder) -> SiteBuilder:
    make_site.story("first")
    make_site.story("second", {"title": "Second story"})
    make_site.write("stories/broken.md", "---\ntitle: [unclosed\n---\nText.\n")
    make_site.story("unchecked", {"consent": "yes"})
    make_site.tip("a-tip")
    make_site.group("a-group")
    make_site.group("bad-group", {"format": "by-post"})
    return make_site


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The first line of each YAML text the loader parses."""
    seen: list[str] = []
    real = site_loader.parse_yaml

    def counting(text: str, *rest: Any):  # type: ignore[no-untyped-def]
        seen.append(text.split("\n", 1)[0])
        return real(text, *rest)

    monkeypatch.setattr(site_loader, "parse_yaml", counting)
    return seen


def _folder(site: SiteBuilder) -> Path:
    return site.root / ".cache" / "peerkit"


def _load(site: SiteBuilder, cached: bool = True) -> tuple[Site, list[Any]]:
    cache = ParseCache(_folder(site)) if cached else None
    return load_site(site.root, site.content, cache=cache)


def _positions(site: Site) -> list[tuple[str, Any, Any, Any]]:
    records = [*site.stories, *site.tips, *site.groups, *site.unchecked]
    return [
        (r.source.path, r.source.located.data, r.source.located.values, r.source.located.keys)
        for r in records
    ]


def test_a_warm_cache_gives_what_parsing_every_file_gives(site, parses):
    cold, cold_problems = _load(site, cached=False)
    _load(site)
    parses.clear()

    warm, warm_problems = _load(site)

    assert len(parses) == 2  # topics.yml and crisis.yml, which are not kept
    assert warm == cold
    assert _positions(warm) == _positions(cold)
    assert warm_problems == cold_problems
    assert {d.path for d in warm_problems} == {
        "content/stories/broken.md",
        "content/stories/unchecked.md",
        "content/groups/bad-group.yml",
    }
    assert len(warm.unchecked) == 1


def test_an_edited_file_is_parsed_again(site, parses):
    _load(site)
    site.story("second", {"title": "Second story, edited"})
    parses.clear()

    warm, _ = _load(site)

    assert len(parses) == 3
    assert [s.title for s in warm.stories if s.slug == "second"] == ["Second story, edited"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data[:-40] + bytes(40),
        lambda data: b"not a cache at all",
        lambda data: b"",
    ],
    ids=["cut-short", "overwritten", "other-file", "empty"],
)
def test_a_damaged_cache_is_ignored(site, parses, damage):
    cold, cold_problems = _load(site, cached=False)
    _load(site)
    for path in (_folder(site) / CACHE_FOLDER).iterdir():
        path.write_bytes(damage(path.read_bytes()))
    parses.clear()

    warm, warm_problems = _load(site)

    assert len(parses) > 2
    assert (warm, warm_problems) == (cold, cold_problems)
    assert _positions(warm) == _positions(cold)


def _shards(site: SiteBuilder) -> dict[str, tuple[int, bytes]]:
    return {
        path.name: (path.stat().st_ino, path.read_bytes())
        for path in sorted((_folder(site) / CACHE_FOLDER).iterdir())
    }


def test_an_edit_writes_only_the_shard_of_its_file(site):
    _load(site)
    before = _shards(site)
    assert len(before) > 1, "the fixture's files fall in more than one shard"
    site.story("second", {"title": "Second story, edited"})

    _load(site)

    after = _shards(site)
    written = sorted(name for name in after if after[name] != before.get(name))
    assert written == [f"{_shard('content/stories/second.md'):02}.marshal"]


def test_a_damaged_shard_costs_its_own_files_only(site, parses):
    cold, cold_problems = _load(site, cached=False)
    _load(site)
    damaged = f"{_shard('content/stories/first.md'):02}.marshal"
    (_folder(site) / CACHE_FOLDER / damaged).write_bytes(b"not a cache at all")
    in_it = [
        p for p in site.content.rglob("*.*")
        if p.name not in ("topics.yml", "crisis.yml")
        and _shard(p.relative_to(site.root).as_posix()) == _shard("content/stories/first.md")
    ]  # fmt: skip
    parses.clear()

    warm, warm_problems = _load(site)

    assert len(parses) == 2 + len(in_it)
    assert (warm, warm_problems) == (cold, cold_problems)


def test_a_cache_of_other_code_is_set_aside(site, parses, monkeypatch):
    _load(site)
    monkeypatch.setattr("peerkit.load.parse_cache._code_key", lambda: "0" * 64)
    parses.clear()

    _load(site)

    assert len(parses) > 2


def test_a_load_without_the_cache_writes_none(site):
    _load(site, cached=False)

    assert not _folder(site).exists()


def _age(site: SiteBuilder) -> None:
    """Every content file last changed an hour ago: a status read within two seconds of
    a change is not trusted (the file system's clock may not have ticked)."""
    for path in site.content.rglob("*"):
        if path.is_file():
            status = path.stat()
            os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns - 3_600_000_000_000))


def test_files_untouched_since_the_last_build_are_not_read_again(site, reads):
    _age(site)
    cold, cold_problems = _load(site, cached=False)
    _load(site)
    reads.clear()

    warm, warm_problems = _load(site)

    assert sorted(reads) == ["crisis.yml", "topics.yml"]
    assert (warm, warm_problems) == (cold, cold_problems)
    assert _positions(warm) == _positions(cold)


def test_a_file_changed_to_the_same_size_and_time_is_read_again(site, reads):
    _age(site)
    _load(site)
    path = site.content / "stories" / "second.md"
    before = path.stat()
    path.write_text(path.read_text("utf-8").replace("Second story", "Second storm"), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    reads.clear()

    warm, _ = _load(site)

    assert "second.md" in reads
    assert [s.title for s in warm.stories if s.slug == "second"] == ["Second storm"]
