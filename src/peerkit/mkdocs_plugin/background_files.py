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

from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

from peerkit.forked import Forked, ForkedError
from peerkit.render.page import GeneratedFile


class BackgroundFilesError(Exception):
    """Writing the files failed; the message says which and why."""


def write_files(files: Iterable[GeneratedFile], site_dir: Path) -> list[str]:
    """Writes ``files`` into ``site_dir``; the paths written, from the site's root."""
    written = []
    folders: set[Path] = set()
    for generated in files:
        relative = PurePosixPath(generated.path)
        if relative.is_absolute() or ".." in relative.parts:
            raise BackgroundFilesError(f"{generated.path}: not a path inside the site")
        target = site_dir.joinpath(*relative.parts)
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_bytes(generated.content)
        written.append(generated.path)
    return written


class BackgroundFiles:
    """Writes ``make()``'s files into ``site_dir``: started early, finished at the end.

    ``place``, if given, puts more files into ``site_dir`` in the same process, and
    says which (`kept_exports`, which may take them from the last build)."""

    def __init__(
        self,
        make: Callable[[], Iterable[GeneratedFile]],
        site_dir: Path,
        place: Callable[[Path], list[str]] | None = None,
    ) -> None:
        self._make = make
        self._site_dir = site_dir
        self._place = place
        self._work: Forked[list[str]] | None = None

    def start(self) -> None:
        self._work = Forked(self._write)

    def _write(self) -> list[str]:
        written = write_files(self._make(), self._site_dir)
        return written + (self._place(self._site_dir) if self._place is not None else [])

    def finish(self) -> list[str]:
        """The paths written, once every file is on disk."""
        assert self._work is not None, "start() first"
        try:
            return self._work.result()
        except ForkedError as exc:
            raise BackgroundFilesError(str(exc)) from None

    def cancel(self) -> None:
        """The build failed: stop writing into a folder that is about to be thrown away."""
        if self._work is not None:
            self._work.cancel()
