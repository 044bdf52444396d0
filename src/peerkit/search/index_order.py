"""The order in which the search index is given a build's pages: a cold build's.

The index is made in parts of a thousand pages as they are written (`pagefind.Indexer`),
and a part's index is kept by its pages. A build that takes most pages from its cache
(`page_cache`) has those on disk before it writes any other; were the indexer handed
pages as they reach the disk, its parts would hold other pages than a cold build's, and
the index would differ from one. So the pages are handed over in the order a cold
build writes them, each once it and every page before it are on disk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


class IndexOrder:
    def __init__(
        self,
        order: list[str],
        written: Callable[[str], None],
        all_written: Callable[[], None] | None = None,
    ) -> None:
        self._order = order
        self._written = written
        self._all_written = all_written
        """Called once, when the last page has been handed over: the pages to index
        are written first, and their last part need not wait for the group pages."""
        self._next = 0
        self._on_disk: set[str] = set()

    def on_disk(self, pages: Iterable[str]) -> None:
        """``pages`` (paths in the site) are written: hand over those now in order."""
        self._on_disk.update(pages)
        if self._next == len(self._order):
            return
        while self._next < len(self._order) and self._order[self._next] in self._on_disk:
            self._written(self._order[self._next])
            self._next += 1
        if self._next == len(self._order) and self._all_written is not None:
            self._all_written()

    def finish(self) -> None:
        """The build has written every page: hand over the rest."""
        self.on_disk(self._order[self._next :])
