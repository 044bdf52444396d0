"""Folders a build leaves behind: removed without making anyone wait, and found again
when a build is killed before it removes them.

A built site is tens of thousands of files, and removing them took 13 seconds of a
rebuild that had its new site in place already. A folder that nothing reads any
more is removed by a process of its own, which outlives the build. Each such folder
is named for the process that made it (``PREFIX`` + process id + ``-`` + anything),
so that a later build tells a killed build's folder from a running one's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from peerkit.interrupts import is_running

_REMOVE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


def remove_in_background(folder: Path) -> None:
    """Start removing ``folder`` and return at once; remove it here if no process can
    be started. The caller names the folder so that a removal cut short is found and
    finished later (`left_behind`)."""
    try:
        subprocess.Popen(
            [sys.executable, "-c", _REMOVE, str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def left_behind(parent: Path, prefix: str, *, unnamed: bool = False) -> Iterator[Path]:
    """The folders in ``parent`` named ``prefix`` + process id + ``-`` by a process that
    is gone. With ``unnamed``, also those named ``prefix`` + anything else: an older
    Peerkit's, which named no process. A folder a running process made is left alone,
    as is a link: the parent may be any folder, and what is not named so is not ours."""
    for folder in parent.glob(f"{prefix}*"):
        rest = folder.name.removeprefix(prefix)
        pid, dash, _ = rest.partition("-")
        named = bool(dash) and pid.isdigit()
        if not (named or unnamed) or folder.is_symlink() or not folder.is_dir():
            continue
        if not (named and is_running(int(pid))):
            yield folder
