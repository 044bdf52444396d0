"""A progress bar on the terminal, for imports long enough to need one.

Given to the core by the CLI: the core only calls it around its long loops
and never decides where output goes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any, TextIO

from tqdm import tqdm

from peerkit.imports.run import Progress


def terminal_progress(stream: TextIO | None = None) -> Progress:
    """A tqdm bar on ``stream`` (stderr) when it is a terminal; nothing when output is piped."""
    out = stream or sys.stderr

    def wrap(items: Iterable[Any], total: int, label: str) -> Iterable[Any]:
        if not out.isatty():
            return items
        return tqdm(items, total=total, desc=label, unit="group", file=out, leave=False)

    return wrap
