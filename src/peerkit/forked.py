"""Pure work done in a forked process, so that a build uses the machine's second core.

`peerkit build` runs on CI machines with two cores, and most of it is one Python
process: checking thousands of stories, writing tens of thousands of exports.
Work that is a pure function of data already in memory can run in a child made
with fork(), which starts with that data for free, and hand back its result by
pickle. On Linux only: macOS system frameworks are not safe to use after fork, and
Windows has no fork; there, and on a one-core machine, the same work runs in this
process, so the result never depends on the platform.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

T = TypeVar("T")


class ForkedError(Exception):
    """The work raised an exception; the message names it. Work may raise it itself
    with a message already worded for the reader."""


def can_fork() -> bool:
    return sys.platform == "linux" and len(os.sched_getaffinity(0)) > 1


def _child(make: Callable[[], object], channel: Connection) -> None:
    try:
        channel.send(("ok", make()))
    except ForkedError as exc:
        channel.send(("error", str(exc)))
    except Exception as exc:
        channel.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        channel.close()


class Forked(Generic[T]):
    """``make()``, started in a forked process now where that is safe, else run at `result`."""

    def __init__(self, make: Callable[[], T]) -> None:
        # Once the child has it, ``make`` (and the data it holds) is let go here.
        self._make: Callable[[], T] | None = make
        self._process: multiprocessing.process.BaseProcess | None = None
        self._channel: Connection | None = None
        if can_fork():
            context = multiprocessing.get_context("fork")
            receiver, sender = context.Pipe(duplex=False)
            self._process = context.Process(target=_child, args=(make, sender), daemon=True)
            self._process.start()
            sender.close()
            self._channel = receiver
            self._make = None

    @property
    def in_background(self) -> bool:
        return self._process is not None

    def result(self) -> T:
        if self._process is None or self._channel is None:
            assert self._make is not None
            try:
                return self._make()
            except ForkedError:
                raise
            except Exception as exc:
                raise ForkedError(f"{type(exc).__name__}: {exc}") from exc
        try:
            status, value = self._channel.recv()
        except EOFError:
            status, value = "error", "the process doing it stopped without a word"
        finally:
            self._process.join()
            self._channel.close()
        if status != "ok":
            raise ForkedError(str(value))
        return value  # type: ignore[no-any-return]

    def cancel(self) -> None:
        """Stop the work (the build failed and will not ask for it)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
