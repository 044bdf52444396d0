"""The files that are not pages, written by a second process while MkDocs builds pages.

A national directory's calendars, HSDS tables and Meeting Guide feed are tens of
thousands of files and a fifth of a large build; none of them is needed by a page.
On Linux the build forks a process that writes them straight into the site folder
while MkDocs renders pages on the other core, and the parent never holds them in
memory. Elsewhere (macOS frameworks are not safe to fork, Windows cannot) the
same files are written in the build's own process at the end.

`peerkit serve` does not use this: it hands the files to MkDocs, which writes only
those that changed since the last save.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection
from pathlib import Path, PurePosixPath

from peerkit.render.page import GeneratedFile


class BackgroundFilesError(Exception):
    """Writing the files failed; the message says which and why."""


def _write_all(make: Callable[[], Iterable[GeneratedFile]], site_dir: Path) -> list[str]:
    written = []
    for generated in make():
        relative = PurePosixPath(generated.path)
        if relative.is_absolute() or ".." in relative.parts:
            raise BackgroundFilesError(f"{generated.path}: not a path inside the site")
        target = site_dir.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(generated.content)
        written.append(generated.path)
    return written


def _child(
    make: Callable[[], Iterable[GeneratedFile]], site_dir: Path, channel: Connection
) -> None:
    try:
        channel.send(("ok", _write_all(make, site_dir)))
    except Exception as exc:
        channel.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        channel.close()


class BackgroundFiles:
    """Writes ``make()``'s files into ``site_dir``: started early, finished at the end."""

    def __init__(self, make: Callable[[], Iterable[GeneratedFile]], site_dir: Path) -> None:
        self._make = make
        self._site_dir = site_dir
        self._process: multiprocessing.process.BaseProcess | None = None
        self._channel: Connection | None = None

    def start(self) -> None:
        if sys.platform != "linux":
            return
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_child, args=(self._make, self._site_dir, sender), daemon=True
        )
        self._process.start()
        sender.close()
        self._channel = receiver

    def finish(self) -> list[str]:
        """The paths written, once every file is on disk."""
        if self._process is None or self._channel is None:
            try:
                return _write_all(self._make, self._site_dir)
            except (BackgroundFilesError, OSError) as exc:
                raise BackgroundFilesError(str(exc)) from None
        try:
            status, result = self._channel.recv()
        except EOFError:
            status, result = "error", "the process writing them stopped without a word"
        self._process.join()
        self._channel.close()
        if status != "ok":
            raise BackgroundFilesError(str(result))
        return list(result)

    def cancel(self) -> None:
        """The build failed: stop writing into a folder that is about to be thrown away."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
