"""Rendered pages and files kept from one build to the next in the same process.

`peerkit serve` rebuilds the whole site when one file is saved. Rendering is a
pure function of records, settings, the build day and the templates, so a page
made from the same inputs as last time is the same page: the memo hands it back
instead of rendering it again. Keys are the inputs themselves (frozen records),
so a changed story misses and everything else hits.

A build starts with the things every page depends on (its `generation`: settings,
day, template files); when they change, everything is forgotten. The compiled
templates are kept too (`compiled`), for the pages that are rendered again. What a
build did not ask for is forgotten when it finishes, so the memo never outgrows
the site.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from peerkit.render.templating import KeptTemplates

T = TypeVar("T")


class RenderMemo:
    def __init__(self) -> None:
        self._kept: dict[Hashable, Any] = {}
        self._used: dict[Hashable, Any] = {}
        self._generation: Hashable = None
        self.compiled = KeptTemplates()
        self.hits = 0
        self.misses = 0

    def start(self, generation: Hashable) -> None:
        if generation != self._generation:
            self._kept = {}
            self.compiled = KeptTemplates()
            self._generation = generation
        self._used = {}
        self.hits = self.misses = 0

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        if key in self._kept:
            value = self._kept[key]
            self.hits += 1
        else:
            value = make()
            self.misses += 1
        self._used[key] = value
        return value

    def finish(self) -> None:
        self._kept, self._used = self._used, {}


def files_state(folders: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Every file under ``folders`` (or the file itself) with its size and modification
    time: what a build reads besides content, so that editing one (a template override
    under serve) starts a new generation."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else [folder]:
            if path.is_file():
                stat = path.stat()
                found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(found)
