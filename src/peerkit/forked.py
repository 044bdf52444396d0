"""Pure work done in a forked process, so that a build uses the machine's second core.

`peerkit build` runs on CI machines with two cores, and most of it is one Python
process: rendering thousands of stories, writing tens of thousands of exports.
Work that is a pure function of data already in memory can run in a child made
with fork(), which starts with that data for free, and hand back its result by
pickle. On Linux only: macOS system frameworks are not safe to use after fork, and
Windows has no fork; there, and on a one-core machine, the same work runs in this
process, so the result never depends on the platform.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from typing import IO, Generic, NoReturn, TypeVar

from peerkit.gc_tuning import PYTHON_THRESHOLDS
from peerkit.interrupts import die_with_parent

T = TypeVar("T")


class ForkedError(Exception):
    """The work raised an exception; the message names it. Work may raise it itself
    with a message already worded for the reader."""


def can_fork() -> bool:
    return sys.platform == "linux" and len(os.sched_getaffinity(0)) > 1


class _KeptRecords(logging.Handler):
    """In a new interpreter, which has none of the parent's logging set up: the work's
    log records (INFO and up), for the parent to log when it collects the result."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        # Arguments and tracebacks need not pickle: the message is sent as it reads.
        record.msg, record.args = record.getMessage(), None
        record.exc_info = record.exc_text = None
        self.records.append(record)


def _child(make: Callable[[], object], result: IO[bytes] | str, parent: int) -> None:
    # The result goes to a file, not a pipe, so that the child can exit (and give its
    # memory back) as soon as it is done, however late the parent asks for it.
    # If the parent is stopped, even by SIGKILL, the child stops too: it must not go
    # on writing into a folder that is being thrown away.
    die_with_parent(parent)
    # What ``make`` holds lives as long as the child: the collector need not walk it
    # (in a fork it is frozen already; a new interpreter has just unpickled it).
    gc.freeze()
    gc.set_threshold(*PYTHON_THRESHOLDS)
    kept = _KeptRecords()
    if isinstance(result, str):  # a new interpreter: a fork logs through the parent's handlers
        logging.getLogger().addHandler(kept)
        logging.getLogger().setLevel(logging.INFO)
    try:
        outcome: tuple[str, object, list[logging.LogRecord]] = ("ok", make(), kept.records)
    except ForkedError as exc:
        outcome = ("error", str(exc), kept.records)
    except Exception as exc:
        outcome = ("error", f"{type(exc).__name__}: {exc}", kept.records)
    if isinstance(result, str):
        with open(result, "wb") as handle:
            pickle.dump(outcome, handle, protocol=pickle.HIGHEST_PROTOCOL)
        return
    pickle.dump(outcome, result, protocol=pickle.HIGHEST_PROTOCOL)
    result.flush()


class Forked(Generic[T]):
    """``make()``, started in a forked process now where that is safe, else run at `result`.

    With ``fresh``, the process is a new interpreter that gets ``make`` by pickle
    instead of a fork: it shares no memory with this one. A fork's pages are shared
    only until either process writes to them, and this process goes on rendering
    every record, so by the end a fork holds a private copy of nearly all that this
    process held when it forked (four hundred megabytes at a national directory) for
    work that needs a fraction of it. ``make`` must then be picklable, and carry only
    what it needs."""

    def __init__(self, make: Callable[[], T], *, fresh: bool = False) -> None:
        # Once the child has it, ``make`` (and the data it holds) is let go here.
        self._make: Callable[[], T] | None = make
        self._process: multiprocessing.process.BaseProcess | subprocess.Popen[bytes] | None = None
        self._result: IO[bytes] | None = None
        self._work: str | None = None
        if not can_fork():
            return
        self._result = tempfile.TemporaryFile()  # noqa: SIM115 (closed by result or cancel)
        if fresh:
            self._start_fresh(make)
        else:
            context = multiprocessing.get_context("fork")
            self._process = context.Process(
                target=_child, args=(make, self._result, os.getpid()), daemon=True
            )
            # The child shares this process's memory until either writes to it; a
            # garbage collection in the child would touch every object and copy it all.
            gc.freeze()
            self._process.start()
            gc.unfreeze()
        self._make = None

    def _start_fresh(self, make: Callable[[], T]) -> None:
        """Start ``python -c`` on ``make``, pickled to a file it reads: not
        multiprocessing's spawn, which hands the pickle over a pipe (this process
        waited seconds for the child to start and read it) and imports the main module
        of whatever started the build again."""
        # The new interpreter cannot inherit the open file: it writes to its path.
        assert self._result is not None
        path = f"/proc/{os.getpid()}/fd/{self._result.fileno()}"
        with tempfile.NamedTemporaryFile(prefix="peerkit-work-", delete=False) as work:
            pickle.dump(make, work, protocol=pickle.HIGHEST_PROTOCOL)
            self._work = work.name
        command = [sys.executable, "-c", _FRESH, self._work, path, str(os.getpid())]
        # Ignored signals stay ignored across exec, and Python keeps SIGINT ignored: a
        # Ctrl-C while the new interpreter starts is the parent's alone, as in a fork.
        if threading.current_thread() is not threading.main_thread():
            # Only the main thread may set a signal's handler.
            self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
            return
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
        finally:
            signal.signal(signal.SIGINT, previous)

    @property
    def in_background(self) -> bool:
        return self._process is not None

    def result(self) -> T:
        if self._process is None or self._result is None:
            assert self._make is not None
            try:
                return self._make()
            except ForkedError:
                raise
            except Exception as exc:
                raise ForkedError(f"{type(exc).__name__}: {exc}") from exc
        _wait(self._process)
        self._forget_work()
        try:
            self._result.seek(0)
            status, value, records = pickle.load(self._result)
        except (EOFError, pickle.UnpicklingError):
            status, value, records = "error", "the process doing it stopped without a word", []
        finally:
            self._result.close()
        for record in records:
            logger = logging.getLogger(record.name)
            if logger.isEnabledFor(record.levelno):
                logger.handle(record)
        if status != "ok":
            raise ForkedError(str(value))
        return value  # type: ignore[no-any-return]

    def cancel(self) -> None:
        """Stop the work (the build failed and will not ask for it).

        SIGKILL, not SIGTERM: a child stopped in the moment after the fork, before it
        sets SIGTERM back to the default, would still run the parent's handler and
        print a traceback; the work holds nothing to clean up but its result file."""
        if self._process is not None:
            self._process.kill()
            _wait(self._process)
        self._forget_work()
        if self._result is not None:
            self._result.close()

    def _forget_work(self) -> None:
        """The pickled work of a new interpreter, which removes it once read."""
        if self._work is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._work)
            self._work = None


_FRESH = "import sys; from peerkit.forked import run_fresh; run_fresh(*sys.argv[1:])"


def run_fresh(work: str, result: str, parent: str) -> NoReturn:
    """The new interpreter's side of `Forked` with ``fresh``: read the work, then do it.

    Then it ends at once, as a fork does (`os._exit`): the parent waits for the
    process to end before it reads the result, and Python's own exit would first free
    every object the work made, one by one."""
    with open(work, "rb") as handle:
        make = pickle.load(handle)
    with contextlib.suppress(OSError):
        os.unlink(work)
    _child(make, result, int(parent))
    os._exit(0)


def _wait(process: multiprocessing.process.BaseProcess | subprocess.Popen[bytes]) -> None:
    if isinstance(process, subprocess.Popen):
        process.wait()
    else:
        process.join()
