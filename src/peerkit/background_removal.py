"""Removing a large folder without making anyone wait for it.

A built site is tens of thousands of files, and removing them took 13 seconds of a
rebuild that had its new site in place already. A folder that nothing reads any
more is removed by a process of its own, which outlives the build.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

_REMOVE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


def remove_in_background(folder: Path) -> None:
    """Start removing ``folder`` and return at once; remove it here if no process can
    be started. The caller names the folder so that a removal cut short is found and
    finished later."""
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
