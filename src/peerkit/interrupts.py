"""Stopping a command cleanly: Ctrl-C, SIGTERM, or the death of the process itself.

A build starts other processes: a forked child writes the exports and checks the
stories (`peerkit.forked`), and Pagefind may index beside it. Python's default for
SIGTERM is to die at once, running no cleanup, so those children went on writing
into a folder nobody would use, and Ctrl-C printed a KeyboardInterrupt traceback.
Here SIGTERM is turned into the same exception as Ctrl-C, so that every
``finally`` runs (the half-built folder is removed, the last site stays); then
every child is stopped and one line says what happened. A child asks the kernel
to kill it when its parent dies (`die_with_parent`), which covers SIGKILL, which
no process can catch.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

_PR_SET_PDEATHSIG = 1
STOP_WAIT_SECONDS = 3.0
"""How long a child has to stop after SIGTERM before it is killed."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program was, like Ctrl-C's KeyboardInterrupt."""


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


def run_interruptibly(run: Callable[[], int], what: str) -> int:
    """``run()``'s exit code; after Ctrl-C or SIGTERM, children stopped and 130 or 143.

    ``what`` names the command in the one line printed instead of a traceback.
    """
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        return run()
    except KeyboardInterrupt as exc:
        stop_children()
        signum = signal.SIGTERM if isinstance(exc, Terminated) else signal.SIGINT
        print(f"peerkit {what}: stopped ({signal.Signals(signum).name}).", file=sys.stderr)
        return 128 + signum
    finally:
        signal.signal(signal.SIGTERM, previous)


def _child_pids() -> set[int]:
    """Every process this one started and has not waited for (Linux's /proc lists them)."""
    found: set[int] = set()
    for listing in Path("/proc/self/task").glob("*/children"):
        with contextlib.suppress(OSError, ValueError):
            found.update(int(pid) for pid in listing.read_text().split())
    return found


def stop_children() -> None:
    """SIGTERM to every child, SIGKILL to those still there after a few seconds."""
    forked = multiprocessing.active_children()
    pids = _child_pids() | {p.pid for p in forked if p.pid is not None}
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_WAIT_SECONDS
    for pid in pids:
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.02)
        if _alive(pid):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
            _reap(pid)
    for process in forked:
        process.join(timeout=0)


def _alive(pid: int) -> bool:
    """Whether a child still runs; a child that has exited is reaped here."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return _exists(pid)
    return done == 0


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_running(pid: int) -> bool:
    """Whether process ``pid`` is alive (a stale folder's builder, say)."""
    return pid > 0 and _exists(pid)


def die_with_parent(parent: int) -> None:
    """In a child: be killed when ``parent`` dies, however it dies (Linux); and leave
    Ctrl-C to the parent, which stops its children itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the kernel was told
        os._exit(1)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done: for the few steps that take the
    site from one whole state to the next, which must not stop halfway."""
    signals = {signal.SIGINT, signal.SIGTERM}
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
