"""The directory's files kept between runs of `peerkit build`: an edited story rebuilds
no calendar.

The groups' feeds, the finder's data, the exports (iCalendar, HSDS, Meeting Guide)
and the schemas are tens of thousands of files at a national directory, and the
largest part of a build's CPU that no page needs. They are made from the visible
groups and topics, the settings, this Peerkit, a few libraries and the time zone
database alone (`peerkit.render.site.directory_site_files`), never from stories,
tips, docs/ or the day. So the files get one key, a SHA-256 of all of those, and
are kept with it in `.cache/peerkit/exports/`. A build whose key is the kept one
links the kept files into the new site instead of making them; any other makes
them, writes them, and keeps them in place of the old ones. A kept file is used
only if it is as it was kept: its size and modification time as stored (the kept
files are the site's own, hard links, so an edited one shows a new time), or, for
one with a new time (a cache restored from a CI service's archive), its bytes
hashing to what was stored. A damaged or edited cache costs a full remake, never a
wrong file. Deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import zoneinfo
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from peerkit.code_digest import package_digest
from peerkit.hard_links import link_into
from peerkit.mkdocs_plugin.background_files import write_files
from peerkit.mkdocs_plugin.kept_files import (
    FILES,
    FORMAT,
    KEY_FILE,
    MANIFEST,
    KeptLinks,
    kept_name,
    key_line,
)
from peerkit.model.record_keys import RecordKeys
from peerkit.model.records import Group, Topic
from peerkit.model.settings import Settings
from peerkit.model.site import Site
from peerkit.render.page import GeneratedFile
from peerkit.render.site import directory_inputs, directory_site_files

FOLDER = "exports"
"""Under the page cache's folder (`page_cache.CACHE_FOLDER`)."""


class KeptExports:
    """Puts the directory's files into a site being built: from ``cache`` when the
    inputs are the last build's, else made anew (and then kept, if there is a cache)."""

    def __init__(
        self,
        site: Site,
        settings: Settings,
        cache: Path | None,
        records: RecordKeys | None = None,
        standing: str | None = None,
    ) -> None:
        # No stories nor tips: none of the files is made from them, and `place` is
        # sent by pickle to the process that makes the files (`BackgroundFiles`).
        self._site = replace(site, stories=(), tips=())
        self._settings = settings
        self._kept: KeptLinks | None = None
        if cache is not None:
            groups, topics = directory_inputs(self._site, settings)
            key = exports_key(groups, topics, settings, package_digest(), records or RecordKeys())
            self._kept = KeptLinks(cache, key, standing)

    def placing(self) -> Callable[[Path], list[str] | None]:
        """What puts the files into a site: the kept files' linking alone, which needs
        no records (`kept_files`), when the cache has files kept under this build's key;
        else `place`."""
        if self._kept is not None and self._kept.current():
            return self._kept.place
        return self.place

    def place(self, site_dir: Path) -> list[str]:
        """The files' paths from the site's root, once all are in ``site_dir``."""
        made = directory_site_files(self._site, self._settings)
        if self._kept is None:
            return write_files(made, site_dir)
        kept = self._kept.place(site_dir)
        if kept is not None:
            return kept
        return _make_and_keep(made, site_dir, self._kept.cache, self._kept.key)


def exports_key(
    groups: Iterable[Group],
    topics: Iterable[Topic],
    settings: Settings,
    code: str,
    records: RecordKeys,
) -> str:
    """What the directory's files depend on, as one SHA-256 (see the module's docstring).

    Each record is in it by its `RecordKeys` key, which stands for every field the
    files could show."""
    digest = hashlib.sha256()
    digest.update(f"format {FORMAT}\npeerkit {code}\n".encode())
    digest.update(f"python {platform.python_version()}\n".encode())
    # The theme's folders make pages, not these files, and are absolute paths: the
    # same site checked out elsewhere (a CI runner restoring the cache) keeps its files.
    digest.update(f"{replace(settings, template_dirs=())!r}\n".encode())
    groups = tuple(groups)
    zones = {settings.timezone} | {m.zone(settings.timezone) for g in groups for m in g.schedule}
    for zone in sorted(zones):
        digest.update(f"zone {zone}\n".encode() + _zone_data(zone))
    for record in (*groups, *topics):
        digest.update(records.of(record))
    return digest.hexdigest()


def _make_and_keep(
    made: Iterable[GeneratedFile], site_dir: Path, cache: Path, key: str
) -> list[str]:
    """Writes the files into the site, then keeps them under ``key`` in place of the last
    build's: the manifest goes last, so that an interrupted build leaves none."""
    cache.mkdir(parents=True, exist_ok=True)
    (cache / KEY_FILE).unlink(missing_ok=True)
    (cache / MANIFEST).unlink(missing_ok=True)
    shutil.rmtree(cache / FILES, ignore_errors=True)
    digests: dict[str, str] = {}

    def noted(files: Iterable[GeneratedFile]) -> Iterator[GeneratedFile]:
        for file in files:
            digests[file.path] = hashlib.sha256(file.content).hexdigest()
            yield file

    written = write_files(noted(made), site_dir)
    kept = cache / FILES
    files: list[list[Any]] = []
    try:
        kept.mkdir()
        for number, path in enumerate(written):
            target = os.path.join(kept, kept_name(number))
            link_into(os.path.join(site_dir, path), target)
            status = os.stat(target)
            files.append([path, digests.get(path), status.st_size, status.st_mtime_ns])
    except OSError:
        # A cache that cannot be written costs the next build time, never this one.
        shutil.rmtree(kept, ignore_errors=True)
        return written
    manifest = {"format": FORMAT, "key": key, "files": files}
    temporary = cache / f"{MANIFEST}.new"
    temporary.write_text(json.dumps(manifest, separators=(",", ":")), "utf-8")
    os.replace(temporary, cache / MANIFEST)
    temporary = cache / f"{KEY_FILE}.new"
    temporary.write_text(key_line(key), "utf-8")
    os.replace(temporary, cache / KEY_FILE)
    return written


def _zone_data(zone: str) -> bytes:
    """The time zone's rules as Python reads them (`zoneinfo`): the system's database
    first, else the tzdata package; a system update can change a calendar's VTIMEZONE."""
    for base in zoneinfo.TZPATH:
        path = Path(base) / zone
        if path.is_file():
            return path.read_bytes()
    try:
        return resources.files("tzdata").joinpath(f"zoneinfo/{zone}").read_bytes()
    except (ModuleNotFoundError, OSError):
        return b"-"
