"""Each record's findings under a rule that looks at one record at a time, kept for a session.

Some rules read every story's Markdown or every text of every file (the HTML a page
leaves out, garbled encodings): seconds at 25,000 files, and `peerkit serve` checks
the whole site again at every save. Such a rule's findings on a record depend on
that record alone, and the loader hands back the very record object of last time
for a file that did not change, so findings are kept by the record's identity: an
edited file is a new record, found afresh, positions and all. The memo belongs to
the `peerkit.project.Project` that runs the checks, never to the module.

Between runs of `peerkit build`, findings are kept on disk (`KeptChecks`) under the
digests of the files the records came from (``file_key``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from peerkit.check.kept_checks import KeptChecks

R = TypeVar("R")
F = TypeVar("F")

_Kept = tuple[object, tuple[Any, ...]]


class RecordFindings:
    def __init__(
        self,
        on_disk: KeptChecks | None = None,
        file_key: Callable[[object], str | None] = lambda record: None,
    ) -> None:
        self._kept: dict[str, dict[int, _Kept]] = {}
        """Each rule's findings, by the identity of the record they are of (-1: of
        all records together, `across`)."""
        self._used: dict[str, dict[int, _Kept]] = {}
        self._on_disk = on_disk
        self._file_key = file_key
        """The digest of the file a record came from, where the load knows it."""

    def of(self, rule: str, record: R, find: Callable[[R], Iterable[F]]) -> tuple[F, ...]:
        """``find(record)``, or what it gave for this very record last time.

        The record is kept with its findings, so its identity cannot pass to another."""
        key = id(record)
        kept = self._kept.get(rule, {}).get(key)
        if kept is None or kept[0] is not record:
            file = self._file_key(record)
            found = self._found(f"{rule} {file}" if file else None, lambda: find(record))
            kept = (record, found)
        self._used.setdefault(rule, {})[key] = kept
        return kept[1]

    def across(
        self, rule: str, records: tuple[R, ...], find: Callable[[tuple[R, ...]], Iterable[F]]
    ) -> tuple[F, ...]:
        """``find(records)`` for a rule that compares records with one another (two
        listings of one group), or what it gave last time if every record is the very
        one it was then: at 20,000 groups, a second of every save otherwise."""
        kept = self._kept.get(rule, {}).get(-1)
        last = kept[0] if kept is not None else None
        if not (
            isinstance(last, tuple)
            and len(last) == len(records)
            and all(a is b for a, b in zip(last, records, strict=True))
        ):
            kept = (records, self._found(self._files_key(rule, records), lambda: find(records)))
        self._used.setdefault(rule, {})[-1] = kept
        return kept[1]

    def _found(self, key: str | None, find: Callable[[], Iterable[F]]) -> tuple[F, ...]:
        """``find()``, or the findings the last build kept under ``key``."""
        if key is None or self._on_disk is None:
            return tuple(find())
        known, found = self._on_disk.recall(key)
        if not known:
            found = tuple(find())
            self._on_disk.keep(key, found)
        return found  # type: ignore[no-any-return]

    def _files_key(self, rule: str, records: tuple[Any, ...]) -> str | None:
        """A key of the files of all ``records``, in order; None if one is not known."""
        digest = hashlib.sha256(rule.encode())
        for record in records:
            file = self._file_key(record)
            if file is None:
                return None
            digest.update(file.encode())
        return f"{rule} {digest.hexdigest()}"

    def forget_unused(self) -> None:
        """Keep only the findings the last checks asked for: the records as they are now.
        A rule that asked for none was recalled whole (`RuleResults`): its findings
        stay, for when it runs again."""
        for rule, kept in self._kept.items():
            self._used.setdefault(rule, kept)
        self._kept, self._used = self._used, {}
