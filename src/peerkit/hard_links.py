"""Files put in place by hard link: the build cache and the site share their bytes.

A cached page, export or search index part is the same file as the one in the built
site, so keeping tens of thousands of them costs directory entries, not a second copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path


def link_or_copy(source: Path, target: Path) -> None:
    """A hard link where the file system allows (no bytes copied), else a copy; made beside
    ``target`` and renamed over it, so that a reader never sees half a file."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.new")
    temporary.unlink(missing_ok=True)
    try:
        os.link(source, temporary)
    except OSError:
        shutil.copyfile(source, temporary)
    os.replace(temporary, target)


def link_into(source: Path | str, target: str) -> None:
    """Put ``source`` at ``target``, a path in a folder this build made, where nothing
    is yet: a hard link, else a copy. One call, not `link_or_copy`'s three."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise  # a copy would write through the file that is there
    except OSError:
        shutil.copyfile(source, target)


class Folders:
    """The folders made under ``root``, a folder this build made: one `mkdir` a folder,
    not `os.makedirs`' look at every parent of every file put in place."""

    def __init__(self, root: str) -> None:
        self._made = {root}

    def make(self, folder: str) -> None:
        if folder in self._made:
            return
        self.make(os.path.dirname(folder))
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder)
        self._made.add(folder)


def as_kept(path: Path, size: int, mtime_ns: int, digest: str | None) -> bool:
    """Whether a file the cache keeps is as it was kept: its size and modification time
    as stored (a kept file is the site's own, so one changed since shows a new time),
    else its bytes against ``digest`` (a cache a CI service restored from an archive,
    which keeps times to the second). False for a file that is gone or not a file."""
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode) or status.st_size != size:
            return False
        if status.st_mtime_ns == mtime_ns:
            return True
        return digest is not None and hashlib.sha256(path.read_bytes()).hexdigest() == digest
    except OSError:
        return False


def files_below(folder: str) -> Iterator[str]:
    """The files under ``folder`` as '/'-separated paths from it, by `os.scandir`, which
    needs no `stat` a file (a site's 66,000 files: `Path.rglob` took two seconds,
    `os.walk` 1.3, this half a second)."""
    pending = [(folder, "")]
    while pending:
        parent, prefix = pending.pop()
        with os.scandir(parent) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, f"{prefix}{entry.name}/"))
                else:
                    yield prefix + entry.name


def same_file(path: str, source: str) -> bool:
    """Whether ``path`` is ``source`` itself (a hard link to it, or it): a kept file
    that the site in place already holds (`standing_site`)."""
    try:
        return os.path.samestat(os.stat(path), os.stat(source))
    except OSError:
        return False
