"""How `peerkit serve` notices a save in content/: the system's file events, and polling.

MkDocs' preview server polls what it watches every half second. Polling a content
folder of 25,000 files takes a tenth of a second each time, holding the
interpreter while a rebuild runs, and a save waited up to a second before the
rebuild began. The system's own file events (inotify, FSEvents,
ReadDirectoryChangesW) tell at once, but not everywhere: a folder shared into a
container or a virtual machine, or on a network drive, may give none. So each
watch is served by both: the system's events, and a slower poll that finds what
they missed. A change that both report is passed on once. Once the system's
events have told of a change before the poll did, they are known to work for that
folder, and its poll stops: while it ran, it held the interpreter for a third of
each save's rebuild. From then on the events also say which files changed
(`ChangeJournal`), so that the next load need not look at the others.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from watchdog.events import (
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingEmitter
from watchdog.utils.dirsnapshot import DirectorySnapshot

log = logging.getLogger("mkdocs.plugins.peerkit")

FALLBACK_POLL_SECONDS = 2.0
"""How often the poll looks for what the system's events missed."""

_CHANGES = {EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED}
"""What counts: a file opened or read (by the build itself) is not a change."""


class _Snapshot(DirectorySnapshot):
    """watchdog's snapshot of a folder without each file's time of birth, which it reads
    with a statx call of its own on Linux: half of a poll's time (0.15 s instead of 0.27 s at
    25,000 files, holding the interpreter while a save's rebuild runs), only to tell
    a file replaced under the same inode from one edited, which its time and size
    tell as well."""

    def birthtime(self, path: bytes | str) -> int | None:
        return None


class _Polling(PollingEmitter):
    """watchdog's poll, with `_Snapshot`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._take_snapshot = lambda: _Snapshot(self.watch.path, recursive=self.watch.is_recursive)


def _paths(event: FileSystemEvent) -> list[str]:
    """The paths an event names: a move names where from and where to."""
    paths = [os.fsdecode(event.src_path)]
    if event.event_type == EVENT_TYPE_MOVED:
        paths.append(os.fsdecode(event.dest_path))
    return paths


def _state(path: str) -> Hashable:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ino)


class OncePerChange(FileSystemEventHandler):
    """Passes an event on unless every file it names is as a last event found it."""

    def __init__(self, handler: FileSystemEventHandler) -> None:
        self.handler = handler
        self._noticed: dict[str, Hashable] = {}
        self._lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.pass_on(event)

    def pass_on(self, event: FileSystemEvent, first: Callable[[], None] | None = None) -> bool:
        """Pass ``event`` on if it tells of a change not yet told; whether it did.
        ``first`` is called before it is passed on (and a build started), if it is."""
        if event.is_directory or event.event_type not in _CHANGES:
            return False
        states = {path: _state(path) for path in _paths(event)}
        with self._lock:
            if all(
                path in self._noticed and self._noticed[path] == s for path, s in states.items()
            ):
                return False
            self._noticed.update(states)
        if first is not None:
            first()
        self.handler.dispatch(event)
        return True


class ChangeJournal:
    """The files under one watched folder that the system's events said changed since
    the last `take`.

    They are the whole story only once the events are known to work for the folder
    (`prove`), once the changes made before the events were heard are known too
    (`caught_up`; or a take, whose load looked at every file), and only while no
    folder in it was made, removed or moved: a folder moved in brings files that no
    event names. Until then `take` says None, and the next load looks at every file,
    as it would without events."""

    def __init__(self, root: str) -> None:
        self.root = os.path.abspath(root)
        self._lock = threading.Lock()
        self._paths: set[str] = set()
        self._whole = True
        """No folder event, nor a load that failed, since the last take."""
        self._earlier_known = False
        """The changes from the last load until the events were heard are noted."""
        self._proven = False

    def note(self, event: FileSystemEvent) -> None:
        """Called for each of the system's events, before the change is passed on (and a
        build started), so that the build's `take` has it."""
        if event.event_type not in _CHANGES:
            return
        # A folder's own "modified" only says its list of files changed: the files'
        # events say how. A folder made, removed or moved says nothing of its files.
        if event.is_directory and event.event_type == EVENT_TYPE_MODIFIED:
            return
        with self._lock:
            if event.is_directory:
                self._whole = False
                return
            for path in _paths(event):
                relative = os.path.relpath(os.path.abspath(path), self.root)
                if relative.startswith(os.pardir):
                    self._whole = False
                self._paths.add(relative)

    def prove(self) -> None:
        """The events told a change before the poll did: they work for this folder."""
        with self._lock:
            self._proven = True

    def caught_up(self, changed: set[str]) -> None:
        """``changed``: the files that differ from the last load, looked at once the
        events were heard; what changed before is among them."""
        with self._lock:
            self._paths |= changed
            self._earlier_known = True

    def missed(self) -> None:
        """What was taken last was not loaded after all: the next take says None."""
        with self._lock:
            self._whole = False

    def take(self) -> frozenset[str] | None:
        """The files changed since the last take (relative to the folder), or None if
        some change may not be among them; either way, noting starts afresh."""
        with self._lock:
            paths, self._paths = self._paths, set()
            whole = self._whole and self._proven and self._earlier_known
            self._whole = self._earlier_known = True
        return frozenset(paths) if whole else None


class _FirstToTell(FileSystemEventHandler):
    """The system's events for one watch, each noted in its `ChangeJournal` first: the
    first change they tell before the poll does shows them working, and then the
    journal is proven and ``proven`` is called, once."""

    def __init__(
        self, once: OncePerChange, proven: Callable[[], None], journal: ChangeJournal
    ) -> None:
        self.once = once
        self.proven: Callable[[], None] | None = proven
        self.journal = journal

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.journal.note(event)
        self.once.pass_on(event, self._told_first)

    def _told_first(self) -> None:
        if self.proven is not None:
            proven, self.proven = self.proven, None
            self.journal.prove()
            proven()


@dataclass(frozen=True)
class _Watches:
    polled: ObservedWatch
    native: ObservedWatch | None
    journal: ChangeJournal | None


class EventsAndPolling:
    """Stands in for the preview server's observer (`server.observer`, whose
    schedule, unschedule, start, stop and join it has).

    Watches scheduled before it took over stay with the server's own poll; new
    ones are served by the system's events and the fallback poll.
    """

    def __init__(self, server_poll: BaseObserver, fallback_seconds: float = FALLBACK_POLL_SECONDS):
        self.server_poll = server_poll
        self.fallback = BaseObserver(_Polling, timeout=fallback_seconds)
        self.native: BaseObserver | None = Observer()
        self._journals: dict[str, ChangeJournal] = {}

    def journal(self, path: str) -> ChangeJournal | None:
        """What the system's events tell of the files changed under the watch of ``path``."""
        return self._journals.get(os.path.abspath(path))

    def schedule(
        self, event_handler: FileSystemEventHandler, path: str, *, recursive: bool = False
    ) -> _Watches:
        once = OncePerChange(event_handler)
        polled = self.fallback.schedule(once, path, recursive=recursive)
        native: ObservedWatch | None = None
        journal: ChangeJournal | None = None
        if self.native is not None:
            made = ChangeJournal(path)
            told = _FirstToTell(once, lambda: self._poll_no_more(polled), made)
            try:
                native = self.native.schedule(told, path, recursive=recursive)
                journal = made
                if recursive:
                    self._journals[os.path.abspath(path)] = made
            except OSError as exc:
                # Out of inotify watches, say: the poll still finds every change.
                log.info(f"peerkit: {path}: no file events ({exc}); polling only")
        return _Watches(polled, native, journal)

    def _poll_no_more(self, polled: ObservedWatch) -> None:
        """The system's events work for this watch: its poll is not needed. It is stopped
        by a thread of its own: stopping waits for a poll under way, and the events of
        the save that proved them, which start its build, waited with it (0.3 s at
        25,000 files)."""
        threading.Thread(target=self._stop_polling, args=(polled,), daemon=True).start()

    def _stop_polling(self, polled: ObservedWatch) -> None:
        with contextlib.suppress(KeyError):
            self.fallback.unschedule(polled)

    def unschedule(self, watch: Any) -> None:
        if not isinstance(watch, _Watches):
            self.server_poll.unschedule(watch)
            return
        with contextlib.suppress(KeyError):
            self.fallback.unschedule(watch.polled)
        self._journals = {p: j for p, j in self._journals.items() if j is not watch.journal}
        if watch.native is not None and self.native is not None:
            self.native.unschedule(watch.native)

    def start(self) -> None:
        self.server_poll.start()
        self.fallback.start()
        if self.native is not None:
            try:
                self.native.start()
            except OSError as exc:
                log.info(f"peerkit: no file events ({exc}); polling only")
                self.native = None

    def stop(self) -> None:
        for observer in self._observers():
            observer.stop()

    def join(self) -> None:
        for observer in self._observers():
            if observer.is_alive():
                observer.join()

    def _observers(self) -> list[BaseObserver]:
        return [o for o in (self.server_poll, self.fallback, self.native) if o is not None]
