"""Writing the built site so that a failure never leaves half a site.

MkDocs writes into its output folder as it goes; a failing build, a Ctrl-C or
a full disk would leave a broken site/. So we build into a fresh folder beside
site/ and swap it in only when the build has finished. The folder's name holds
the building process's id: a build killed outright (SIGKILL, a power cut) cannot
remove its folder, so the next build removes those whose process is gone. The
replaced site is removed by a process of its own, after the build has ended. A
rebuild that keeps most of the site from the cache builds only what changed into
the fresh folder, and moves it into site/ where it stands (`standing_site`).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from peerkit.background_removal import left_behind, remove_in_background
from peerkit.interrupts import signals_held, stop_children
from peerkit.standing_site import StandingSite

log = logging.getLogger("mkdocs.peerkit")


def build_atomically(
    config: MkDocsConfig,
    site_dir: Path,
    skipping: bool = False,
    standing: StandingSite | None = None,
) -> bool:
    """Build into a fresh folder, then swap it in for ``site_dir`` if the build worked.

    ``skipping``: build with MkDocs' dirty mode, which writes every file of the fresh
    folder but those whose `File` says it is not modified: the pages the plugin takes
    from `peerkit build`'s cache (`page_cache`), already put in place.
    ``standing``: site/ as the last build left it, which the build's files may update
    where it stands, if the plugin keeps most of it (`standing_site`)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_folders(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=_prefix(site_dir, "new"), dir=site_dir.parent))
    staging.chmod(0o755)
    config.site_dir = str(staging)
    quiet = _FreshFolder()
    build_log = logging.getLogger(build.__module__)  # ProperDocs names its own
    build_log.addFilter(quiet)
    try:
        build(config, dirty=skipping)
    except MkDocsException as exc:
        # The plugin's on_build_error has stopped its background writer already.
        print(f"error: {exc}", file=sys.stderr)
        shutil.rmtree(staging, ignore_errors=True)
        return False
    except BaseException:
        _discard(staging)
        raise
    finally:
        build_log.removeFilter(quiet)
    if standing is None:
        _swap(staging, site_dir)
    elif not _update(standing, staging):
        return False
    print(f"Built the site in {site_dir}")
    return True


def _update(standing: StandingSite, staging: Path) -> bool:
    """Put the built site in place where it stands, else swap it in whole; whether the
    site is in place."""
    try:
        if standing.update(staging):
            return True
        if standing.root is not None:
            standing.complete(staging)
        _swap(staging, standing.site_dir)
        standing.record()
    except OSError as exc:
        # The manifest is gone: the next build makes the whole site afresh.
        print(f"error: putting the built site in {standing.site_dir}: {exc}", file=sys.stderr)
        shutil.rmtree(staging, ignore_errors=True)
        return False
    return True


class _FreshFolder(logging.Filter):
    """MkDocs warns that a dirty build leaves stale pages and links: not so in a fresh
    folder, where only the cache's own pages are passed over. (A warning would also
    stop a strict build.)"""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _prefix(site_dir: Path, kind: str) -> str:
    return f".{site_dir.name}-{kind}-{os.getpid()}-"


def _discard(staging: Path) -> None:
    """Interrupted: stop every process that may still write into ``staging``, then remove
    it. (MkDocs tells plugins of an Exception, never of Ctrl-C or SIGTERM.)"""
    stop_children()
    shutil.rmtree(staging, ignore_errors=True)


def remove_stale_folders(site_dir: Path) -> list[Path]:
    """Remove the half-built folders of earlier builds that were killed; those removed.

    A folder whose process still runs is another build's, and is left alone.
    """
    removed = []
    for kind in ("new", "old"):
        prefix = f".{site_dir.name}-{kind}-"
        for folder in left_behind(site_dir.parent, prefix, unnamed=True):
            if kind == "old":
                # A whole site a build replaced: its own removal may still be
                # running, and nothing waits for it.
                remove_in_background(folder)
            else:
                shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _swap(new: Path, site_dir: Path) -> None:
    """Replace site_dir by new with two renames, so the window without a site is tiny.

    Ctrl-C and SIGTERM wait until both renames are done: between them there is no site.
    """
    with signals_held():
        if site_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=_prefix(site_dir, "old"), dir=site_dir.parent))
            site_dir.rename(old / "site")
            new.rename(site_dir)
        else:
            old = None
            new.rename(site_dir)
    if old is not None:
        remove_in_background(old)
