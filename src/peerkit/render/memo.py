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

Even a lookup a page costs a save a third of a second at 46,000 pages: each key is a
new tuple, hashed anew. So pages are also kept a batch at a time (`batch`): a batch
of unchanged records is one lookup, and the pages' own entries come along with it
(their hashes are kept by the dictionary), for the save that changes one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from peerkit.render.templating import KeptTemplates

T = TypeVar("T")
R = TypeVar("R")
_MISSING = object()
BATCH = 256
"""Records in a batch (`batch`): a changed record renders its own page, and costs the
lookups of its batch's others."""


@dataclass(frozen=True)
class _Batch:
    values: tuple[Any, ...]
    entries: dict[Hashable, Any]
    """The entries its values were got by, which are kept as long as it is."""


class RenderMemo:
    def __init__(self) -> None:
        self._kept: dict[Hashable, Any] = {}
        self._used: dict[Hashable, Any] = {}
        self._into = self._used
        """Where a lookup is noted as used: the batch being made, if any."""
        self._generation: Hashable = None
        self.compiled = KeptTemplates()
        self.hits = 0
        self.misses = 0

    def start(self, generation: Hashable) -> None:
        if generation != self._generation:
            self._kept = {}
            self.compiled = KeptTemplates()
            self._generation = generation
        self._used = self._into = {}
        self.hits = self.misses = 0

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        value = self._kept.get(key, _MISSING)
        if value is _MISSING:
            value = make()
            self.misses += 1
        else:
            self.hits += 1
        self._into[key] = value
        return value  # type: ignore[return-value]

    def batch(
        self,
        name: Hashable,
        records: Sequence[R],
        context: Hashable,
        make: Callable[[Sequence[R]], Iterable[T]],
    ) -> Iterable[T]:
        """``make(records)``'s values, made `BATCH` records at a time, where ``make``
        gets each value through this memo under a key of its record and ``context``
        (everything else it reads): a batch of the same records in the same context
        is one lookup."""
        for start in range(0, len(records), BATCH):
            part = tuple(records[start : start + BATCH])
            key = (name, part, context)
            found = self._kept.get(key, _MISSING)
            if isinstance(found, _Batch):
                self.hits += len(found.values)
            else:
                outer, entries = self._into, {}
                self._into = entries
                try:
                    found = _Batch(tuple(make(part)), entries)
                finally:
                    self._into = outer
            self._into[key] = found
            self._into.update(found.entries)
            yield from found.values

    def finish(self) -> None:
        self._kept, self._used = self._used, {}
        self._into = self._used


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
