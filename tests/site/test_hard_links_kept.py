"""A kept file is trusted by its size and time, else by its bytes; the files under a
folder are listed as paths from it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from peerkit.hard_links import as_kept, files_below


def test_a_kept_file_is_known_by_size_and_time_else_by_bytes(tmp_path: Path) -> None:
    path = tmp_path / "kept.html"
    path.write_bytes(b"<p>kept</p>")
    status = path.stat()
    digest = hashlib.sha256(b"<p>kept</p>").hexdigest()
    assert as_kept(path, status.st_size, status.st_mtime_ns, None)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    assert not as_kept(path, status.st_size, status.st_mtime_ns, None)  # no digest to read
    assert as_kept(path, status.st_size, status.st_mtime_ns, digest)  # a restored archive
    path.write_bytes(b"<p>KEPT</p>")  # same size, other bytes, new time
    assert not as_kept(path, status.st_size, status.st_mtime_ns, digest)
    assert not as_kept(path, status.st_size + 1, path.stat().st_mtime_ns, digest)
    assert not as_kept(tmp_path / "gone.html", 1, 1, digest)
    assert not as_kept(tmp_path, 0, 0, None)  # a folder


def test_files_below_are_paths_from_the_folder(tmp_path: Path) -> None:
    for name in ("index.html", "a/index.html", "a/b/c.json", "é/ü.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", "utf-8")
    (tmp_path / "empty").mkdir()
    assert sorted(files_below(str(tmp_path))) == [
        "a/b/c.json",
        "a/index.html",
        "index.html",
        "é/ü.txt",
    ]
