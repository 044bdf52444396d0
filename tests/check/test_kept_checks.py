"""`peerkit build` keeps the checks' findings on disk: the next build's checks look again
only at the files that changed, find what a check from nothing finds, and a damaged or
foreign store costs time, never a different result."""

from __future__ import annotations

import pytest

from peerkit.check import encoding, html_removed, rules, scans
from peerkit.check.kept_checks import CACHE_FILE
from peerkit.load.parse_cache import ParseCache
from peerkit.model.settings import Settings
from peerkit.project import Project
from tests.conftest import TODAY, SiteBuilder

SPELT = {"address": "2 Example Street", "town": "Leeds", "region": "yorkshire", "country": "GB"}


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the rules that read one file, the scans and a rule across groups look at."""
    seen: list[str] = []

    def counting(module, name, label):  # type: ignore[no-untyped-def]
        real = getattr(module, name)

        def counted(value, *rest):  # type: ignore[no-untyped-def]
            path = getattr(getattr(value, "source", None), "path", "")
            if path != "content/topics.yml":  # a handful of topics, not kept: looked at anew
                seen.append(f"{label} {path}".strip())
            return real(value, *rest)

        monkeypatch.setattr(module, name, counted)

    counting(encoding, "_garbled_in", "garbled")
    counting(html_removed, "_left_out", "html")
    counting(rules, "_region_spellings", "regions")
    counting(scans, "find_mentions", "mentions")
    return seen


@pytest.fixture
def site(make_site: SiteBuilder) -> SiteBuilder:
    make_site.story("kept", body='A video: <iframe src="https://video.example"></iframe>\n')
    make_site.story("edited", body="First words.\n")
    make_site.group("first")
    make_site.group("second", {"location": SPELT})
    return make_site


def _build_check(site: SiteBuilder) -> list[str]:
    """The checks as `peerkit build` runs them: with the parse cache, a new process each."""
    project = Project(site.root, site.content, Settings("Test"))
    project.parse_cache = ParseCache(site.root / ".cache" / "peerkit")
    return [d.format() for d in project.check(TODAY)[1]]


def _fresh_check(site: SiteBuilder) -> list[str]:
    return [d.format() for d in Project(site.root, site.content, Settings("Test")).check(TODAY)[1]]


def test_a_second_build_checks_nothing_again(site: SiteBuilder, work: list[str]) -> None:
    first = _build_check(site)
    assert "regions" in work and any(w.startswith("garbled content/stories/") for w in work)
    work.clear()

    again = _build_check(site)

    assert work == []
    assert again == first == _fresh_check(site)
    assert any("kept.md" in m and "<iframe>" in m for m in again)
    assert any("second.yml" in m and "spelt 'Yorkshire'" in m for m in again)


def test_an_edited_story_is_checked_again_and_only_it(site: SiteBuilder, work: list[str]) -> None:
    _build_check(site)
    site.story("edited", body="Cafâ€™s <marquee>moving</marquee> words about suicide.\n")
    work.clear()

    again = _build_check(site)

    assert sorted(work) == [
        "garbled content/stories/edited.md",
        "html content/stories/edited.md",
        "mentions",
    ]
    assert again == _fresh_check(site)
    assert any("edited.md" in m and "<marquee>" in m for m in again)
    assert any("edited.md" in m and "garbled" in m for m in again)
    assert any("edited.md" in m and "content warning" in m for m in again)


def test_a_new_group_runs_the_rules_across_groups_again(site: SiteBuilder, work: list[str]) -> None:
    _build_check(site)
    site.group("third", {"location": SPELT})
    work.clear()

    again = _build_check(site)

    assert work.count("regions") == 1
    assert again == _fresh_check(site)
    assert any("third.yml" in m and "spelt 'Yorkshire'" in m for m in again)


@pytest.mark.parametrize("damage", ["cut", "flipped", "other code"])
def test_a_damaged_store_is_a_check_from_nothing(
    site: SiteBuilder, work: list[str], damage: str
) -> None:
    first = _build_check(site)
    store = site.root / ".cache" / "peerkit" / CACHE_FILE
    data = store.read_bytes()
    if damage == "cut":
        store.write_bytes(data[: len(data) // 2])
    elif damage == "flipped":
        store.write_bytes(data[:-3] + bytes([data[-3] ^ 0xFF]) + data[-2:])
    else:
        tag, rest = data.split(b"\n", 1)
        fmt, code = tag.rsplit(b" ", 1)
        store.write_bytes(fmt + b" " + b"0" * len(code) + b"\n" + rest)
    work.clear()

    again = _build_check(site)

    assert any(w.startswith("garbled content/stories/") for w in work)
    assert again == first
