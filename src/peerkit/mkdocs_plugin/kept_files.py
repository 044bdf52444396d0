"""The directory's kept files (`kept_exports`) on disk, and their linking into a new site.

When the directory is as it was at the last build, placing its files is only linking
40,000 kept files into the new site, work for the second core. The key is worked out
in the build's own process, which has the groups; the process that links is given
the cache's folder and the key alone. Sending it the 20,000 groups by pickle was a
second of the build's own time, and unpickling them, importing the renderers and
keying them again three more of the linking process's, on the rebuild's critical
path. So this module needs only the standard library, `hard_links` and `standing_site`.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peerkit.hard_links import as_kept
from peerkit.standing_site import KeptPlacer

log = logging.getLogger("mkdocs.plugins.peerkit.cache")
"""Where `peerkit build` hears that the files came from the cache (`page_cache`'s too)."""
MANIFEST = "exports.json"
"""The kept files' key, paths, sizes, times and SHA-256s; written last, so that an
interrupted build leaves no manifest of files that are not all there."""
KEY_FILE = "exports.key"
"""The manifest's format and key alone, written after it: what a build reads to know
whether the kept files are its own, without reading 40,000 files' entries."""
FILES = "files"
"""The kept files, in one folder, each named by its place in the manifest's list: kept
in folders like the site's, a cold build of a national directory made 20,000 folders
more, three seconds of the exports' process."""
FORMAT = 3


def key_line(key: str) -> str:
    """The text of `KEY_FILE` for files kept under ``key``."""
    return f"{FORMAT} {key}\n"


def kept_name(number: int) -> str:
    """The name in `FILES` of the manifest's ``number``th file."""
    return str(number)


def kept_paths(cache: Path, key: str) -> list[str] | None:
    """The kept files' paths, in the manifest's order, if they were made under ``key``
    and are intact, else None."""
    try:
        manifest = json.loads((cache / MANIFEST).read_text("utf-8"))
        if manifest.get("format") != FORMAT or manifest.get("key") != key:
            return None
        files: list[list[Any]] = manifest["files"]
        paths = []
        for number, (path, digest, size, mtime_ns) in enumerate(files):
            if not isinstance(path, str) or path.startswith("/") or ".." in path.split("/"):
                return None  # not a path inside the site
            if not as_kept(cache / FILES / kept_name(number), size, mtime_ns, digest):
                return None
            paths.append(path)
        return paths
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


@dataclass(frozen=True)
class KeptLinks:
    """Links the files kept under ``key`` into a site being built."""

    cache: Path
    key: str
    standing: str | None = None
    """site/, if it is updated where it stands (`standing_site`): the kept files it
    holds already stay there."""

    def current(self) -> bool:
        """Whether the cache's files were kept under this key; not whether they are
        intact (`place` checks each)."""
        try:
            return (self.cache / KEY_FILE).read_text("utf-8") == key_line(self.key)
        except (OSError, ValueError):
            return False

    def place(self, site_dir: Path) -> list[str] | None:
        """The files' paths from the site's root, once all are linked into ``site_dir``;
        None, with nothing linked, if they are not all as kept: then the build makes
        them (`kept_exports.KeptExports.place`)."""
        kept = kept_paths(self.cache, self.key)
        if kept is None:
            return None
        site_dir.mkdir(parents=True, exist_ok=True)
        placer = KeptPlacer(str(site_dir), self.standing)
        files = os.path.join(self.cache, FILES)
        for number, path in enumerate(kept):
            placer.place(os.path.join(files, kept_name(number)), path)
        log.info(
            f"peerkit: {len(kept)} exported files unchanged since the last build, from the cache"
        )
        return kept
