"""The files that are not pages, written by a second process while MkDocs builds pages.

A national directory's calendars, HSDS tables and Meeting Guide feed are tens of
thousands of files and a fifth of a large build; none of them is needed by a page.
Where forking is safe (`peerkit.forked`) a child writes them straight into the site
folder while MkDocs renders pages on the other core, and the parent never holds
them in memory; elsewhere the same files are written in the build's own process at
the end.

`peerkit serve` does not use this: it hands the files to MkDocs, which writes only
those that changed since the last save.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path, PurePosixPath

from peerkit.forked import Forked, ForkedError
from peerkit.hard_links import Folders
from peerkit.render.page import GeneratedFile


class BackgroundFilesError(Exception):
    """Writing the files failed; the message says which and why."""


def write_files(files: Iterable[GeneratedFile], site_dir: Path) -> list[str]:
    """Writes ``files`` into ``site_dir``; the paths written, from the site's root."""
    written = []
    site_dir.mkdir(parents=True, exist_ok=True)
    folders = Folders(str(site_dir))
    for generated in files:
        relative = PurePosixPath(generated.path)
        if relative.is_absolute() or ".." in relative.parts:
            raise BackgroundFilesError(f"{generated.path}: not a path inside the site")
        target = os.path.join(site_dir, *relative.parts)
        folders.make(os.path.dirname(target))
        with open(target, "wb") as handle:
            handle.write(generated.content)
        written.append(generated.path)
    return written


class BackgroundFiles:
    """Writes ``make()``'s files into ``site_dir``: started early, finished at the end.

    ``place``, if given, puts more files into ``site_dir`` and says which
    (`kept_exports`, which may take them from the last build). It runs in a new
    interpreter (`Forked`'s ``fresh``), not in the fork: the directory's files take as
    long as the pages, and a fork that lives that long ends up with its own copy of
    every page of this process' memory. So it must be picklable, and hold only what
    it needs. If it puts nothing and says None (kept files it was to link are not as
    kept), ``place_again`` does it in this process."""

    def __init__(
        self,
        make: Callable[[], Iterable[GeneratedFile]],
        site_dir: Path,
        place: Callable[[Path], list[str] | None] | None = None,
        place_again: Callable[[Path], list[str]] | None = None,
    ) -> None:
        self._make = make
        self._site_dir = site_dir
        self._place = place
        self._place_again = place_again
        self._work: list[Forked[list[str]] | Forked[list[str] | None]] = []

    def start(self) -> None:
        self._work = [Forked(self._write)]
        if self._place is not None:
            self._work.append(Forked(partial(self._place, self._site_dir), fresh=True))

    def _write(self) -> list[str]:
        return write_files(self._make(), self._site_dir)

    def finish(self) -> list[str]:
        """The paths written, once every file is on disk."""
        assert self._work, "start() first"
        written = []
        try:
            for work in self._work:
                done = work.result()
                if done is None:
                    done = self._again()
                written += done
        except ForkedError as exc:
            self.cancel()
            raise BackgroundFilesError(str(exc)) from None
        return written

    def _again(self) -> list[str]:
        assert self._place_again is not None, "place said None: place_again does it"
        try:
            return self._place_again(self._site_dir)
        except BackgroundFilesError:
            raise
        except Exception as exc:
            raise ForkedError(f"{type(exc).__name__}: {exc}") from exc

    def cancel(self) -> None:
        """The build failed: stop writing into a folder that is about to be thrown away."""
        for work in self._work:
            work.cancel()
