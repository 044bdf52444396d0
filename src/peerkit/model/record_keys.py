"""A digest of each record that stands for everything it holds: the key of the pages and
files made from it, kept between runs of `peerkit build` (`page_facts`, `kept_exports`).

A record's ``repr`` names every field (a dataclass' repr walks them all), so its
SHA-256 tells one record from any other; at 25,000 records the reprs were two seconds
of every rebuild. A record loaded by `peerkit build` is a pure function of its file's
kind, path and text and of this Peerkit's code (the parse cache relies on the same),
so the digest the parse cache keeps of its file stands for it as well, where the very
record object is known to come from that file (`add`). Any other record (one made
over again for a language, or loaded without the cache) is keyed by its repr.
Whoever uses the keys keys by this Peerkit's code too (`package_digest`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from peerkit.model.site import Site


class RecordKeys:
    def __init__(self) -> None:
        self._known: dict[int, tuple[Any, bytes]] = {}

    def add(self, record: object, file_digest: str) -> None:
        """``record`` is what the file of this digest gives (`ParseCache.digest_of`)."""
        self._known[id(record)] = (record, b"file " + bytes.fromhex(file_digest))

    def of(self, record: object) -> bytes:
        """The record's key: its file's, or the SHA-256 of its repr (once a record)."""
        known = self._known.get(id(record))
        if known is not None and known[0] is record:
            return known[1]
        key = hashlib.sha256(repr(record).encode("utf-8", "surrogatepass")).digest()
        self._known[id(record)] = (record, key)
        return key


def keys_from_files(
    placed: Site, unplaced: Site, digest_of: Callable[[object], str | None]
) -> RecordKeys:
    """The keys of ``unplaced``'s records (`Site.without_positions` of ``placed``) by the
    digests of the files ``placed``'s records were loaded from."""
    keys = RecordKeys()
    for record, same in zip(placed.records(), unplaced.records(), strict=True):
        digest = digest_of(record)
        if digest is not None:
            keys.add(same, digest)
    return keys
