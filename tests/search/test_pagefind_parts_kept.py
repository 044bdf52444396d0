"""The search index in parts: a part whose pages are as they were at the last build takes its
index from the cache, and the whole index is byte for byte the one a cold run makes."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from peerkit.search import pagefind
from peerkit.search.index_order import IndexOrder

PAGE = (
    "<!doctype html><html lang=en><head><title>{title}</title></head><body>"
    "<div data-pagefind-body><h1>{title}</h1><p>{words}</p></div></body></html>"
)


def _write(site: Path, pages: dict[str, str]) -> None:
    for name, words in pages.items():
        path = site / name / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=name, words=words), "utf-8")


def _index(site: Path, pages: list[str], kept: Path | None) -> pagefind.Indexer:
    indexer = pagefind.Indexer(site, kept)
    for name in pages:
        indexer.written(f"{name}/index.html")
    indexer.finish()
    return indexer


def _files(folder: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.parts[len(folder.parts)].startswith(pagefind.INDEX_DIR):
            found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


@pytest.fixture
def pages() -> dict[str, str]:
    return {f"story-{n}": f"kettle number {n} sings a song of tea" for n in range(5)}


def test_unchanged_parts_come_from_the_cache_and_the_index_is_a_cold_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: dict[str, str]
) -> None:
    monkeypatch.setattr(pagefind, "PAGES_PER_PART", 2)
    kept = tmp_path / "cache"
    first = tmp_path / "first"
    _write(first, pages)
    assert _index(first, list(pages), kept).reused == 0

    pages["story-4"] = "a marmalade cat sleeps on the windowsill"
    again, cold = tmp_path / "again", tmp_path / "cold"
    _write(again, pages)
    _write(cold, pages)
    rebuilt = _index(again, list(pages), kept)
    _index(cold, list(pages), None)

    # Parts of two pages: story-0 and -1, story-2 and -3 are unchanged; story-4's is new.
    assert (len(rebuilt.parts), rebuilt.reused) == (3, 2)
    assert _files(again) == _files(cold)
    assert b"marmalade" not in b"".join(_files(first).values())


def test_a_damaged_kept_part_is_indexed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: dict[str, str]
) -> None:
    monkeypatch.setattr(pagefind, "PAGES_PER_PART", 2)
    kept = tmp_path / "cache"
    first, again = tmp_path / "first", tmp_path / "again"
    _write(first, pages)
    _index(first, list(pages), kept)
    shutil.rmtree(first)  # the cache's files are links: the kept ones stay
    for path in kept.rglob("pagefind-entry.json"):
        path.write_text("{}", "utf-8")
        break

    _write(again, pages)
    rebuilt = _index(again, list(pages), kept)

    assert rebuilt.reused == 2
    assert all(
        (again / name).read_text("utf-8") != "{}"
        for name in _files(again)
        if name.endswith("pagefind-entry.json")
    )


def _eventually_gone(folder: Path) -> bool:
    deadline = time.monotonic() + 20
    while folder.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return not folder.exists()


def test_the_mirrors_go_once_indexed_and_a_killed_builds_mirrors_go_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: dict[str, str]
) -> None:
    """The parts' mirrors are removed in the background; those of a build that was
    killed (its process gone) are removed by the next, and neither a running build's
    nor a folder not named as mirrors are."""
    monkeypatch.setattr(pagefind, "PAGES_PER_PART", 2)
    site = tmp_path / "site"
    killed = tmp_path / ".pagefind-999999999-gone"
    running = tmp_path / f".pagefind-{os.getppid()}-busy"
    someone_elses = tmp_path / ".pagefind-notes-kept"
    for folder in (killed, running, someone_elses):
        (folder / "0" / "story-0").mkdir(parents=True)
        (folder / "0" / "story-0" / "index.html").write_text("<p>left</p>", "utf-8")
    _write(site, pages)

    _index(site, list(pages), None)

    assert _eventually_gone(killed)
    assert running.is_dir()
    mirrors = [p for p in tmp_path.glob(".pagefind-*") if p not in (running, someone_elses)]
    assert all(_eventually_gone(p) for p in mirrors)
    assert (someone_elses / "0" / "story-0" / "index.html").is_file()  # not named as ours
    assert (site / pagefind.INDEX_DIR / "pagefind-entry.json").is_file()


def test_every_part_is_indexed_while_the_build_goes_on_writing_other_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: dict[str, str]
) -> None:
    """The pages to index are written first: once the last is on disk, its part is
    closed, and each run that ends starts the next as the build writes the group
    pages (`poll`), so that no part waits for the build's end (`finish`)."""
    monkeypatch.setattr(pagefind, "PAGES_PER_PART", 2)
    site = tmp_path / "site"
    _write(site, pages)
    indexer = pagefind.Indexer(site)
    written = [f"{name}/index.html" for name in pages]
    IndexOrder(written, indexer.written, indexer.all_written).on_disk(written)
    entries = [site / f"pagefind{suffix}" / "pagefind-entry.json" for suffix in ("", "-2", "-3")]

    deadline = time.monotonic() + 30
    while not all(entry.is_file() for entry in entries) and time.monotonic() < deadline:
        indexer.poll()  # what the build does as it writes each further page
        time.sleep(0.05)

    assert all(entry.is_file() for entry in entries)
    indexer.finish()
    assert len(indexer.parts) == 3
