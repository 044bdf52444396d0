"""The safety scanners' findings on stories' text, kept for a session.

The scanners are pure functions of a story's text, and a site holds thousands
of stories: each body is scanned once by a session, not once a rule and again on
every rebuild of `peerkit serve` when only one story changed. The memo belongs
to the `peerkit.project.Project` that runs the checks, never to the module. Between
runs of `peerkit build`, the scans are kept on disk (`KeptChecks`) under a digest of
what each scan reads.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from typing import TypeVar

from peerkit.check.kept_checks import KeptChecks
from peerkit.check.safety_messaging import (
    Finding,
    Mention,
    find_mentions,
    find_method_details,
    messaging_keywords,
)
from peerkit.check.safety_personal_data import find_personal_data

T = TypeVar("T")
_SHORT = 64
"""Texts up to this long go into a scan's key as they are; longer ones by digest."""


def _text_digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class SafetyScans:
    def __init__(self, on_disk: KeptChecks | None = None) -> None:
        self._found: dict[Hashable, object] = {}
        self._used: set[Hashable] = set()
        self._on_disk = on_disk
        self._texts: dict[int, tuple[str, bytes]] = {}
        """The SHA-256 of each long text that a scan kept on disk read (`_stored_key`)."""

    def _once(self, key: tuple[str | tuple[str, ...] | None, ...], scan: Callable[[], T]) -> T:
        self._used.add(key)
        if key not in self._found:
            self._found[key] = self._scanned(key, scan)
        return self._found[key]  # type: ignore[return-value]

    def _scanned(self, key: tuple[str | tuple[str, ...] | None, ...], scan: Callable[[], T]) -> T:
        """``scan()``, or what the last build kept for the same text."""
        if self._on_disk is None:
            return scan()
        stored = self._stored_key(key)
        known, found = self._on_disk.recall(stored)
        if not known:
            found = scan()
            self._on_disk.keep(stored, found)
        return found  # type: ignore[no-any-return]

    def personal_data(
        self, body: str, author: str | None, public: tuple[str, ...]
    ) -> tuple[Finding, ...]:
        return self._once(
            ("personal", body, author, public),
            lambda: tuple(find_personal_data(body, author, public)),
        )

    def mentions(self, body: str) -> tuple[Mention, ...]:
        return self._once(
            ("mentions", body), lambda: tuple(find_mentions(body, self._keywords(body)))
        )

    def method_details(self, body: str) -> tuple[Finding, ...]:
        return self._once(
            ("methods", body),
            lambda: tuple(find_method_details(body, self.mentions(body), self._keywords(body))),
        )

    def _stored_key(self, key: tuple[str | tuple[str, ...] | None, ...]) -> str:
        """The key a scan is kept under on disk: its name and the SHA-256 of each text it
        reads, each story's body digested once for its four scans."""
        digest = hashlib.sha256()
        for part in key:
            if isinstance(part, str) and len(part) > _SHORT:
                known = self._texts.get(id(part))
                if known is None or known[0] is not part:
                    known = self._texts[id(part)] = (part, _text_digest(part))
                digest.update(b"text " + known[1])
            else:
                digest.update(b"value " + repr(part).encode("utf-8", "surrogatepass") + b"\n")
        return f"scan {digest.hexdigest()}"

    def _keywords(self, body: str) -> frozenset[str]:
        """Found once for both scans of a text (see `messaging_keywords`)."""
        return self._once(("keywords", body), lambda: messaging_keywords(body))

    def forget_unused(self) -> None:
        """Drop the scans of texts the last checks did not ask for: a session keeps
        the stories as they are now, not every version saved along the way."""
        self._found = {k: v for k, v in self._found.items() if k in self._used}
        self._used = set()
