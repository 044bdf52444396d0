"""The checks' findings kept between runs of `peerkit build`, so that a rebuild after one
edit checks that file again, not 25,000.

Most of the checks' time goes to rules that read one file at a time (every text of
every file for garbled encodings, every story's Markdown for HTML, the safety scans of
every story's text) and to rules that compare the groups with one another. What such a
rule finds is a pure function of the files it reads and of the code doing the reading:
so its findings are kept under the SHA-256 of the files (the parse cache's digest of
each, `ParseCache.digest_of`) and the rule's name, and the whole store is set aside
when this Peerkit's code or a library it runs with changes (`package_digest`). Rules
that read the day or the whole site (stale listings, unknown topics) run every time:
they take a few milliseconds.

The store is one `pickle` file written by Peerkit itself under the site's own
`.cache/peerkit/`, trusted like the site's code, as the parse cache is, and read back
whole or not at all (`checked_files`): a file that is missing, damaged or of other
code gives a check from nothing, never a different result. Deleting it is always safe.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from peerkit.checked_files import read_checked, write_checked
from peerkit.code_digest import package_digest

CACHE_FILE = "checks.pickle"
"""In the site's `.cache/peerkit/` folder, beside the parse cache."""
_FORMAT = "peerkit kept checks 2"


class KeptChecks:
    """The findings kept by the last build, read when made and written by `save`."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / CACHE_FILE
        self._code = package_digest()
        self._known = _read(self.path, self._code)
        self._used: dict[str, Any] = {}
        self._new = False

    def recall(self, key: str) -> tuple[bool, Any]:
        """Whether findings are kept under ``key``, and then the findings."""
        if key not in self._known:
            return False, None
        value = self._used[key] = self._known[key]
        return True, value

    def keep(self, key: str, value: Any) -> None:
        """Findings made by this check, to be saved."""
        self._used[key] = value
        self._new = True

    def save(self) -> None:
        """Keep this check's findings and forget the others (of files changed or gone).

        A store that cannot be written costs the next build time, never its result."""
        if not self._new and self._used.keys() == self._known.keys():
            return
        payload = pickle.dumps(self._used, protocol=pickle.HIGHEST_PROTOCOL)
        write_checked(self.path, f"{_FORMAT} {self._code}", payload)


def _read(path: Path, code_key: str) -> dict[str, Any]:
    """The kept findings; none if the file is missing, damaged, or of other code."""
    payload = read_checked(path, f"{_FORMAT} {code_key}")
    if payload is None:
        return {}
    try:
        known = pickle.loads(payload)
    except Exception:
        # Whatever a file of the same code and digest could still raise: a cold check.
        return {}
    return known if isinstance(known, dict) else {}
