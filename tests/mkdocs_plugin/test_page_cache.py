"""`peerkit build` with the pages and exports it kept from the last build makes the same
site, byte for byte, as a cold build of the changed site, for each kind of change, and
rebuilds only what the change touched."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest

from peerkit.mkdocs_plugin.page_cache import KeptPage, _read_manifest, _write_manifest
from tests.commands import _env, run_peerkit
from tests.conftest import TOPICS, SiteBuilder, dump_yaml

pytestmark = pytest.mark.slow

OVERRIDE = '{% extends "base.html" %}\n'
_KEPT = re.compile(r"peerkit: (\d+) pages unchanged since the last build")
_EXPORTS_KEPT = re.compile(r"peerkit: \d+ exported files unchanged since the last build")


def _write_site(root: Path) -> SiteBuilder:
    site = SiteBuilder(root)
    site.story("first-story", {"title": "The first story"})
    site.story("second-story", {"title": "The second story"})
    site.tip("a-tip")
    site.group("a-group")
    # The cache keeps pages only where Pagefind answers the search (`page_cache`).
    site.configure({"search": "pagefind"}, theme={"custom_dir": "overrides"})
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text(OVERRIDE, "utf-8")
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small site built once with an empty cache: the cache every test starts from."""
    root = tmp_path_factory.mktemp("cached-site")
    _write_site(root)
    result = run_peerkit(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _kept(result) == 0
    assert list((root / ".cache" / "peerkit" / "parsed").glob("*.marshal"))
    return root


def _kept(result: subprocess.CompletedProcess[str]) -> int:
    found = _KEPT.search(result.stderr)
    assert found is not None, result.stderr
    return int(found.group(1))


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def _same_files(incremental: Path, cold: Path) -> None:
    ours, theirs = _files(incremental), _files(cold)
    assert sorted(ours) == sorted(theirs)
    differing = [path for path in ours if ours[path] != theirs[path]]
    assert differing == []


def _rebuilt(
    built: Path, tmp_path: Path, change: Callable[[SiteBuilder], None], *command: str
) -> tuple[int, Path, bool]:
    """Copy the built site and its cache elsewhere (as CI restores a cache), change it,
    build again with the cache and cold; the number of pages kept, the copy's folder,
    and whether the exports were taken from the cache."""
    root = tmp_path / "site-folder"
    shutil.copytree(built, root)
    change(_builder(root))
    incremental = subprocess.run(
        [sys.executable, *(command or ("-m", "peerkit.cli")), "build"],
        cwd=root, capture_output=True, text=True, env=_env(), check=False,
    )  # fmt: skip
    assert incremental.returncode == 0, incremental.stdout + incremental.stderr
    parsed = _files(root / ".cache" / "peerkit" / "parsed")
    manifest = root / ".cache" / "peerkit" / "exports" / "exports.json"
    kept_exports = manifest.read_bytes()
    cold = run_peerkit(root, "build", "--no-cache", "-d", str(tmp_path / "cold"))
    assert cold.returncode == 0, cold.stdout + cold.stderr
    assert _EXPORTS_KEPT.search(cold.stderr) is None
    assert manifest.read_bytes() == kept_exports  # --no-cache writes no cache either
    _same_files(root / "site", tmp_path / "cold")
    assert _files(root / ".cache" / "peerkit" / "parsed") == parsed
    return _kept(incremental), root, _EXPORTS_KEPT.search(incremental.stderr) is not None


def _builder(root: Path) -> SiteBuilder:
    """A SiteBuilder over an existing site, without writing its topics and crisis lines again."""
    builder = object.__new__(SiteBuilder)
    builder.root, builder.content = root, root / "content"
    return builder


def test_edited_story_rebuilds_its_own_pages_and_matches_a_cold_build(
    built: Path, tmp_path: Path
) -> None:
    def edit(site: SiteBuilder) -> None:
        site.story("first-story", {"title": "The first story"}, body="Edited since.\n")

    kept, root, exports_kept = _rebuilt(built, tmp_path, edit)
    assert 0 < kept < _pages(root / "site")
    assert exports_kept  # a story is in no export


def test_a_rebuild_updates_the_site_where_it_stands(built: Path, tmp_path: Path) -> None:
    """The next build in the same folder keeps site/ itself and the files it keeps (the
    same files, not new links), removes a deleted story's page, and still makes what a
    cold build makes (`standing_site`)."""
    root = tmp_path / "site-folder"
    shutil.copytree(built, root)  # copies, not links: this build puts a whole site in
    assert run_peerkit(root, "build").returncode == 0
    site = root / "site"
    unchanged = next(site.rglob("a-group/index.html"))
    before = (site.stat().st_ino, unchanged.stat().st_ino)
    assert any(site.rglob("second-story"))

    _builder(root).story("first-story", {"title": "The first story"}, body="Edited since.\n")
    (root / "content" / "stories" / "second-story.md").unlink()
    again = run_peerkit(root, "build")
    assert again.returncode == 0, again.stdout + again.stderr
    assert _kept(again) > 0

    assert (site.stat().st_ino, unchanged.stat().st_ino) == before
    assert not any(site.rglob("second-story"))
    assert not list(root.glob(".site-*"))  # the fresh folder is gone
    cold = run_peerkit(root, "build", "--no-cache", "-d", str(tmp_path / "cold"))
    assert cold.returncode == 0, cold.stdout + cold.stderr
    _same_files(site, tmp_path / "cold")


def test_new_group_matches_a_cold_build(built: Path, tmp_path: Path) -> None:
    kept, root, exports_kept = _rebuilt(built, tmp_path, lambda site: site.group("new-group"))
    assert 0 < kept < _pages(root / "site")
    assert not exports_kept
    assert any((root / "site").rglob("new-group/calendar.ics"))


def test_edited_group_matches_a_cold_build(built: Path, tmp_path: Path) -> None:
    """A record is keyed by its file (`record_keys`): an edit to one group's file alone
    must give its page, its region's and the exports anew."""

    def edit(site: SiteBuilder) -> None:
        site.group("a-group", {"name": "A renamed group"})

    kept, root, exports_kept = _rebuilt(built, tmp_path, edit)
    assert 0 < kept < _pages(root / "site")
    assert not exports_kept
    assert "A renamed group" in (root / "site" / "groups" / "index.html").read_text("utf-8")


def test_changed_topic_matches_a_cold_build(built: Path, tmp_path: Path) -> None:
    renamed = [{**TOPICS[0], "title": "Anxiety and worry"}, *TOPICS[1:]]
    kept, root, exports_kept = _rebuilt(
        built, tmp_path, lambda site: site.write("topics.yml", dump_yaml(renamed))
    )
    assert 0 < kept < _pages(root / "site")
    assert not exports_kept


def test_changed_template_override_rebuilds_every_page(built: Path, tmp_path: Path) -> None:
    def change(site: SiteBuilder) -> None:
        override = site.root / "overrides" / "main.html"
        override.write_text(
            OVERRIDE + '{% block site_meta %}{{ super() }}<meta name="x-changed" content="1">'
            "{% endblock %}\n",
            "utf-8",
        )

    kept, root, exports_kept = _rebuilt(built, tmp_path, change)
    assert kept == 0
    assert exports_kept  # the theme makes pages, not exports
    assert 'name="x-changed"' in (
        root / "site" / "stories" / "first-story" / "index.html"
    ).read_text("utf-8")


def test_changed_configuration_rebuilds_every_page(built: Path, tmp_path: Path) -> None:
    def change(site: SiteBuilder) -> None:
        config = site.root / "mkdocs.yml"
        config.write_text(config.read_text("utf-8").replace("site_name: Test", "site_name: Peers"))

    kept, _, exports_kept = _rebuilt(built, tmp_path, change)
    assert kept == 0
    assert not exports_kept


def test_another_peerkit_version_rebuilds_every_page(built: Path, tmp_path: Path) -> None:
    upgraded = (
        "-c",
        "import sys, peerkit; peerkit.__version__ = '99.0';"
        " from peerkit.cli import main; sys.exit(main(sys.argv[1:]))",
    )
    kept, _, exports_kept = _rebuilt(built, tmp_path, lambda site: None, *upgraded)
    assert kept == 0
    assert not exports_kept


def test_damaged_cached_page_is_built_again(built: Path, tmp_path: Path) -> None:
    def damage(site: SiteBuilder) -> None:
        kept = sorted((site.root / ".cache" / "peerkit" / "pages").iterdir())[0]
        kept.unlink()  # a hard link: the site's own copy stays whole
        kept.write_text("<p>not the page</p>", "utf-8")

    cached = len(list((built / ".cache" / "peerkit" / "pages").iterdir()))
    kept, _, exports_kept = _rebuilt(built, tmp_path, damage)
    assert kept == cached - 1
    assert exports_kept


def test_damaged_kept_export_is_made_again(built: Path, tmp_path: Path) -> None:
    def damage(site: SiteBuilder) -> None:
        exports = site.root / ".cache" / "peerkit" / "exports"
        manifest = json.loads((exports / "exports.json").read_text("utf-8"))
        number = next(n for n, (path, *_) in enumerate(manifest["files"]) if path.endswith(".ics"))
        kept = exports / "files" / str(number)
        kept.unlink()  # a hard link: the site's own copy stays whole
        kept.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "utf-8")

    _, _, exports_kept = _rebuilt(built, tmp_path, damage)
    assert not exports_kept


def test_the_next_day_keeps_the_stories_and_matches_a_cold_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A group's page shows its next meetings and a list of groups flags old listings:
    those are the day's; a story is the same page tomorrow."""
    root = tmp_path / "site-folder"
    root.mkdir()
    _write_site(root)
    day = int(datetime(2026, 11, 25, tzinfo=timezone.utc).timestamp())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(day))
    first = run_peerkit(root, "build")
    assert first.returncode == 0, first.stdout + first.stderr

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(day + 86_400))
    again = run_peerkit(root, "build")
    assert again.returncode == 0, again.stdout + again.stderr
    cold = run_peerkit(root, "build", "--no-cache", "-d", str(tmp_path / "cold"))
    assert cold.returncode == 0, cold.stdout + cold.stderr

    assert 0 < _kept(again) < _pages(root / "site")
    _same_files(root / "site", tmp_path / "cold")


def test_a_cache_restored_with_new_times_is_still_used(built: Path, tmp_path: Path) -> None:
    """A CI service restores the cache from an archive that may keep times to the second:
    a kept page whose time changed is read, and kept if its bytes are the same."""
    root = tmp_path / "site-folder"
    shutil.copytree(built, root, ignore=shutil.ignore_patterns(".cache"))
    shutil.copytree(built / ".cache", root / ".cache", copy_function=shutil.copy)
    cached = len(list((built / ".cache" / "peerkit" / "pages").iterdir()))

    again = run_peerkit(root, "build")
    assert again.returncode == 0, again.stdout + again.stderr
    cold = run_peerkit(root, "build", "--no-cache", "-d", str(tmp_path / "cold"))
    assert cold.returncode == 0, cold.stdout + cold.stderr

    assert _kept(again) == cached
    assert re.search(r"peerkit: (\d+) of \1 parts of the search index unchanged", again.stderr)
    assert _EXPORTS_KEPT.search(again.stderr)
    _same_files(root / "site", tmp_path / "cold")


def test_the_manifest_reads_back_and_a_damaged_one_is_none(tmp_path: Path) -> None:
    pages = {
        "a" * 64: KeptPage("d" * 64, 120, 1_700_000_000_000_000_000, ("sha256-x",), False, True),
        "b" * 64: KeptPage("e" * 64, 80, 1_700_000_000_000_000_001, (), True, False),
    }
    path = tmp_path / "pages.marshal"
    _write_manifest(path, pages)
    assert _read_manifest(path) == pages

    data = path.read_bytes()
    for damaged in (data[: len(data) // 2], data[:-1] + bytes([data[-1] ^ 1]), b""):
        path.write_bytes(damaged)
        assert _read_manifest(path) == {}
