"""The directory's kept files: linked by a process given the cache's folder and key
alone, and made in the build's own process when they are not as kept."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

from peerkit.mkdocs_plugin.background_files import BackgroundFiles
from peerkit.mkdocs_plugin.kept_exports import KeptExports
from peerkit.mkdocs_plugin.kept_files import MANIFEST, kept_paths
from peerkit.model.settings import Settings
from peerkit.model.site import Site
from tests import records

SETTINGS = Settings(site_name="Test", site_url="https://peers.example.org/")
GROUP_NAME = "Tuesday Evening Circle (example)"


def _site() -> Site:
    return records.site(groups=[records.group("tuesday-circle", name=GROUP_NAME)])


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _made_without_cache(tmp_path: Path) -> dict[str, bytes]:
    fresh = tmp_path / "made-without-cache"
    KeptExports(_site(), SETTINGS, None).place(fresh)
    return _files(fresh)


def test_kept_files_are_linked_by_a_process_sent_no_records(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = KeptExports(_site(), SETTINGS, cache)
    assert first.placing() == first.place  # nothing kept yet: the files are made
    made = first.place(tmp_path / "first")

    placing = KeptExports(_site(), SETTINGS, cache).placing()
    sent = pickle.dumps(placing)

    assert GROUP_NAME.encode() not in sent
    assert len(sent) < 1_000
    assert sorted(pickle.loads(sent)(tmp_path / "second") or ()) == sorted(made)
    assert _files(tmp_path / "second") == _made_without_cache(tmp_path)
    linked = tmp_path / "second" / made[0]
    assert os.stat(linked).st_ino == os.stat(tmp_path / "first" / made[0]).st_ino


def test_a_changed_group_is_not_given_the_kept_files(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    KeptExports(_site(), SETTINGS, cache).place(tmp_path / "first")
    changed = records.site(groups=[records.group("tuesday-circle", name="Wednesday Circle")])

    exports = KeptExports(changed, SETTINGS, cache)

    assert exports.placing() == exports.place


def test_an_edited_kept_file_is_not_linked_and_the_build_makes_the_files_again(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    made = KeptExports(_site(), SETTINGS, cache).place(tmp_path / "first")
    kept = next(path for path in (cache / "files").rglob("*") if path.is_file())
    size = kept.stat().st_size
    kept.unlink()  # replaced, not written through: the first site keeps its own
    kept.write_bytes(b"x" * size)
    exports = KeptExports(_site(), SETTINGS, cache)
    placing = exports.placing()
    assert placing != exports.place  # the key is the kept one; the bytes are not

    writer = BackgroundFiles(list, tmp_path / "second", placing, exports.place)
    writer.start()

    assert sorted(writer.finish()) == sorted(made)
    assert _files(tmp_path / "second") == _made_without_cache(tmp_path)
    assert kept.read_bytes() != b"x" * size  # and kept again


def test_a_manifest_naming_a_path_outside_the_site_is_not_used(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    KeptExports(_site(), SETTINGS, cache).place(tmp_path / "first")
    manifest = json.loads((cache / MANIFEST).read_text("utf-8"))
    key = manifest["key"]
    assert kept_paths(cache, key) == [path for path, *_ in manifest["files"]]
    for outside in ("../outside.ics", "/etc/outside.ics", "groups/../../outside.ics"):
        files = [list(entry) for entry in manifest["files"]]
        files[0][0] = outside
        (cache / MANIFEST).write_text(json.dumps({**manifest, "files": files}), "utf-8")
        assert kept_paths(cache, key) is None, outside
