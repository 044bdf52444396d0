"""A rebuild updates site/ where it stands (`standing_site`): the kept files it holds stay,
the built ones move in, the last build's others go, and anything unexpected leaves
site/ as it was for a whole new folder to be swapped in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from peerkit import standing_site
from peerkit.standing_site import MANIFEST, KeptPlacer, StandingSite


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, "utf-8")


def _read(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text("utf-8")
        for path in folder.rglob("*")
        if path.is_file()
    }


@pytest.fixture
def standing(tmp_path: Path) -> StandingSite:
    """A site/ of five files, noted by a build (`record`), and a fresh folder beside it."""
    _write(
        tmp_path / "site",
        {
            "index.html": "home",
            "a/index.html": "a",
            "b/index.html": "b",
            "e/index.html": "e",
            "old/x.json": "x",
        },
    )
    StandingSite(tmp_path / "site", tmp_path / "cache").record()
    (tmp_path / "new").mkdir()
    return StandingSite(tmp_path / "site", tmp_path / "cache")


def test_the_built_files_move_in_and_the_others_go(standing: StandingSite, tmp_path: Path) -> None:
    site = tmp_path / "site"
    kept_inode = (site / "a" / "index.html").stat().st_ino
    _write(tmp_path / "new", {"index.html": "new home", "c/d/index.html": "c"})
    standing.keep(["a/index.html", "e/index.html"])

    assert standing.root == str(site)
    assert standing.update(tmp_path / "new")

    assert _read(site) == {
        "index.html": "new home",
        "a/index.html": "a",
        "e/index.html": "e",
        "c/d/index.html": "c",
    }
    assert (site / "a" / "index.html").stat().st_ino == kept_inode  # not touched
    assert not (site / "old").exists() and not (site / "b").exists()  # emptied, removed
    assert not (tmp_path / "new").exists()
    again = StandingSite(site, tmp_path / "cache")
    assert again.root == str(site)
    assert again._files == {"index.html", "a/index.html", "e/index.html", "c/d/index.html"}


def test_a_file_becomes_a_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _write(site, {"index.html": "home", "feed": "a file"})
    StandingSite(site, tmp_path / "cache").record()
    _write(tmp_path / "new", {"feed/index.html": "a page"})
    standing = StandingSite(site, tmp_path / "cache")
    standing.keep(["index.html"])
    assert standing.update(tmp_path / "new")
    assert _read(site) == {"index.html": "home", "feed/index.html": "a page"}


def test_a_folder_where_a_file_is_to_go_changes_nothing(
    standing: StandingSite, tmp_path: Path
) -> None:
    """Even one the build is about to empty (`b`): it is swapped in whole instead."""
    before = _read(tmp_path / "site")
    _write(tmp_path / "new", {"b": "a file where a folder is"})
    standing.keep(["index.html", "a/index.html", "e/index.html", "old/x.json"])
    assert not standing.update(tmp_path / "new")
    assert _read(tmp_path / "site") == before
    assert StandingSite(tmp_path / "site", tmp_path / "cache").root is not None
    standing.complete(tmp_path / "new")  # to be swapped in whole
    assert _read(tmp_path / "new") == {
        "index.html": "home",
        "a/index.html": "a",
        "e/index.html": "e",
        "old/x.json": "x",
        "b": "a file where a folder is",
    }


def test_a_build_that_made_most_of_a_large_site_is_swapped_in_instead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(standing_site, "_MOVED_AT_MOST", 2)
    site = tmp_path / "site"
    _write(site, {f"{n}/index.html": "old" for n in range(6)})
    StandingSite(site, tmp_path / "cache").record()
    _write(tmp_path / "new", {f"{n}/index.html": "new" for n in range(4)})
    standing = StandingSite(site, tmp_path / "cache")
    standing.keep(["4/index.html", "5/index.html"])
    assert not standing.update(tmp_path / "new")
    assert set(_read(site).values()) == {"old"}
    (tmp_path / "new" / "3" / "index.html").unlink()
    standing.keep(["3/index.html"])
    assert standing.update(tmp_path / "new")  # three of six: moved in
    assert sorted(_read(site).values()) == ["new"] * 3 + ["old"] * 3


def test_a_move_cut_short_leaves_no_manifest(
    standing: StandingSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed or failing halfway, site/ is not what any manifest says: the next build
    makes all of it afresh."""

    def fail(*args: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(standing_site, "_move", fail)
    _write(tmp_path / "new", {"index.html": "new home"})
    standing.keep(["a/index.html", "b/index.html", "e/index.html", "old/x.json"])
    with pytest.raises(OSError):
        standing.update(tmp_path / "new")
    assert not (tmp_path / "cache" / MANIFEST).exists()
    assert StandingSite(tmp_path / "site", tmp_path / "cache").root is None


def test_a_site_folder_replaced_since_is_not_updated(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _write(site, {"index.html": "home"})
    StandingSite(site, tmp_path / "cache").record()
    site.rename(tmp_path / "elsewhere")
    _write(site, {"index.html": "someone else's"})
    assert StandingSite(site, tmp_path / "cache").root is None
    assert StandingSite(tmp_path / "elsewhere", tmp_path / "cache").root is None


def test_a_damaged_manifest_is_none(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _write(site, {"index.html": "home"})
    StandingSite(site, tmp_path / "cache").record()
    manifest = tmp_path / "cache" / MANIFEST
    manifest.write_bytes(manifest.read_bytes()[:-3])
    assert StandingSite(site, tmp_path / "cache").root is None


def test_a_kept_file_the_site_holds_is_not_linked_again(tmp_path: Path) -> None:
    cache, site, staging = tmp_path / "cache", tmp_path / "site", tmp_path / "new"
    _write(cache, {"kept-1": "one", "kept-2": "two", "kept-3": "three"})
    site.mkdir()
    staging.mkdir()
    os.link(cache / "kept-1", site / "one.html")
    (site / "two.html").write_text("two", "utf-8")  # the same bytes, another file
    placer = KeptPlacer(str(staging), str(site))
    for number, name in ((1, "one.html"), (2, "two.html"), (3, "x/three.html")):
        placer.place(str(cache / f"kept-{number}"), name)
    assert _read(staging) == {"two.html": "two", "x/three.html": "three"}
    assert (staging / "two.html").stat().st_ino == (cache / "kept-2").stat().st_ino
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    KeptPlacer(str(fresh), None).place(str(cache / "kept-1"), "one.html")
    assert _read(fresh) == {"one.html": "one"}
