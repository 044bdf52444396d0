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
each save's rebuild.
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
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.peerkit")

FALLBACK_POLL_SECONDS = 2.0
"""How often the poll looks for what the system's events missed."""

_CHANGES = {EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED}
"""What counts: a file opened or read (by the build itself) is not a change."""


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

    def pass_on(self, event: FileSystemEvent) -> bool:
        """Pass ``event`` on if it tells of a change not yet told; whether it did."""
        if event.is_directory or event.event_type not in _CHANGES:
            return False
        paths = [os.fsdecode(event.src_path)]
        if event.event_type == EVENT_TYPE_MOVED:
            paths.append(os.fsdecode(event.dest_path))
        states = {path: _state(path) for path in paths}
        with self._lock:
            if all(
                path in self._noticed and self._noticed[path] == s for path, s in states.items()
            ):
                return False
            self._noticed.update(states)
        self.handler.dispatch(event)
        return True


class _FirstToTell(FileSystemEventHandler):
    """The system's events for one watch: the first change they tell before the poll
    does shows them working, and ``proven`` is called once."""

    def __init__(self, once: OncePerChange, proven: Callable[[], None]) -> None:
        self.once = once
        self.proven: Callable[[], None] | None = proven

    def on_any_event(self, event: FileSystemEvent) -> None:
        if self.once.pass_on(event) and self.proven is not None:
            proven, self.proven = self.proven, None
            proven()


@dataclass(frozen=True)
class _Watches:
    polled: ObservedWatch
    native: ObservedWatch | None


class EventsAndPolling:
    """Stands in for the preview server's observer (`server.observer`, whose
    schedule, unschedule, start, stop and join it has).

    Watches scheduled before it took over stay with the server's own poll; new
    ones are served by the system's events and the fallback poll.
    """

    def __init__(self, server_poll: BaseObserver, fallback_seconds: float = FALLBACK_POLL_SECONDS):
        self.server_poll = server_poll
        self.fallback = PollingObserver(timeout=fallback_seconds)
        self.native: BaseObserver | None = Observer()

    def schedule(
        self, event_handler: FileSystemEventHandler, path: str, *, recursive: bool = False
    ) -> _Watches:
        once = OncePerChange(event_handler)
        polled = self.fallback.schedule(once, path, recursive=recursive)
        native = None
        if self.native is not None:
            told = _FirstToTell(once, lambda: self._stop_polling(polled))
            try:
                native = self.native.schedule(told, path, recursive=recursive)
            except OSError as exc:
                # Out of inotify watches, say: the poll still finds every change.
                log.info(f"peerkit: {path}: no file events ({exc}); polling only")
        return _Watches(polled, native)

    def _stop_polling(self, polled: ObservedWatch) -> None:
        """The system's events work for this watch: its poll is not needed."""
        with contextlib.suppress(KeyError):
            self.fallback.unschedule(polled)

    def unschedule(self, watch: Any) -> None:
        if not isinstance(watch, _Watches):
            self.server_poll.unschedule(watch)
            return
        with contextlib.suppress(KeyError):
            self.fallback.unschedule(watch.polled)
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
