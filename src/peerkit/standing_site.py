"""Updating the built site where it stands, when a rebuild changes little of it.

`site_output` builds into a fresh folder and swaps it in for site/, so that a build
that fails leaves the last site whole. But a rebuild that takes nearly every file
from the cache (`page_cache`, `kept_exports`, Pagefind's kept parts) then put 73,000
files into 46,000 new folders at the large scale, one link each, and removed the old
site's as many after it: five to seven seconds of the system's time a rebuild, and
more on a file system that looks past recently freed inodes to make a folder.

Those kept files are in site/ already: each is the cache's own file (a hard link), so
a file of site/ that is the same file as the cache's is the kept file, whatever else
happened to the folder. So when site/ is the folder the last build left (the
manifest here lists its files, and names the folder by its device and inode), the
fresh folder gets only the files this build makes, and the kept files site/ holds
stay where they are (`KeptPlacer`). Once the build has worked, its files are moved
into site/ (one rename each) and the files of the last build that this one neither
made nor kept are removed: the same files, byte for byte, as a cold build's.

What must not stop halfway waits: Ctrl-C and SIGTERM are held while the files move,
and the manifest is removed before the first change and written after the last, so
that a build killed outright (SIGKILL, a power cut) in between leaves no manifest,
and the next build makes a whole fresh folder and swaps it in. When this build made
most of the site anew (a new template), or site/ is not as the manifest says (a
folder where a file is to go), the fresh folder is completed with links to the kept
files and swapped in, as before.

A file put into site/ by hand is in no manifest and stays there; a build with
`--no-cache`, or removing site/, removes it.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path

from peerkit.background_removal import remove_in_background
from peerkit.checked_files import read_checked, write_checked
from peerkit.hard_links import Folders, files_below, link_into, same_file
from peerkit.interrupts import signals_held

MANIFEST = "site.marshal"
"""In the cache's folder: the built site's folder and its files, from its root."""
_TAG = "peerkit built site 1"
_MOVED_AT_MOST = 1000
"""A build that made more files than this and than half the site is swapped in whole:
a rename into site/ cost as much as a link into the fresh folder (130 µs), and a
build that made everything (a new template) spent ten seconds moving 73,000 files."""
_REMOVED_HERE = 2000
"""Past this many files moved out of the fresh folder, its empty folders are removed
by a process of their own (`background_removal`)."""


class KeptPlacer:
    """Puts kept files into the site being built (``staging``, a folder this build made):
    nothing for a file that site/ (``standing``, if it may be updated where it stands)
    holds already, else a link into ``staging``. Plain data, so that the process that
    places the exports can be sent one by pickle."""

    def __init__(self, staging: str, standing: str | None) -> None:
        self.staging = staging
        self.standing = standing
        self._folders = Folders(staging)

    def place(self, source: str, path: str) -> None:
        """The kept file ``source`` at ``path`` from the site's root."""
        if self.standing is not None and same_file(os.path.join(self.standing, path), source):
            return
        target = os.path.join(self.staging, path)
        self._folders.make(os.path.dirname(target))
        link_into(source, target)


class StandingSite:
    """site/ as the last build left it, and the files this build keeps of it."""

    def __init__(self, site_dir: Path, cache_folder: Path) -> None:
        self.site_dir = site_dir
        self._manifest = cache_folder / MANIFEST
        self._files = _read(self._manifest, site_dir)
        self.kept: set[str] = set()
        """The paths of the files this build keeps from the cache: in site/ already, or
        linked into the fresh folder."""

    @property
    def root(self) -> str | None:
        """site/, if this build may update it where it stands; else None."""
        return str(self.site_dir) if self._files is not None else None

    def keep(self, paths: Iterable[str]) -> None:
        self.kept.update(paths)

    def update(self, staging: Path) -> bool:
        """Move the files built into ``staging`` into site/ and remove the last build's
        files that this one neither made nor kept; whether that was done. If not,
        nothing was changed: ``complete`` the fresh folder and swap it in."""
        if self._files is None:
            return False
        made = set(files_below(str(staging)))
        site = made | self.kept
        root = str(self.site_dir)
        stale = self._files - site
        if len(made) > max(_MOVED_AT_MOST, len(site) // 2) or not _fits(root, made, stale):
            return False
        with signals_held():
            self._manifest.unlink(missing_ok=True)
            _remove(root, stale)
            _move(str(staging), root, made)
            self._write(site)
        if len(made) > _REMOVED_HERE:
            remove_in_background(staging)
        else:
            shutil.rmtree(staging, ignore_errors=True)
        return True

    def complete(self, staging: Path) -> None:
        """Link the kept files that site/ holds into ``staging``, which then holds the
        whole site, to be swapped in."""
        root = str(self.site_dir)
        folders = Folders(str(staging))
        for path in self.kept:
            target = os.path.join(staging, path)
            folders.make(os.path.dirname(target))
            with contextlib.suppress(FileExistsError):
                link_into(os.path.join(root, path), target)

    def record(self) -> None:
        """Note the files of a site/ just swapped in, for the next build."""
        self._write(set(files_below(str(self.site_dir))))

    def _write(self, files: set[str]) -> None:
        status = os.stat(self.site_dir)
        payload = (str(self.site_dir), status.st_dev, status.st_ino, list(files))
        write_checked(self._manifest, _TAG, marshal.dumps(payload))


def _read(manifest: Path, site_dir: Path) -> frozenset[str] | None:
    """The files of site/ if the manifest names this very folder, else None."""
    payload = read_checked(manifest, _TAG)
    if payload is None:
        return None
    try:
        folder, device, inode, files = marshal.loads(payload)
        status = os.stat(site_dir)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if folder != str(site_dir) or (status.st_dev, status.st_ino) != (device, inode):
        return None
    if not all(isinstance(path, str) and _inside(path) for path in files):
        return None
    return frozenset(files)


def _inside(path: str) -> bool:
    return bool(path) and not path.startswith("/") and ".." not in path.split("/")


def _fits(root: str, made: set[str], stale: set[str]) -> bool:
    """Whether every stale file can be removed and every made one moved in: each is a
    file or nothing, and what is above a made file is a folder, nothing yet, or a stale
    file (removed first)."""
    if not all(_file_or_nothing(os.path.join(root, path)) for path in stale | made):
        return False
    folders: set[str] = set()
    for path in made:
        parent = os.path.dirname(path)
        while parent and parent not in folders:
            try:
                mode = os.lstat(os.path.join(root, parent)).st_mode
            except FileNotFoundError:
                mode = None
            except OSError:
                return False
            if mode is not None and stat.S_ISDIR(mode):
                folders.add(parent)
                break
            if mode is not None and parent not in stale:
                return False
            folders.add(parent)
            parent = os.path.dirname(parent)
    return True


def _file_or_nothing(path: str) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):  # the folders above: `_fits`
        return True
    except OSError:
        return False


def _remove(root: str, stale: set[str]) -> None:
    """Remove the stale files, then the folders that held them and hold nothing now."""
    folders: set[str] = set()
    for path in stale:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(os.path.join(root, path))
        parent = os.path.dirname(path)
        while parent and parent not in folders:
            folders.add(parent)
            parent = os.path.dirname(parent)
    for folder in sorted(folders, key=lambda name: name.count("/"), reverse=True):
        with contextlib.suppress(OSError):  # not empty: it holds this build's files
            os.rmdir(os.path.join(root, folder))


def _move(staging: str, root: str, made: set[str]) -> None:
    folders = Folders(root)
    for path in made:
        target = os.path.join(root, path)
        folders.make(os.path.dirname(target))
        os.replace(os.path.join(staging, path), target)
