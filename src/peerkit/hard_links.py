"""Files put in place by hard link: the build cache and the site share their bytes.

A cached page, export or search index part is the same file as the one in the built
site, so keeping tens of thousands of them costs directory entries, not a second copy.
"""

from __future__ import annotations

import contextlib
import os
import shutil
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
